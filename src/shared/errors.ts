import { randomBytes } from 'node:crypto';
import type { Messages } from './i18n/index.js';

type ErrorKey = keyof Messages['errors'];

/** Something the user can fix or should know; shown to them in their language, never logged as a failure. */
export class UserFacingError extends Error {
  constructor(readonly key: ErrorKey) {
    super(key);
    this.name = 'UserFacingError';
  }

  render(messages: Messages): string {
    return messages.errors[this.key];
  }
}

/** A short id a user can quote to an operator; the same id is in the log line. */
export function newErrorId(): string {
  return randomBytes(4).toString('hex');
}
