import { describe, expect, it } from 'vitest';
import {
  addWorkingDay,
  isWithinWorkingHours,
  latestWorkingMomentAtOrBefore,
  nextWorkingMomentAtOrAfter,
  type WorkCalendar,
} from '../../../src/shared/dates/working-hours.js';
import { formatWorkingHours, parseWorkingHours } from '../../../src/shared/dates/working-hours-text.js';
import type { IsoWeekday, WorkingHours } from '../../../src/shared/workspace/workspace-settings.js';

// Expected instants are written as ISO strings with explicit offsets (or in UTC), so they
// are checked independently of the zone code under test.
const OFFICE: WorkingHours = { days: [1, 2, 3, 4, 5], startMinute: 540, endMinute: 1080 }; // Mon–Fri 09–18
const SUN_THU: WorkingHours = { days: [7, 1, 2, 3, 4], startMinute: 540, endMinute: 1020 }; // Sun–Thu 09–17
const WEDNESDAYS: WorkingHours = { days: [3], startMinute: 540, endMinute: 1080 };
const NO_DAYS: WorkingHours = { days: [], startMinute: 540, endMinute: 1080 };
const EVERY_DAY: WorkingHours = { days: [1, 2, 3, 4, 5, 6, 7], startMinute: 540, endMinute: 1080 };

// Week of Mon 7 – Sun 13 Dec 2026; offsets are the December (winter / NZ summer) ones.
const ZONES: [zone: string, offset: string][] = [
  ['UTC', 'Z'],
  ['Europe/Warsaw', '+01:00'],
  ['America/New_York', '-05:00'],
  ['Asia/Kolkata', '+05:30'],
  ['Pacific/Auckland', '+13:00'],
];

const iso = (text: string): string => new Date(text).toISOString();
const at = (text: string): Date => new Date(text);

describe('isWithinWorkingHours', () => {
  describe.each(ZONES)('in %s', (zone, off) => {
    it('counts exactly 09:00 on a working day as within', () => {
      expect(isWithinWorkingHours(at(`2026-12-08T09:00:00${off}`), OFFICE, zone)).toBe(true);
    });

    it('counts the last minute before 18:00 as within', () => {
      expect(isWithinWorkingHours(at(`2026-12-08T17:59:59${off}`), OFFICE, zone)).toBe(true);
    });

    it('counts exactly 18:00 and anything before 09:00 as outside', () => {
      expect(isWithinWorkingHours(at(`2026-12-08T18:00:00${off}`), OFFICE, zone)).toBe(false);
      expect(isWithinWorkingHours(at(`2026-12-08T08:59:59${off}`), OFFICE, zone)).toBe(false);
    });

    it('counts a weekend midday as outside', () => {
      expect(isWithinWorkingHours(at(`2026-12-12T12:00:00${off}`), OFFICE, zone)).toBe(false);
    });
  });

  it('uses the local weekday, not the UTC one, across the date line', () => {
    // Monday 10:00 in Auckland is Sunday 21:00 UTC.
    const instant = at('2026-12-06T21:00:00Z');
    expect(isWithinWorkingHours(instant, OFFICE, 'Pacific/Auckland')).toBe(true);
    expect(isWithinWorkingHours(instant, OFFICE, 'UTC')).toBe(false);
  });

  it('uses the half-hour offset of Kolkata', () => {
    expect(isWithinWorkingHours(at('2026-12-08T03:30:00Z'), OFFICE, 'Asia/Kolkata')).toBe(true);
    expect(isWithinWorkingHours(at('2026-12-08T03:29:00Z'), OFFICE, 'Asia/Kolkata')).toBe(false);
  });

  it('keeps 09:00–18:00 local on the day Warsaw springs forward', () => {
    expect(isWithinWorkingHours(at('2026-03-29T09:00:00+02:00'), EVERY_DAY, 'Europe/Warsaw')).toBe(true);
    expect(isWithinWorkingHours(at('2026-03-29T08:59:00+02:00'), EVERY_DAY, 'Europe/Warsaw')).toBe(false);
    expect(isWithinWorkingHours(at('2026-03-29T18:00:00+02:00'), EVERY_DAY, 'Europe/Warsaw')).toBe(false);
  });

  it('follows a Sunday-to-Thursday week', () => {
    expect(isWithinWorkingHours(at('2026-12-13T10:00:00+01:00'), SUN_THU, 'Europe/Warsaw')).toBe(true);
    expect(isWithinWorkingHours(at('2026-12-11T10:00:00+01:00'), SUN_THU, 'Europe/Warsaw')).toBe(false);
  });

  it('is never true with no working days', () => {
    expect(isWithinWorkingHours(at('2026-12-08T10:00:00Z'), NO_DAYS, 'UTC')).toBe(false);
  });
});

