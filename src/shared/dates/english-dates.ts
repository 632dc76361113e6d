// The English grammar of days: relative days, weekdays (this / next / after next / "3 fridays
// from now"), month names in both orders, days of the month, nth weekdays, ends and parts of
// periods, weeks, months and durations.

import { dateIfValid, fridayOfNthWeek, lastDayOfMonth, monthAhead, nthWeekdayOfMonth, upcoming, weekdayInWeek } from './calendar.js';
import { WORD_END as E, WORD_START as W } from './due-tokens.js';
import { EN_CARDINAL, EN_DAY, EN_MONTHS, EN_ORDINAL_WORD, EN_WEEKDAYS, englishNumber } from './english-words.js';
import { alternation, fixed, type GrammarContext, lookup, type Rule } from './grammar.js';

export const MONTH = `(${alternation(EN_MONTHS)})`;
const WEEKDAY = `(${alternation(EN_WEEKDAYS)})`;
export const YEAR = '(?:,?\\s+(\\d{4}))';
export const NEXT = '(?:next|coming|upcoming|following|the\\s+following)';
export const THIS = '(?:this|current|the\\s+current)';
const NTH = `(first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th)`;

const AFTER_WEEKDAY = new RegExp(`(?:${alternation(EN_WEEKDAYS)}),?\\s+(?:the\\s+)?$`, 'u');

export const month = (word: string | undefined) => lookup(EN_MONTHS, word ?? '')?.[1];
const weekday = (word: string | undefined) => lookup(EN_WEEKDAYS, word ?? '')?.[1];
export const year = (text: string | undefined) => (text === undefined ? undefined : text.length === 2 ? 2000 + Number(text) : Number(text));

function nth(word: string): number {
  return word === 'last' ? -1 : (englishNumber(word) ?? Number.parseInt(word, 10));
}

/** Which month a "of next month" / "of october 2014" phrase names, seen from today. */
function namedMonth(ctx: GrammarContext, relative: string | undefined, monthWord: string | undefined): { year?: number; month: number } | undefined {
  if (relative !== undefined) return monthAhead(ctx.today, /next|following|coming/u.test(relative) ? 1 : 0);
  const m = month(monthWord);
  return m === undefined ? undefined : { month: m };
}

/** A short weekday that is also a word ("sat", "sun", "wed") needs a lead-in. */
function shortWeekdayStands(m: RegExpExecArray, text: string, word: string): boolean {
  if (!/^(?:sat|sun|wed|mon)\.?$/u.test(word)) return true;
  // At the very end of the text ("…report sat.") it can only be the day.
  const after = text.slice(m.index + m[0].length);
  if (/^[\s.!?]*$/u.test(after) || /^,?\s+(?:at\s+)?(?:\d{1,2}(?:[:.h]\d{2}|\s*[ap]\.?m)|noon|midday)/u.test(after)) return true;
  return /(?:^|[^\p{L}])(?:on|by|until|till|before|due|this|next|from)\s+$/u.test(text.slice(Math.max(0, m.index - 8), m.index));
}

