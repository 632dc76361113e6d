import { describe, expect, it } from 'vitest';
import { type Locale, parseDueDate } from '../../../src/shared/dates/parse-due.js';

type Row = [text: string, locale: Locale, now: string, zone: string, expectedUtc: string];

// Expected instants are written in UTC so they are checked independently of the zone code.
const rows: Row[] = [
  // Warsaw springs forward on Sun 29 Mar 2026 at 02:00 (+01:00 → +02:00). Asked Sat 13:00 CET.
  ['tomorrow 10:00', 'en', '2026-03-28T12:00:00Z', 'Europe/Warsaw', '2026-03-29T08:00:00.000Z'],
  ['jutro o 10', 'pl', '2026-03-28T12:00:00Z', 'Europe/Warsaw', '2026-03-29T08:00:00.000Z'],
  ['tomorrow', 'en', '2026-03-28T12:00:00Z', 'Europe/Warsaw', '2026-03-29T15:00:00.000Z'],
  ['Monday 9am', 'en', '2026-03-28T12:00:00Z', 'Europe/Warsaw', '2026-03-30T07:00:00.000Z'],
  ['w poniedziałek o 9', 'pl', '2026-03-28T12:00:00Z', 'Europe/Warsaw', '2026-03-30T07:00:00.000Z'],
  // 02:30 does not exist that night: the first valid instant is 03:00 CEST.
  ['tomorrow 02:30', 'en', '2026-03-28T12:00:00Z', 'Europe/Warsaw', '2026-03-29T01:00:00.000Z'],
  ['jutro 02:30', 'pl', '2026-03-28T12:00:00Z', 'Europe/Warsaw', '2026-03-29T01:00:00.000Z'],
  // A duration is exact elapsed time: 24 h later reads 14:00 on the clock, not 13:00.
  ['in 24 hours', 'en', '2026-03-28T12:00:00Z', 'Europe/Warsaw', '2026-03-29T12:00:00.000Z'],
  ['za 24 godziny', 'pl', '2026-03-28T12:00:00Z', 'Europe/Warsaw', '2026-03-29T12:00:00.000Z'],
  // Warsaw falls back on Sun 25 Oct 2026 at 03:00 (+02:00 → +01:00). Asked Sat 14:00 CEST.
  ['jutro 10:00', 'pl', '2026-10-24T12:00:00Z', 'Europe/Warsaw', '2026-10-25T09:00:00.000Z'],
  ['tomorrow 10:00', 'en', '2026-10-24T12:00:00Z', 'Europe/Warsaw', '2026-10-25T09:00:00.000Z'],
  // 02:30 happens twice: the earlier (CEST) one is chosen.
  ['tomorrow 02:30', 'en', '2026-10-24T12:00:00Z', 'Europe/Warsaw', '2026-10-25T00:30:00.000Z'],
  ['za 24 godziny', 'pl', '2026-10-24T12:00:00Z', 'Europe/Warsaw', '2026-10-25T12:00:00.000Z'],
  ['koniec tygodnia', 'pl', '2026-10-24T12:00:00Z', 'Europe/Warsaw', '2026-10-30T16:00:00.000Z'],
  // New York springs forward on Sun 8 Mar 2026 at 02:00 (-05:00 → -04:00). Asked Sat 12:00 EST.
  ['tomorrow 10:00', 'en', '2026-03-07T17:00:00Z', 'America/New_York', '2026-03-08T14:00:00.000Z'],
  ['tomorrow 02:30', 'en', '2026-03-07T17:00:00Z', 'America/New_York', '2026-03-08T07:00:00.000Z'],
  ['jutro 17:00', 'pl', '2026-03-07T17:00:00Z', 'America/New_York', '2026-03-08T21:00:00.000Z'],
  ['EOD tomorrow', 'en', '2026-03-07T17:00:00Z', 'America/New_York', '2026-03-08T21:00:00.000Z'],
  // New York falls back on Sun 1 Nov 2026 at 02:00 (-04:00 → -05:00). Asked Sat 13:00 EDT.
  ['tomorrow 10:00', 'en', '2026-10-31T17:00:00Z', 'America/New_York', '2026-11-01T15:00:00.000Z'],
  ['tomorrow 01:30', 'en', '2026-10-31T17:00:00Z', 'America/New_York', '2026-11-01T05:30:00.000Z'],
  ['Monday 9am', 'en', '2026-10-31T17:00:00Z', 'America/New_York', '2026-11-02T14:00:00.000Z'],
  ['in 2 days', 'en', '2026-10-31T17:00:00Z', 'America/New_York', '2026-11-02T22:00:00.000Z'],
  // Sydney springs forward on Sun 4 Oct 2026 at 02:00 (+10:00 → +11:00). Asked Sat 12:00 AEST.
  ['tomorrow 10:00', 'en', '2026-10-03T02:00:00Z', 'Australia/Sydney', '2026-10-03T23:00:00.000Z'],
  ['jutro 02:30', 'pl', '2026-10-03T02:00:00Z', 'Australia/Sydney', '2026-10-03T16:00:00.000Z'],
];