describe('latestWorkingMomentAtOrBefore', () => {
  describe.each(ZONES)('in %s', (zone, off) => {
    const latest = (text: string) => latestWorkingMomentAtOrBefore(at(text), OFFICE, zone)?.toISOString();

    it('returns an instant inside working hours unchanged', () => {
      expect(latest(`2026-12-08T12:34:56${off}`)).toBe(iso(`2026-12-08T12:34:56${off}`));
      expect(latest(`2026-12-08T09:00:00${off}`)).toBe(iso(`2026-12-08T09:00:00${off}`));
    });

    it('moves a Sunday back to Friday 18:00', () => {
      expect(latest(`2026-12-13T10:00:00${off}`)).toBe(iso(`2026-12-11T18:00:00${off}`));
    });

    it('moves an early morning back to the previous working day at 18:00', () => {
      expect(latest(`2026-12-08T07:00:00${off}`)).toBe(iso(`2026-12-07T18:00:00${off}`));
    });

    it('moves an evening back to the same day at 18:00', () => {
      expect(latest(`2026-12-08T19:00:00${off}`)).toBe(iso(`2026-12-08T18:00:00${off}`));
    });

    it('answers exactly 18:00 with itself, the end of the period', () => {
      expect(latest(`2026-12-08T18:00:00${off}`)).toBe(iso(`2026-12-08T18:00:00${off}`));
    });
  });

  it('goes back to Friday in Auckland when it is still Sunday in UTC', () => {
    // Monday 07:00 NZDT = Sunday 18:00 UTC; the last period ended Friday 18:00 NZDT.
    expect(latestWorkingMomentAtOrBefore(at('2026-12-06T18:00:00Z'), OFFICE, 'Pacific/Auckland')?.toISOString()).toBe('2026-12-04T05:00:00.000Z');
  });

  it('uses the winter offset for the Friday before Warsaw springs forward', () => {
    expect(latestWorkingMomentAtOrBefore(at('2026-03-30T07:00:00+02:00'), OFFICE, 'Europe/Warsaw')?.toISOString()).toBe('2026-03-27T17:00:00.000Z');
  });

  it('uses the summer offset for the Friday before Warsaw falls back', () => {
    expect(latestWorkingMomentAtOrBefore(at('2026-10-25T12:00:00+01:00'), OFFICE, 'Europe/Warsaw')?.toISOString()).toBe('2026-10-23T16:00:00.000Z');
    expect(latestWorkingMomentAtOrBefore(at('2026-10-26T07:00:00+01:00'), OFFICE, 'Europe/Warsaw')?.toISOString()).toBe('2026-10-23T16:00:00.000Z');
  });

  it('uses the right offsets around both New York transitions', () => {
    expect(latestWorkingMomentAtOrBefore(at('2026-03-09T08:00:00-04:00'), OFFICE, 'America/New_York')?.toISOString()).toBe('2026-03-06T23:00:00.000Z');
    expect(latestWorkingMomentAtOrBefore(at('2026-11-02T08:00:00-05:00'), OFFICE, 'America/New_York')?.toISOString()).toBe('2026-10-30T22:00:00.000Z');
  });

  it('ends a period on the transition day itself at 18:00 local', () => {
    expect(latestWorkingMomentAtOrBefore(at('2026-03-29T20:00:00+02:00'), EVERY_DAY, 'Europe/Warsaw')?.toISOString()).toBe('2026-03-29T16:00:00.000Z');
    expect(latestWorkingMomentAtOrBefore(at('2026-03-29T07:00:00+02:00'), EVERY_DAY, 'Europe/Warsaw')?.toISOString()).toBe('2026-03-28T17:00:00.000Z');
    expect(latestWorkingMomentAtOrBefore(at('2026-11-01T20:00:00-05:00'), EVERY_DAY, 'America/New_York')?.toISOString()).toBe('2026-11-01T23:00:00.000Z');
  });

  it('goes back to Thursday 17:00 for a Sunday-to-Thursday week', () => {
    expect(latestWorkingMomentAtOrBefore(at('2026-12-11T10:00:00+01:00'), SUN_THU, 'Europe/Warsaw')?.toISOString()).toBe(iso('2026-12-10T17:00:00+01:00'));
    expect(latestWorkingMomentAtOrBefore(at('2026-12-12T10:00:00+01:00'), SUN_THU, 'Europe/Warsaw')?.toISOString()).toBe(iso('2026-12-10T17:00:00+01:00'));
  });

  it('goes back a whole week when the only working day has not started yet', () => {
    expect(latestWorkingMomentAtOrBefore(at('2026-12-09T08:00:00Z'), WEDNESDAYS, 'UTC')?.toISOString()).toBe('2026-12-02T18:00:00.000Z');
    expect(latestWorkingMomentAtOrBefore(at('2026-12-08T12:00:00Z'), WEDNESDAYS, 'UTC')?.toISOString()).toBe('2026-12-02T18:00:00.000Z');
  });

  it('returns undefined with no working days', () => {
    expect(latestWorkingMomentAtOrBefore(at('2026-12-08T20:00:00Z'), NO_DAYS, 'UTC')).toBeUndefined();
  });

  it('returns undefined when the end is not after the start', () => {
    const empty: WorkingHours = { days: [1, 2, 3, 4, 5], startMinute: 600, endMinute: 600 };
    expect(latestWorkingMomentAtOrBefore(at('2026-12-08T20:00:00Z'), empty, 'UTC')).toBeUndefined();
  });
});

