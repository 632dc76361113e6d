import type { DeliveryOutcome } from './delivery.js';

/** What one sweep did, for the job's summary line and exit code. */
export interface StepSummary {
  /** Steps delivered now (each item of a digest counts). */
  sent: number;
  /** Due steps that needed nothing (done by another instance, no recipient, no longer relevant). */
  skipped: number;
  /** Due steps that wait: for working hours, a retry, or another instance's claim. */
  deferred: number;
  /** Posts that failed now (retried later) or were given up. */
  failed: number;
}

export function emptySummary(): StepSummary {
  return { sent: 0, skipped: 0, deferred: 0, failed: 0 };
}

export function addSummaries(a: StepSummary, b: StepSummary): StepSummary {
  return { sent: a.sent + b.sent, skipped: a.skipped + b.skipped, deferred: a.deferred + b.deferred, failed: a.failed + b.failed };
}

/** Runs `work` over items with at most `limit` in flight. */
export async function inPool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++]!;
      await work(item);
    }
  });
  await Promise.all(runners);
}

/** Counts one delivery outcome into a summary. */
export function countDelivery(outcome: DeliveryOutcome, summary: StepSummary): void {
  switch (outcome.status) {
    case 'sent':
      summary.sent++;
      return;
    case 'already_sent':
      summary.skipped++;
      return;
    case 'busy':
      summary.deferred++;
      return;
    case 'gave_up':
    case 'retry_later':
      summary.failed++;
      return;
  }
}

/** When to look at a delivery again: undefined once it needs nothing more (sent, or given up). */
export function retryMomentOf(outcome: DeliveryOutcome | undefined, now: Date): number | undefined {
  if (!outcome) return now.getTime() + 60_000;
  return outcome.status === 'busy' || outcome.status === 'retry_later' ? outcome.retryAt.getTime() : undefined;
}

/**
 * After a sweep's deliveries settle: the steps now done (every delivery of the step settled, none held back
 * for working hours) and when to look at the item again (the soonest retry, hold or next planned step;
 * null when nothing is left). Promise, incident and client-watch sweeps share it.
 */
export function settleSteps<Key>(
  sending: ReadonlyArray<{ readonly step: Key; readonly ids: readonly string[]; readonly held: boolean }>,
  outcomes: ReadonlyMap<string, DeliveryOutcome>,
  pending: ReadonlyArray<{ readonly key: Key; readonly at: Date }>,
  doneBefore: readonly Key[],
  waits: readonly number[],
  now: Date,
): { done: Key[]; nextAt: Date | null } {
  const done = [...doneBefore];
  const later = [...waits];
  for (const { step, ids, held } of sending) {
    const retries = ids.map((id) => retryMomentOf(outcomes.get(id), now)).filter((at): at is number => at !== undefined);
    later.push(...retries);
    if (!held && retries.length === 0) done.push(step);
  }
  const doneSet = new Set(done);
  const next = pending.find((s) => !doneSet.has(s.key) && s.at.getTime() > now.getTime())?.at.getTime();
  if (next !== undefined) later.push(next);
  return { done, nextAt: later.length > 0 ? new Date(Math.min(...later)) : null };
}
