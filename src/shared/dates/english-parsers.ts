// The English grammar: its time rules, its date rules and the digit-only forms every language
// shares. Kept's own grammar rather than a library's, so that it reads dates against the user's
// zone (never the process's) and has the same structure as the Polish one.

import type { DueToken } from './due-tokens.js';
import { ENGLISH_DATE_RULES } from './english-dates.js';
import { ENGLISH_TIME_RULES, ZONE_RULE } from './english-times.js';
import { applyRules, type GrammarContext, type Rule } from './grammar.js';
import { numericTokens } from './numeric-parsers.js';

const RULES: readonly Rule[] = [...ENGLISH_TIME_RULES, ZONE_RULE, ...ENGLISH_DATE_RULES];

export function englishTokens(norm: string, ctx: GrammarContext): DueToken[] {
  return [...applyRules(RULES, norm, ctx), ...numericTokens(norm)];
}

/** The rule names, for the README and the tests that cover every family. */
export const ENGLISH_RULE_NAMES = RULES.map((r) => r.name);
