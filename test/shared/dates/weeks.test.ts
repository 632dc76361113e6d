import { describe, expect, it } from 'vitest';
import { isoWeekBounds, isoWeekKey, isoWeekOf, isoWeekOfDate, weeklyMomentAfter, weeklyMomentAtOrBefore } from '../../../src/shared/dates/weeks.js';

const WARSAW = 'Europe/Warsaw';
const FRIDAY_1500 = { weekday: 5, minute: 15 * 60 } as const;
const iso = (d: Date) => d.toISOString();

describe('ISO weeks in the team time zone', () => {
  it('keeps a story told at 23:30 on Sunday in Warsaw in that week, though UTC has the same Sunday', () => {
    // Sunday 6 Dec 2026, 23:30 in Warsaw = 22:30 UTC: ISO week 49.
    expect(isoWeekKey(isoWeekOf(new Date('2026-12-06T22:30:00Z'), WARSAW))).toBe('2026-W49');
  });

  it('puts 00:30 on Monday in Warsaw in the new week, while UTC still says Sunday', () => {
    const instant = new Date('2026-12-06T23:30:00Z');
    expect(isoWeekKey(isoWeekOf(instant, WARSAW))).toBe('2026-W50');
    expect(isoWeekKey(isoWeekOf(instant, 'UTC'))).toBe('2026-W49');
  });

  it('numbers weeks around the new year by their Thursday', () => {
    expect(isoWeekKey(isoWeekOfDate({ year: 2026, month: 12, day: 31 }))).toBe('2026-W53');
    expect(isoWeekKey(isoWeekOfDate({ year: 2027, month: 1, day: 3 }))).toBe('2026-W53');
    expect(isoWeekKey(isoWeekOfDate({ year: 2027, month: 1, day: 4 }))).toBe('2027-W01');
    expect(isoWeekKey(isoWeekOfDate({ year: 2024, month: 12, day: 30 }))).toBe('2025-W01');
    expect(isoWeekKey(isoWeekOfDate({ year: 2021, month: 1, day: 3 }))).toBe('2020-W53');
  });

  it('starts weeks at local midnight on Monday, 167 h long when clocks spring forward and 169 h when they fall back', () => {
    const spring = isoWeekBounds(new Date('2026-03-25T12:00:00Z'), WARSAW);
    expect(iso(spring.start)).toBe('2026-03-22T23:00:00.000Z');
    expect(iso(spring.end)).toBe('2026-03-29T22:00:00.000Z');
    expect((spring.end.getTime() - spring.start.getTime()) / 3_600_000).toBe(167);
    const autumn = isoWeekBounds(new Date('2026-10-21T12:00:00Z'), WARSAW);
    expect((autumn.end.getTime() - autumn.start.getTime()) / 3_600_000).toBe(169);
  });
});

describe('a weekly moment on the team clock', () => {
  it('finds the last Friday 15:00 at or before now, and the next one strictly after', () => {
    const friday = new Date('2026-12-04T14:00:00Z'); // 15:00 in Warsaw
    expect(iso(weeklyMomentAtOrBefore(friday, FRIDAY_1500, WARSAW))).toBe(iso(friday));
    expect(iso(weeklyMomentAtOrBefore(new Date('2026-12-04T13:59:00Z'), FRIDAY_1500, WARSAW))).toBe('2026-11-27T14:00:00.000Z');
    expect(iso(weeklyMomentAfter(friday, FRIDAY_1500, WARSAW))).toBe('2026-12-11T14:00:00.000Z');
    expect(iso(weeklyMomentAfter(new Date('2026-12-01T09:00:00Z'), FRIDAY_1500, WARSAW))).toBe(iso(friday));
  });

  it('keeps 15:00 local across a DST change: 14:00 UTC in winter, 13:00 UTC in summer', () => {
    expect(iso(weeklyMomentAfter(new Date('2026-03-28T00:00:00Z'), FRIDAY_1500, WARSAW))).toBe('2026-04-03T13:00:00.000Z');
    expect(iso(weeklyMomentAtOrBefore(new Date('2026-04-03T12:59:00Z'), FRIDAY_1500, WARSAW))).toBe('2026-03-27T14:00:00.000Z');
  });

  it('moves a time the clocks skip to the end of the gap, and takes the first of a time they repeat', () => {
    const sunday0230 = { weekday: 7, minute: 150 } as const;
    // 29 Mar 2026: 02:00 → 03:00 in Warsaw; 02:30 does not exist.
    expect(iso(weeklyMomentAfter(new Date('2026-03-28T12:00:00Z'), sunday0230, WARSAW))).toBe('2026-03-29T01:00:00.000Z');
    // 25 Oct 2026: 03:00 → 02:00; 02:30 happens twice, first at 00:30 UTC.
    expect(iso(weeklyMomentAfter(new Date('2026-10-24T12:00:00Z'), sunday0230, WARSAW))).toBe('2026-10-25T00:30:00.000Z');
  });
});
