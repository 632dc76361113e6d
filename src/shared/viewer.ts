import { formatDateTime, formatRelative } from './dates/format.js';
import type { Messages } from './i18n/index.js';

/** Who a message is rendered for: their language, their time zone, and the moment of rendering. */
export interface Viewer {
  readonly m: Messages;
  readonly timeZone: string;
  readonly now: Date;
}

export function formatWhen(viewer: Viewer, instant: Date): string {
  return formatDateTime(instant, { timeZone: viewer.timeZone, locale: viewer.m.locale });
}

export function formatFromNow(viewer: Viewer, instant: Date): string {
  return formatRelative(instant, viewer.now, viewer.m.locale);
}
