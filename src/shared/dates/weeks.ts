// Weeks in a team's IANA zone: ISO weeks (Monday to Monday, wall clock) and a weekly moment
// such as "Friday 15:00". Pure functions of an instant; DST comes from the runtime's tz data.
import type { IsoWeekday } from './working-hours.js';
import { addDays, type CalendarDate, instantToZonedParts, zonedWallClockToInstant } from './zoned.js';

export interface IsoWeek {
  /** The ISO week-numbering year (1 Jan 2027 is in 2026-W53). */
  readonly year: number;
  readonly week: number;
}

/** A weekly moment in the team's zone: ISO weekday (Mon = 1) and minutes after local midnight. */
export interface WeeklyTime {
  readonly weekday: IsoWeekday;
  readonly minute: number;
}

const DAY_MS = 86_400_000;

function isoWeekdayOf(date: CalendarDate): number {
  const weekday = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

function localDate(instant: Date, timeZone: string): CalendarDate {
  const { year, month, day } = instantToZonedParts(instant, timeZone);
  return { year, month, day };
}

/** The ISO week of a calendar date: the week belongs to the year of its Thursday. */
export function isoWeekOfDate(date: CalendarDate): IsoWeek {
  const thursday = addDays(date, 4 - isoWeekdayOf(date));
  const jan1 = Date.UTC(thursday.year, 0, 1);
  const dayOfYear = Math.round((Date.UTC(thursday.year, thursday.month - 1, thursday.day) - jan1) / DAY_MS);
  return { year: thursday.year, week: Math.floor(dayOfYear / 7) + 1 };
}

/** The ISO week an instant falls in, by the team's wall clock (Sunday 23:30 in Warsaw is still that week). */
export function isoWeekOf(instant: Date, timeZone: string): IsoWeek {
  return isoWeekOfDate(localDate(instant, timeZone));
}

/** "2026-W05": sortable, and safe as part of a document id. */
export function isoWeekKey(week: IsoWeek): string {
  return `${week.year}-W${String(week.week).padStart(2, '0')}`;
}

/** Local midnight starting the Monday of the instant's ISO week, and the next Monday's (167–169 h apart across DST). */
export function isoWeekBounds(instant: Date, timeZone: string): { start: Date; end: Date } {
  const date = localDate(instant, timeZone);
  const monday = addDays(date, 1 - isoWeekdayOf(date));
  const at = (d: CalendarDate) => zonedWallClockToInstant({ ...d, hour: 0, minute: 0 }, timeZone);
  return { start: at(monday), end: at(addDays(monday, 7)) };
}

function momentOn(date: CalendarDate, minute: number, timeZone: string): Date {
  const hour = Math.floor(minute / 60);
  return zonedWallClockToInstant({ ...date, hour, minute: minute - hour * 60 }, timeZone);
}

/**
 * The latest instant at or before `now` when the team's clocks show `time` (e.g. the last Friday 15:00).
 * A time skipped by a DST jump resolves to the first instant after the gap; a repeated one to the earlier.
 */
export function weeklyMomentAtOrBefore(now: Date, time: WeeklyTime, timeZone: string): Date {
  const today = localDate(now, timeZone);
  const back = (isoWeekdayOf(today) - time.weekday + 7) % 7;
  const candidate = momentOn(addDays(today, -back), time.minute, timeZone);
  return candidate.getTime() <= now.getTime() ? candidate : momentOn(addDays(today, -back - 7), time.minute, timeZone);
}

/** The earliest instant strictly after `now` when the team's clocks show `time`. */
export function weeklyMomentAfter(now: Date, time: WeeklyTime, timeZone: string): Date {
  const today = localDate(now, timeZone);
  const ahead = (time.weekday - isoWeekdayOf(today) + 7) % 7;
  const candidate = momentOn(addDays(today, ahead), time.minute, timeZone);
  return candidate.getTime() > now.getTime() ? candidate : momentOn(addDays(today, ahead + 7), time.minute, timeZone);
}
