// The Polish grammar of days: "jutro", "pojutrze", weekdays in every case with "następny",
// "w przyszłym tygodniu", "za tydzień", "po następnym"; "15 lutego", "pierwszego marca",
// "15-tego", "marzec 3ci 2015"; "pierwszy wtorek października", "ostatni dzień miesiąca";
// ends and parts of periods, weeks, months and the weekend.

import { dateIfValid, fridayOfNthWeek, lastDayOfMonth, monthAhead, nthWeekdayOfMonth, upcoming } from './calendar.js';
import { PART_OF_DAY_HOURS } from './due-rules.js';
import type { DateSpec } from './due-tokens.js';
import { WORD_END as E, WORD_START as W } from './due-tokens.js';
import { fixed, type GrammarContext, type Rule } from './grammar.js';
import { DAY_PART_WORDS } from './polish-times.js';
import {
  alternation,
  DAY_ORDINAL,
  lookup,
  MONTH_WORDS,
  NEXT_MODIFIER,
  ordinalValue,
  ROMAN_MONTHS,
  THIS_MODIFIER,
  WEEKDAY_ADJECTIVES,
  WEEKDAY_WORDS,
} from './polish-words.js';

export const MONTH = `(${alternation(MONTH_WORDS)})`;
const WEEKDAY = `(${alternation(WEEKDAY_WORDS)})`;
const DAY_DIGITS = '\\d{1,2}(?:\\.|-?(?:szy|gi|ci|ty|my|sty|go|ego|tego|giego|ciego|szego))?';
const DAY = `(${DAY_DIGITS}|${DAY_ORDINAL})`;
export const YEAR = '(?:,?\\s*((?:19|20)\\d{2})(?:\\s?r\\.?)?|\\s+(\\d{2})(?![\\p{N}:.]))';
const NTH = '(pierwsz\\p{L}{1,3}|drug\\p{L}{1,3}|trzeci\\p{L}{0,3}|czwart\\p{L}{1,3}|piat\\p{L}{1,3}|ostatni\\p{L}{0,3})';
export const NEXT_WEEK = '(?:przyszl|nastepn|kolejn)\\p{L}{1,3}\\s+(?:tygodni[au]|tydzien)';
export const THIS_WEEK = '(?:(?:tym|tego|ten|biezac\\p{L}{1,3})\\s+(?:tygodni[au]|tydzien|tyg\\.?))';

const MONTH_AFTER = new RegExp(`^[\\s,]+${MONTH}`, 'u');

export const month = (word: string | undefined) => lookup(MONTH_WORDS, word ?? '')?.[1];
const weekday = (word: string | undefined) => lookup(WEEKDAY_WORDS, word ?? '');
export const year = (full: string | undefined, short: string | undefined) => (full ? Number(full) : short ? 2000 + Number(short) : undefined);

function dayNumber(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const digits = /^(\d{1,2})/u.exec(text);
  const n = digits ? Number(digits[1]) : ordinalValue(text);
  return n !== undefined && n >= 1 && n <= 31 ? n : undefined;
}

function nth(word: string): number | undefined {
  return word.startsWith('ostatni') ? -1 : ordinalValue(word);
}

function monthDay(mo: number | undefined, dayText: string | undefined, y: number | undefined): { date: DateSpec } | null {
  const day = dayNumber(dayText);
  if (mo === undefined || day === undefined || !dateIfValid(y ?? 2000, mo, day)) return null;
  return { date: y === undefined ? { kind: 'ymd', month: mo, day } : { kind: 'ymd', year: y, month: mo, day } };
}

/** "miesiąca" / "przyszłego miesiąca" / "października": which month, seen from today. */
function namedMonth(ctx: GrammarContext, relative: string | undefined, monthWord: string | undefined): { year?: number; month: number } | undefined {
  if (relative !== undefined) return monthAhead(ctx.today, /przyszl|nastepn|kolejn/u.test(relative) ? 1 : 0);
  const m = month(monthWord);
  return m === undefined ? undefined : { month: m };
}

