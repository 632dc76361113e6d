import { instantToZonedParts, zonedWallClockToInstant } from './zoned.js';

export interface Month {
  /** The 1st, 00:00 in the zone. */
  readonly start: Date;
  /** The next month's 1st, 00:00 in the zone (exclusive). */
  readonly end: Date;
}

/** The calendar month that contains `instant`, on the wall clock of `timeZone`. */
export function calendarMonthContaining(instant: Date, timeZone: string): Month {
  const p = instantToZonedParts(instant, timeZone);
  const next = p.month === 12 ? { year: p.year + 1, month: 1 } : { year: p.year, month: p.month + 1 };
  return {
    start: zonedWallClockToInstant({ year: p.year, month: p.month, day: 1, hour: 0, minute: 0 }, timeZone),
    end: zonedWallClockToInstant({ ...next, day: 1, hour: 0, minute: 0 }, timeZone),
  };
}
