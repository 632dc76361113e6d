// The Polish grammar (chrono-node has none): its time rules, date rules and durations, plus the
// digit-only forms every language shares. Works on text from normalizeForMatching, so
// diacritics are optional: "piątek" and "piatek" both match.

import type { DueToken } from './due-tokens.js';
import { WORD_END as E, WORD_START as W } from './due-tokens.js';
import { durationToken } from './english-durations.js';
import { ZONE_RULE } from './english-times.js';
import { applyRules, type GrammarContext, type Rule } from './grammar.js';
import { numericTokens } from './numeric-parsers.js';
import { POLISH_DATE_RULES } from './polish-dates.js';
import { POLISH_TIME_RULES } from './polish-times.js';
import { alternation, CARDINAL, DURATION_UNITS, lookup, polishNumber } from './polish-words.js';

const AMOUNT = `(\\d+(?:[.,]\\d+)?(?:\\s+i\\s+pol)?|\\d+\\s*\\/\\s*\\d+|${CARDINAL}(?:\\s+i\\s+pol)?|poltorej|poltora|pol)`;
const UNIT = `(${alternation(DURATION_UNITS)}|kwadrans\\p{L}{0,2})`;
const SINGULAR = /^(?:minute|godzine|godzinke|dzien|tydzien|miesiac|kwadrans)$/u;

function amountOf(text: string | undefined): number | undefined {
  if (text === undefined) return 1;
  if (text === 'pol') return 0.5;
  if (text.startsWith('poltor')) return 1.5;
  const fraction = /^(\d+)\s*\/\s*(\d+)$/u.exec(text);
  if (fraction) return Number(fraction[2]) > 0 ? Number(fraction[1]) / Number(fraction[2]) : undefined;
  const half = /\s+i\s+pol$/u.test(text) ? 0.5 : 0;
  const n = polishNumber(text.replace(/\s+i\s+pol$/u, ''));
  return n === undefined ? undefined : n + half;
}

const DURATION_RULES: readonly Rule[] = [
  {
    name: 'czas trwania: za 2 godziny, w 15 minut, za około pół godziny, w ciągu 2 tygodni, za kwadrans',
    pattern: new RegExp(
      `${W}(za|w|we|w\\s+ciagu|w\\s+przeciagu|po)\\s+(?:jeszcze\\s+)?(?:(?:okolo|jakies|ok\\.?|mniej\\s+wiecej|niecale|max\\.?|maks\\.?)\\s+)?(?:${AMOUNT}\\s*)?${UNIT}(?:\\s+(?:od\\s+teraz))?${E}`,
      'gu',
    ),
    priority: 3,
    build: (m, ctx) => {
      const unitWord = m[3] ?? '';
      // "w dni robocze" is no duration: without a number, only a singular unit counts ("w godzinę").
      if (m[2] === undefined && !SINGULAR.test(unitWord) && !/^w\s+(?:ciagu|przeciagu)$/u.test(m[1] ?? '')) return null;
      const amount = amountOf(m[2]);
      if (amount === undefined) return null;
      if (unitWord.startsWith('kwadrans')) return durationToken(ctx, amount * 15, 'minute', false);
      const unit = lookup(DURATION_UNITS, unitWord)?.[1];
      if (!unit) return null;
      return durationToken(ctx, amount, unit, /ciagu|przeciagu/u.test(m[1] ?? '') && unit !== 'minute' && unit !== 'hour');
    },
  },
  {
    name: 'czas od teraz: 2 minuty od teraz',
    pattern: new RegExp(`${W}${AMOUNT}\\s*${UNIT}\\s+od\\s+(?:teraz|dzis|dzisiaj)${E}`, 'gu'),
    priority: 3,
    build: (m, ctx) => {
      const amount = amountOf(m[1]);
      const unit = lookup(DURATION_UNITS, m[2] ?? '')?.[1];
      return amount !== undefined && unit ? durationToken(ctx, amount, unit, false) : null;
    },
  },
];

const RULES: readonly Rule[] = [...POLISH_TIME_RULES, ZONE_RULE, ...POLISH_DATE_RULES, ...DURATION_RULES];

export function polishTokens(norm: string, ctx: GrammarContext): DueToken[] {
  return [...applyRules(RULES, norm, ctx), ...numericTokens(norm)];
}

/** The rule names, for the README and the tests that cover every family. */
export const POLISH_RULE_NAMES = RULES.map((r) => r.name);