describe('nextWorkingMomentAtOrAfter', () => {
  describe.each(ZONES)('in %s', (zone, off) => {
    const next = (text: string) => nextWorkingMomentAtOrAfter(at(text), OFFICE, zone)?.toISOString();

    it('returns an instant inside working hours unchanged, including exactly 09:00', () => {
      expect(next(`2026-12-08T09:00:00${off}`)).toBe(iso(`2026-12-08T09:00:00${off}`));
      expect(next(`2026-12-08T17:59:00${off}`)).toBe(iso(`2026-12-08T17:59:00${off}`));
    });

    it('moves a Saturday forward to Monday 09:00', () => {
      expect(next(`2026-12-12T10:00:00${off}`)).toBe(iso(`2026-12-14T09:00:00${off}`));
    });

    it('moves an early morning forward to 09:00 the same day', () => {
      expect(next(`2026-12-08T07:00:00${off}`)).toBe(iso(`2026-12-08T09:00:00${off}`));
    });

    it('moves an evening, and exactly 18:00, forward to the next day at 09:00', () => {
      expect(next(`2026-12-08T18:30:00${off}`)).toBe(iso(`2026-12-09T09:00:00${off}`));
      expect(next(`2026-12-08T18:00:00${off}`)).toBe(iso(`2026-12-09T09:00:00${off}`));
    });

    it('moves Friday 18:00 forward to Monday 09:00', () => {
      expect(next(`2026-12-11T18:00:00${off}`)).toBe(iso(`2026-12-14T09:00:00${off}`));
    });
  });

  it('starts the Auckland Monday while it is still Sunday in UTC', () => {
    // Monday 01:00 NZDT = Sunday 12:00 UTC → Monday 09:00 NZDT = Sunday 20:00 UTC.
    expect(nextWorkingMomentAtOrAfter(at('2026-12-06T12:00:00Z'), OFFICE, 'Pacific/Auckland')?.toISOString()).toBe('2026-12-06T20:00:00.000Z');
  });

  it('starts the Kolkata Monday at 03:30 UTC', () => {
    expect(nextWorkingMomentAtOrAfter(at('2026-12-12T10:00:00Z'), OFFICE, 'Asia/Kolkata')?.toISOString()).toBe('2026-12-14T03:30:00.000Z');
  });

  it('uses the new offset for the Monday after Warsaw falls back', () => {
    expect(nextWorkingMomentAtOrAfter(at('2026-10-24T12:00:00+02:00'), OFFICE, 'Europe/Warsaw')?.toISOString()).toBe('2026-10-26T08:00:00.000Z');
  });

  it('uses the new offset for the Monday after Warsaw springs forward', () => {
    expect(nextWorkingMomentAtOrAfter(at('2026-03-28T12:00:00+01:00'), OFFICE, 'Europe/Warsaw')?.toISOString()).toBe('2026-03-30T07:00:00.000Z');
  });

  it('uses the new offsets for the Mondays after both New York transitions', () => {
    expect(nextWorkingMomentAtOrAfter(at('2026-03-07T12:00:00-05:00'), OFFICE, 'America/New_York')?.toISOString()).toBe('2026-03-09T13:00:00.000Z');
    expect(nextWorkingMomentAtOrAfter(at('2026-10-31T12:00:00-04:00'), OFFICE, 'America/New_York')?.toISOString()).toBe('2026-11-02T14:00:00.000Z');
  });

  it('uses the new offset for the Monday after Auckland springs forward', () => {
    // NZ daylight time starts Sun 27 Sep 2026 (+12:00 → +13:00).
    expect(nextWorkingMomentAtOrAfter(at('2026-09-26T12:00:00+12:00'), OFFICE, 'Pacific/Auckland')?.toISOString()).toBe('2026-09-27T20:00:00.000Z');
  });

  it('starts a period on the transition day itself at 09:00 local', () => {
    expect(nextWorkingMomentAtOrAfter(at('2026-10-24T19:00:00+02:00'), EVERY_DAY, 'Europe/Warsaw')?.toISOString()).toBe('2026-10-25T08:00:00.000Z');
    expect(nextWorkingMomentAtOrAfter(at('2026-03-07T19:00:00-05:00'), EVERY_DAY, 'America/New_York')?.toISOString()).toBe('2026-03-08T13:00:00.000Z');
  });

  it('starts a period whose start time is skipped by DST at the first instant after the gap', () => {
    const night: WorkingHours = { days: EVERY_DAY.days, startMinute: 150, endMinute: 360 }; // 02:30–06:00
    expect(nextWorkingMomentAtOrAfter(at('2026-03-29T00:00:00+01:00'), night, 'Europe/Warsaw')?.toISOString()).toBe('2026-03-29T01:00:00.000Z');
  });

  it('moves a Friday forward to Sunday 09:00 for a Sunday-to-Thursday week', () => {
    expect(nextWorkingMomentAtOrAfter(at('2026-12-11T10:00:00+01:00'), SUN_THU, 'Europe/Warsaw')?.toISOString()).toBe(iso('2026-12-13T09:00:00+01:00'));
  });

  it('goes forward a whole week when the only working day has ended', () => {
    expect(nextWorkingMomentAtOrAfter(at('2026-12-09T18:00:00Z'), WEDNESDAYS, 'UTC')?.toISOString()).toBe('2026-12-16T09:00:00.000Z');
  });

  it('returns undefined with no working days', () => {
    expect(nextWorkingMomentAtOrAfter(at('2026-12-08T20:00:00Z'), NO_DAYS, 'UTC')).toBeUndefined();
  });
});

