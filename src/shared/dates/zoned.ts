// Wall-clock ↔ instant conversion for IANA time zones, built on Intl so DST rules
// come from the runtime's tz database rather than from a fixed offset.

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
  const weekday = new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay();
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
  // Normalise out-of-range fields (e.g. day 32) through UTC arithmetic first.
  const normal = new Date(Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute));
  const wall: WallClock = {
    year: normal.getUTCFullYear(),
    month: normal.getUTCMonth() + 1,
    day: normal.getUTCDate(),
    hour: normal.getUTCHours(),
    minute: normal.getUTCMinutes(),
  };
  const wallMs = normal.getTime();
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

/** Calendar arithmetic on a plain date (no zone involved). */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Adds months, clamping the day to the target month's length (31 Jan + 1 month → 28/29 Feb). */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const first = new Date(Date.UTC(date.year, date.month - 1 + months, 1));
  const year = first.getUTCFullYear();
  const month = first.getUTCMonth() + 1;
  return { year, month, day: Math.min(date.day, daysInMonth(year, month)) };
}

export function isValidCalendarDate(year: number, month: number, day: number): boolean {
  return Number.isInteger(year) && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}
