// `/kept` forms about days off and people's own time: the holiday calendar and company days off
// (workspace settings), and a person's own hours, absence and backup. Read without I/O.

import { takeLeadingMention } from '../shared/command-text.js';
import { isoDate, parseIsoDate } from '../shared/dates/day-format.js';
import { parseHolidayRegion } from '../shared/dates/holidays.js';
import type { WorkingHours } from '../shared/dates/working-hours.js';
import { parseWorkingHours } from '../shared/dates/working-hours-text.js';
import { addDays, type CalendarDate, isValidCalendarDate } from '../shared/dates/zoned.js';

export type CalendarChange = { field: 'holidays'; holidays: string } | { field: 'dayOff'; date: string; remove: boolean };

export type PersonalChange =
  /** Their own hours; null goes back to the team's. */
  | { kind: 'myHours'; hours: WorkingHours | null }
  /** Away through `lastDay` (null: back now); `userId` when a lead sets it for someone else. */
  | { kind: 'away'; userId?: string; lastDay: CalendarDate | null }
  /** A lead names who stands in for someone while they are away; null removes it. */
  | { kind: 'backup'; userId: string; backupId: string | null };

export type CalendarProblem = 'holidays' | 'dayoff' | 'dayoff_full' | 'dayoff_past' | 'away' | 'away_past' | 'backup';

export type CalendarCommand =
  | { kind: 'calendar'; change: CalendarChange }
  | { kind: 'personal'; change: PersonalChange }
  | { kind: 'invalid'; problem: CalendarProblem | 'hours_days' | 'hours_times' | 'hours_order' };

/** Lower case without Polish letters, one character for one (so positions in the original still match). */
export function fold(text: string): string {
  return [...text].map((ch) => (ch === 'ł' || ch === 'Ł' ? 'l' : ch.normalize('NFD')[0]!.toLowerCase())).join('');
}

const PHRASES: readonly [RegExp, 'holidays' | 'dayOff' | 'myHours' | 'away' | 'back' | 'backup'][] = [
  [/^(public holidays|holidays|holiday|swieta|swieto)(?=\s|$)/, 'holidays'],
  [/^(days? ?off|dni wolne|dzien wolny|wolne)(?=\s|$)/, 'dayOff'],
  [/^(my hours|my working hours|moje godziny)(?=\s|$)/, 'myHours'],
  [/^(away|out of office|ooo|nieobecny|nieobecna|nieobecnosc|urlop|poza biurem)(?=\s|$)/, 'away'],
  [/^(back|wracam|jestem z powrotem|powrot)(?=\s|$)/, 'back'],
  [/^(backup|zastepstwo|zastepca)(?=\s|$)/, 'backup'],
];
const NONE = new Set(['none', 'off', 'brak', 'wylacz', 'team', 'zespol', 'zespolu', '-']);
const REMOVE = /^(remove|delete|usun)\s+/;
const UNTIL = /^(until|till|through|to|do)\s+/;

const MONTHS: readonly [RegExp, number][] = [
  [/^(jan(uary)?|sty(cznia|czen)?)$/, 1],
  [/^(feb(ruary)?|lut(ego|y)?)$/, 2],
  [/^(mar(ch)?|marca|marzec)$/, 3],
  [/^(apr(il)?|kwi(etnia|ecien)?)$/, 4],
  [/^(may|maja|maj)$/, 5],
  [/^(jun(e)?|cze(rwca|rwiec)?)$/, 6],
  [/^(jul(y)?|lip(ca|iec)?)$/, 7],
  [/^(aug(ust)?|sie(rpnia|rpien)?)$/, 8],
  [/^(sep(t|tember)?|wrz(esnia|esien)?)$/, 9],
  [/^(oct(ober)?|paz(dziernika|dziernik)?)$/, 10],
  [/^(nov(ember)?|lis(topada|topad)?)$/, 11],
  [/^(dec(ember)?|gru(dnia|dzien)?)$/, 12],
];

/**
 * A calendar date: "2026-12-24", "24.12.2026", "24.12", "24 Dec", "Dec 24", "24 grudnia". Without a
 * year it is the next such date from `today` on; undefined when not a real date (or no `today` to place it).
 */
