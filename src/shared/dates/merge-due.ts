// Joins neighbouring tokens into one expression: "jutro" + "o 10", "Friday" + "EOD",
// "03.12" + "10:00", "Tuesday" + "the 19th", "środa" + "w przyszłym tygodniu", "4pm" + "CET".
// Only words like "o", "at", "," may sit between.

import { hourInPeriod } from './due-rules.js';
import { type DateSpec, type DueGroup, type DueToken, removeOverlaps, type TimeSpec } from './due-tokens.js';
import { clockTime } from './numeric-parsers.js';

const GAP = /^[\s,]*(?:(?:o|na|w|we|do|at|on|by|of|the|around|about|ok\.?|okolo|godz\.?|@|-|–|in|this|dnia|rowno|tak|przed|before|until|till)[\s,]*){0,2}$/u;
const BARE_HOUR = /^[\s,]+(\d{1,2})(?:[:.](\d{2}))?(?![\p{L}\p{N}_]|[.:/-]\d)/u;
const AFTER_BARE_HOUR_OK = /^\s*(?:$|[,.;:!?)\]–-])/u;
const MAX_PARTS = 5;

/** "o 8" + "wieczorem" → 20:00; "rano" + "o 8" → 08:00; "2 w nocy" → 02:00. */
function withPeriod(clock: TimeSpec, period: TimeSpec): TimeSpec {
  const hour = period.period ? hourInPeriod(clock.hour, period.period) : clock.hour;
  return { hour, minute: clock.minute, kind: 'clock', ...(clock.offsetMinutes !== undefined ? { offsetMinutes: clock.offsetMinutes } : {}) };
}

function mergeTime(current: TimeSpec | undefined, next: TimeSpec): TimeSpec | null {
  if (!current) return next;
  if (current.kind === 'clock' && next.kind === 'partOfDay') return withPeriod(current, next);
  if (current.kind === 'partOfDay' && next.kind === 'clock') return withPeriod(next, current);
  // "tomorrow evening" + "tonight": the same part of the day said twice.
  if (current.kind === 'partOfDay' && next.kind === 'partOfDay') return current;
  return null;
}

/** Two date words that narrow each other: "Tuesday" + "the 19th", "piątek" + "za tydzień". */
function mergeDates(a: DateSpec, b: DateSpec): DateSpec | null {
  if (a.kind === 'weekday' && b.kind !== 'weekday') return mergeDates(b, a);
  if (b.kind !== 'weekday' || a.kind === 'weekday') return null;
  if (a.kind === 'ymd' || a.kind === 'dayOfMonth') return { ...a, weekday: b.weekday };
  if (a.kind === 'fixed') return a;
  if (b.weeksAhead !== undefined || b.nth !== undefined) return null;
  if (a.kind === 'week') return { kind: 'weekday', weekday: b.weekday, weeksAhead: a.weeksAhead };
  if (a.kind === 'offset' && !a.months && a.days > 0 && a.days % 7 === 0) return { kind: 'weekday', weekday: b.weekday, weeksAhead: a.days / 7 };
  return null;
}

function mergeInto(group: DueGroup, next: DueToken): DueGroup | null {
  const extended = { ...group, end: next.end };
  if (next.zone !== undefined) {
    if (group.time?.kind !== 'clock' || group.time.offsetMinutes !== undefined) return null;
    const { ambiguousMeridiem: _, ...time } = group.time;
    return { ...extended, time: { ...time, offsetMinutes: next.zone } };
  }
  if (next.instant) {
    // "today in one hour": the duration says it all.
    const today = group.date?.kind === 'offset' && group.date.days === 0 && !group.date.months;
    return today && !group.time && !group.instant ? { start: group.start, end: next.end, instant: next.instant } : null;
  }
  if (group.instant) return null;
  if (next.altDate && next.time) {
    // "12.05": a time after a date, a date otherwise ("pon. 18.02 10:00" is 18 February).
    if (group.date && group.date.kind !== 'weekday' && !group.time) return { ...extended, time: next.time };
    if (!group.date || group.date.kind === 'weekday') {
      const date = group.date ? mergeDates(group.date, next.altDate) : next.altDate;
      return date ? { ...extended, date } : null;
    }
    return null;
  }
  let merged: DueGroup = extended;
  if (next.date) {
    const date = group.date ? mergeDates(group.date, next.date) : next.date;
    if (!date) return null;
    merged = { ...merged, date };
  }
  if (next.time) {
    const time = mergeTime(group.time, next.time);
    if (!time) return null;
    merged = { ...merged, time };
  }
  return next.date || next.time ? merged : null;
}

function startGroup(first: DueToken, next: DueToken | undefined, text: string): DueGroup {
  const base = { start: first.start, end: first.end };
  if (first.instant) return { ...base, instant: first.instant };
  if (first.altDate && first.time) {
    const nextIsAdjacent = next !== undefined && GAP.test(text.slice(first.end, next.start));
    const nextIsDateOnly = nextIsAdjacent && next.date !== undefined && next.time === undefined;
    return nextIsDateOnly ? { ...base, time: first.time } : { ...base, date: first.altDate };
  }
  return { ...base, ...(first.date ? { date: first.date } : {}), ...(first.time ? { time: first.time } : {}) };
}

/** Polish "w pt 15", "jutro 10": a bare hour right after a date (only if it plausibly is one). */
function attachBareHour(group: DueGroup, text: string): DueGroup {
  if (!group.date || group.time || group.instant) return group;
  const m = BARE_HOUR.exec(text.slice(group.end, group.end + 16));
  if (!m) return group;
  const time = clockTime(m[1] ?? '', m[2]);
  if (!time) return group;
  const rest = text.slice(group.end + m[0].length, group.end + m[0].length + 4);
  if (time.hour < 7 && !AFTER_BARE_HOUR_OK.test(rest)) return group;
  return { ...group, end: group.end + m[0].length, time };
}

export interface Expression {
  group: DueGroup;
  /** Tokens outside the expression: dates or times the reader saw but did not use. */
  unused: DueToken[];
}

/** The first date expression among the tokens, with its neighbours merged in. */
export function firstExpression(tokens: DueToken[], text: string, bareHours: boolean): Expression | null {
  const sorted = removeOverlaps(tokens);
  const startAt = sorted.findIndex((t) => t.zone === undefined);
  const first = sorted[startAt];
  if (!first) return null;
  let group = startGroup(first, sorted[startAt + 1], text);
  let j = startAt + 1;
  for (; j < sorted.length && j - startAt < MAX_PARTS; j++) {
    const next = sorted[j];
    if (!next || !GAP.test(text.slice(group.end, next.start))) break;
    const merged = mergeInto(group, next);
    if (!merged) break;
    group = merged;
  }
  const final = bareHours ? attachBareHour(group, text) : group;
  const unused = sorted.filter((t) => t.zone === undefined && (t.end <= final.start || t.start >= final.end));
  return { group: final, unused };
}