describe('addWorkingDay', () => {
  describe.each(ZONES)('in %s', (zone, off) => {
    const add = (text: string) => addWorkingDay(at(text), OFFICE, zone)?.toISOString();

    it('moves Friday afternoon to Monday at the same time', () => {
      expect(add(`2026-12-11T15:00:00${off}`)).toBe(iso(`2026-12-14T15:00:00${off}`));
      expect(add(`2026-12-11T17:59:00${off}`)).toBe(iso(`2026-12-14T17:59:00${off}`));
    });

    it('moves a midweek time to the next day at the same time', () => {
      expect(add(`2026-12-09T10:00:00${off}`)).toBe(iso(`2026-12-10T10:00:00${off}`));
    });

    it('first moves a Friday evening into hours, so it lands on Tuesday 09:00', () => {
      expect(add(`2026-12-11T20:00:00${off}`)).toBe(iso(`2026-12-15T09:00:00${off}`));
    });

    it('counts a weekend as Monday morning, so it lands on Tuesday 09:00', () => {
      expect(add(`2026-12-12T12:00:00${off}`)).toBe(iso(`2026-12-15T09:00:00${off}`));
    });

    it('counts an early morning as 09:00 that day', () => {
      expect(add(`2026-12-08T07:00:00${off}`)).toBe(iso(`2026-12-09T09:00:00${off}`));
    });
  });

  it('keeps seconds and milliseconds', () => {
    expect(addWorkingDay(at('2026-12-08T10:15:30.250Z'), OFFICE, 'UTC')?.toISOString()).toBe('2026-12-09T10:15:30.250Z');
  });

  it('keeps the local time when Warsaw springs forward over the weekend', () => {
    expect(addWorkingDay(at('2026-03-27T14:00:00Z'), OFFICE, 'Europe/Warsaw')?.toISOString()).toBe('2026-03-30T13:00:00.000Z');
  });

  it('keeps the local time when Warsaw falls back over the weekend', () => {
    expect(addWorkingDay(at('2026-10-23T13:00:00Z'), OFFICE, 'Europe/Warsaw')?.toISOString()).toBe('2026-10-26T14:00:00.000Z');
  });

  it('keeps the local time over both New York transitions', () => {
    expect(addWorkingDay(at('2026-03-06T20:00:00Z'), OFFICE, 'America/New_York')?.toISOString()).toBe('2026-03-09T19:00:00.000Z');
    expect(addWorkingDay(at('2026-10-30T19:00:00Z'), OFFICE, 'America/New_York')?.toISOString()).toBe('2026-11-02T20:00:00.000Z');
  });

  it('keeps the local time across a transition on a working Sunday', () => {
    // Saturday 10:00 CET → Sunday 10:00 CEST (the day Warsaw springs forward).
    expect(addWorkingDay(at('2026-03-28T09:00:00Z'), EVERY_DAY, 'Europe/Warsaw')?.toISOString()).toBe('2026-03-29T08:00:00.000Z');
  });

  it('moves Thursday to Sunday for a Sunday-to-Thursday week', () => {
    expect(addWorkingDay(at('2026-12-10T15:00:00+01:00'), SUN_THU, 'Europe/Warsaw')?.toISOString()).toBe(iso('2026-12-13T15:00:00+01:00'));
  });

  it('moves a single working day to the same day next week', () => {
    expect(addWorkingDay(at('2026-12-09T10:00:00Z'), WEDNESDAYS, 'UTC')?.toISOString()).toBe('2026-12-16T10:00:00.000Z');
  });

  it('returns undefined with no working days', () => {
    expect(addWorkingDay(at('2026-12-08T10:00:00Z'), NO_DAYS, 'UTC')).toBeUndefined();
  });
});

