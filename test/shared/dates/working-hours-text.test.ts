// The text forms a lead types and reads: `/kept hours Mon-Fri 09:00-18:00` and `/kept recap Fri 15:00`, in English
// and Polish, with the edges a person hits: 24:00, am/pm, reversed day ranges, stray spaces, Sunday-first weeks.
import { describe, expect, it } from 'vitest';
import { addWorkingDay, isWithinWorkingHours, latestWorkingMomentAtOrBefore, nextWorkingMomentAtOrAfter } from '../../../src/shared/dates/working-hours.js';
import { formatWeekdayTime, formatWorkingHours, parseWorkingHours } from '../../../src/shared/dates/working-hours-text.js';
import type { WorkingHours } from '../../../src/shared/workspace/workspace-settings.js';

const WEEKDAYS: WorkingHours = { days: [1, 2, 3, 4, 5], startMinute: 9 * 60, endMinute: 18 * 60 };
const hoursOf = (text: string) => {
  const parsed = parseWorkingHours(text);
  return parsed.ok ? parsed.hours : parsed.error;
};

describe('parseWorkingHours', () => {
  it('reads day lists and ranges with any spacing, dots and separators', () => {
    expect(hoursOf('  Mon  -  Fri   09:00 - 18:00 ')).toEqual(WEEKDAYS);
    expect(hoursOf('mon,tue;thu 8:30-16:30')).toEqual({ days: [1, 2, 4], startMinute: 510, endMinute: 990 });
    expect(hoursOf('pn.-pt. 9-17')).toEqual({ days: [1, 2, 3, 4, 5], startMinute: 540, endMinute: 1020 });
    expect(hoursOf('Mon Wed  Fri 9.30 to 17.15')).toEqual({ days: [1, 3, 5], startMinute: 570, endMinute: 1035 });
  });

  it('reads 24:00 as the end of the day only, and am/pm on a 12-hour clock', () => {
    expect(hoursOf('Mon-Fri 16:00-24:00')).toEqual({ days: [1, 2, 3, 4, 5], startMinute: 960, endMinute: 1440 });
    expect(hoursOf('Mon-Fri 24:00-23:00')).toBe('times');
    expect(hoursOf('Mon-Fri 9:00-24:30')).toBe('times');
    expect(hoursOf('Mon-Fri 9:00-25:00')).toBe('times');
    expect(hoursOf('Mon-Fri 9am-5pm')).toEqual({ days: [1, 2, 3, 4, 5], startMinute: 540, endMinute: 1020 });
    expect(hoursOf('Mon-Fri 12am-12pm')).toEqual({ days: [1, 2, 3, 4, 5], startMinute: 0, endMinute: 720 });
    expect(hoursOf('Mon-Fri 1am-1pm')).toEqual({ days: [1, 2, 3, 4, 5], startMinute: 60, endMinute: 780 });
    expect(hoursOf('Mon-Fri 0am-5pm')).toBe('times');
    expect(hoursOf('Mon-Fri 9am-13pm')).toBe('times');
    expect(hoursOf('Mon-Fri 9:59-18:00')).toEqual({ days: [1, 2, 3, 4, 5], startMinute: 599, endMinute: 1080 });
    expect(hoursOf('Mon-Fri 9:60-18:00')).toBe('times');
  });

  it('refuses reversed and impossible day ranges, unknown days, missing times and an end before the start', () => {
    expect(hoursOf('Fri-Mon 09:00-18:00')).toBe('days');
    expect(hoursOf('Sat-Tue 09:00-18:00')).toBe('days');
    expect(hoursOf('Mon-Fri-Sun 09:00-18:00')).toBe('days');
    expect(hoursOf('Mon- 09:00-18:00')).toBe('days');
    expect(hoursOf('Someday 09:00-18:00')).toBe('days');
    expect(hoursOf('09:00-18:00')).toBe('days');
    expect(hoursOf('Mon-Fri')).toBe('times');
    expect(hoursOf('Mon-Fri 9')).toBe('times');
    expect(hoursOf('Mon-Fri 18:00-09:00')).toBe('order');
    expect(hoursOf('Mon-Fri 09:00-09:00')).toBe('order');
  });

  it('lets a range start or end on Sunday', () => {
    expect(hoursOf('Sun-Thu 09:00-17:00')).toEqual({ days: [1, 2, 3, 4, 7], startMinute: 540, endMinute: 1020 });
    expect(hoursOf('Mon-Sun 09:00-17:00')).toEqual({ days: [1, 2, 3, 4, 5, 6, 7], startMinute: 540, endMinute: 1020 });
    expect(hoursOf('nd 10-14')).toEqual({ days: [7], startMinute: 600, endMinute: 840 });
  });
});

describe('formatWorkingHours', () => {
  it('writes runs of three days or more as a range and the rest with commas, in each language', () => {
    expect(formatWorkingHours(WEEKDAYS, 'en')).toBe('Mon–Fri 09:00–18:00');
    expect(formatWorkingHours(WEEKDAYS, 'pl')).toBe('pon.–pt. 09:00–18:00');
    expect(formatWorkingHours({ days: [1, 2, 4, 5], startMinute: 510, endMinute: 990 }, 'en')).toBe('Mon, Tue, Thu, Fri 08:30–16:30');
    expect(formatWorkingHours({ days: [1, 2, 3, 5, 6, 7], startMinute: 0, endMinute: 1440 }, 'en')).toBe('Mon–Wed, Fri–Sun 00:00–24:00');
  });

  it('keeps a Sunday-to-Thursday week one range, drops repeated or unknown days, and shows bare times with no day', () => {
    expect(formatWorkingHours({ days: [7, 1, 2, 3, 4], startMinute: 540, endMinute: 1020 }, 'en')).toBe('Sun–Thu 09:00–17:00');
    expect(formatWorkingHours({ days: [1, 1, 2, 9 as never, 0 as never], startMinute: 540, endMinute: 1020 }, 'en')).toBe('Mon, Tue 09:00–17:00');
    expect(formatWorkingHours({ days: [], startMinute: 540, endMinute: 1020 }, 'en')).toBe('09:00–17:00');
  });
});

describe('formatWeekdayTime', () => {
  it('write the day short in the workspace language and the time on 24 hours', () => {
    expect(formatWeekdayTime({ weekday: 5, minute: 900 }, 'en')).toBe('Fri 15:00');
    expect(formatWeekdayTime({ weekday: 5, minute: 905 }, 'pl')).toBe('pt. 15:05');
    expect(formatWeekdayTime({ weekday: 7, minute: 0 }, 'en')).toBe('Sun 00:00');
  });
});

describe('instants that are not dates', () => {
  it('are never within working hours', () => {
    expect(isWithinWorkingHours(new Date(Number.NaN), WEEKDAYS, 'Europe/Warsaw')).toBe(false);
    expect(latestWorkingMomentAtOrBefore(new Date(Number.NaN), WEEKDAYS, 'Europe/Warsaw')).toBeUndefined();
    expect(nextWorkingMomentAtOrAfter(new Date(Number.NaN), WEEKDAYS, 'Europe/Warsaw')).toBeUndefined();
    expect(addWorkingDay(new Date(Number.NaN), WEEKDAYS, 'Europe/Warsaw')).toBeUndefined();
  });
});
