import { describe, expect, it } from 'vitest';
import { type Locale, parseDueDate } from '../../../src/shared/dates/parse-due.js';

// Tuesday 1 December 2026, 10:00 in Warsaw.
const NOW = new Date('2026-12-01T09:00:00Z');
const read = (text: string, locale: Locale = 'en', now = NOW) => parseDueDate(text, { now, timeZone: 'Europe/Warsaw', locale });

describe('two plausible readings', () => {
  it('offers both Thursdays for "next Thursday" said on a Tuesday, next week’s first', () => {
    const parsed = read('call them next Thursday');
    expect(parsed!.dueAt.toISOString()).toBe('2026-12-10T16:00:00.000Z');
    expect(parsed!.alternative!.toISOString()).toBe('2026-12-03T16:00:00.000Z');
  });

  it('offers both for "następny piątek", the coming one first, and for "w przyszły piątek", next week’s first', () => {
    const coming = read('oddzwonić w następny piątek', 'pl');
    expect([coming!.dueAt.toISOString(), coming!.alternative!.toISOString()]).toEqual(['2026-12-04T16:00:00.000Z', '2026-12-11T16:00:00.000Z']);
    const nextWeek = read('oddzwonić w przyszły piątek', 'pl');
    expect([nextWeek!.dueAt.toISOString(), nextWeek!.alternative!.toISOString()]).toEqual(['2026-12-11T16:00:00.000Z', '2026-12-04T16:00:00.000Z']);
  });

  it('has one reading once this week’s day has passed ("next Monday" on a Tuesday)', () => {
    expect(read('next Monday')!.alternative).toBeUndefined();
    expect(read('w następny poniedziałek', 'pl')!.alternative).toBeUndefined();
  });

  it('asks about a bare weekday that is today: today, or a week from now', () => {
    const parsed = read('send it Tuesday');
    expect(parsed!.dueAt.toISOString()).toBe('2026-12-01T16:00:00.000Z');
    expect(parsed!.alternative!.toISOString()).toBe('2026-12-08T16:00:00.000Z');
  });
});

describe('text that looks like a date but was not used', () => {
  it('names a second time after the one read', () => {
    expect(read('call at 10:00 or else at 15:30')!.unused).toEqual(['15:30']);
  });

  it('names a bare hour after a connector that nothing read ("do 12")', () => {
    const parsed = read('jutro rano, a notatki do 12', 'pl');
    expect(parsed!.matchedText).toBe('jutro rano');
    expect(parsed!.unused).toEqual(['do 12']);
  });

  it('reports nothing when the whole expression was used', () => {
    expect(read('send the quote by Friday 3pm')!.unused).toEqual([]);
    expect(read('wysłać ofertę w piątek o 15', 'pl')!.unused).toEqual([]);
  });
});

describe('words that are not dates', () => {
  it.each([
    ['en', 'send the 1st draft'],
    ['en', 'book 2-3 days of workshops'],
    ['en', 'may we send the deck'],
    ['en', 'bring one laptop'],
    ['pl', 'druga wersja oferty'],
    ['pl', 'wysłać 3 pliki'],
    ['pl', 'zamówić 5 osób na warsztat'],
    ['en', 'visit at 3 locations'],
    ['en', 'update 1 of 3'],
    ['en', 'the 24/7 support plan'],
    ['en', 'top 10 list'],
    ['pl', 'zrobić do 3 poprawek'],
    ['pl', 'wysłać wersja 1.12'],
    ['pl', 'przez tydzień testy'],
  ] as const)('%s: finds no date in %j', (locale, text) => {
    expect(read(text, locale)).toBeNull();
  });
});

describe('new families across daylight-saving changes', () => {
  // Warsaw springs forward on Sun 29 Mar 2026; asked on Fri 27 Mar at 13:00 CET.
  const SPRING = new Date('2026-03-27T12:00:00Z');
  // Los Angeles falls back on Sun 1 Nov 2026; asked on Fri 30 Oct at 10:00 PDT.
  const FALL = new Date('2026-10-30T17:00:00Z');
  it.each([
    ['pl', 'w poniedziałek kwadrans po dziewiątej', SPRING, 'Europe/Warsaw', '2026-03-30T07:15:00.000Z'],
    ['en', 'the last day of the month', SPRING, 'Europe/Warsaw', '2026-03-31T15:00:00.000Z'],
    ['en', 'half past nine on Monday', SPRING, 'Europe/Warsaw', '2026-03-30T07:30:00.000Z'],
    ['en', 'next week', FALL, 'America/Los_Angeles', '2026-11-07T01:00:00.000Z'],
    ['pl', 'pojutrze o ósmej rano', FALL, 'America/Los_Angeles', '2026-11-01T16:00:00.000Z'],
    ['en', 'Monday at 7 in the evening', FALL, 'America/Los_Angeles', '2026-11-03T03:00:00.000Z'],
  ] as const)('%s: %j', (locale, text, now, zone, expected) => {
    const parsed = parseDueDate(text, { now, timeZone: zone, locale });
    expect(parsed!.dueAt.toISOString()).toBe(expected);
  });
});
