import { afterAll, describe, expect, it } from 'vitest';
import { type Locale, parseDueDate } from '../../../src/shared/dates/parse-due.js';
import { instantToZonedParts } from '../../../src/shared/dates/zoned.js';

// Asked on Tuesday 1 December 2026 at 10:00 in Warsaw (09:00 UTC).
const NOW = new Date('2026-12-01T09:00:00Z');
const WAW = 'Europe/Warsaw';

function wallClock(instant: Date, timeZone: string): string {
  const p = instantToZonedParts(instant, timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${p.year}-${two(p.month)}-${two(p.day)} ${two(p.hour)}:${two(p.minute)}`;
}

type Row = [family: string, text: string, expected: string];

const english: Row[] = [
  ['clock in digits', 'at 4:45pm', '2026-12-01 16:45'],
  ['clock in digits', '16h45', '2026-12-01 16:45'],
  ['clock in digits', 'at 0830', '2026-12-02 08:30'],
  ['clock in digits', 'at 5', '2026-12-01 17:00'],
  ['clock in words', 'at four forty-five pm', '2026-12-01 16:45'],
  ['clock in words', 'a quarter to five pm', '2026-12-01 16:45'],
  ['clock in words', 'ten past eleven', '2026-12-01 11:10'],
  ['clock in words', 'half past four', '2026-12-01 16:30'],
  ['clock in words', 'at midnight', '2026-12-02 00:00'],
  ['part of day with an hour', 'at 7 in the evening', '2026-12-01 19:00'],
  ['part of day with an hour', '6 tomorrow morning', '2026-12-02 06:00'],
  ['part of day with an hour', 'tonight at 9', '2026-12-01 21:00'],
  ['part of day with an hour', 'Friday afternoon at 2', '2026-12-04 14:00'],
  ['weekday with a date', 'Thursday the 3rd', '2026-12-03 17:00'],
  ['weekday with a date', 'Fri, Dec 11', '2026-12-11 17:00'],
  ['weekday with a date', 'Monday 14th at 9am', '2026-12-14 09:00'],
  ['weekday with next / after next', 'next Monday', '2026-12-07 17:00'],
  ['weekday with next / after next', 'Friday after next', '2026-12-11 17:00'],
  ['weekday with next / after next', 'Thursday next week', '2026-12-10 17:00'],
  ['weekday with next / after next', '2 thursdays from now', '2026-12-10 17:00'],
  ['day of the month', 'on the 15th', '2026-12-15 17:00'],
  ['day of the month', 'by the third', '2026-12-03 17:00'],
  ['day of the month', 'the 20th of next month', '2027-01-20 17:00'],
  ['month name, both orders', 'January 8', '2027-01-08 17:00'],
  ['month name, both orders', '8 January', '2027-01-08 17:00'],
  ['month name, both orders', 'Jan 8th, 2027 at 11am', '2027-01-08 11:00'],
  ['numeric, day-first', '08.01 10:00', '2027-01-08 10:00'],
  ['numeric, day-first', 'Tue 08.12 9:30', '2026-12-08 09:30'],
  ['duration', 'in 45 minutes', '2026-12-01 10:45'],
  ['duration', 'in an hour and a half', '2026-12-01 11:30'],
  ['duration', 'in 1/4 h', '2026-12-01 10:15'],
  ['duration', 'in three days', '2026-12-04 17:00'],
  ['duration', 'in a fortnight', '2026-12-15 17:00'],
  ['nth weekday of a month', 'the second Monday of January', '2027-01-11 17:00'],
  ['nth weekday of a month', 'last Friday of December', '2026-12-25 17:00'],
  ['last day of a month', 'last day of February', '2027-02-28 17:00'],
  ['last day of a month', 'the last day of the month', '2026-12-31 17:00'],
  ['end of a period', 'by end of next week', '2026-12-11 17:00'],
  ['end of a period', 'EOM', '2026-12-31 17:00'],
  ['end of a period', 'end of January', '2027-01-31 17:00'],
  ['end of a period', 'mid-January', '2027-01-20 17:00'],
  ['before a time', 'before 3pm', '2026-12-01 15:00'],
  ['before a time', 'until noon Friday', '2026-12-04 12:00'],
  ['explicit zone', 'at 3pm GMT', '2026-12-01 16:00'],
];

const polish: Row[] = [
  ['godzina cyframi', 'o 16:45', '2026-12-01 16:45'],
  ['godzina cyframi', 'o 17-tej', '2026-12-01 17:00'],
  ['godzina cyframi', 'o 5', '2026-12-01 17:00'],
  ['godzina słowami', 'o czwartej', '2026-12-01 16:00'],
  ['godzina słowami', 'o siedemnastej', '2026-12-01 17:00'],
  ['godzina słowami', 'kwadrans po czwartej', '2026-12-01 16:15'],
  ['godzina słowami', 'wpół do piątej', '2026-12-01 16:30'],
  ['godzina słowami', 'za kwadrans piąta', '2026-12-01 16:45'],
  ['godzina słowami', 'dwadzieścia po jedenastej', '2026-12-01 11:20'],
  ['pora dnia z godziną', '7 wieczorem', '2026-12-01 19:00'],
  ['pora dnia z godziną', 'o szóstej rano', '2026-12-02 06:00'],
  ['pora dnia z godziną', 'jutro o 9 rano', '2026-12-02 09:00'],
  ['pora dnia z godziną', '2 w nocy', '2026-12-02 02:00'],
  ['dzień tygodnia z datą', 'w czwartek 3 grudnia', '2026-12-03 17:00'],
  ['dzień tygodnia z datą', 'pon. 14.12 10:00', '2026-12-14 10:00'],
  ['następny / za tydzień', 'piątek za tydzień', '2026-12-11 17:00'],
  ['następny / za tydzień', 'w przyszłym tygodniu w czwartek', '2026-12-10 17:00'],
  ['następny / za tydzień', 'za tydzień w poniedziałek', '2026-12-07 17:00'],
  ['następny / za tydzień', 'poniedziałek po następnym', '2026-12-14 17:00'],
  ['dzień miesiąca', 'do 15-go', '2026-12-15 17:00'],
  ['dzień miesiąca', 'na piętnastego', '2026-12-15 17:00'],
  ['dzień miesiąca', 'do trzeciego', '2026-12-03 17:00'],
  ['miesiąc w każdym przypadku', 'ósmego stycznia', '2027-01-08 17:00'],
  ['miesiąc w każdym przypadku', 'styczeń 8', '2027-01-08 17:00'],
  ['miesiąc w każdym przypadku', 'w styczniu', '2027-01-31 17:00'],
  ['miesiąc w każdym przypadku', 'do końca stycznia', '2027-01-31 17:00'],
  ['czas trwania', 'za 45 minut', '2026-12-01 10:45'],
  ['czas trwania', 'za półtorej godziny', '2026-12-01 11:30'],
  ['czas trwania', 'za pół godziny', '2026-12-01 10:30'],
  ['czas trwania', 'za kwadrans', '2026-12-01 10:15'],
  ['czas trwania', 'za trzy dni', '2026-12-04 17:00'],
  ['czas trwania', 'w ciągu tygodnia', '2026-12-07 17:00'],
  ['n-ty dzień tygodnia', 'drugi poniedziałek stycznia', '2027-01-11 17:00'],
  ['n-ty dzień tygodnia', 'ostatni piątek grudnia', '2026-12-25 17:00'],
  ['ostatni dzień miesiąca', 'ostatni dzień lutego', '2027-02-28 17:00'],
  ['ostatni dzień miesiąca', 'ostatni dzień miesiąca', '2026-12-31 17:00'],
  ['koniec okresu', 'do końca przyszłego tygodnia', '2026-12-11 17:00'],
  ['koniec okresu', 'na koniec miesiąca', '2026-12-31 17:00'],
  ['koniec okresu', 'w połowie stycznia', '2027-01-20 17:00'],
  ['przed / do', 'przed 15', '2026-12-01 15:00'],
  ['przed / do', 'do czwartku do południa', '2026-12-03 12:00'],
  ['przed / do', 'jutro przed 11', '2026-12-02 11:00'],
];

const ZONES = ['UTC', 'America/Los_Angeles', 'Asia/Tokyo', 'Europe/Warsaw'];
const originalTz = process.env.TZ;
afterAll(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

/** Node applies a new TZ at once; the offset of a local date proves the process zone really changed. */
function useProcessZone(zone: string): void {
  process.env.TZ = zone;
  const offset = new Date(2026, 0, 15, 12).getTimezoneOffset();
  expect(offset).toBe({ UTC: 0, 'America/Los_Angeles': 480, 'Asia/Tokyo': -540, 'Europe/Warsaw': -60 }[zone]);
}

describe.each(ZONES)('the date reader with the process in %s', (processZone) => {
  it.each(english.map((r) => [...r, 'en'] as const))('%s: reads %j as %s', (_family, text, expected, locale) => {
    useProcessZone(processZone);
    const parsed = parseDueDate(text, { now: NOW, timeZone: WAW, locale: locale as Locale });
    expect(parsed, text).not.toBeNull();
    expect(wallClock(parsed!.dueAt, WAW)).toBe(expected);
  });

  it.each(polish.map((r) => [...r, 'pl'] as const))('%s: czyta %j jako %s', (_family, text, expected, locale) => {
    useProcessZone(processZone);
    const parsed = parseDueDate(text, { now: NOW, timeZone: WAW, locale: locale as Locale });
    expect(parsed, text).not.toBeNull();
    expect(wallClock(parsed!.dueAt, WAW)).toBe(expected);
  });
});
