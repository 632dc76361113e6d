// A small Polish date grammar (chrono-node has no Polish locale). Works on text from
// normalizeForMatching, so diacritics are optional: "piątek" and "piatek" both match.

import { collect, type DateSpec, type DueToken, WORD_END, WORD_START } from './due-tokens.js';
import { clockTime, numericTokens } from './numeric-parsers.js';
import {
  alternation,
  DAY_PARTS,
  DURATION_UNITS,
  lookup,
  MONTH_WORDS,
  NEXT_MODIFIER,
  NUMBER_WORDS,
  ROMAN_MONTHS,
  THIS_MODIFIER,
  WEEKDAY_WORDS,
} from './polish-words.js';
import { isValidCalendarDate } from './zoned.js';

const CUSTOM = 2;
const MINUTE_MS = 60_000;
const W = WORD_START;
const E = WORD_END;

const RELATIVE_DAY = new RegExp(`${W}(dzisiaj|dzis|jutro|jutra|pojutrze|pojutrza)${E}`, 'gu');
const WEEKDAY = new RegExp(`${W}(?:(${NEXT_MODIFIER})\\s+|(${THIS_MODIFIER})\\s+)?(${alternation(WEEKDAY_WORDS)})${E}`, 'gu');
const YEAR = '((?:19|20)\\d{2})(?:\\s?r\\.?)?';
const MONTH_DATE = new RegExp(`${W}(\\d{1,2})(?:\\.|-go|-ego)?\\s*(${alternation(MONTH_WORDS)})(?:\\s+${YEAR})?${E}`, 'gu');
const ROMAN_DATE = new RegExp(`${W}(\\d{1,2})\\s+(${ROMAN_MONTHS.join('|')})\\s+${YEAR}${E}`, 'gu');
const PREFIXED_TIME = new RegExp(`${W}(?:o\\s+godz(?:inie|\\.)?\\s*|o\\s+|godz(?:ina|inie|\\.)?\\s*)(\\d{1,2})(?:[:.](\\d{2}))?(?![:.]?\\d)${E}`, 'gu');
const DAY_PART = new RegExp(`${W}(${alternation(DAY_PARTS)})${E}`, 'gu');
const NUMBER = `\\d{1,3}(?:[.,]5)?|${Object.keys(NUMBER_WORDS).join('|')}`;
const DURATION = new RegExp(`${W}(?:za|w\\s+ciagu|przez)\\s+(?:(${NUMBER})\\s+)?(${alternation(DURATION_UNITS)}|kwadrans)${E}`, 'gu');
const END_OF_PERIOD = new RegExp(
  `${W}(?:pod\\s+)?(?:koniec|konca|koncem|koncowk[aie])\\s+(?:(?:tego|biezacego)\\s+|((?:przyszl|nastepn)(?:ego|ym))\\s+)?` +
    `(tygodnia|tyg\\.?|dnia(?:\\s+pracy)?|dzisiejszego\\s+dnia|dnia\\s+dzisiejszego|miesiaca|mies\\.?)${E}`,
  'gu',
);
const NEXT_PERIOD = new RegExp(`${W}w\\s+(?:przyszlym|nastepnym)\\s+(tygodniu|miesiacu)${E}`, 'gu');

function span(m: RegExpExecArray): { start: number; end: number; priority: number } {
  return { start: m.index, end: m.index + m[0].length, priority: CUSTOM };
}

function relativeDays(_text: string, m: RegExpExecArray): DueToken {
  const word = m[1] ?? '';
  const days = word.startsWith('dzis') ? 0 : word.startsWith('po') ? 2 : 1;
  return { ...span(m), date: { kind: 'offset', days } };
}

/** A short weekday ("pt", "sob") only counts after a preposition/modifier or before a time. */
function weekday(text: string, m: RegExpExecArray): DueToken | null {
  const entry = lookup(WEEKDAY_WORDS, m[3] ?? '');
  if (!entry) return null;
  const [, day, abbreviation] = entry;
  const hasModifier = m[1] !== undefined || m[2] !== undefined;
  if (abbreviation && !hasModifier) {
    const before = text.slice(Math.max(0, m.index - 4), m.index);
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 16);
    const afterPreposition = /(?:^|[^\p{L}\p{N}_])(?:w|we|do|na|od|po)\s+$/u.test(before);
    const beforeTime = /^[\s,]+(?:o\s+|godz\.?\s*)?\d{1,2}(?![\d./-]*\s*(?:\p{L}{3}))/u.test(after);
    if (!afterPreposition && !beforeTime) return null;
  }
  return { ...span(m), date: { kind: 'weekday', weekday: day, nextWeek: m[1] !== undefined } };
}

