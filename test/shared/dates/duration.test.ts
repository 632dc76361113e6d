import { describe, expect, it } from 'vitest';
import { formatDuration, spokenDuration, spokenEvery } from '../../../src/shared/dates/duration.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe('spokenDuration in Polish', () => {
  it.each([
    // od + genitive
    [DAY + 2 * HOUR, 'genitive', '1 dnia i 2 godzin'],
    [HOUR, 'genitive', 'godziny'],
    [3 * HOUR, 'genitive', '3 godzin'],
    [5 * DAY, 'genitive', '5 dni'],
    [15 * MIN, 'genitive', '15 minut'],
    [MIN, 'genitive', 'minuty'],
    // po + locative
    [DAY + HOUR, 'locative', '1 dniu i 1 godzinie'],
    [3 * DAY, 'locative', '3 dniach'],
    [HOUR, 'locative', 'godzinie'],
    [2 * HOUR + 5 * MIN, 'locative', '2 godzinach i 5 minutach'],
    // za / co / przez / temu + accusative
    [HOUR, 'accusative', 'godzinę'],
    [DAY, 'accusative', 'dzień'],
    [2 * HOUR, 'accusative', '2 godziny'],
    [22 * HOUR, 'accusative', '22 godziny'],
    [21 * MIN, 'accusative', '21 minut'],
    // after a colon
    [3 * DAY + 17 * HOUR, 'nominative', '3 dni i 17 godzin'],
    [HOUR, 'nominative', '1 godzina'],
  ] as const)('writes %d ms in the %s as %j', (ms, grammaticalCase, expected) => {
    expect(spokenDuration(ms, 'pl', grammaticalCase)).toBe(expected);
  });
});

describe('spokenDuration in English', () => {
  it('writes words, and an article for a lone one', () => {
    expect(spokenDuration(HOUR, 'en', 'accusative')).toBe('an hour');
    expect(spokenDuration(DAY, 'en', 'accusative')).toBe('a day');
    expect(spokenDuration(17 * HOUR + 59 * MIN, 'en', 'accusative')).toBe('17 hours and 59 minutes');
    expect(spokenDuration(3 * DAY + 17 * HOUR, 'en')).toBe('3 days and 17 hours');
    expect(spokenDuration(HOUR, 'en')).toBe('1 hour');
  });
});

describe('spokenEvery', () => {
  it.each([
    [HOUR, 'pl', 'co godzinę'],
    [4 * HOUR, 'pl', 'co 4 godziny'],
    [30 * MIN, 'pl', 'co 30 minut'],
    [DAY, 'pl', 'codziennie'],
    [2 * DAY, 'pl', 'co 2 dni'],
    [HOUR, 'en', 'every hour'],
    [4 * HOUR, 'en', 'every 4 hours'],
    [DAY, 'en', 'every day'],
  ] as const)('says %d ms in %s as %j', (ms, locale, expected) => {
    expect(spokenEvery(ms, locale)).toBe(expected);
  });
});

describe('formatDuration (tables, after a colon)', () => {
  it.each([
    [2 * DAY + 3 * HOUR, 'en', '2 d 3 h'],
    [45 * MIN, 'en', '45 min'],
    [HOUR + 5 * MIN, 'en', '1 h 5 min'],
    [DAY, 'en', '1 d'],
    [0, 'en', '0 min'],
    [-90 * MIN, 'en', '1 h 30 min'],
    [2 * DAY + 3 * HOUR, 'pl', '2 dni 3 godz.'],
    [DAY + HOUR, 'pl', '1 dzień 1 godz.'],
    [Number.NaN, 'pl', '0 min'],
  ] as const)('writes %d ms in %s as %j', (ms, locale, expected) => {
    expect(formatDuration(ms, locale)).toBe(expected);
  });
});