/** A short weekday ("pt", "sob") counts after a preposition or modifier, before a time or a date, or alone. */
function shortWeekdayStands(text: string, m: RegExpExecArray, word: string): boolean {
  const entry = weekday(word);
  if (!entry?.[2] || m[1] !== undefined || m[2] !== undefined) return true;
  const before = text.slice(Math.max(0, m.index - 4), m.index);
  const after = text.slice(m.index + m[0].length, m.index + m[0].length + 16);
  if (/(?:^|[^\p{L}\p{N}_])(?:w|we|do|na|od|po|ten|ta)\s+$/u.test(before)) return true;
  if (/^[\s,]+(?:o\s+|godz\.?\s*)?\d{1,2}(?![\d./-]*\s*(?:\p{L}{3}))/u.test(after)) return true;
  return text.trim() === m[0].trim() || /^[\s,.]*$/u.test(after) || MONTH_AFTER.test(after);
}

const DAY_RULES: readonly Rule[] = [
  {
    name: 'dni względne: dziś, jutro, pojutrze, dzień po jutrze, dzień od dziś',
    pattern: new RegExp(`${W}(dzisiaj|dzis|jutro|jutra|(?:dzien\\s+)?po\\s*jutrze|pojutrza|dzien\\s+od\\s+(?:dzis|dzisiaj|jutra))${E}`, 'gu'),
    build: (m) => {
      const word = m[1] ?? '';
      return { date: { kind: 'offset', days: word.startsWith('dzis') ? 0 : /jutrz|jutra$/u.test(word) && /po/u.test(word) ? 2 : 1 } };
    },
  },
  {
    name: 'dzień tygodnia: w piątek, następny wtorek, środa w przyszłym tygodniu, piątek po następnym',
    pattern: new RegExp(
      `${W}(?:(${NEXT_MODIFIER})\\s+|(${THIS_MODIFIER})\\s+)?${WEEKDAY}(?:\\s+(po\\s+(?:nastepnym|przyszlym))|\\s+(?:w\\s+)?(${THIS_WEEK})|\\s+(?:w\\s+)?(${NEXT_WEEK})|\\s+(za\\s+tydzien))?${E}`,
      'gu',
    ),
    build: (m, _ctx, text) => {
      const entry = weekday(m[3]);
      if (!entry || !shortWeekdayStands(text, m, m[3] ?? '')) return null;
      const day = entry[1];
      if (m[4]) return { date: { kind: 'weekday', weekday: day, nth: 2 } };
      if (m[5]) return { date: { kind: 'weekday', weekday: day, weeksAhead: 0 } };
      if (m[6] || m[7]) return { date: { kind: 'weekday', weekday: day, weeksAhead: 1 } };
      // "przyszły piątek" is next week's; "następny piątek" the coming one. Either may be asked.
      if (m[1]) return { date: { kind: 'weekday', weekday: day, next: m[1].startsWith('przyszl') ? 'nextWeek' : 'coming' } };
      return { date: { kind: 'weekday', weekday: day } };
    },
  },
  {
    name: 'dzień i miesiąc: 15 lutego, pierwszego marca, 15-tego lutego, 14kwiecień 2015',
    pattern: new RegExp(`${W}${DAY}\\s*${MONTH}${YEAR}?${E}`, 'gu'),
    build: (m) => monthDay(month(m[2]), m[1], year(m[3], m[4])),
  },
  {
    name: 'miesiąc i dzień: luty 15, marzec 3ci 2015, Kwiecień 14, 2015',
    pattern: new RegExp(`${W}${MONTH}\\s*${DAY}(?![:.]\\d)${E}${YEAR}?`, 'gu'),
    build: (m) => monthDay(month(m[1]), m[2], year(m[3], m[4])),
  },
  {
    name: 'miesiąc rzymski: 3 XII 2026',
    pattern: new RegExp(`${W}(\\d{1,2})\\s+(${ROMAN_MONTHS.join('|')})\\s+((?:19|20)\\d{2})${E}`, 'gu'),
    build: (m) => monthDay(ROMAN_MONTHS.indexOf(m[2] ?? '') + 1 || undefined, m[1], Number(m[3])),
  },
  {
    name: 'sam dzień miesiąca: do 20-go, 15-tego, na pierwszego',
    pattern: new RegExp(`${W}(?:(do|na|przed|dnia|od|po)\\s+)?(\\d{1,2}-?(?:go|ego|tego|giego|ciego|szego)|${DAY_ORDINAL})${E}`, 'gu'),
    priority: 1,
    build: (m) => {
      const word = m[2] ?? '';
      // A bare ordinal word ("drugi") is not a date; the genitive after "do"/"na" is ("do pierwszego").
      if (!/^\d/u.test(word) && !(m[1] && /ego$/u.test(word))) return null;
      const day = dayNumber(word);
      return day === undefined ? null : { date: { kind: 'dayOfMonth', day } };
    },
  },
  {
    name: 'dzień danego miesiąca: 20 przyszłego miesiąca',
    pattern: new RegExp(`${W}${DAY}\\s+(?:dzien\\s+)?(tego|biezacego|przyszlego|nastepnego|kolejnego)\\s+miesiaca${E}`, 'gu'),
    build: (m, ctx) => {
      const day = dayNumber(m[1]);
      const target = namedMonth(ctx, m[2], undefined);
      return day && target?.year ? fixed(dateIfValid(target.year, target.month, day)) : null;
    },
  },
  {
    name: 'n-ty dzień tygodnia lub dzień miesiąca: pierwszy wtorek października, ostatni dzień miesiąca',
    pattern: new RegExp(
      `${W}${NTH}\\s+(?:${WEEKDAY}|(dzien|dnia))\\s+(?:(?:w|we)\\s+)?(?:(?:(tego|biezacego|przyszlego|nastepnego|tym|przyszlym|nastepnym)\\s+)?(miesiac\\p{L}{0,2})|${MONTH})${YEAR}?${E}`,
      'gu',
    ),
    build: (m, ctx) => {
      const n = nth(m[1] ?? '');
      const day = weekday(m[2])?.[1];
      const relative = m[5] ? (m[4] ?? 'tego') : undefined;
      const target = namedMonth(ctx, relative, m[6]);
      if (!target || !n) return null;
      const build = (y: number) =>
        day !== undefined ? nthWeekdayOfMonth(y, target.month, day, n) : n === -1 ? lastDayOfMonth(y, target.month) : dateIfValid(y, target.month, n);
      return fixed(upcoming(ctx.today, year(m[7], m[8]) ?? target.year, build));
    },
  },
  {
    name: 'pierwszy / ostatni tydzień miesiąca: pierwszy tydzień października 2014',
    pattern: new RegExp(`${W}${NTH}\\s+(?:tydzien|tygodni[au])\\s+(?:(?:w|we)\\s+)?${MONTH}${YEAR}?${E}`, 'gu'),
    build: (m, ctx) => {
      const n = nth(m[1] ?? '');
      const mo = month(m[2]);
      if (mo === undefined || !n) return null;
      const build = (y: number) => fridayOfNthWeek(y, mo, n);
      return fixed(upcoming(ctx.today, year(m[3], m[4]), build));
    },
  },
  {
    name: 'pora dnia z przymiotnikiem: jutrzejszy wieczór, środowy wieczór, poniedziałkowy poranek',
    pattern: new RegExp(
      `${W}(dzisiejsz\\p{L}{1,3}|jutrzejsz\\p{L}{1,3}|${alternation(WEEKDAY_ADJECTIVES)})\\s+(${DAY_PART_WORDS.map(([p]) => p).join('|')})${E}`,
      'gu',
    ),
    priority: 3,
    build: (m) => {
      const word = m[1] ?? '';
      const part = lookup(DAY_PART_WORDS, m[2] ?? '')?.[1];
      if (!part) return null;
      const date: DateSpec = word.startsWith('dzis')
        ? { kind: 'offset', days: 0 }
        : word.startsWith('jutrz')
          ? { kind: 'offset', days: 1 }
          : { kind: 'weekday', weekday: lookup(WEEKDAY_ADJECTIVES, word)?.[1] ?? 0 };
      return { date, time: { hour: PART_OF_DAY_HOURS[part], minute: 0, kind: 'partOfDay', period: part } };
    },
  },
];

export const POLISH_DATE_RULES: readonly Rule[] = DAY_RULES;