describe('parseDueDate across daylight-saving changes', () => {
  it.each(rows)('reads %j (%s, now %s, %s) with the offset of the target day', (text, locale, now, zone, expected) => {
    const parsed = parseDueDate(text, { now: new Date(now), timeZone: zone, locale });
    expect(parsed).not.toBeNull();
    expect(parsed!.dueAt.toISOString()).toBe(expected);
  });
});

describe('parseDueDate and dates in the past', () => {
  const now = new Date('2026-12-04T10:00:00Z'); // Friday

  it('returns an explicit full date in the past as written, for the caller to reject', () => {
    const parsed = parseDueDate('2020-01-01', { now, timeZone: 'UTC', locale: 'en' });
    expect(parsed!.dueAt.toISOString()).toBe('2020-01-01T17:00:00.000Z');
    const polish = parseDueDate('01.02.2025 10:00', { now, timeZone: 'UTC', locale: 'pl' });
    expect(polish!.dueAt.toISOString()).toBe('2025-02-01T10:00:00.000Z');
  });

  it('keeps an explicit "today" at an hour already gone', () => {
    const parsed = parseDueDate('today 9:00', { now, timeZone: 'UTC', locale: 'en' });
    expect(parsed!.dueAt.toISOString()).toBe('2026-12-04T09:00:00.000Z');
  });

  it('moves a weekday whose time has passed to next week', () => {
    const parsed = parseDueDate('Friday 9am', { now, timeZone: 'UTC', locale: 'en' });
    expect(parsed!.dueAt.toISOString()).toBe('2026-12-11T09:00:00.000Z');
    const polish = parseDueDate('w piątek o 9', { now, timeZone: 'UTC', locale: 'pl' });
    expect(polish!.dueAt.toISOString()).toBe('2026-12-11T09:00:00.000Z');
  });

  it('moves a time that has passed today to tomorrow', () => {
    const parsed = parseDueDate('at 9:30', { now, timeZone: 'UTC', locale: 'en' });
    expect(parsed!.dueAt.toISOString()).toBe('2026-12-05T09:30:00.000Z');
  });

  it('reads a day and month already gone this year as next year', () => {
    const parsed = parseDueDate('1 grudnia', { now, timeZone: 'UTC', locale: 'pl' });
    expect(parsed!.dueAt.toISOString()).toBe('2027-12-01T17:00:00.000Z');
    const english = parseDueDate('3 Dec', { now, timeZone: 'UTC', locale: 'en' });
    expect(english!.dueAt.toISOString()).toBe('2027-12-03T17:00:00.000Z');
  });

  it('rejects impossible dates', () => {
    expect(parseDueDate('31.02.2027', { now, timeZone: 'UTC', locale: 'pl' })).toBeNull();
    expect(parseDueDate('2027-13-01', { now, timeZone: 'UTC', locale: 'en' })).toBeNull();
  });

  it('waits for a leap year for 29 February without a year', () => {
    const parsed = parseDueDate('29.02', { now, timeZone: 'UTC', locale: 'pl' });
    expect(parsed!.dueAt.toISOString()).toBe('2028-02-29T17:00:00.000Z');
  });
});
