// English: chrono-node's day-first (en-GB) casual parser, plus the phrases it lacks
// (EOD, end of week, "03.12"). chrono ignores IANA zones, so it is given the zone's
// offset at `now`; only its wall-clock fields are used and rebuilt in the zone later.

import * as chrono from 'chrono-node';
import { collect, type DayPeriod, type DueToken, type TimeSpec, WORD_END, WORD_START } from './due-tokens.js';
import { numericTokens } from './numeric-parsers.js';
import { zoneOffsetMinutes } from './zoned.js';

const CHRONO = 1;
const CUSTOM = 2;
const W = WORD_START;
const E = WORD_END;

const END_OF_DAY = new RegExp(
  `${W}(?:e\\.?o\\.?d\\.?|c\\.?o\\.?b\\.?|e\\.?o\\.?b\\.?|close\\s+of\\s+(?:business|play)|` +
    `(?:the\\s+)?end\\s+of\\s+(?:the\\s+)?(?:(?:business|working|work)\\s+)?(?:day|business))${E}`,
  'gu',
);
const END_OF_WEEK = new RegExp(`${W}(?:e\\.?o\\.?w\\.?|(?:the\\s+)?end\\s+of\\s+(?:the\\s+|this\\s+)?(next\\s+)?(?:work(?:ing)?\\s+)?week)${E}`, 'gu');
const END_OF_MONTH = new RegExp(`${W}(?:e\\.?o\\.?m\\.?|(?:the\\s+)?end\\s+of\\s+(?:the\\s+|this\\s+)?month)${E}`, 'gu');

const PERIODS: ReadonlyArray<readonly [string, number, DayPeriod]> = [
  ['casualReference/morning', 9, 'morning'],
  ['casualReference/noon', 12, 'noon'],
  ['casualReference/afternoon', 15, 'afternoon'],
  ['casualReference/evening', 18, 'evening'],
  ['casualReference/tonight', 18, 'evening'],
];

function customTokens(norm: string): DueToken[] {
  const span = (m: RegExpExecArray) => ({ start: m.index, end: m.index + m[0].length, priority: CUSTOM });
  return [
    ...collect(norm, END_OF_DAY, (m) => ({ ...span(m), time: { hour: 0, minute: 0, kind: 'endOfDay' } })),
    ...collect(norm, END_OF_WEEK, (m) => ({ ...span(m), date: { kind: 'endOfWeek', nextWeek: m[1] !== undefined } })),
    ...collect(norm, END_OF_MONTH, (m) => ({ ...span(m), date: { kind: 'endOfMonth' } })),
  ];
}

function timeFromChrono(result: chrono.ParsedResult): TimeSpec | undefined {
  const s = result.start;
  const tags = result.tags();
  const period = PERIODS.find(([tag]) => tags.has(tag));
  const hour = s.get('hour') ?? 0;
  const minute = s.get('minute') ?? 0;
  if (s.isCertain('hour')) {
    // "at 5" with no am/pm and no leading zero: a deadline at 05:00 is rarely meant.
    const ambiguous = !s.isCertain('meridiem') && !period && hour >= 1 && hour <= 6 && !/(?<!\d)0\d/.test(result.text);
    return ambiguous ? { hour, minute, kind: 'clock', ambiguousMeridiem: true } : { hour, minute, kind: 'clock' };
  }
  if (period) return { hour: period[1], minute: 0, kind: 'partOfDay', period: period[2] };
  return undefined;
}

/** "sat down", "in the sun": short weekday names that are also words need a lead-in. */
function isWordNotWeekday(result: chrono.ParsedResult, text: string): boolean {
  if (!/^(?:sat|sun|wed)$/i.test(result.text)) return false;
  return !/(?:^|[^\p{L}])(?:on|by|until|till|before|due|this|next)\s+$/iu.test(text.slice(0, result.index));
}

function fromChrono(result: chrono.ParsedResult): DueToken | null {
  const s = result.start;
  const tags = result.tags();
  const start = result.index;
  const end = result.index + result.text.length;
  if (tags.has('casualReference/now')) return null;
  // chrono reads "2027-13-01" as year-day-month; an impossible ISO date is no date.
  const iso = /^(\d{4})-(\d{1,2})-\d{1,2}/.exec(result.text);
  if (iso && Number(iso[2]) !== s.get('month')) return null;
  // Pure durations and explicit zones ("3pm CET") are instants, not wall-clock times.
  if (tags.has('result/relativeDateAndTime') || s.isCertain('timezoneOffset')) {
    return { start, end, instant: s.date(), priority: CHRONO };
  }
  const token: DueToken = { start, end, priority: CHRONO };
  const year = s.get('year');
  const month = s.get('month');
  const day = s.get('day');
  const weekday = s.get('weekday');
  if (s.isCertain('day') && month !== null && day !== null) {
    token.date = s.isCertain('year') && year !== null ? { kind: 'ymd', year, month, day } : { kind: 'ymd', month, day };
  } else if (s.isCertain('weekday') && weekday !== null) {
    // chrono already chose the week for "next/last Friday"; a bare "Friday" is resolved later.
    token.date =
      /\b(?:next|last|past|previous)\b/i.test(result.text) && year !== null && month !== null && day !== null
        ? { kind: 'ymd', year, month, day }
        : { kind: 'weekday', weekday, nextWeek: false };
  }
  const time = timeFromChrono(result);
  if (time) token.time = time;
  return token.date || token.time ? token : null;
}

export function englishTokens(masked: string, norm: string, now: Date, timeZone: string): DueToken[] {
  let results: chrono.ParsedResult[] = [];
  try {
    const reference = { instant: now, timezone: zoneOffsetMinutes(now, timeZone) };
    results = chrono.en.GB.parse(masked, reference);
  } catch {
    results = [];
  }
  const tokens = results
    .filter((r) => !isWordNotWeekday(r, masked))
    .map(fromChrono)
    .filter((t): t is DueToken => t !== null);
  return [...tokens, ...customTokens(norm), ...numericTokens(norm)];
}