describe('parseWorkingHours', () => {
  type Row = [text: string, days: IsoWeekday[], startMinute: number, endMinute: number];
  const rows: Row[] = [
    ['Mon-Fri 09:00-18:00', [1, 2, 3, 4, 5], 540, 1080],
    ['Mon,Tue,Thu 8:30-16:30', [1, 2, 4], 510, 990],
    ['pn-pt 9-17', [1, 2, 3, 4, 5], 540, 1020],
    ['Sun-Thu 09:00-17:00', [1, 2, 3, 4, 7], 540, 1020],
    ['nd-czw 9-17', [1, 2, 3, 4, 7], 540, 1020],
    ['Mon–Fri 09:00–18:00', [1, 2, 3, 4, 5], 540, 1080],
    ['pon.–pt. 09:00–18:00', [1, 2, 3, 4, 5], 540, 1080],
    ['  MONDAY - friday   9:00 – 18:00 ', [1, 2, 3, 4, 5], 540, 1080],
    ['śr, pt 10-14', [3, 5], 600, 840],
    ['ŚR-CZW 8-16', [3, 4], 480, 960],
    ['sr, czw 8-16', [3, 4], 480, 960],
    ['sob-ndz 10:00-14:00', [6, 7], 600, 840],
    ['pon, wt, sb 7.30-15.30', [1, 2, 6], 450, 930],
    ['Wed 9-17', [3], 540, 1020],
    ['Mon-Sun 0:00-24:00', [1, 2, 3, 4, 5, 6, 7], 0, 1440],
    ['Fri, Mon-Wed 9-17', [1, 2, 3, 5], 540, 1020],
    ['Mon-Fri 9am-5pm', [1, 2, 3, 4, 5], 540, 1020],
    ['Tue 12am-12pm', [2], 0, 720],
    ['pn-pt 9 do 17', [1, 2, 3, 4, 5], 540, 1020],
  ];

  it.each(rows)('reads %j', (text, days, startMinute, endMinute) => {
    expect(parseWorkingHours(text)).toEqual({ ok: true, hours: { days, startMinute, endMinute } });
  });

  it.each(['9-17', '', 'Funday 9-17', 'Sat-Tue 09:00-17:00', 'Fri-Mon 9-17', 'Mon-Fri-Sat 9-17', 'Mon- 9-17', 'pn i pt 9-17'])(
    'rejects the days of %j',
    (text) => {
      expect(parseWorkingHours(text)).toEqual({ ok: false, error: 'days' });
    },
  );

  it.each([
    'Mon-Fri',
    'Mon-Fri 25:00-26:00',
    'Mon-Fri 9:60-17:00',
    'Mon-Fri 9-',
    'Mon-Fri 24:00-24:30',
    'Mon-Fri 13pm-5pm',
    'Mon-Fri 9:00-18:00 extra',
    'Mon-Fri 9:5-17',
  ])('rejects the times of %j', (text) => {
    expect(parseWorkingHours(text)).toEqual({ ok: false, error: 'times' });
  });

  it.each(['Mon-Fri 18:00-09:00', 'Mon-Fri 9-9', 'pn-pt 22-6'])('rejects %j because the end is not after the start', (text) => {
    expect(parseWorkingHours(text)).toEqual({ ok: false, error: 'order' });
  });
});

