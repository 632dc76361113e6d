import { formatDate, formatDateTime, formatMoment, formatRelative, formatTime } from './dates/format.js';
import type { Messages } from './i18n/index.js';

/** Who a message is rendered for: their language, their time zone, and the moment of rendering. */
export interface Viewer {
  readonly m: Messages;
  readonly timeZone: string;
  readonly now: Date;
}

/** "Fri 4 Dec at 16:00" / "pt. 4 grudnia, 16:00" in the viewer's zone; the year only when it is not this year. */
export function formatWhen(viewer: Viewer, instant: Date): string {
  return formatDateTime(instant, { timeZone: viewer.timeZone, locale: viewer.m.locale, now: viewer.now });
}

/** For a sentence: "at 16:00", "tomorrow at 09:00", "on Fri 4 Dec at 16:00" / "o 16:00", "jutro o 09:00". */
export function formatAt(viewer: Viewer, instant: Date): string {
  return formatMoment(instant, { timeZone: viewer.timeZone, locale: viewer.m.locale, now: viewer.now });
}

export function formatFromNow(viewer: Viewer, instant: Date): string {
  return formatRelative(instant, viewer.now, viewer.m.locale);
}

/**
 * The viewer's time, and the other person's when their clock says something else:
 * "Thu 3 Dec at 04:00 your time · 10:00 for <@U1>". Same clock: just "Thu 3 Dec at 04:00".
 */
export function formatWhenFor(viewer: Viewer, instant: Date, person: { mention: string; timeZone: string | undefined }): string {
  const mine = formatWhen(viewer, instant);
  if (!person.timeZone || person.timeZone === viewer.timeZone) return mine;
  const theirs = { timeZone: person.timeZone, locale: viewer.m.locale, now: viewer.now };
  const sameClock = formatDateTime(instant, theirs) === formatDateTime(instant, { ...theirs, timeZone: viewer.timeZone });
  if (sameClock) return mine;
  const sameDay = formatDate(instant, theirs) === formatDate(instant, { ...theirs, timeZone: viewer.timeZone });
  const theirTime = sameDay ? formatTime(instant, person.timeZone) : formatDateTime(instant, theirs);
  return viewer.m.common.time_pair(mine, theirTime, person.mention);
}
