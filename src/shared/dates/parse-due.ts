// Finds the first due date in free text typed in Slack ("send the quote by Friday 3pm",
// "oddzwonić jutro o 10") and returns it as an instant in the user's time zone.

import { type DueGroup, maskSlackTokens, normalizeForMatching } from './due-tokens.js';
import { englishTokens } from './english-parsers.js';
import { firstExpression } from './merge-due.js';
import { polishTokens } from './polish-parsers.js';
import { resolveDue } from './resolve-due.js';
import { isValidTimeZone } from './zoned.js';

export type Locale = 'en' | 'pl';

export interface ParsedDue {
  /** The instant. */
  dueAt: Date;
  /** False when only a date was given (the time is then the default hour). */
  hadTime: boolean;
  /** The date expression as typed, with its connector: "by Friday 3pm", "do piątku". */
  matchedText: string;
  /** The input without the expression and its connector, whitespace collapsed. */
  remainder: string;
}

export interface ParseDueOptions {
  now: Date;
  timeZone: string;
  locale: Locale;
  /** Hour used when only a date is given, and for EOD / end of week. Default 17. */
  defaultHour?: number;
}

/** Only the start of a very long message is scanned. */
const MAX_SCAN = 500;
const DEFAULT_HOUR = 17;

const CONNECTORS: Record<Locale, RegExp> = {
  en: /(?:^|[^\p{L}\p{N}_])(by|on|before|until|till|at|due)[\s,]+$/u,
  pl: /(?:^|[^\p{L}\p{N}_])(do|na|przed|w|we|o|dnia|najpozniej)[\s,]+$/u,
};

interface Found {
  group: DueGroup;
  language: Locale;
}

function findExpression(text: string, now: Date, timeZone: string, locale: Locale): Found | null {
  const masked = maskSlackTokens(text);
  const norm = normalizeForMatching(text);
  const english = firstExpression(englishTokens(masked, norm, now, timeZone), norm, false);
  const polish = firstExpression(polishTokens(norm, now), norm, true);
  const own = locale === 'pl' ? polish : english;
  const other = locale === 'pl' ? english : polish;
  const otherLanguage: Locale = locale === 'pl' ? 'en' : 'pl';
  if (!own) return other ? { group: other, language: otherLanguage } : null;
  // The other language wins only when it reads more of the same expression:
  // in English mode, "w piątek 15:00" is Polish, not just "15:00".
  const covers = other !== null && other.start <= own.start && other.end >= own.end;
  const longer = other !== null && other.end - other.start > own.end - own.start;
  return covers && longer ? { group: other, language: otherLanguage } : { group: own, language: locale };
}

/** Widens the span over connector words before it ("by", "do", "najpóźniej do"). */
function withConnectors(norm: string, start: number, language: Locale): number {
  let from = start;
  for (let i = 0; i < 2; i++) {
    const m = CONNECTORS[language].exec(norm.slice(0, from));
    if (!m || m[1] === undefined) break;
    // m[0] may begin with the boundary character; the connector itself is m[1].
    from = m.index + m[0].indexOf(m[1]);
  }
  return from;
}

function cleanRemainder(text: string): string {
  return text
    .replace(/\s+/gu, ' ')
    .replace(/ ([,;:.!?])/gu, '$1')
    .trim()
    .replace(/^[\s,;:\-–—]+|[\s,;:\-–—]+$/gu, '');
}

function parse(text: string, opts: ParseDueOptions): ParsedDue | null {
  const { now, timeZone, locale } = opts;
  if (typeof text !== 'string' || !(now instanceof Date) || Number.isNaN(now.getTime())) return null;
  if (!isValidTimeZone(timeZone)) return null;
  const hour = opts.defaultHour;
  const defaultHour = Number.isInteger(hour) && hour !== undefined && hour >= 0 && hour <= 23 ? hour : DEFAULT_HOUR;
  const head = text.slice(0, MAX_SCAN);
  const found = findExpression(head, now, timeZone, locale === 'pl' ? 'pl' : 'en');
  if (!found) return null;
  const resolved = resolveDue(found.group, now, timeZone, defaultHour);
  if (!resolved) return null;
  const start = withConnectors(normalizeForMatching(head), found.group.start, found.language);
  const end = found.group.end;
  return {
    dueAt: resolved.dueAt,
    hadTime: resolved.hadTime,
    matchedText: text.slice(start, end).trim(),
    remainder: cleanRemainder(`${text.slice(0, start)} ${text.slice(end)}`),
  };
}

/** The first date/time expression in `text`, or null. Never throws. */
export function parseDueDate(text: string, opts: ParseDueOptions): ParsedDue | null {
  try {
    return parse(text, opts);
  } catch {
    return null;
  }
}