describe('formatWorkingHours', () => {
  type Row = [days: IsoWeekday[], start: number, end: number, en: string, pl: string];
  const rows: Row[] = [
    [[1, 2, 3, 4, 5], 540, 1080, 'Mon–Fri 09:00–18:00', 'pon.–pt. 09:00–18:00'],
    [[1, 3, 5], 540, 1020, 'Mon, Wed, Fri 09:00–17:00', 'pon., śr., pt. 09:00–17:00'],
    [[1, 2, 4], 510, 990, 'Mon, Tue, Thu 08:30–16:30', 'pon., wt., czw. 08:30–16:30'],
    [[7, 1, 2, 3, 4], 540, 1020, 'Sun–Thu 09:00–17:00', 'niedz.–czw. 09:00–17:00'],
    [[3], 540, 1020, 'Wed 09:00–17:00', 'śr. 09:00–17:00'],
    [[1, 2, 3, 4, 5, 6, 7], 0, 1440, 'Mon–Sun 00:00–24:00', 'pon.–niedz. 00:00–24:00'],
    [[1, 2, 3, 5, 6], 480, 960, 'Mon–Wed, Fri, Sat 08:00–16:00', 'pon.–śr., pt., sob. 08:00–16:00'],
    [[5, 6, 7], 600, 840, 'Fri–Sun 10:00–14:00', 'pt.–niedz. 10:00–14:00'],
    [[6, 7], 600, 840, 'Sat, Sun 10:00–14:00', 'sob., niedz. 10:00–14:00'],
    [[5, 1, 3, 1], 540, 1020, 'Mon, Wed, Fri 09:00–17:00', 'pon., śr., pt. 09:00–17:00'],
  ];

  it.each(rows)('writes %j %i–%i in English and Polish', (days, startMinute, endMinute, en, pl) => {
    const hours: WorkingHours = { days, startMinute, endMinute };
    expect(formatWorkingHours(hours, 'en')).toBe(en);
    expect(formatWorkingHours(hours, 'pl')).toBe(pl);
  });

  it.each(rows)('reads back what it wrote for %j %i–%i in both languages', (days, startMinute, endMinute) => {
    const hours: WorkingHours = { days, startMinute, endMinute };
    const normalised = { days: [...new Set(days)].sort((a, b) => a - b), startMinute, endMinute };
    for (const locale of ['en', 'pl'] as const) {
      expect(parseWorkingHours(formatWorkingHours(hours, locale))).toEqual({ ok: true, hours: normalised });
    }
  });

  it.each(['Mon-Fri 09:00-18:00', 'pn-pt 9-17', 'Sun-Thu 8:30-16:30', 'śr, pt 10-14', 'sob-ndz 10-14'])(
    'writes the same hours again after reading %j',
    (text) => {
      const first = parseWorkingHours(text);
      if (!first.ok) throw new Error(`did not parse ${text}`);
      for (const locale of ['en', 'pl'] as const) {
        const again = parseWorkingHours(formatWorkingHours(first.hours, locale));
        expect(again).toEqual(first);
      }
    },
  );
});

