import type { DeliveryOutcome } from './delivery.js';

/** What one sweep did, for the job's summary line and exit code. */
export interface StepSummary {
  /** Messages posted now. */
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

/**
 * Counts one delivery outcome into a summary; true when the delivery needs nothing more. A wait
 * (another instance's claim, a retry) adds the moment to look again to `waits`.
 */
export function countDelivery(outcome: DeliveryOutcome, summary: StepSummary, waits: number[]): boolean {
  switch (outcome.status) {
    case 'sent':
      summary.sent++;
      return true;
    case 'already_sent':
      summary.skipped++;
      return true;
    case 'gave_up':
      summary.failed++;
      return true;
    case 'busy':
      summary.deferred++;
      waits.push(outcome.retryAt.getTime());
      return false;
    case 'retry_later':
      summary.failed++;
      waits.push(outcome.retryAt.getTime());
      return false;
  }
}
