import { randomBytes } from 'node:crypto';
import type { Messages } from './i18n/index.js';

type ErrorKey = keyof Messages['errors'];
type ErrorText = string | ((...people: string[]) => string);

/** Something the user can fix or should know; shown to them in their language, never logged as a failure. */
export class UserFacingError extends Error {
  /** `people`: Slack user ids the message names (the owner who can do what was refused, say). */
  constructor(
    readonly key: ErrorKey,
    readonly people: readonly string[] = [],
  ) {
    super(key);
    this.name = 'UserFacingError';
  }

  /**
   * The message in the user's language. With `plainText` (a modal's error under a field, where a mention
   * would show raw) the people go unnamed and the catalogue says it without them.
   */
  render(messages: Messages, plainText = false): string {
    const text = messages.errors[this.key] as ErrorText;
    if (typeof text === 'string') return text;
    return plainText ? text() : text(...this.people.map((id) => `<@${id}>`));
  }
}

/** A short id a user can quote to an operator; the same id is in the log line. */
export function newErrorId(): string {
  return randomBytes(4).toString('hex');
}