function monthDate(m: RegExpExecArray, month: number | undefined): DueToken | null {
  const day = Number(m[1]);
  if (month === undefined) return null;
  const date: DateSpec = m[3] !== undefined ? { kind: 'ymd', year: Number(m[3]), month, day } : { kind: 'ymd', month, day };
  if (!isValidCalendarDate(date.kind === 'ymd' && date.year !== undefined ? date.year : 2000, month, day)) return null;
  return { ...span(m), date };
}

function duration(now: Date, m: RegExpExecArray): DueToken | null {
  const unitWord = m[2] ?? '';
  const numberText = m[1];
  const count = numberText === undefined ? 1 : (NUMBER_WORDS[numberText] ?? Number(numberText.replace(',', '.')));
  if (!Number.isFinite(count) || count <= 0 || count > 999) return null;
  if (unitWord === 'kwadrans') return { ...span(m), instant: new Date(now.getTime() + count * 15 * MINUTE_MS) };
  const unit = lookup(DURATION_UNITS, unitWord)?.[1];
  if (unit === 'minute') return { ...span(m), instant: new Date(now.getTime() + count * MINUTE_MS) };
  if (unit === 'hour') return { ...span(m), instant: new Date(now.getTime() + count * 60 * MINUTE_MS) };
  const days = unit === 'day' ? count : unit === 'week' ? count * 7 : 0;
  if (unit === 'month' && Number.isInteger(count)) return { ...span(m), date: { kind: 'offset', days: 0, months: count } };
  if (days > 0 && Number.isInteger(days)) return { ...span(m), date: { kind: 'offset', days } };
  if (days > 0) return { ...span(m), instant: new Date(now.getTime() + days * 24 * 60 * MINUTE_MS) };
  return null;
}

function endOfPeriod(m: RegExpExecArray): DueToken {
  const unit = m[2] ?? '';
  const nextWeek = m[1] !== undefined;
  if (unit.startsWith('tyg')) return { ...span(m), date: { kind: 'endOfWeek', nextWeek } };
  if (unit.startsWith('mies')) return { ...span(m), date: { kind: 'endOfMonth' } };
  return { ...span(m), time: { hour: 0, minute: 0, kind: 'endOfDay' } };
}

export function polishTokens(norm: string, now: Date): DueToken[] {
  return [
    ...numericTokens(norm),
    ...collect(norm, RELATIVE_DAY, (m) => relativeDays(norm, m)),
    ...collect(norm, WEEKDAY, (m) => weekday(norm, m)),
    ...collect(norm, MONTH_DATE, (m) => monthDate(m, lookup(MONTH_WORDS, m[2] ?? '')?.[1])),
    ...collect(norm, ROMAN_DATE, (m) => monthDate(m, ROMAN_MONTHS.indexOf(m[2] ?? '') + 1 || undefined)),
    ...collect(norm, PREFIXED_TIME, (m) => {
      const time = clockTime(m[1] ?? '', m[2]);
      return time ? { ...span(m), time } : null;
    }),
    ...collect(norm, DAY_PART, (m) => {
      const entry = lookup(DAY_PARTS, m[1] ?? '');
      return entry ? { ...span(m), time: { hour: entry[1], minute: 0, kind: 'partOfDay', period: entry[2] } } : null;
    }),
    ...collect(norm, DURATION, (m) => duration(now, m)),
    ...collect(norm, END_OF_PERIOD, endOfPeriod),
    ...collect(norm, NEXT_PERIOD, (m) => ({
      ...span(m),
      date: (m[1] ?? '').startsWith('tyg') ? { kind: 'offset', days: 7 } : { kind: 'offset', days: 0, months: 1 },
    })),
  ];
}
