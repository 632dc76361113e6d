import { describe, expect, it } from 'vitest';
import { addDays, addMonths, instantToZonedParts, isValidTimeZone, zonedWallClockToInstant, zoneOffsetMinutes } from '../../../src/shared/dates/zoned.js';

describe('isValidTimeZone', () => {
  it.each(['Europe/Warsaw', 'America/New_York', 'UTC', 'Asia/Kolkata', 'Australia/Sydney'])('accepts %s', (tz) => {
    expect(isValidTimeZone(tz)).toBe(true);
  });

  it.each(['', ' ', 'Mars/Olympus', 'Europe/Warsaww', 'not a zone', 'x'.repeat(500)])('rejects %j', (tz) => {
    expect(isValidTimeZone(tz)).toBe(false);
  });
});

describe('instantToZonedParts', () => {
  it('gives the wall clock and weekday in the zone', () => {
    const instant = new Date('2026-12-04T23:30:00Z');
    expect(instantToZonedParts(instant, 'Europe/Warsaw')).toEqual({
      year: 2026,
      month: 12,
      day: 5,
      hour: 0,
      minute: 30,
      weekday: 6,
    });
    expect(instantToZonedParts(instant, 'America/New_York')).toEqual({
      year: 2026,
      month: 12,
      day: 4,
      hour: 18,
      minute: 30,
      weekday: 5,
    });
    expect(instantToZonedParts(instant, 'Asia/Kolkata')).toEqual({
      year: 2026,
      month: 12,
      day: 5,
      hour: 5,
      minute: 0,
      weekday: 6,
    });
  });

  it('shows midnight as hour 0', () => {
    expect(instantToZonedParts(new Date('2026-06-01T00:00:00Z'), 'UTC').hour).toBe(0);
  });
});

describe('zonedWallClockToInstant', () => {
  it('uses the offset in force on the target day', () => {
    const winter = zonedWallClockToInstant({ year: 2026, month: 1, day: 15, hour: 10, minute: 0 }, 'Europe/Warsaw');
    const summer = zonedWallClockToInstant({ year: 2026, month: 7, day: 15, hour: 10, minute: 0 }, 'Europe/Warsaw');
    expect(winter.toISOString()).toBe('2026-01-15T09:00:00.000Z');
    expect(summer.toISOString()).toBe('2026-07-15T08:00:00.000Z');
  });

  it('moves a time inside a spring-forward gap to the first valid instant', () => {
    const warsaw = zonedWallClockToInstant({ year: 2026, month: 3, day: 29, hour: 2, minute: 30 }, 'Europe/Warsaw');
    expect(warsaw.toISOString()).toBe('2026-03-29T01:00:00.000Z'); // 03:00 CEST
    const newYork = zonedWallClockToInstant({ year: 2026, month: 3, day: 8, hour: 2, minute: 0 }, 'America/New_York');
    expect(newYork.toISOString()).toBe('2026-03-08T07:00:00.000Z'); // 03:00 EDT
  });

  it('picks the earlier occurrence of a repeated fall-back time', () => {
    const warsaw = zonedWallClockToInstant({ year: 2026, month: 10, day: 25, hour: 2, minute: 30 }, 'Europe/Warsaw');
    expect(warsaw.toISOString()).toBe('2026-10-25T00:30:00.000Z'); // 02:30 CEST, not CET
    const newYork = zonedWallClockToInstant({ year: 2026, month: 11, day: 1, hour: 1, minute: 30 }, 'America/New_York');
    expect(newYork.toISOString()).toBe('2026-11-01T05:30:00.000Z'); // 01:30 EDT
  });

  it('keeps the wall clock for "the same time a day later" across spring-forward, in both hemispheres', () => {
    // Saturday 12:00 in Warsaw (CET) + one calendar day = Sunday 12:00 CEST, an hour less later (a zoned add would say 13:00).
    const saturday = { year: 2026, month: 3, day: 28, hour: 12, minute: 0 };
    const sunday = zonedWallClockToInstant({ ...addDays(saturday, 1), hour: 12, minute: 0 }, 'Europe/Warsaw');
    expect(sunday.toISOString()).toBe('2026-03-29T10:00:00.000Z');
    expect(sunday.getTime() - zonedWallClockToInstant(saturday, 'Europe/Warsaw').getTime()).toBe(23 * 3_600_000);
    // Sydney falls back on 5 April 2026: that day has 25 hours.
    const before = zonedWallClockToInstant({ year: 2026, month: 4, day: 4, hour: 12, minute: 0 }, 'Australia/Sydney');
    const after = zonedWallClockToInstant({ ...addDays({ year: 2026, month: 4, day: 4 }, 1), hour: 12, minute: 0 }, 'Australia/Sydney');
    expect(after.getTime() - before.getTime()).toBe(25 * 3_600_000);
  });

  it('rolls calendar dates over month and year ends, clamping a month later to the month length', () => {
    expect(addDays({ year: 2026, month: 12, day: 31 }, 1)).toEqual({ year: 2027, month: 1, day: 1 });
    expect(addDays({ year: 2028, month: 3, day: 1 }, -1)).toEqual({ year: 2028, month: 2, day: 29 });
    expect(addMonths({ year: 2027, month: 1, day: 31 }, 1)).toEqual({ year: 2027, month: 2, day: 28 });
    expect(addMonths({ year: 2026, month: 11, day: 30 }, 3)).toEqual({ year: 2027, month: 2, day: 28 });
  });

  it('handles half-hour offsets and the southern hemisphere', () => {
    const kolkata = zonedWallClockToInstant({ year: 2026, month: 5, day: 1, hour: 9, minute: 0 }, 'Asia/Kolkata');
    expect(kolkata.toISOString()).toBe('2026-05-01T03:30:00.000Z');
    const sydney = zonedWallClockToInstant({ year: 2026, month: 1, day: 1, hour: 9, minute: 0 }, 'Australia/Sydney');
    expect(sydney.toISOString()).toBe('2025-12-31T22:00:00.000Z'); // AEDT +11
  });

  it('round-trips through instantToZonedParts', () => {
    for (const tz of ['Europe/Warsaw', 'America/New_York', 'Asia/Kolkata', 'Australia/Sydney', 'UTC']) {
      const wall = { year: 2026, month: 11, day: 20, hour: 14, minute: 45 };
      const back = instantToZonedParts(zonedWallClockToInstant(wall, tz), tz);
      expect({ ...back, weekday: undefined }).toEqual({ ...wall, weekday: undefined });
    }
  });
});

describe('zoneOffsetMinutes', () => {
  it('reports the zone offset at an instant', () => {
    expect(zoneOffsetMinutes(new Date('2026-01-15T12:00:00Z'), 'Europe/Warsaw')).toBe(60);
    expect(zoneOffsetMinutes(new Date('2026-07-15T12:00:00Z'), 'America/New_York')).toBe(-240);
    expect(zoneOffsetMinutes(new Date('2026-07-15T12:00:00Z'), 'Asia/Kolkata')).toBe(330);
  });
});
