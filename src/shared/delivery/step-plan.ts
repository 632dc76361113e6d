import type { DeliveryOutcome } from './delivery.js';
import { deliveryId } from './delivery.js';
import type { PlannedDelivery } from './due-sweep.js';
import { type StepSummary, settleSteps } from './step-summary.js';

/** How one item's due steps go out: who gets each, when each recipient may, and the delivery each is. */
export interface StepRoute<Step, Recipient extends { readonly channel: string }, Entry> {
  /** A due step that no longer means anything: done without a message (a reminder after the due time). */
  readonly stale?: (step: Step) => boolean;
  /** Nobody: the step is done without a message. */
  readonly recipientsOf: (step: Step) => Promise<readonly Recipient[]>;
  /** The earliest this recipient may get it (their working hours); undefined or past: now. */
  readonly notBefore: (step: Step, recipient: Recipient) => Date | undefined;
  /** The delivery to one recipient, under the ledger id the planner made for it. */
  readonly delivery: (step: Step, recipient: Recipient, id: string) => PlannedDelivery<Entry>;
}

export interface PlannedSteps<Key, Entry> {
  readonly deliveries: PlannedDelivery<Entry>[];
  /** Once the deliveries settled: the steps now done, and when to look at the item again. */
  settle(outcomes: ReadonlyMap<string, DeliveryOutcome>): { done: Key[]; nextAt: Date | null };
}

/**
 * The deliveries of an item's steps due at `now` (one per step and recipient, id `item:step:channel`), the
 * recipients still outside their working hours held back; the promise, incident and client-watch sweeps
 * share it, and `settle` (settleSteps) says afterwards which steps are done.
 */
export async function planDueSteps<
  Key extends string,
  Step extends { readonly key: Key; readonly at: Date },
  Recipient extends { readonly channel: string },
  Entry,
>(
  itemId: string,
  pending: readonly Step[],
  doneBefore: readonly Step['key'][],
  route: StepRoute<Step, Recipient, Entry>,
  now: Date,
  summary: StepSummary,
): Promise<PlannedSteps<Step['key'], Entry>> {
  const done = [...doneBefore];
  const waits: number[] = [];
  const deliveries: PlannedDelivery<Entry>[] = [];
  const sending: Array<{ step: Step['key']; ids: string[]; held: boolean }> = [];
  for (const step of pending.filter((s) => s.at.getTime() <= now.getTime())) {
    const recipients = route.stale?.(step) ? [] : await route.recipientsOf(step);
    if (recipients.length === 0) {
      done.push(step.key);
      summary.skipped++;
      continue;
    }
    const entry = { step: step.key, ids: [] as string[], held: false };
    for (const recipient of recipients) {
      const notBefore = route.notBefore(step, recipient);
      if (notBefore && notBefore.getTime() > now.getTime()) {
        entry.held = true;
        waits.push(notBefore.getTime());
        summary.deferred++;
        continue;
      }
      const id = deliveryId(itemId, step.key, recipient.channel);
      entry.ids.push(id);
      deliveries.push(route.delivery(step, recipient, id));
    }
    sending.push(entry);
  }
  return { deliveries, settle: (outcomes) => settleSteps(sending, outcomes, pending, done, waits, now) };
}
