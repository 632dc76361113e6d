// Plain calendar arithmetic for the grammar (no zone, no clock): nth weekdays, last days,
// weeks, and "the next such date". Every function takes the date it counts from.

import { MONTH_PART_LAST_DAY, WEEK_DEADLINE_WEEKDAY } from './due-rules.js';
import { addDays, addMonths, type CalendarDate, daysInMonth, isValidCalendarDate } from './zoned.js';

export type { CalendarDate } from './zoned.js';

export function weekdayOf(date: CalendarDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** Monday of the Mon–Sun week that holds `date`. */
export function mondayOf(date: CalendarDate): CalendarDate {
  return addDays(date, -((weekdayOf(date) + 6) % 7));
}

/** The given weekday (0 = Sunday) of the week `weeksAhead` weeks after the one holding `today`. */
export function weekdayInWeek(today: CalendarDate, weekday: number, weeksAhead: number): CalendarDate {
  return addDays(mondayOf(today), weeksAhead * 7 + ((weekday + 6) % 7));
}

/** The deadline day of a week: its Friday. */
export function weekDeadline(today: CalendarDate, weeksAhead: number): CalendarDate {
  return weekdayInWeek(today, WEEK_DEADLINE_WEEKDAY, weeksAhead);
}

/** The nth (1-based; -1 = last) weekday of a month, or undefined when there is no fifth one. */
export function nthWeekdayOfMonth(year: number, month: number, weekday: number, n: number): CalendarDate | undefined {
  if (n === -1) {
    const last = { year, month, day: daysInMonth(year, month) };
    return addDays(last, -((weekdayOf(last) - weekday + 7) % 7));
  }
  const first = { year, month, day: 1 };
  const date = addDays(first, ((weekday - weekdayOf(first) + 7) % 7) + (n - 1) * 7);
  return date.month === month ? date : undefined;
}

/** The Friday of the nth week (1-based; -1 = the week of the last Sunday) of a month: "the first week of October". */
export function fridayOfNthWeek(year: number, month: number, n: number): CalendarDate | undefined {
  const monday = n === -1 ? addDays(nthWeekdayOfMonth(year, month, 0, -1)!, -6) : nthWeekdayOfMonth(year, month, 1, n);
  return monday ? addDays(monday, 4) : undefined;
}

/**
 * The first year (this one or later) in which `build(year)` gives a date not before `today`; with
 * an explicit `year`, that year only. For "the last Friday of October", "3 March", "end of April".
 */
export function upcoming(today: CalendarDate, year: number | undefined, build: (year: number) => CalendarDate | undefined): CalendarDate | undefined {
  if (year !== undefined) return build(year);
  for (let y = today.year; y <= today.year + 8; y++) {
    const date = build(y);
    if (date && compareDates(date, today) >= 0) return date;
  }
  return undefined;
}

export function dateIfValid(year: number, month: number, day: number): CalendarDate | undefined {
  return isValidCalendarDate(year, month, day) ? { year, month, day } : undefined;
}

export function lastDayOfMonth(year: number, month: number): CalendarDate {
  return { year, month, day: daysInMonth(year, month) };
}

/** A month `monthsAhead` after today's. */
export function monthAhead(today: CalendarDate, monthsAhead: number): { year: number; month: number } {
  const d = addMonths({ ...today, day: 1 }, monthsAhead);
  return { year: d.year, month: d.month };
}

export type MonthPart = 'early' | 'mid' | 'late';

/** The deadline day of part of a month: early by the 10th, mid by the 20th, late and whole on the last day. */
export function monthPartDeadline(year: number, month: number, part: MonthPart | 'whole'): CalendarDate {
  if (part === 'early' || part === 'mid') return { year, month, day: MONTH_PART_LAST_DAY[part] };
  return lastDayOfMonth(year, month);
}

export { addDays, addMonths };
