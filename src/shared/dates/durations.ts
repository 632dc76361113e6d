// What a duration means as a due date, in either language: minutes and hours are an exact
// instant ("in 90 minutes"); days, weeks and months are a day, due at the default hour.

import type { DueToken } from './due-tokens.js';
import type { GrammarContext } from './grammar.js';

const MINUTE_MS = 60_000;

export type Unit = 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year';

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
