import { addDays, instantToZonedParts, zonedWallClockToInstant } from './zoned.js';

export interface Week {
  /** Monday 00:00 in the zone. */
  readonly start: Date;
  /** The next Monday 00:00 in the zone (exclusive); 167, 168 or 169 hours later across DST. */
  readonly end: Date;
}

/** The ISO week (Monday to Sunday) that contains `instant`, on the wall clock of `timeZone`. */
export function isoWeekContaining(instant: Date, timeZone: string): Week {
  const p = instantToZonedParts(instant, timeZone);
  const sinceMonday = (p.weekday + 6) % 7;
  const monday = addDays({ year: p.year, month: p.month, day: p.day }, -sinceMonday);
  const nextMonday = addDays(monday, 7);
  return {
    start: zonedWallClockToInstant({ ...monday, hour: 0, minute: 0 }, timeZone),
    end: zonedWallClockToInstant({ ...nextMonday, hour: 0, minute: 0 }, timeZone),
  };
}
