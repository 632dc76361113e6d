// Digit-only dates and times, the same in every language: ISO dates, day-first numeric
// dates (03.12.2026, 03.12, 3/12) and clock times (10:00, 15.30).

import { DAY_FIRST_NUMERIC_DATES } from './due-rules.js';
import { collect, type DueToken, type TimeSpec, WORD_END, WORD_START } from './due-tokens.js';
import { isValidCalendarDate } from './zoned.js';

const CUSTOM = 2;
const NOT_AFTER_NUMBER = '(?<!\\d[./:-])';
const NOT_BEFORE_NUMBER = '(?![./:-]?\\d)';
const NOT_MONEY = '(?!\\s*(?:zl|pln|eur|usd|gbp|%|€|\\$|£))';

const ISO = new RegExp(
  `${WORD_START}${NOT_AFTER_NUMBER}(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:(?:t|\\s+)(\\d{1,2}):(\\d{2})(?::\\d{2})?)?${NOT_BEFORE_NUMBER}${WORD_END}`,
  'gu',
);
const DAY_MONTH_YEAR = new RegExp(
  `${WORD_START}${NOT_AFTER_NUMBER}(\\d{1,2})([./])(\\d{1,2})\\2(\\d{4}|\\d{2})(?:\\s?r\\.)?${NOT_BEFORE_NUMBER}${WORD_END}|` +
    `${WORD_START}${NOT_AFTER_NUMBER}(\\d{1,2})-(\\d{1,2})-(\\d{4})${NOT_BEFORE_NUMBER}${WORD_END}`,
  'gu',
);
const NOT_UNIT = '(?!\\s*(?:days?|dni|hours?|godz|h\\b|weeks?|tyg|minut|mins?|%|x\\b))';
/** "version 1.12", "v2.10", "nr 3/12": numbers, not dates. */
const NOT_A_VERSION = '(?<!(?:v|ver\\.?|version|wersj\\p{L}|wersja|release|build|nr|no\\.?|#|rate|ocena)\\s?)';
const DAY_MONTH = new RegExp(
  `${WORD_START}${NOT_AFTER_NUMBER}${NOT_A_VERSION}(\\d{1,2})([./-])(\\d{1,2})${NOT_BEFORE_NUMBER}${WORD_END}${NOT_MONEY}${NOT_UNIT}`,
  'gu',
);
const CLOCK = new RegExp(`${WORD_START}${NOT_AFTER_NUMBER}(\\d{1,2}):(\\d{2})(?::\\d{2})?${NOT_BEFORE_NUMBER}${WORD_END}`, 'gu');

/** Builds a clock time; an hour 1–6 written without a leading zero is read as pm later. */
export function clockTime(hourText: string, minuteText: string | undefined): TimeSpec | null {
  const hour = Number(hourText);
  const minute = minuteText === undefined ? 0 : Number(minuteText);
  if (!Number.isInteger(hour) || hour > 23 || minute > 59) return null;
  const ambiguousMeridiem = hour >= 1 && hour <= 6 && !hourText.startsWith('0');
  return ambiguousMeridiem ? { hour, minute, kind: 'clock', ambiguousMeridiem } : { hour, minute, kind: 'clock' };
}

function fullYear(text: string): number {
  const year = Number(text);
  return text.length === 2 ? 2000 + year : year;
}

/** True if day/month exist in some year (29 Feb counts). */
function isPossibleDate(month: number, day: number): boolean {
  return isValidCalendarDate(2000, month, day);
}

export function numericTokens(norm: string): DueToken[] {
  const iso = collect(norm, ISO, (m) => {
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (!isValidCalendarDate(year, month, day)) return null;
    const token: DueToken = { start: m.index, end: m.index + m[0].length, date: { kind: 'ymd', year, month, day }, priority: CUSTOM };
    if (m[4] !== undefined) {
      const time = clockTime(m[4], m[5]);
      if (!time) return null;
      token.time = { hour: time.hour, minute: time.minute, kind: 'clock' };
    }
    return token;
  });
  const dmy = collect(norm, DAY_MONTH_YEAR, (m) => {
    const day = Number(m[1] ?? m[5]);
    const month = Number(m[3] ?? m[6]);
    const year = fullYear(m[4] ?? m[7] ?? '');
    const span = { start: m.index, end: m.index + m[0].length, priority: CUSTOM };
    if (isValidCalendarDate(year, month, day)) return { ...span, date: { kind: 'ymd', year, month, day } };
    // Day-first comes first (DAY_FIRST_NUMERIC_DATES); "4/25/2013" can only be month-first.
    if (DAY_FIRST_NUMERIC_DATES && isValidCalendarDate(year, day, month)) return { ...span, date: { kind: 'ymd', year, month: day, day: month } };
    return null;
  });
  const dm = collect(norm, DAY_MONTH, (m) => {
    const [dayText, sep, monthText] = [m[1] ?? '', m[2], m[3] ?? ''];
    // "24/7" is round the clock, not a date.
    if (dayText === '24' && sep === '/' && monthText === '7') return null;
    const day = Number(dayText);
    const month = Number(monthText);
    const span = { start: m.index, end: m.index + m[0].length, priority: CUSTOM };
    // "03.12" needs a two-digit month so versions like "1.2" stay text.
    const dateOk = isPossibleDate(month, day) && (sep === '/' || monthText.length === 2);
    const time = sep === '.' && monthText.length === 2 ? clockTime(dayText, monthText) : null;
    const date = { kind: 'ymd' as const, month, day };
    if (dateOk && sep === '-') return null;
    if (dateOk && time) return { ...span, time, altDate: date };
    if (dateOk) return { ...span, date };
    // "2/15" and "2-15" have no day-first reading: month-first is the only one.
    if (sep !== '.' && isPossibleDate(day, month)) return { ...span, date: { kind: 'ymd' as const, month: day, day: month } };
    // A lone "3.50" is more likely money than a time; "15.30" is a time.
    if (time && dayText.length === 2) return { ...span, time };
    return null;
  });
  const clock = collect(norm, CLOCK, (m) => {
    const time = clockTime(m[1] ?? '', m[2]);
    return time ? { start: m.index, end: m.index + m[0].length, time, priority: CUSTOM } : null;
  });
  return [...iso, ...dmy, ...dm, ...clock];
}
