import { describe, expect, it } from 'vitest';
import { parseDueDate } from '../../../src/shared/dates/parse-due.js';
import { instantToZonedParts } from '../../../src/shared/dates/zoned.js';

// WED: środa 2 grudnia 2026, 09:30 UTC (Warszawa 10:30, Nowy Jork 04:30, Kolkata 15:00, Sydney 20:30).
const WED = '2026-12-02T09:30:00Z';
// FRI: piątek 4 grudnia 2026, 16:30 UTC (Warszawa 17:30). SAT: sobota 5 grudnia 2026, 10:00 UTC.
const FRI = '2026-12-04T16:30:00Z';
const SAT = '2026-12-05T10:00:00Z';
const WAW = 'Europe/Warsaw';

function wallClock(instant: Date, timeZone: string): string {
  const p = instantToZonedParts(instant, timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${p.year}-${two(p.month)}-${two(p.day)} ${two(p.hour)}:${two(p.minute)}`;
}

type Row = [text: string, now: string, zone: string, expected: string, hadTime: boolean];

const rows: Row[] = [
  ['jutro o 10', WED, WAW, '2026-12-03 10:00', true],
  ['jutro 10:00', WED, WAW, '2026-12-03 10:00', true],
  ['pojutrze 9:30', WED, WAW, '2026-12-04 09:30', true],
  ['dziś o 16', WED, WAW, '2026-12-02 16:00', true],
  ['dzisiaj 16:30', WED, WAW, '2026-12-02 16:30', true],
  ['w piątek 15:00', WED, WAW, '2026-12-04 15:00', true],
  ['w pt 15', WED, WAW, '2026-12-04 15:00', true],
  ['do piątku', WED, WAW, '2026-12-04 17:00', false],
  ['w przyszły wtorek', WED, WAW, '2026-12-08 17:00', false],
  ['w przyszłą środę', WED, WAW, '2026-12-09 17:00', false],
  ['za 2 dni', WED, WAW, '2026-12-04 17:00', false],
  ['za 3 godziny', WED, WAW, '2026-12-02 13:30', true],
  ['za 30 minut', WED, WAW, '2026-12-02 11:00', true],
  ['za tydzień', WED, WAW, '2026-12-09 17:00', false],
  ['3 grudnia o 10:00', WED, WAW, '2026-12-03 10:00', true],
  ['3 grudnia', WED, WAW, '2026-12-03 17:00', false],
  ['03.12 10:00', WED, WAW, '2026-12-03 10:00', true],
  ['03.12.2026 10:00', WED, WAW, '2026-12-03 10:00', true],
  ['2026-12-03 10:00', WED, WAW, '2026-12-03 10:00', true],
  ['koniec tygodnia', WED, WAW, '2026-12-04 17:00', false],
  ['do końca tygodnia', WED, WAW, '2026-12-04 17:00', false],
  ['koniec dnia', WED, WAW, '2026-12-02 17:00', false],
  ['rano', WED, WAW, '2026-12-03 09:00', true],
  ['po południu', WED, WAW, '2026-12-02 15:00', true],
  ['wieczorem', WED, WAW, '2026-12-02 18:00', true],
  ['jutro rano', WED, WAW, '2026-12-03 09:00', true],
  ['jutro po południu', WED, WAW, '2026-12-03 15:00', true],
  ['jutro wieczorem', WED, WAW, '2026-12-03 18:00', true],
  ['o 15', WED, WAW, '2026-12-02 15:00', true],
  ['o 15:30', WED, WAW, '2026-12-02 15:30', true],
  ['15.30', WED, WAW, '2026-12-02 15:30', true],
  ['w piatek 15:00', WED, WAW, '2026-12-04 15:00', true],
  ['w srode', WED, WAW, '2026-12-02 17:00', false],
  ['dzis o 16', WED, WAW, '2026-12-02 16:00', true],
  ['do poniedziałku', WED, WAW, '2026-12-07 17:00', false],
  ['w poniedzialek o 9', WED, WAW, '2026-12-07 09:00', true],
  ['we wtorek', WED, WAW, '2026-12-08 17:00', false],
  ['do wtorku', WED, WAW, '2026-12-08 17:00', false],
  ['w środę o 12', WED, WAW, '2026-12-02 12:00', true],
  ['do środy', WED, WAW, '2026-12-02 17:00', false],
  ['w czwartek', WED, WAW, '2026-12-03 17:00', false],
  ['do czwartku', WED, WAW, '2026-12-03 17:00', false],
  ['w sobotę', WED, WAW, '2026-12-05 17:00', false],
  ['do soboty', WED, WAW, '2026-12-05 17:00', false],
  ['sobota 10:00', WED, WAW, '2026-12-05 10:00', true],
  ['w niedzielę', WED, WAW, '2026-12-06 17:00', false],
  ['do niedzieli', WED, WAW, '2026-12-06 17:00', false],
  ['niedziela o 20', WED, WAW, '2026-12-06 20:00', true],
  ['15 stycznia', WED, WAW, '2027-01-15 17:00', false],
  ['1 lutego 2027', WED, WAW, '2027-02-01 17:00', false],
  ['5 marca o 9', WED, WAW, '2027-03-05 09:00', true],
  ['10 kwietnia', WED, WAW, '2027-04-10 17:00', false],
  ['1 maja', WED, WAW, '2027-05-01 17:00', false],
  ['20 czerwca', WED, WAW, '2027-06-20 17:00', false],
  ['4 lipca 2027 o 12:00', WED, WAW, '2027-07-04 12:00', true],
  ['15 sierpnia', WED, WAW, '2027-08-15 17:00', false],
  ['30 września', WED, WAW, '2027-09-30 17:00', false],
  ['12 października', WED, WAW, '2027-10-12 17:00', false],
  ['11 listopada', WED, WAW, '2027-11-11 17:00', false],
  ['24 grudnia', WED, WAW, '2026-12-24 17:00', false],
  ['5 styczeń', WED, WAW, '2027-01-05 17:00', false],
  ['3 grudzień 2026', WED, WAW, '2026-12-03 17:00', false],
  ['w przyszły piątek o 10', WED, WAW, '2026-12-11 10:00', true],
  ['za godzinę', WED, WAW, '2026-12-02 11:30', true],
  ['za pół godziny', WED, WAW, '2026-12-02 11:00', true],
  ['za 2 tygodnie', WED, WAW, '2026-12-16 17:00', false],
  ['za miesiąc', WED, WAW, '2027-01-02 17:00', false],
  ['w przyszłym tygodniu', WED, WAW, '2026-12-11 17:00', false],
  ['pod koniec przyszłego tygodnia', WED, WAW, '2026-12-11 17:00', false],
  ['jutro do końca dnia', WED, WAW, '2026-12-03 17:00', false],
  ['jutro o 8 wieczorem', WED, WAW, '2026-12-03 20:00', true],
  ['pt. o 9', WED, WAW, '2026-12-04 09:00', true],
  ['w pt', WED, WAW, '2026-12-04 17:00', false],
  ['w czw o 11', WED, WAW, '2026-12-03 11:00', true],
  ['jutro 12.05', WED, WAW, '2026-12-03 12:05', true],
  ['w piątek 4 grudnia', WED, WAW, '2026-12-04 17:00', false],
  ['o godz. 14', WED, WAW, '2026-12-02 14:00', true],
  ['JUTRO O 10', WED, WAW, '2026-12-03 10:00', true],
  ['za dwa dni', WED, WAW, '2026-12-04 17:00', false],
  ['najpóźniej do jutra', WED, WAW, '2026-12-03 17:00', false],
  ['jutro o 10', WED, 'America/New_York', '2026-12-03 10:00', true],
  ['o 14', WED, 'Asia/Kolkata', '2026-12-03 14:00', true],
  ['koniec dnia', WED, 'Australia/Sydney', '2026-12-03 17:00', false],
  ['w pt 15', WED, 'UTC', '2026-12-04 15:00', true],
  ['do piątku', FRI, WAW, '2026-12-11 17:00', false],
  ['koniec tygodnia', FRI, WAW, '2026-12-11 17:00', false],
  ['w piątek 18:00', FRI, WAW, '2026-12-04 18:00', true],
  ['w przyszły piątek', FRI, WAW, '2026-12-11 17:00', false],
  ['w przyszły wtorek', SAT, 'UTC', '2026-12-08 17:00', false],
  ['w poniedziałek', SAT, 'UTC', '2026-12-07 17:00', false],
];

describe('parseDueDate in Polish', () => {
  it('has a broad table of phrases', () => {
    expect(rows.length).toBeGreaterThanOrEqual(60);
  });

  it.each(rows)('reads %j (now %s, %s) as %s', (text, now, zone, expected, hadTime) => {
    const parsed = parseDueDate(text, { now: new Date(now), timeZone: zone, locale: 'pl' });
    expect(parsed).not.toBeNull();
    expect(wallClock(parsed!.dueAt, zone)).toBe(expected);
    expect(parsed!.hadTime).toBe(hadTime);
  });

  it('treats "za 3 godziny" as an exact instant', () => {
    const parsed = parseDueDate('za 3 godziny', { now: new Date(WED), timeZone: 'America/New_York', locale: 'pl' });
    expect(parsed!.dueAt.toISOString()).toBe('2026-12-02T12:30:00.000Z');
  });

  it.each(['wysłać ofertę', 'mam 2 sprawy', 'pt 3 rzeczy do zrobienia', 'zapłacić 3.50 zł', 'w 2026 roku', 'na 15 osób'])('finds no date in %j', (text) => {
    expect(parseDueDate(text, { now: new Date(WED), timeZone: WAW, locale: 'pl' })).toBeNull();
  });
});
