// Finds the first due date in free text typed in Slack ("send the quote by Friday 3pm",
// "oddzwonić jutro o 10") and returns it as an instant in the user's time zone.

import { DEFAULT_DUE_HOUR } from './due-rules.js';
import { type DueGroup, type DueToken, normalizeForMatching } from './due-tokens.js';
import { englishTokens } from './english-parsers.js';
import type { GrammarContext } from './grammar.js';
import { firstExpression } from './merge-due.js';
import { polishTokens } from './polish-parsers.js';
import { resolveDue } from './resolve-due.js';
import { instantToZonedParts, isValidTimeZone } from './zoned.js';

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
  /** The other plausible reading ("next Wednesday" said on a Tuesday): ask before saving. */
  alternative?: Date;
  /** Text that looked like a date or a time but was not used ("10:00" after "18:02"): say so. */
  unused: string[];
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
/** "do 12", "at 5": a connector and a number that no rule read. */
const LOOSE_NUMBER =
  /(?:^|[^\p{L}\p{N}_])((?:at|by|before|until|till|around|o|do|na|przed|okolo|kolo|godz\.?)\s+\d{1,2}(?:[:.]\d{2})?)(?![\p{L}\p{N}_]|[:./]\d)/gu;

const CONNECTORS: Record<Locale, RegExp> = {
  en: /(?:^|[^\p{L}\p{N}_])(by|on|before|until|till|at|due)[\s,]+$/u,
  pl: /(?:^|[^\p{L}\p{N}_])(do|na|przed|w|we|o|dnia|najpozniej)[\s,]+$/u,
};

interface Found {
  group: DueGroup;
  unused: DueToken[];
  language: Locale;
}

/** "since 9:00", "od poniedziałku": a starting point, never a due date. */
const SINCE = /(?:^|[^\p{L}\p{N}_])(?:since|od)\s+$/u;

function deadlinesOnly(tokens: DueToken[], norm: string): DueToken[] {
  return tokens.filter((t) => !SINCE.test(norm.slice(Math.max(0, t.start - 8), t.start)));
}

function findExpression(norm: string, ctx: GrammarContext, locale: Locale): Found | null {
  const english = firstExpression(deadlinesOnly(englishTokens(norm, ctx), norm), norm, false);
  const polish = firstExpression(deadlinesOnly(polishTokens(norm, ctx), norm), norm, true);
  const own = locale === 'pl' ? polish : english;
  const other = locale === 'pl' ? english : polish;
  const otherLanguage: Locale = locale === 'pl' ? 'en' : 'pl';
  if (!own) return other ? { ...other, language: otherLanguage } : null;
  // The other language wins only when it reads more of the same expression:
  // in English mode, "w piątek 15:00" is Polish, not just "15:00".
  const covers = other !== null && other.group.start <= own.group.start && other.group.end >= own.group.end;
  const longer = other !== null && other.group.end - other.group.start > own.group.end - own.group.start;
  return covers && longer ? { ...other, language: otherLanguage } : { ...own, language: locale };
}

/** What looked like a date or time but is not part of the expression read. */
function unusedText(text: string, norm: string, found: Found, start: number): string[] {
  const out = found.unused.map((t) => text.slice(t.start, t.end).trim());
  LOOSE_NUMBER.lastIndex = 0;
  for (let m = LOOSE_NUMBER.exec(norm); m !== null; m = LOOSE_NUMBER.exec(norm)) {
    const at = m.index + m[0].indexOf(m[1] ?? '');
    const inside = at >= start && at < found.group.end;
    const covered = found.unused.some((t) => at < t.end && at + (m?.[1]?.length ?? 0) > t.start);
    if (!inside && !covered) out.push(text.slice(at, at + (m[1]?.length ?? 0)).trim());
  }
  return [...new Set(out)].filter((s) => s.length > 0).slice(0, 3);
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
  const defaultHour = Number.isInteger(hour) && hour !== undefined && hour >= 0 && hour <= 23 ? hour : DEFAULT_DUE_HOUR;
  const head = text.slice(0, MAX_SCAN);
  const norm = normalizeForMatching(head);
  const ctx: GrammarContext = { now, today: instantToZonedParts(now, timeZone) };
  const found = findExpression(norm, ctx, locale === 'pl' ? 'pl' : 'en');
  if (!found) return null;
  const resolved = resolveDue(found.group, now, timeZone, defaultHour);
  if (!resolved || Number.isNaN(resolved.dueAt.getTime())) return null;
  const start = withConnectors(norm, found.group.start, found.language);
  const end = found.group.end;
  return {
    dueAt: resolved.dueAt,
    hadTime: resolved.hadTime,
    matchedText: text.slice(start, end).trim(),
    remainder: cleanRemainder(`${text.slice(0, start)} ${text.slice(end)}`),
    ...(resolved.alternative ? { alternative: resolved.alternative } : {}),
    unused: unusedText(head, norm, found, start),
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
