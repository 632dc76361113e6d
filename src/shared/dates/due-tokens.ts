// The pieces a date expression is built from, shared by the English and Polish grammars.
// A grammar finds tokens (a date, a time, or both) with their span in the input; the
// merger joins adjacent ones ("jutro" + "o 10") and resolve-due turns the result into
// an instant.

export type DateSpec =
  /** An explicit calendar date; without a year it means the next such date (today included). */
  | { kind: 'ymd'; year?: number; month: number; day: number; weekday?: number }
  /** A day of the month alone ("on the 20th", "do 20-go"): this month's, or next month's once past. */
  | { kind: 'dayOfMonth'; day: number; weekday?: number }
  /** Today plus whole days / months (tomorrow, "za 2 dni", "in a week"). */
  | { kind: 'offset'; days: number; months?: number }
  /**
   * A weekday. Without `weeksAhead`: the next one, today included (a weekday that is today is
   * asked about). With it: the one in the Mon–Sun week that many weeks from this one.
   * `next` marks "next Friday" / "następny piątek", whose two readings may both be plausible;
   * `nth` counts occurrences after today ("Friday after next" is the 2nd, "3 fridays from now" the 3rd).
   */
  | { kind: 'weekday'; weekday: number; weeksAhead?: number; next?: 'nextWeek' | 'coming'; nth?: number }
  /** A Mon–Sun week that many weeks ahead, as a deadline: its last working day ("next week"). */
  | { kind: 'week'; weeksAhead: number }
  /** A date the grammar already worked out (nth weekday, last day of a month, end of a period). */
  | { kind: 'fixed'; year: number; month: number; day: number };

export interface TimeSpec {
  hour: number;
  minute: number;
  /** clock: typed time; partOfDay: "rano", "evening"; endOfDay: EOD, resolved to the default hour. */
  kind: 'clock' | 'partOfDay' | 'endOfDay';
  /** Set for a typed hour 1–6 with no am/pm and no leading zero: read as afternoon. */
  ambiguousMeridiem?: boolean;
  /** For partOfDay: which part, so "o 8 wieczorem" becomes 20:00. */
  period?: DayPeriod;
  /** An explicit zone written with the time ("4pm CET"): minutes east of UTC. */
  offsetMinutes?: number;
}

export type DayPeriod = 'morning' | 'noon' | 'afternoon' | 'evening' | 'night';

export interface DueToken {
  start: number;
  end: number;
  date?: DateSpec;
  time?: TimeSpec;
  /** For "12.05": a time that can also be read as a day-first date. */
  altDate?: DateSpec;
  /** A pure duration ("in 3 hours"): the answer is this instant. */
  instant?: Date;
  /** A zone name alone ("CET", "GMT"): applies to the time next to it. */
  zone?: number;
  /** Higher wins when two tokens cover the same span. */
  priority: number;
}

export interface DueGroup {
  start: number;
  end: number;
  date?: DateSpec;
  time?: TimeSpec;
  instant?: Date;
}

export const WORD_START = '(?<![\\p{L}\\p{N}_])';
export const WORD_END = '(?![\\p{L}\\p{N}_])';

const FOLD: Record<string, string> = {
  ą: 'a',
  ć: 'c',
  ę: 'e',
  ł: 'l',
  ń: 'n',
  ó: 'o',
  ś: 's',
  ź: 'z',
  ż: 'z',
  Ą: 'a',
  Ć: 'c',
  Ę: 'e',
  Ł: 'l',
  Ń: 'n',
  Ó: 'o',
  Ś: 's',
  Ź: 'z',
  Ż: 'z',
};

/**
 * Lower-cases, folds Polish letters to ASCII and blanks Slack's `<…>` tokens (mentions,
 * links), keeping every character at its index so spans map back onto the input.
 */
export function normalizeForMatching(text: string): string {
  const masked = maskSlackTokens(text);
  let out = '';
  for (const ch of masked) {
    // Iterate by code point but keep UTF-16 length: astral characters become two spaces.
    if (ch.length > 1) {
      out += ' '.repeat(ch.length);
      continue;
    }
    const folded = FOLD[ch];
    if (folded) out += folded;
    else {
      const lower = ch.toLowerCase();
      out += lower.length === 1 ? lower : ch;
    }
  }
  return out;
}

/** Replaces `<@U123|ana>`, `<https://…|x>` and similar with spaces of the same length. */
export function maskSlackTokens(text: string): string {
  return text.replace(/<[^<>\n]{1,500}>/g, (m) => ' '.repeat(m.length));
}

/** Keeps the longest tokens (ties: higher priority, then earlier), dropping any that overlap them. */
export function removeOverlaps(tokens: DueToken[]): DueToken[] {
  const ranked = [...tokens].sort((a, b) => b.end - b.start - (a.end - a.start) || b.priority - a.priority || a.start - b.start);
  const kept: DueToken[] = [];
  for (const t of ranked) {
    if (t.end <= t.start) continue;
    if (kept.every((k) => t.end <= k.start || t.start >= k.end)) kept.push(t);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** Runs a global regex over `text`, calling `build` for each match (bounded). */
export function collect(text: string, pattern: RegExp, build: (m: RegExpExecArray) => DueToken | DueToken[] | null | undefined): DueToken[] {
  const out: DueToken[] = [];
  pattern.lastIndex = 0;
  let guard = 0;
  for (let m = pattern.exec(text); m !== null && guard++ < 200; m = pattern.exec(text)) {
    if (m[0].length === 0) {
      pattern.lastIndex++;
      continue;
    }
    const built = build(m);
    if (Array.isArray(built)) out.push(...built);
    else if (built) out.push(built);
  }
  return out;
}
