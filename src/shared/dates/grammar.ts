// What every rule of the English and Polish grammars shares: the context it reads against,
// the rule shape, and small builders for spans and times.

import { collect, type DateSpec, type DueToken, type TimeSpec } from './due-tokens.js';
import type { ZonedParts } from './zoned.js';

export interface GrammarContext {
  /** The instant the text was written. */
  now: Date;
  /** Today on the user's wall clock. */
  today: ZonedParts;
}

/** A production of the grammar: a pattern over normalized text and what a match means. */
export interface Rule {
  name: string;
  pattern: RegExp;
  build: (m: RegExpExecArray, ctx: GrammarContext, text: string) => Omit<DueToken, 'start' | 'end' | 'priority'> | null | undefined;
  /** Higher wins over a rule covering the same span; default 2. */
  priority?: number;
}

/** Runs every rule over `text` (each bounded to 200 matches, as `collect` bounds them), returning the tokens found. */
export function applyRules(rules: readonly Rule[], text: string, ctx: GrammarContext): DueToken[] {
  return rules.flatMap((rule) =>
    collect(text, rule.pattern, (m) => {
      const built = rule.build(m, ctx, text);
      // A match may end in spaces that its lookaheads needed; the token stops at its last letter.
      return built ? { ...built, start: m.index, end: m.index + m[0].trimEnd().length, priority: rule.priority ?? 2 } : undefined;
    }),
  );
}

export function clock(hour: number, minute: number, ambiguousMeridiem = false): TimeSpec | null {
  if (!Number.isInteger(hour) || !Number.isInteger(minute) || hour < 0 || hour > 24 || minute < 0 || minute > 59) return null;
  if (hour === 24 && minute > 0) return null;
  const h = hour === 24 ? 0 : hour;
  return ambiguousMeridiem && h >= 1 && h <= 6 ? { hour: h, minute, kind: 'clock', ambiguousMeridiem: true } : { hour: h, minute, kind: 'clock' };
}

/** am/pm applied to a 12-hour clock hour: "12am" is 0, "12pm" 12, "3pm" 15. */
export function withMeridiem(hour: number, pm: boolean): number | null {
  if (hour < 1 || hour > 12) return hour === 0 ? 0 : null;
  if (hour === 12) return pm ? 12 : 0;
  return pm ? hour + 12 : hour;
}

/** "a quarter past 3" and "20 to noon": minutes moved from a whole hour. */
export function shifted(base: TimeSpec, minutes: number): TimeSpec | null {
  const total = base.hour * 60 + base.minute + minutes;
  const wrapped = ((total % 1440) + 1440) % 1440;
  const spec: TimeSpec = { hour: Math.floor(wrapped / 60), minute: wrapped % 60, kind: 'clock' };
  // "20 to 3" keeps the afternoon reading of the hour it counts from.
  if (base.ambiguousMeridiem) {
    const shiftedHour = spec.hour;
    if (shiftedHour >= 1 && shiftedHour <= 6) spec.ambiguousMeridiem = true;
    else if (shiftedHour === 0 || shiftedHour === 12) return { ...spec, hour: shiftedHour === 0 ? 12 : shiftedHour };
  }
  return spec;
}

export function fixed(date: { year: number; month: number; day: number } | undefined): { date: DateSpec } | null {
  return date ? { date: { kind: 'fixed', year: date.year, month: date.month, day: date.day } } : null;
}

export function alternation(patterns: ReadonlyArray<readonly [string, ...unknown[]]>): string {
  return patterns.map(([p]) => `(?:${p})`).join('|');
}

/** Which entry of `patterns` the matched word belongs to. */
export function lookup<T extends readonly [string, ...unknown[]]>(patterns: ReadonlyArray<T>, word: string): T | undefined {
  const w = word.trim();
  return patterns.find(([p]) => whole(p).test(w));
}

const compiled = new Map<string, RegExp>();

/** A pattern anchored to the whole word, compiled once. */
export function whole(pattern: string): RegExp {
  let re = compiled.get(pattern);
  if (!re) {
    re = new RegExp(`^(?:${pattern})$`, 'u');
    compiled.set(pattern, re);
  }
  return re;
}
