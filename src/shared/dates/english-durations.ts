// English durations: "in 20 minutes", "in 1/2 h", "in half an hour", "in 2 and a half hours",
// "3 days from now", "a fortnight hence", "within 2 weeks". Minutes and hours give an instant;
// days, weeks and months give a day (due at the default hour).

import type { DueToken } from './due-tokens.js';
import { WORD_END as E, WORD_START as W } from './due-tokens.js';
import { EN_CARDINAL, englishNumber } from './english-words.js';
import type { GrammarContext, Rule } from './grammar.js';

const MINUTE_MS = 60_000;

const AMOUNT =
  `(?:an?\\s+|one\\s+)?(?:(\\d+(?:[.,]\\d+)?)\\s+and\\s+(?:an?\\s+)?half|(\\d+)\\s*\\/\\s*(\\d+)|(\\d+(?:[.,]\\d+)?)|(${EN_CARDINAL})(?:\\s+and\\s+an?\\s+half)?|` +
  `(a\\s+couple\\s+of|a\\s+couple|couple\\s+of|a\\s+pair\\s+of|a\\s+few|few|several|half\\s+an?|a\\s+half|(?:a\\s+)?quarter\\s+of\\s+an?|three[\\s-]quarters\\s+of\\s+an?|an?|one))`;
const UNIT = '(minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|wks?|w|fortnights?|months?|mos?|years?|yrs?)';
const LEAD = '(in|within|after)\\s+(?:about\\s+|around\\s+|approximately\\s+|roughly\\s+|just\\s+)?(?:another\\s+)?';
const TAIL = '(?:\\s+(from\\s+(?:right\\s+)?now|from\\s+today|hence|later|time))?';

type Unit = 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year';

function unitOf(word: string): Unit {
  if (/^(?:minutes?|mins?|m)$/u.test(word)) return 'minute';
  if (/^(?:hours?|hrs?|h)$/u.test(word)) return 'hour';
  if (/^(?:days?|d)$/u.test(word)) return 'day';
  if (/^(?:months?|mos?)$/u.test(word)) return 'month';
  if (/^(?:years?|yrs?)$/u.test(word)) return 'year';
  return 'week';
}

function amountOf(m: RegExpExecArray, at: number): number | undefined {
  const [andHalf, num, den, digits, word, phrase] = [m[at], m[at + 1], m[at + 2], m[at + 3], m[at + 4], m[at + 5]];
  if (andHalf !== undefined) return Number(andHalf.replace(',', '.')) + 0.5;
  if (num !== undefined && den !== undefined) return Number(den) > 0 ? Number(num) / Number(den) : undefined;
  if (digits !== undefined) return Number(digits.replace(',', '.'));
  if (word !== undefined) return (englishNumber(word) ?? Number.NaN) + (/half/u.test(m[0]) ? 0.5 : 0);
  if (phrase === undefined) return 1;
  if (/couple|pair/u.test(phrase)) return 2;
  if (/few|several/u.test(phrase)) return 3;
  if (/three/u.test(phrase)) return 0.75;
  if (/quarter/u.test(phrase)) return 0.25;
  if (/half/u.test(phrase)) return 0.5;
  return 1;
}

/** What "N units" from now means: an instant for minutes and hours, a day for longer spans. */
export function durationToken(ctx: GrammarContext, amount: number, unit: Unit, within: boolean): Omit<DueToken, 'start' | 'end' | 'priority'> | null {
  if (!Number.isFinite(amount) || amount <= 0 || amount > 1000) return null;
  if (unit === 'minute' || unit === 'hour') {
    const ms = amount * (unit === 'hour' ? 60 : 1) * MINUTE_MS;
    return { instant: new Date(ctx.now.getTime() + Math.round(ms / MINUTE_MS) * MINUTE_MS) };
  }
  if (unit === 'month' || unit === 'year') {
    const months = Math.round(amount * (unit === 'year' ? 12 : 1));
    return months === amount * (unit === 'year' ? 12 : 1) ? { date: { kind: 'offset', days: 0, months } } : null;
  }
  const days = amount * (unit === 'week' ? 7 : 1);
  if (!Number.isInteger(days)) return { instant: new Date(ctx.now.getTime() + days * 1440 * MINUTE_MS) };
  // "within 2 weeks" ends with the last of those days; "in 2 weeks" is the day they are over.
  return { date: { kind: 'offset', days: within ? days - 1 : days } };
}

export function durationRules(): Rule[] {
  const first = 2;
  return [
    {
      name: 'a duration after in / within: in 20 minutes, in 1/2 h, within 2 weeks, in a fortnight',
      pattern: new RegExp(`${W}${LEAD}${AMOUNT}\\s*(?:more\\s+)?${UNIT}${TAIL}${E}`, 'gu'),
      priority: 3,
      build: (m, ctx) => {
        const word = m[first + 6] ?? '';
        const amount = (amountOf(m, first) ?? Number.NaN) * (/^fortnight/u.test(word) ? 2 : 1);
        return durationToken(ctx, amount, unitOf(word), m[1] === 'within');
      },
    },
    {
      name: 'two units: in 1 hour 30 minutes, in an hour and a half',
      pattern: new RegExp(`${W}(?:in|within)\\s+(\\d+|an?|one)\\s+(hours?|h)\\s*(?:and\\s+)?(?:(\\d+)\\s*(minutes?|mins?|m)|(a\\s+half))${E}`, 'gu'),
      priority: 4,
      build: (m, ctx) => {
        const hours = /^\d/u.test(m[1] ?? '') ? Number(m[1]) : 1;
        const minutes = m[5] ? 30 : Number(m[3]);
        return durationToken(ctx, hours * 60 + minutes, 'minute', false);
      },
    },
    {
      name: 'a duration counted from now: 3 days from now, a week hence',
      pattern: new RegExp(`${W}${AMOUNT}\\s*${UNIT}\\s+(from\\s+(?:right\\s+)?now|from\\s+today|hence|later)${E}`, 'gu'),
      priority: 3,
      build: (m, ctx) => {
        const word = m[first + 5] ?? '';
        const amount = (amountOf(m, first - 1) ?? Number.NaN) * (/^fortnight/u.test(word) ? 2 : 1);
        // "a day from right now" means this minute tomorrow, not just tomorrow.
        if (/right/u.test(m[first + 6] ?? '') && ['day', 'week'].includes(unitOf(word))) {
          return durationToken(ctx, amount * (unitOf(word) === 'week' ? 7 : 1) * 24, 'hour', false);
        }
        return durationToken(ctx, amount, unitOf(word), false);
      },
    },
    {
      name: 'minutes without the unit: in 15',
      pattern: new RegExp(`${W}in\\s+(\\d{1,2})(?=\\s*(?:$|[,.;!?)]))`, 'gu'),
      build: (m, ctx) => durationToken(ctx, Number(m[1]), 'minute', false),
    },
  ];
}