describe('working hours with days off', () => {
  // Thursday 24 and Friday 25 December 2026 are days off; the weekend follows.
  const daysOff = new Set(['2026-12-24', '2026-12-25']);
  const calendar: WorkCalendar = {
    days: [1, 2, 3, 4, 5],
    startMinute: 9 * 60,
    endMinute: 18 * 60,
    isDayOff: (d) => daysOff.has(`${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`),
  };
  const zone = 'Europe/Warsaw';

  it('is outside working hours all day on a day off', () => {
    expect(isWithinWorkingHours(new Date('2026-12-24T10:00:00Z'), calendar, zone)).toBe(false);
    expect(isWithinWorkingHours(new Date('2026-12-23T10:00:00Z'), calendar, zone)).toBe(true);
  });

  it('moves forward past the days off and the weekend, and back to the last working day before them', () => {
    expect(nextWorkingMomentAtOrAfter(new Date('2026-12-24T10:00:00Z'), calendar, zone)?.toISOString()).toBe('2026-12-28T08:00:00.000Z');
    expect(latestWorkingMomentAtOrBefore(new Date('2026-12-27T10:00:00Z'), calendar, zone)?.toISOString()).toBe('2026-12-23T17:00:00.000Z');
    expect(addWorkingDay(new Date('2026-12-23T10:00:00Z'), calendar, zone)?.toISOString()).toBe('2026-12-28T10:00:00.000Z');
  });
});
