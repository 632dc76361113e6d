// Joins neighbouring tokens into one expression: "jutro" + "o 10", "Friday" + "EOD",
// "03.12" + "10:00", "jutro" + "rano". Only words like "o", "at", "," may sit between.

import { type DueGroup, type DueToken, removeOverlaps, type TimeSpec } from './due-tokens.js';
import { clockTime } from './numeric-parsers.js';

const GAP = /^[\s,]*(?:(?:o|na|w|we|do|at|on|by|around|about|ok\.?|okolo|godz\.?|@|-|–)[\s,]*)?$/u;
const BARE_HOUR = /^[\s,]+(\d{1,2})(?:[:.](\d{2}))?(?![\p{L}\p{N}_]|[.:/-]\d)/u;
const AFTER_BARE_HOUR_OK = /^\s*(?:$|[,.;:!?)\]–-])/u;
const MAX_PARTS = 4;

/** "o 8" + "wieczorem" → 20:00; "rano" + "o 8" → 08:00. */
function withPeriod(clock: TimeSpec, period: TimeSpec): TimeSpec {
  const pm = period.period === 'afternoon' || period.period === 'evening';
  const hour = pm && clock.hour < 12 ? clock.hour + 12 : clock.hour;
  return { hour, minute: clock.minute, kind: 'clock' };
}

function mergeTime(current: TimeSpec | undefined, next: TimeSpec): TimeSpec | null {
  if (!current) return next;
  if (current.kind === 'clock' && next.kind === 'partOfDay') return withPeriod(current, next);
  if (current.kind === 'partOfDay' && next.kind === 'clock') return withPeriod(next, current);
  return null;
}

function mergeInto(group: DueGroup, next: DueToken): DueGroup | null {
  if (group.instant || next.instant) return null;
  const extended = { ...group, end: next.end };
  if (next.altDate && next.time) {
    // "12.05": a time after a date, a date otherwise.
    if (group.date && !group.time) return { ...extended, time: next.time };
    if (!group.date) return { ...extended, date: next.altDate };
    return null;
  }
  if (next.date && next.time) return null;
  if (next.date) {
    if (!group.date) return { ...extended, date: next.date };
    if (group.date.kind === 'weekday' && next.date.kind === 'ymd') return { ...extended, date: next.date };
    if (group.date.kind === 'ymd' && next.date.kind === 'weekday') return extended;
    return null;
  }
  if (next.time) {
    const time = mergeTime(group.time, next.time);
    return time ? { ...extended, time } : null;
  }
  return null;
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

/** The first date expression among the tokens, with its neighbours merged in. */
export function firstExpression(tokens: DueToken[], text: string, bareHours: boolean): DueGroup | null {
  const sorted = removeOverlaps(tokens);
  const first = sorted[0];
  if (!first) return null;
  let group = startGroup(first, sorted[1], text);
  for (let j = 1; j < sorted.length && j < MAX_PARTS; j++) {
    const next = sorted[j];
    if (!next || !GAP.test(text.slice(group.end, next.start))) break;
    const merged = mergeInto(group, next);
    if (!merged) break;
    group = merged;
  }
  return bareHours ? attachBareHour(group, text) : group;
}
