import { describe, expect, it } from 'vitest';
import { formatDateTime, formatDayRange, formatMoment, formatRelative } from '../../../src/shared/dates/format.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const now = new Date('2026-12-01T09:30:00Z');

describe('formatDateTime', () => {
  const instant = new Date('2026-12-04T15:00:00Z');

  it('writes a date this year as people write it: weekday, day, month, time, no year', () => {
    expect(formatDateTime(instant, { timeZone: 'Europe/Warsaw', locale: 'en', now })).toBe('Fri 4 Dec at 16:00');
    expect(formatDateTime(instant, { timeZone: 'America/New_York', locale: 'en', now })).toBe('Fri 4 Dec at 10:00');
  });

  it('writes Polish with the month in the genitive, never the nominative', () => {
    expect(formatDateTime(instant, { timeZone: 'Europe/Warsaw', locale: 'pl', now })).toBe('pt. 4 grudnia, 16:00');
    expect(formatDateTime(new Date('2026-05-08T13:00:00Z'), { timeZone: 'Europe/Warsaw', locale: 'pl', now })).toBe('pt. 8 maja, 15:00');
    expect(formatDateTime(instant, { timeZone: 'Asia/Kolkata', locale: 'pl', now })).toBe('pt. 4 grudnia, 20:30');
  });

  it('says the year only when it is not this year (in the reader’s zone)', () => {
    const nextYear = new Date('2027-01-08T08:00:00Z');
    expect(formatDateTime(nextYear, { timeZone: 'UTC', locale: 'en', now })).toBe('Fri 8 Jan 2027 at 08:00');
    expect(formatDateTime(nextYear, { timeZone: 'UTC', locale: 'pl', now })).toBe('pt. 8 stycznia 2027, 08:00');
    const newYearsEve = new Date('2026-12-31T23:30:00Z');
    expect(formatDateTime(new Date('2027-01-01T00:30:00Z'), { timeZone: 'Europe/Warsaw', locale: 'en', now: newYearsEve })).toBe('Fri 1 Jan at 01:30');
  });

  it('keeps English month names to three letters', () => {
    const september = new Date('2026-09-07T08:05:00Z');
    expect(formatDateTime(september, { timeZone: 'UTC', locale: 'en', now })).toBe('Mon 7 Sep at 08:05');
  });

  it('falls back to UTC for an unknown zone instead of throwing', () => {
    expect(formatDateTime(instant, { timeZone: 'Mars/Olympus', locale: 'en', now })).toBe('Fri 4 Dec at 15:00');
  });

  it('shows the date on the other side of midnight when the zone is ahead', () => {
    const late = new Date('2026-12-04T23:30:00Z');
    expect(formatDateTime(late, { timeZone: 'Australia/Sydney', locale: 'en', now })).toBe('Sat 5 Dec at 10:30');
  });
});

describe('formatDayRange', () => {
  const range = (a: string, b: string, locale: 'en' | 'pl') =>
    formatDayRange(new Date(a), new Date(b), { timeZone: 'Europe/Warsaw', locale, now: new Date('2026-05-08T12:00:00Z') });

  it('writes a week inside one month once: 4–8 May / 4–8 maja', () => {
    expect(range('2026-05-04T08:00:00Z', '2026-05-08T13:00:00Z', 'en')).toBe('4–8 May');
    expect(range('2026-05-04T08:00:00Z', '2026-05-08T13:00:00Z', 'pl')).toBe('4–8 maja');
  });

  it('names both months across a month end, and both years across a year end', () => {
    expect(range('2026-04-28T08:00:00Z', '2026-05-02T08:00:00Z', 'pl')).toBe('28 kwietnia – 2 maja');
    expect(range('2026-12-28T08:00:00Z', '2027-01-01T08:00:00Z', 'en')).toBe('28 Dec 2026 – 1 Jan 2027');
  });
});

describe('formatMoment', () => {
  const at = (iso: string, locale: 'en' | 'pl') => formatMoment(new Date(iso), { timeZone: 'Europe/Warsaw', locale, now });

  it('says a time later today as just the time, with its preposition', () => {
    expect(at('2026-12-01T11:30:00Z', 'en')).toBe('at 12:30');
    expect(at('2026-12-01T11:30:00Z', 'pl')).toBe('o 12:30');
  });

  it('says tomorrow, and a later day with its weekday', () => {
    expect(at('2026-12-02T08:00:00Z', 'en')).toBe('tomorrow at 09:00');
    expect(at('2026-12-02T08:00:00Z', 'pl')).toBe('jutro o 09:00');
    expect(at('2026-12-04T15:00:00Z', 'en')).toBe('on Fri 4 Dec at 16:00');
    expect(at('2026-12-04T15:00:00Z', 'pl')).toBe('w piątek 4 grudnia o 16:00');
    expect(at('2026-12-08T15:00:00Z', 'pl')).toBe('we wtorek 8 grudnia o 16:00');
  });
});

describe('formatRelative', () => {
  const from = (ms: number) => new Date(now.getTime() + ms);

  it.each([
    [3 * HOUR, 'en', 'in 3 hours'],
    [-2 * DAY, 'en', '2 days ago'],
    [45 * MIN, 'en', 'in 45 minutes'],
    [-5 * MIN, 'en', '5 minutes ago'],
    [HOUR, 'en', 'in an hour'],
    [58 * MIN, 'en', 'in an hour'],
    [-HOUR, 'en', 'an hour ago'],
    [MIN, 'en', 'in a minute'],
    [47 * HOUR, 'en', 'in 47 hours'],
    [49 * HOUR, 'en', 'in 2 days'],
    [10 * DAY, 'en', 'in 10 days'],
    [0, 'en', 'now'],
    [3 * HOUR, 'pl', 'za 3 godziny'],
    [HOUR, 'pl', 'za godzinę'],
    [-HOUR, 'pl', 'godzinę temu'],
    [MIN, 'pl', 'za minutę'],
    [22 * HOUR, 'pl', 'za 22 godziny'],
    [-2 * DAY, 'pl', '2 dni temu'],
    [30 * MIN, 'pl', 'za 30 minut'],
    [-5 * HOUR, 'pl', '5 godzin temu'],
    [0, 'pl', 'teraz'],
  ] as const)('writes %d ms in %s as %j', (offset, locale, expected) => {
    expect(formatRelative(from(offset), now, locale)).toBe(expected);
  });
});
