import type { ClientPromise } from './client-promise.js';

export interface TimeWindow {
  readonly start: Date;
  /** Exclusive. */
  readonly end: Date;
}

/**
 * How a promise did in a week, judged at `now`:
 * - `good`: kept on time by a due time in the week, or renegotiated early away from a due time in it
 *   with the client informed (the same rule as the weekly recap's rate);
 * - `bad`: a due time in the week passed without it being kept on time (kept late, still open past
 *   due, renegotiated only after the due time had passed, or without telling the client);
 * - `none`: nothing was due in the week, it was cancelled, or it is not due yet.
 */
export type WeekOutcome = 'good' | 'bad' | 'none';

const within = (instant: Date, window: TimeWindow) => instant.getTime() >= window.start.getTime() && instant.getTime() < window.end.getTime();

export function weekOutcome(promise: ClientPromise, week: TimeWindow, now: Date): WeekOutcome {
  const moved = promise.renegotiations.filter((r) => within(r.previousDueAt, week));
  if (moved.some((r) => !r.early || !r.clientInformed)) return 'bad';
  if (moved.length > 0) return 'good';
  if (!within(promise.dueAt, week)) return 'none';
  const outcome = promise.outcome;
  if (outcome?.kind === 'cancelled') return 'none';
  if (outcome?.kind === 'kept') return outcome.onTime ? 'good' : 'bad';
  return promise.dueAt.getTime() <= now.getTime() ? 'bad' : 'none';
}

export interface OnTimeRate {
  /** Kept on time + renegotiated early with the client informed. */
  readonly good: number;
  /** Every promise whose due time in the week has come (good + bad). */
  readonly due: number;
  /** good / due, or null when nothing was due yet. */
  readonly rate: number | null;
}

/** The team's on-time rate for a week, from the promises due in it (duplicates counted once). */
export function onTimeRate(promises: readonly ClientPromise[], week: TimeWindow, now: Date): OnTimeRate {
  let good = 0;
  let bad = 0;
  const seen = new Set<string>();
  for (const promise of promises) {
    if (seen.has(promise.id)) continue;
    seen.add(promise.id);
    const outcome = weekOutcome(promise, week, now);
    if (outcome === 'good') good++;
    else if (outcome === 'bad') bad++;
  }
  const due = good + bad;
  return { good, due, rate: due === 0 ? null : good / due };
}
