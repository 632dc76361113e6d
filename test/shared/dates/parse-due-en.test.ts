import { describe, expect, it } from 'vitest';
import { parseDueDate } from '../../../src/shared/dates/parse-due.js';
import { instantToZonedParts } from '../../../src/shared/dates/zoned.js';

// Reference instants. WED: Wednesday 2 Dec 2026 09:30 UTC
// (Warsaw 10:30, New York 04:30, Kolkata 15:00, Sydney 20:30).
const WED = '2026-12-02T09:30:00Z';
// FRI: Friday 4 Dec 2026 16:30 UTC (Warsaw 17:30). SAT: Saturday 5 Dec 2026 10:00 UTC.
const FRI = '2026-12-04T16:30:00Z';
const SAT = '2026-12-05T10:00:00Z';

function wallClock(instant: Date, timeZone: string): string {
  const p = instantToZonedParts(instant, timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${p.year}-${two(p.month)}-${two(p.day)} ${two(p.hour)}:${two(p.minute)}`;
}

type Row = [text: string, now: string, zone: string, expected: string, hadTime: boolean];

const rows: Row[] = [
  ['send the revised quote by Friday 3pm', WED, 'UTC', '2026-12-04 15:00', true],
  ['call back tomorrow 10:00', WED, 'UTC', '2026-12-03 10:00', true],
  ['2026-12-03 10:00', WED, 'UTC', '2026-12-03 10:00', true],
  ['3 Dec 10:00', WED, 'UTC', '2026-12-03 10:00', true],
  ['03.12.2026 10:00', WED, 'UTC', '2026-12-03 10:00', true],
  ['03.12 10:00', WED, 'UTC', '2026-12-03 10:00', true],
  ['3/12', WED, 'UTC', '2026-12-03 17:00', false],
  ['in 3 hours', WED, 'UTC', '2026-12-02 12:30', true],
  ['next Tuesday', WED, 'UTC', '2026-12-08 17:00', false],
  ['end of week', WED, 'UTC', '2026-12-04 17:00', false],
  ['EOD', WED, 'UTC', '2026-12-02 17:00', false],
  ['Friday EOD', WED, 'UTC', '2026-12-04 17:00', false],
  ['EOD tomorrow', WED, 'UTC', '2026-12-03 17:00', false],
  ['tomorrow', WED, 'UTC', '2026-12-03 17:00', false],
  ['today 4pm', WED, 'UTC', '2026-12-02 16:00', true],
  ['Wednesday', WED, 'UTC', '2026-12-02 17:00', false],
  ['Wednesday 9am', WED, 'UTC', '2026-12-09 09:00', true],
  ['9:00', WED, 'UTC', '2026-12-03 09:00', true],
  ['10:00', WED, 'UTC', '2026-12-02 10:00', true],
  ['Monday', WED, 'UTC', '2026-12-07 17:00', false],
  ['until Monday', WED, 'UTC', '2026-12-07 17:00', false],
  ['Dec 3rd at 5pm', WED, 'UTC', '2026-12-03 17:00', true],
  ['on 3rd December', WED, 'UTC', '2026-12-03 17:00', false],
  ['15 January', WED, 'UTC', '2027-01-15 17:00', false],
  ['15 Jan 2027 9:15', WED, 'UTC', '2027-01-15 09:15', true],
  ['in 2 days', WED, 'UTC', '2026-12-04 17:00', false],
  ['in a week', WED, 'UTC', '2026-12-09 17:00', false],
  ['in 30 mins', WED, 'UTC', '2026-12-02 10:00', true],
  ['in 1 hour 30 minutes', WED, 'UTC', '2026-12-02 11:00', true],
  ['this afternoon', WED, 'UTC', '2026-12-02 15:00', true],
  ['tomorrow morning', WED, 'UTC', '2026-12-03 09:00', true],
  ['tonight', WED, 'UTC', '2026-12-02 18:00', true],
  ['tomorrow at noon', WED, 'UTC', '2026-12-03 12:00', true],
  ['tomorrow at 5', WED, 'UTC', '2026-12-03 17:00', true],
  ['tomorrow at 05:00', WED, 'UTC', '2026-12-03 05:00', true],
  ['end of next week', WED, 'UTC', '2026-12-11 17:00', false],
  ['end of month', WED, 'UTC', '2026-12-31 17:00', false],
  ['COB Friday', WED, 'UTC', '2026-12-04 17:00', false],
  ['by the end of the day', WED, 'UTC', '2026-12-02 17:00', false],
  ['next Friday 17:00', WED, 'UTC', '2026-12-11 17:00', true],
  ['the day after tomorrow', WED, 'UTC', '2026-12-04 17:00', false],
  ['Fri 3pm', WED, 'UTC', '2026-12-04 15:00', true],
  ['on sat 9am', WED, 'UTC', '2026-12-05 09:00', true],
  ['12/03/2027', WED, 'UTC', '2027-03-12 17:00', false],
  ['2026-12-03T10:00', WED, 'UTC', '2026-12-03 10:00', true],
  ['at 10.30', WED, 'UTC', '2026-12-02 10:30', true],
  ['due 5/12', WED, 'UTC', '2026-12-05 17:00', false],
  ['3pm', WED, 'UTC', '2026-12-02 15:00', true],
  ['send the revised quote by Friday 3pm', WED, 'Europe/Warsaw', '2026-12-04 15:00', true],
  ['10:00', WED, 'Europe/Warsaw', '2026-12-03 10:00', true],
  ['EOD', WED, 'Europe/Warsaw', '2026-12-02 17:00', false],
  ['tomorrow 9am', WED, 'Europe/Warsaw', '2026-12-03 09:00', true],
  ['tomorrow 10:00', WED, 'America/New_York', '2026-12-03 10:00', true],
  ['10:00', WED, 'America/New_York', '2026-12-02 10:00', true],
  ['Friday', WED, 'America/New_York', '2026-12-04 17:00', false],
  ['EOW', WED, 'America/New_York', '2026-12-04 17:00', false],
  ['EOD', WED, 'Asia/Kolkata', '2026-12-02 17:00', false],
  ['today 14:00', WED, 'Asia/Kolkata', '2026-12-02 14:00', true],
  ['2pm', WED, 'Asia/Kolkata', '2026-12-03 14:00', true],
  ['EOD', WED, 'Australia/Sydney', '2026-12-03 17:00', false],
  ['Wednesday', WED, 'Australia/Sydney', '2026-12-09 17:00', false],
  ['tomorrow 8:30', WED, 'Australia/Sydney', '2026-12-03 08:30', true],
  ['end of week', WED, 'Australia/Sydney', '2026-12-04 17:00', false],
  ['Friday', FRI, 'Europe/Warsaw', '2026-12-11 17:00', false],
  ['end of week', FRI, 'Europe/Warsaw', '2026-12-11 17:00', false],
  ['Friday 18:00', FRI, 'Europe/Warsaw', '2026-12-04 18:00', true],
  ['Friday', FRI, 'UTC', '2026-12-04 17:00', false],
  ['end of week', SAT, 'UTC', '2026-12-11 17:00', false],
  ['Monday', SAT, 'UTC', '2026-12-07 17:00', false],
];

describe('parseDueDate in English', () => {
  it('has a broad table of phrases', () => {
    expect(rows.length).toBeGreaterThanOrEqual(60);
  });

  it.each(rows)('reads %j (now %s, %s) as %s', (text, now, zone, expected, hadTime) => {
    const parsed = parseDueDate(text, { now: new Date(now), timeZone: zone, locale: 'en' });
    expect(parsed).not.toBeNull();
    expect(wallClock(parsed!.dueAt, zone)).toBe(expected);
    expect(parsed!.hadTime).toBe(hadTime);
  });

  it('uses the given default hour for a date without a time', () => {
    const parsed = parseDueDate('tomorrow', { now: new Date(WED), timeZone: 'UTC', locale: 'en', defaultHour: 9 });
    expect(wallClock(parsed!.dueAt, 'UTC')).toBe('2026-12-03 09:00');
    expect(parsed!.hadTime).toBe(false);
  });

  it('also resolves EOD and end of week to the default hour', () => {
    const opts = { now: new Date(WED), timeZone: 'UTC', locale: 'en' as const, defaultHour: 18 };
    expect(wallClock(parseDueDate('EOD', opts)!.dueAt, 'UTC')).toBe('2026-12-02 18:00');
    expect(wallClock(parseDueDate('end of week', opts)!.dueAt, 'UTC')).toBe('2026-12-04 18:00');
  });

  it('treats a relative duration as an exact instant', () => {
    const parsed = parseDueDate('ping Ana in 3 hours', { now: new Date(WED), timeZone: 'Asia/Kolkata', locale: 'en' });
    expect(parsed!.dueAt.toISOString()).toBe('2026-12-02T12:30:00.000Z');
  });

  it.each(['send the deck', 'version 1.2 of the deck', 'call 555-1234', 'pay 3.50 zł', 'ACME', 'sat down with the client', 'bring 2 laptops', ''])(
    'finds no date in %j',
    (text) => {
      expect(parseDueDate(text, { now: new Date(WED), timeZone: 'UTC', locale: 'en' })).toBeNull();
    },
  );
});
