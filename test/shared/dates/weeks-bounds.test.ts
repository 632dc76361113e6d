import { describe, expect, it } from 'vitest';
import { isoWeekBounds } from '../../../src/shared/dates/weeks.js';

describe('the ISO week containing an instant', () => {
  it("runs Monday 00:00 to the next Monday 00:00 on the zone's wall clock", () => {
    // Tuesday 1 December 2026, 09:00 UTC = 10:00 in Warsaw.
    const week = isoWeekBounds(new Date('2026-12-01T09:00:00Z'), 'Europe/Warsaw');
    expect(week.start.toISOString()).toBe('2026-11-29T23:00:00.000Z');
    expect(week.end.toISOString()).toBe('2026-12-06T23:00:00.000Z');
  });

  it('treats Sunday as the last day of the week, and Monday midnight as the first moment of the next', () => {
    const sunday = isoWeekBounds(new Date('2026-12-06T22:59:00Z'), 'Europe/Warsaw');
    expect(sunday.start.toISOString()).toBe('2026-11-29T23:00:00.000Z');
    const monday = isoWeekBounds(new Date('2026-12-06T23:00:00Z'), 'Europe/Warsaw');
    expect(monday.start.toISOString()).toBe('2026-12-06T23:00:00.000Z');
  });

  it('depends on the zone: the same instant is in different weeks in Warsaw and New York', () => {
    const instant = new Date('2026-12-07T02:00:00Z'); // Monday 03:00 in Warsaw, Sunday 21:00 in New York
    expect(isoWeekBounds(instant, 'Europe/Warsaw').start.toISOString()).toBe('2026-12-06T23:00:00.000Z');
    expect(isoWeekBounds(instant, 'America/New_York').start.toISOString()).toBe('2026-11-30T05:00:00.000Z');
  });

  it('is 167 hours long across the spring DST change and 169 across the autumn one', () => {
    const spring = isoWeekBounds(new Date('2026-03-25T12:00:00Z'), 'Europe/Warsaw');
    expect((spring.end.getTime() - spring.start.getTime()) / 3_600_000).toBe(167);
    const autumn = isoWeekBounds(new Date('2026-10-21T12:00:00Z'), 'Europe/Warsaw');
    expect((autumn.end.getTime() - autumn.start.getTime()) / 3_600_000).toBe(169);
  });

  it('spans the turn of the year', () => {
    const week = isoWeekBounds(new Date('2027-01-01T12:00:00Z'), 'UTC');
    expect(week.start.toISOString()).toBe('2026-12-28T00:00:00.000Z');
    expect(week.end.toISOString()).toBe('2027-01-04T00:00:00.000Z');
  });
});
