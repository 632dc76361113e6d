import { describe, expect, it } from 'vitest';
import { formatDateTime, formatDuration, formatRelative } from '../../../src/shared/dates/format.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe('formatDateTime', () => {
  const instant = new Date('2026-12-04T14:00:00Z');

  it('writes English with a 24-hour clock in the given zone', () => {
    expect(formatDateTime(instant, { timeZone: 'Europe/Warsaw', locale: 'en' })).toBe('Fri 4 Dec 2026, 15:00');
    expect(formatDateTime(instant, { timeZone: 'America/New_York', locale: 'en' })).toBe('Fri 4 Dec 2026, 09:00');
  });

  it('writes Polish with a 24-hour clock in the given zone', () => {
    expect(formatDateTime(instant, { timeZone: 'Europe/Warsaw', locale: 'pl' })).toBe('pt., 4 gru 2026, 15:00');
    expect(formatDateTime(instant, { timeZone: 'Asia/Kolkata', locale: 'pl' })).toBe('pt., 4 gru 2026, 19:30');
  });

  it('keeps English month names to three letters', () => {
    const september = new Date('2026-09-07T08:05:00Z');
    expect(formatDateTime(september, { timeZone: 'UTC', locale: 'en' })).toBe('Mon 7 Sep 2026, 08:05');
  });

  it('falls back to UTC for an unknown zone instead of throwing', () => {
    expect(formatDateTime(instant, { timeZone: 'Mars/Olympus', locale: 'en' })).toBe('Fri 4 Dec 2026, 14:00');
  });

  it('shows the date on the other side of midnight when the zone is ahead', () => {
    const late = new Date('2026-12-04T23:30:00Z');
    expect(formatDateTime(late, { timeZone: 'Australia/Sydney', locale: 'en' })).toBe('Sat 5 Dec 2026, 10:30');
  });
});

describe('formatRelative', () => {
  const now = new Date('2026-12-02T09:30:00Z');
  const at = (ms: number) => new Date(now.getTime() + ms);

  it.each([
    [3 * HOUR, 'en', 'in 3 hours'],
    [-2 * DAY, 'en', '2 days ago'],
    [45 * MIN, 'en', 'in 45 minutes'],
    [-5 * MIN, 'en', '5 minutes ago'],
    [47 * HOUR, 'en', 'in 47 hours'],
    [49 * HOUR, 'en', 'in 2 days'],
    [10 * DAY, 'en', 'in 10 days'],
    [0, 'en', 'now'],
    [3 * HOUR, 'pl', 'za 3 godziny'],
    [-2 * DAY, 'pl', '2 dni temu'],
    [30 * MIN, 'pl', 'za 30 minut'],
    [-5 * HOUR, 'pl', '5 godzin temu'],
    [0, 'pl', 'teraz'],
  ] as const)('writes %d ms in %s as %j', (offset, locale, expected) => {
    expect(formatRelative(at(offset), now, locale)).toBe(expected);
  });
});

describe('formatDuration', () => {
  it.each([
    [2 * DAY + 3 * HOUR, 'en', '2 d 3 h'],
    [45 * MIN, 'en', '45 min'],
    [HOUR + 5 * MIN, 'en', '1 h 5 min'],
    [3 * HOUR, 'en', '3 h'],
    [DAY, 'en', '1 d'],
    [2 * DAY + 3 * HOUR + 20 * MIN, 'en', '2 d 3 h'],
    [0, 'en', '0 min'],
    [-90 * MIN, 'en', '1 h 30 min'],
    [2 * DAY + 3 * HOUR, 'pl', '2 dni 3 godz.'],
    [DAY + HOUR, 'pl', '1 dzień 1 godz.'],
    [45 * MIN, 'pl', '45 min'],
    [HOUR + 5 * MIN, 'pl', '1 godz. 5 min'],
    [Number.NaN, 'pl', '0 min'],
  ] as const)('writes %d ms in %s as %j', (ms, locale, expected) => {
    expect(formatDuration(ms, locale)).toBe(expected);
  });
});