const DATE_RULES: readonly Rule[] = [
  {
    name: 'relative days: today, tomorrow, the day after tomorrow',
    pattern: new RegExp(`${W}(?:(the\\s+)?(day\\s+after\\s+)(?:tomorrow|tmrw)|(tomorrows?|tmrw|tmr)|(today))${E}`, 'gu'),
    build: (m) => ({ date: { kind: 'offset', days: m[2] ? 2 : m[3] ? 1 : 0 } }),
  },
  {
    name: 'weekday with this / next / after next / of next week',
    pattern: new RegExp(`${W}(?:(this|${NEXT})\\s+)?${WEEKDAY}(?:\\s+(after\\s+next)|(?:\\s+of)?\\s+(?:(${THIS})|(${NEXT}))\\s+week)?${E}`, 'gu'),
    build: (m, _ctx, text) => {
      const day = weekday(m[2]);
      if (day === undefined || /s$/u.test(m[2] ?? '') || !shortWeekdayStands(m, text, m[2] ?? '')) return null;
      if (m[3]) return { date: { kind: 'weekday', weekday: day, nth: 2 } };
      if (m[4]) return { date: { kind: 'weekday', weekday: day, weeksAhead: 0 } };
      if (m[5]) return { date: { kind: 'weekday', weekday: day, weeksAhead: 1 } };
      if (m[1] && m[1] !== 'this') return { date: { kind: 'weekday', weekday: day, next: 'nextWeek' } };
      return { date: { kind: 'weekday', weekday: day } };
    },
  },
  {
    name: 'counted weekdays: 3 fridays from now',
    pattern: new RegExp(`${W}(\\d{1,2}|${EN_CARDINAL})\\s+${WEEKDAY}\\s+from\\s+(?:now|today)${E}`, 'gu'),
    build: (m) => {
      const n = englishNumber(m[1] ?? '');
      const day = weekday(m[2]);
      return n && day !== undefined && n <= 52 ? { date: { kind: 'weekday', weekday: day, nth: n } } : null;
    },
  },
  {
    name: 'month then day: March 20, february the 15th, Feb13, April 14, 2015',
    pattern: new RegExp(`${W}${MONTH}\\s*(?:the\\s+)?(${EN_DAY})(?!\\s*(?:[:.]\\d|am|pm|h\\d|hours?|minutes?))${E}${YEAR}?`, 'gu'),
    build: (m) => monthDay(month(m[1]), m[2], m[3]),
  },
  {
    name: 'day then month: 20 March, the 1st of march, 14april 2015, 14th April 15',
    pattern: new RegExp(`${W}(?:the\\s+)?(${EN_DAY})\\s*(?:(?:day\\s+)?of\\s+)?${MONTH}(?:${YEAR}|\\s+(\\d{2})(?![\\d:.]))?${E}`, 'gu'),
    build: (m) => monthDay(month(m[2]), m[1], m[3] ?? m[4]),
  },
  {
    name: 'a day of the month alone: on the 20th, by the first, Tuesday the 19th',
    pattern: new RegExp(
      `${W}(?:(?:on|by|until|till|before|due)\\s+)?(?:the\\s+)?(\\d{1,2}(?:st|nd|rd|th)|${EN_ORDINAL_WORD})${E}(?!\\s+(?!(?:at|by|in|of|for|and|or|to|on|eod|cob)${E})\\p{L})`,
      'gu',
    ),
    priority: 1,
    build: (m, _ctx, text) => {
      // "the first" needs "the" or a lead-in word; "19th" alone needs a weekday or a lead-in before it.
      const lead = /^(?:on|by|until|till|before|due|the)\s/u.test(m[0]);
      const afterWeekday = AFTER_WEEKDAY.test(text.slice(Math.max(0, m.index - 12), m.index));
      if (!lead && !afterWeekday) return null;
      const day = englishNumber(m[1] ?? '');
      return day && day <= 31 ? { date: { kind: 'dayOfMonth', day } } : null;
    },
  },
  {
    name: 'day of a named month: 20 of next month, 20th day of the current month',
    pattern: new RegExp(`${W}(?:the\\s+)?(${EN_DAY})(?:\\s+day)?\\s+of\\s+(?:the\\s+)?(next|following|coming|this|current)\\s+month${E}`, 'gu'),
    build: (m, ctx) => {
      const day = englishNumber(m[1] ?? '');
      const which = namedMonth(ctx, m[2], undefined);
      return day && which?.year ? fixed(dateIfValid(which.year, which.month, day)) : null;
    },
  },
  {
    name: 'nth weekday or day of a month: the first Tuesday of October, last day of the month',
    pattern: new RegExp(
      `${W}(?:the\\s+)?${NTH}\\s+(?:${WEEKDAY}|(day))\\s+(?:of|in)\\s+(?:(?:the\\s+)?(next|following|coming|this|current)\\s+month|(the\\s+month)|${MONTH})${YEAR}?${E}`,
      'gu',
    ),
    build: (m, ctx) => {
      const n = nth(m[1] ?? '');
      const day = weekday(m[2]);
      const relative = m[4] ?? (m[5] ? 'this' : undefined);
      const target = namedMonth(ctx, relative, m[6]);
      if (!target || !n) return null;
      const build = (y: number) =>
        day !== undefined ? nthWeekdayOfMonth(y, target.month, day, n) : n === -1 ? lastDayOfMonth(y, target.month) : dateIfValid(y, target.month, n);
      return fixed(upcoming(ctx.today, year(m[7]) ?? target.year, build));
    },
  },
  {
    name: 'first / last week of a month: first week of October 2014',
    pattern: new RegExp(`${W}(?:the\\s+)?${NTH}\\s+week\\s+(?:of|in)\\s+${MONTH}${YEAR}?${E}`, 'gu'),
    build: (m, ctx) => {
      const n = nth(m[1] ?? '');
      const mo = month(m[2]);
      if (mo === undefined || !n) return null;
      const build = (y: number) => fridayOfNthWeek(y, mo, n);
      return fixed(upcoming(ctx.today, year(m[3]), build));
    },
  },
  {
    name: 'the week of a date: the week of October 7th',
    pattern: new RegExp(`${W}(?:the\\s+)?week\\s+of\\s+${MONTH}\\s*(?:the\\s+)?(${EN_DAY})${YEAR}?${E}`, 'gu'),
    build: (m, ctx) => {
      const mo = month(m[1]);
      const day = englishNumber(m[2] ?? '');
      if (mo === undefined || !day) return null;
      return fixed(upcoming(ctx.today, year(m[3]), (y) => (dateIfValid(y, mo, day) ? weekdayInWeek(dateIfValid(y, mo, day)!, 5, 0) : undefined)));
    },
  },
];

function monthDay(mo: number | undefined, dayText: string | undefined, yearText: string | undefined) {
  const day = englishNumber(dayText ?? '');
  if (mo === undefined || !day || day > 31 || !dateIfValid(2000, mo, day)) return null;
  const y = year(yearText);
  return { date: y === undefined ? ({ kind: 'ymd', month: mo, day } as const) : ({ kind: 'ymd', year: y, month: mo, day } as const) };
}

export const ENGLISH_DATE_RULES: readonly Rule[] = DATE_RULES;