export function parseCalendarDate(raw: string, today?: CalendarDate): CalendarDate | undefined {
  const text = fold(raw).replace(/\s+/g, ' ').replace(/,/g, '').trim();
  const iso = parseIsoDate(text);
  if (iso) return iso;
  let day: number | undefined;
  let month: number | undefined;
  let year: number | undefined;
  const dotted = /^(\d{1,2})\.(\d{1,2})(?:\.(\d{4}))?\.?$/.exec(text);
  const words = /^(\d{1,2}) ([a-z]+)\.?(?: (\d{4}))?$/.exec(text) ?? /^([a-z]+)\.? (\d{1,2})(?: (\d{4}))?$/.exec(text);
  if (dotted) {
    [day, month, year] = [Number(dotted[1]), Number(dotted[2]), dotted[3] ? Number(dotted[3]) : undefined];
  } else if (words) {
    const [dayText, monthText] = /^\d/.test(words[1]!) ? [words[1]!, words[2]!] : [words[2]!, words[1]!];
    day = Number(dayText);
    month = MONTHS.find(([pattern]) => pattern.test(monthText))?.[1];
    year = words[3] ? Number(words[3]) : undefined;
  }
  if (day === undefined || month === undefined) return undefined;
  if (year === undefined) {
    if (!today) return undefined;
    year = month < today.month || (month === today.month && day < today.day) ? today.year + 1 : today.year;
  }
  return isValidCalendarDate(year, month, day) ? { year, month, day } : undefined;
}

const before = (a: CalendarDate, b: CalendarDate) => a.year * 10_000 + a.month * 100 + a.day < b.year * 10_000 + b.month * 100 + b.day;

/**
 * The days-off and personal forms of `/kept`, or undefined when the text is none of them. `today` (the
 * team's, or the caller's for their own absence) refuses dates in the past and places dates without a year.
 */
export function parseCalendarCommand(text: string, today: CalendarDate | undefined): CalendarCommand | undefined {
  const folded = fold(text);
  const found = PHRASES.map(([pattern, kind]) => ({ kind, match: pattern.exec(folded) })).find((p) => p.match);
  if (!found?.match) return undefined;
  const args = text.slice(found.match[0].length).trim();
  const foldedArgs = fold(args);
  switch (found.kind) {
    case 'holidays': {
      if (NONE.has(foldedArgs)) return { kind: 'calendar', change: { field: 'holidays', holidays: 'none' } };
      const region = args ? parseHolidayRegion(args) : undefined;
      return region ? { kind: 'calendar', change: { field: 'holidays', holidays: region } } : { kind: 'invalid', problem: 'holidays' };
    }
    case 'dayOff': {
      const remove = REMOVE.exec(foldedArgs);
      const date = parseCalendarDate(remove ? args.slice(remove[0].length) : args, today);
      if (!date) return { kind: 'invalid', problem: 'dayoff' };
      if (!remove && today && before(date, today)) return { kind: 'invalid', problem: 'dayoff_past' };
      return { kind: 'calendar', change: { field: 'dayOff', date: isoDate(date), remove: Boolean(remove) } };
    }
    case 'myHours': {
      if (NONE.has(foldedArgs)) return { kind: 'personal', change: { kind: 'myHours', hours: null } };
      const parsed = parseWorkingHours(args);
      return parsed.ok ? { kind: 'personal', change: { kind: 'myHours', hours: parsed.hours } } : { kind: 'invalid', problem: `hours_${parsed.error}` };
    }
    case 'away': {
      const { userId, rest } = takeLeadingMention(args);
      const withoutUntil = rest.slice(UNTIL.exec(fold(rest))?.[0].length ?? 0);
      if (NONE.has(fold(withoutUntil).trim())) return { kind: 'personal', change: { kind: 'away', ...(userId ? { userId } : {}), lastDay: null } };
      const lastDay = parseCalendarDate(withoutUntil, today);
      if (!lastDay) return { kind: 'invalid', problem: 'away' };
      if (today && before(lastDay, today)) return { kind: 'invalid', problem: 'away_past' };
      if (today && before(addDays(today, 366), lastDay)) return { kind: 'invalid', problem: 'away' };
      return { kind: 'personal', change: { kind: 'away', ...(userId ? { userId } : {}), lastDay } };
    }
    case 'back': {
      const { userId } = takeLeadingMention(args);
      if (args && !userId) return { kind: 'invalid', problem: 'away' };
      return { kind: 'personal', change: { kind: 'away', ...(userId ? { userId } : {}), lastDay: null } };
    }
    case 'backup': {
      const person = takeLeadingMention(args);
      if (!person.userId) return { kind: 'invalid', problem: 'backup' };
      const rest = person.rest.trim();
      const named = takeLeadingMention(rest);
      const backup = named.rest.trim() === '' ? named.userId : undefined;
      if (NONE.has(fold(rest))) return { kind: 'personal', change: { kind: 'backup', userId: person.userId, backupId: null } };
      if (!backup || backup === person.userId) return { kind: 'invalid', problem: 'backup' };
      return { kind: 'personal', change: { kind: 'backup', userId: person.userId, backupId: backup } };
    }
  }
}
