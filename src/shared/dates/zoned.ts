// Wall-clock ↔ instant conversion for IANA time zones; DST rules come from the runtime's tz database.
//
// dayjs (utc + timezone plugins) does the calendar arithmetic: days and months added, month lengths,
// weekdays, rolling day 32 over. The zone conversions stay here, for three reasons measured or tested:
// - a zoned dayjs `.add(1, 'day')` keeps the old offset across a DST change (Saturday 12:00 plus a day on
//   spring-forward Sunday gives 13:00), so "a day later" is calendar arithmetic on the date (`addDays`)
//   followed by `zonedWallClockToInstant`;
// - `dayjs.tz('… 02:30', zone)` reads a skipped time by shifting it by the gap (03:30, not Kept's 03:00)
//   and a repeated one as its later occurrence (Kept takes the earlier), and checking its answer doubled
//   the cost of planning a promise (`bench/calendar-bench.ts`);
// - instant → wall clock uses one cached Intl formatter per zone: dayjs's `.tz()` formats through
//   `toLocaleString` on every call, about 20× slower (same bench), and working hours convert dozens of
//   times per promise planned.
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';

dayjs.extend(utc);

export interface WallClock {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
}

export interface ZonedParts extends WallClock {
  weekday: number; // 0 = Sunday … 6 = Saturday
}

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function isValidTimeZone(tz: string): boolean {
  if (typeof tz !== 'string' || tz.trim() === '' || tz.length > 100) return false;
  try {
    formatterFor(tz);
    return true;
  } catch {
    return false;
  }
}

interface FullParts extends WallClock {
  second: number;
}

function partsAt(epochMs: number, timeZone: string): FullParts {
  const out: Record<string, number> = {};
  let bc = false;
  for (const part of formatterFor(timeZone).formatToParts(new Date(epochMs))) {
    if (part.type === 'era') bc = part.value.startsWith('B');
    else if (part.type !== 'literal') out[part.type] = Number(part.value);
  }
  const year = out.year ?? 1970;
  return {
    year: bc ? 1 - year : year,
    month: out.month ?? 1,
    day: out.day ?? 1,
    hour: (out.hour ?? 0) % 24,
    minute: out.minute ?? 0,
    second: out.second ?? 0,
  };
}

/** Offset of the zone from UTC at the given instant, in minutes (Warsaw in winter: 60). */
export function zoneOffsetMinutes(instant: Date, timeZone: string): number {
  const ms = Math.floor(instant.getTime() / 1000) * 1000;
  const p = partsAt(ms, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - ms) / MINUTE_MS);
}

export function instantToZonedParts(instant: Date, timeZone: string): ZonedParts {
  const p = partsAt(instant.getTime(), timeZone);
  const weekday = weekdayOf(p);
  return { year: p.year, month: p.month, day: p.day, hour: p.hour, minute: p.minute, weekday };
}

function sameWallClock(epochMs: number, wall: WallClock, timeZone: string): boolean {
  const p = partsAt(epochMs, timeZone);
  return p.year === wall.year && p.month === wall.month && p.day === wall.day && p.hour === wall.hour && p.minute === wall.minute;
}

/**
 * The instant at which the zone's clocks show `parts`. A time skipped by a DST jump
 * resolves to the first instant after the gap (02:30 on spring-forward day → 03:00);
 * a time that occurs twice resolves to the earlier occurrence.
 */
export function zonedWallClockToInstant(parts: WallClock, timeZone: string): Date {
  // Out-of-range fields (day 32, hour 24) roll over on the calendar first.
  const normal = dayjs.utc(Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute));
  const wall: WallClock = { year: normal.year(), month: normal.month() + 1, day: normal.date(), hour: normal.hour(), minute: normal.minute() };
  const wallMs = normal.valueOf();
  const offsetBefore = zoneOffsetMinutes(new Date(wallMs - DAY_MS), timeZone);
  const offsetAfter = zoneOffsetMinutes(new Date(wallMs + DAY_MS), timeZone);
  const candidates = [wallMs - offsetBefore * MINUTE_MS, wallMs - offsetAfter * MINUTE_MS]
    .filter((ms) => sameWallClock(ms, wall, timeZone))
    .sort((a, b) => a - b);
  if (candidates[0] !== undefined) return new Date(candidates[0]);
  // In a gap: find the transition instant between the two candidate instants.
  let lo = Math.min(wallMs - offsetBefore * MINUTE_MS, wallMs - offsetAfter * MINUTE_MS);
  let hi = Math.max(wallMs - offsetBefore * MINUTE_MS, wallMs - offsetAfter * MINUTE_MS);
  const offsetLo = zoneOffsetMinutes(new Date(lo), timeZone);
  while (hi - lo > MINUTE_MS) {
    const mid = lo + Math.floor((hi - lo) / 2 / MINUTE_MS) * MINUTE_MS;
    if (zoneOffsetMinutes(new Date(mid), timeZone) === offsetLo) lo = mid;
    else hi = mid;
  }
  return new Date(hi);
}

const calendarDay = (date: CalendarDate) => dayjs.utc(Date.UTC(date.year, date.month - 1, date.day));
const toCalendarDate = (d: dayjs.Dayjs): CalendarDate => ({ year: d.year(), month: d.month() + 1, day: d.date() });

/** Calendar arithmetic on a plain date (no zone involved). */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  return toCalendarDate(calendarDay(date).add(days, 'day'));
}

export function daysInMonth(year: number, month: number): number {
  return dayjs.utc(Date.UTC(year, month - 1, 1)).daysInMonth();
}

/** Adds months, clamping the day to the target month's length (31 Jan + 1 month → 28/29 Feb). */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  return toCalendarDate(calendarDay(date).add(months, 'month'));
}

/** 0 = Sunday … 6 = Saturday, as `Date.getDay`. */
export function weekdayOf(date: CalendarDate): number {
  return calendarDay(date).day();
}

export function isValidCalendarDate(year: number, month: number, day: number): boolean {
  return Number.isInteger(year) && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}
