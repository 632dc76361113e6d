// Working-hours rules in a team's IANA zone, with wall-clock semantics: a period is
// startMinute–endMinute local time on each working day, whatever the UTC offset that day.
import { addDays, type CalendarDate, instantToZonedParts, weekdayOf, zonedWallClockToInstant } from './zoned.js';

/** Mon=1 … Sun=7 (ISO weekday). */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface WorkingHours {
  readonly days: readonly IsoWeekday[];
  /** Minutes after local midnight. */
  readonly startMinute: number;
  readonly endMinute: number;
}

/**
 * Working hours with the days off that interrupt them (public holidays, company days off). Plans are
 * made with a calendar; the plain `WorkingHours` stored in the settings is a calendar with no days off.
 */
export interface WorkCalendar extends WorkingHours {
  readonly isDayOff?: (date: CalendarDate) => boolean;
}

/**
 * Every weekday recurs within 7 days, so 8 calendar days (today + 7) suffice without days off; with
 * them, far enough to pass the longest run of holidays and company days off (a few weeks at most).
 */
const SEARCH_DAYS = 8;
const SEARCH_DAYS_WITH_DAYS_OFF = 64;
const searchDays = (hours: WorkCalendar) => (hours.isDayOff ? SEARCH_DAYS_WITH_DAYS_OFF : SEARCH_DAYS);

function isWorkingDay(date: CalendarDate, hours: WorkCalendar): boolean {
  return hours.days.includes(isoWeekdayOf(date) as IsoWeekday) && !hours.isDayOff?.(date);
}
const MINUTE_MS = 60_000;

interface Period {
  readonly start: Date;
  readonly end: Date;
}

function isoWeekdayOf(date: CalendarDate): number {
  const weekday = weekdayOf(date);
  return weekday === 0 ? 7 : weekday;
}

function atMinuteOfDay(date: CalendarDate, minuteOfDay: number, timeZone: string): Date {
  // 24:00 (1440) normalises to the next day's midnight inside zonedWallClockToInstant.
  const hour = Math.floor(minuteOfDay / 60);
  return zonedWallClockToInstant({ ...date, hour, minute: minuteOfDay - hour * 60 }, timeZone);
}

/** The working period on a local date, or undefined (not a working day, or no time left after DST). */
function periodOn(date: CalendarDate, hours: WorkCalendar, timeZone: string): Period | undefined {
  if (!isWorkingDay(date, hours)) return undefined;
  const start = atMinuteOfDay(date, hours.startMinute, timeZone);
  const end = atMinuteOfDay(date, hours.endMinute, timeZone);
  return start.getTime() < end.getTime() ? { start, end } : undefined;
}

function localDate(instant: Date, timeZone: string): CalendarDate {
  const { year, month, day } = instantToZonedParts(instant, timeZone);
  return { year, month, day };
}

const isInvalid = (instant: Date): boolean => Number.isNaN(instant.getTime());

/** True when the instant falls in a working period of that zone: a working day and startMinute <= local minute-of-day < endMinute. */
export function isWithinWorkingHours(instant: Date, hours: WorkCalendar, timeZone: string): boolean {
  if (isInvalid(instant)) return false;
  const parts = instantToZonedParts(instant, timeZone);
  const minuteOfDay = parts.hour * 60 + parts.minute;
  const isoWeekday = parts.weekday === 0 ? 7 : parts.weekday;
  if (!hours.days.includes(isoWeekday as IsoWeekday) || minuteOfDay < hours.startMinute || minuteOfDay >= hours.endMinute) return false;
  return !hours.isDayOff?.(parts);
}

/** `instant` if within working hours; otherwise the end of the previous working period. Undefined when there are no periods. */
export function latestWorkingMomentAtOrBefore(instant: Date, hours: WorkCalendar, timeZone: string): Date | undefined {
  if (isInvalid(instant)) return undefined;
  if (isWithinWorkingHours(instant, hours, timeZone)) return instant;
  const today = localDate(instant, timeZone);
  for (let back = 0; back < searchDays(hours); back++) {
    const period = periodOn(addDays(today, -back), hours, timeZone);
    if (period && period.end.getTime() <= instant.getTime()) return period.end;
  }
  return undefined;
}

/** `instant` if within working hours; otherwise the start of the next working period. Undefined when there are no periods. */
export function nextWorkingMomentAtOrAfter(instant: Date, hours: WorkCalendar, timeZone: string): Date | undefined {
  if (isInvalid(instant)) return undefined;
  if (isWithinWorkingHours(instant, hours, timeZone)) return instant;
  const today = localDate(instant, timeZone);
  for (let ahead = 0; ahead < searchDays(hours); ahead++) {
    const period = periodOn(addDays(today, ahead), hours, timeZone);
    if (period && period.start.getTime() >= instant.getTime()) return period.start;
  }
  return undefined;
}

/**
 * One working day later. An instant outside hours first moves to the next period start
 * (Fri 20:00 → Mon 09:00), then goes to the next working day at the same local time
 * (→ Tue 09:00), moved into hours again in case DST or a gap pushed it out. Days off are
 * skipped as weekends are (Thu 24 Dec 10:00 with 25–26 Dec off → Mon 28 Dec 10:00).
 */
export function addWorkingDay(instant: Date, hours: WorkCalendar, timeZone: string): Date | undefined {
  const from = nextWorkingMomentAtOrAfter(instant, hours, timeZone);
  if (!from) return undefined;
  const parts = instantToZonedParts(from, timeZone);
  const subMinuteMs = ((from.getTime() % MINUTE_MS) + MINUTE_MS) % MINUTE_MS;
  for (let ahead = 1; ahead < searchDays(hours); ahead++) {
    const date = addDays(parts, ahead);
    if (!isWorkingDay(date, hours)) continue;
    const sameTime = zonedWallClockToInstant({ ...date, hour: parts.hour, minute: parts.minute }, timeZone);
    return nextWorkingMomentAtOrAfter(new Date(sameTime.getTime() + subMinuteMs), hours, timeZone);
  }
  return undefined;
}
