import { randomBytes } from 'node:crypto';
import type { JsonLogger } from '../logger.js';
import type { SettingsStore } from '../workspace/settings-store.js';
import { type Workspace, workspaceKey } from '../workspace/workspace.js';
import type { WorkspaceSettings } from '../workspace/workspace-settings.js';
import type { Deliverer, DeliveryOutcome, OutgoingMessage } from './delivery.js';
import { type Digest, deliverDigest, SweepBackoff } from './digest-delivery.js';
import { countDelivery, emptySummary, inPool, type StepSummary } from './step-summary.js';

/** One message an item owes now, to one recipient. */
export interface PlannedDelivery<Entry> {
  /** The ledger id: unique per item, step and recipient. */
  readonly id: string;
  readonly channel: string;
  readonly threadTs?: string | undefined;
  /** Deliveries of one kind to one recipient in one sweep go out as one digest. */
  readonly kind: string;
  readonly purpose: 'alert' | 'reminder';
  /** Smaller first: the most urgent leads its digest. */
  readonly urgency: number;
  /** After this, a failed post is given up: the message no longer means anything. */
  readonly expiresAt?: Date | undefined;
  readonly entry: Entry;
}

/** What one due item needs now, and how to record its progress once the deliveries are settled. */
export interface ItemPlan<Entry> {
  readonly deliveries: readonly PlannedDelivery<Entry>[];
  finish(outcomes: ReadonlyMap<string, DeliveryOutcome>): Promise<void>;
}

export interface DueSweep<Item extends { workspace: Workspace }, Entry> {
  /** One page of due items, oldest first, after `cursor`: an indexed range query. */
  findDue(now: Date, limit: number, cursor: Item | undefined): Promise<Item[]>;
  plan(item: Item, settings: WorkspaceSettings, summary: StepSummary): Promise<ItemPlan<Entry>>;
  /** The message for a digest's entries (one entry: the single message). */
  render(kind: string, settings: WorkspaceSettings, entries: readonly Entry[]): Omit<OutgoingMessage, 'channel' | 'threadTs'>;
  /** For the log line when an item fails. */
  describe(item: Item): Record<string, string>;
  readonly deliverer: Deliverer;
  readonly settings: SettingsStore;
  readonly logger: JsonLogger;
  readonly concurrency?: number | undefined;
  readonly pageSize?: number | undefined;
  /** At most this many items are planned in one sweep; the rest stay due for the next one. */
  readonly maxItems?: number | undefined;
}

const DEFAULT_MAX_ITEMS = 5_000;
/** An item whose delivery could not be settled at all (a storage error) is looked at again this much later. */
const UNSETTLED_RETRY_MS = 60_000;

/**
 * The loop every sweep shares. First it plans: pages through what is due (the workspace settings read
 * once per sweep) and collects what each item owes to whom. Then it delivers: one digest per recipient
 * and kind, a bounded number in flight, each workspace and channel backing off on its own. Last, each
 * item records its progress. One item's or one digest's failure is logged and counted without stopping
 * the rest.
 */
export async function runDueSweep<Item extends { workspace: Workspace }, Entry>(sweep: DueSweep<Item, Entry>, now: Date, name: string): Promise<StepSummary> {
  const summary = emptySummary();
  const settingsCache = new Map<string, Promise<WorkspaceSettings>>();
  const settingsOf = (workspace: Workspace) => {
    const key = workspaceKey(workspace);
    if (!settingsCache.has(key)) settingsCache.set(key, sweep.settings.get(workspace));
    return settingsCache.get(key)!;
  };
  const concurrency = sweep.concurrency ?? 16;
  const pageSize = sweep.pageSize ?? 200;
  const maxItems = sweep.maxItems ?? DEFAULT_MAX_ITEMS;

  const plans: Array<{ item: Item; plan: ItemPlan<Entry> }> = [];
  let cursor: Item | undefined;
  for (let seen = 0; seen < maxItems; ) {
    const page = await sweep.findDue(now, Math.min(pageSize, maxItems - seen), cursor);
    seen += page.length;
    await inPool(page, concurrency, async (item) => {
      try {
        plans.push({ item, plan: await sweep.plan(item, await settingsOf(item.workspace), summary) });
      } catch (error) {
        summary.failed++;
        sweep.logger.event('error', `${name} sweep step failed`, { workspace: item.workspace.teamId, ...sweep.describe(item), error: String(error) });
      }
    });
    if (page.length < pageSize) break;
    cursor = page.at(-1);
  }

  const digests = new Map<string, { digest: Omit<Digest<Entry>, 'render'>; settings: Promise<WorkspaceSettings>; items: PlannedDelivery<Entry>[] }>();
  for (const { item, plan } of plans) {
    for (const d of plan.deliveries) {
      const key = [workspaceKey(item.workspace), d.channel, d.threadTs ?? '', d.kind].join('\u0000');
      const group = digests.get(key) ?? {
        digest: { workspace: item.workspace, channel: d.channel, threadTs: d.threadTs, kind: d.kind, purpose: d.purpose, items: [] },
        settings: settingsOf(item.workspace),
        items: [],
      };
      group.items.push(d);
      digests.set(key, group);
    }
  }

  const outcomes = new Map<string, DeliveryOutcome>();
  const backoff = new SweepBackoff();
  const sweepId = randomBytes(6).toString('base64url');
  // Small digests first: one recipient's storm of items never holds up everyone else's single reminder.
  const queue = [...digests.values()].sort((a, b) => a.items.length - b.items.length);
  await inPool(queue, concurrency, async ({ digest, settings, items }) => {
    const ordered = [...items].sort((a, b) => a.urgency - b.urgency);
    const ws = workspaceKey(digest.workspace);
    try {
      const resolved = await settings;
      const result = await deliverDigest(
        sweep.deliverer,
        { ...digest, items: ordered, render: (entries) => sweep.render(digest.kind, resolved, entries) },
        now,
        backoff,
        sweepId,
      );
      for (const [id, outcome] of result) outcomes.set(`${ws}/${id}`, outcome);
      logFailures(sweep.logger, name, digest, result);
    } catch (error) {
      sweep.logger.event('error', `${name} digest delivery failed`, {
        workspace: digest.workspace.teamId,
        channel: digest.channel,
        deliveryIds: ordered.map((d) => d.id).join(','),
        error: String(error),
      });
    }
  });

  const unsettled: DeliveryOutcome = { status: 'busy', retryAt: new Date(now.getTime() + UNSETTLED_RETRY_MS) };
  await inPool(plans, concurrency, async ({ item, plan }) => {
    const ws = workspaceKey(item.workspace);
    const mine = new Map<string, DeliveryOutcome>();
    for (const d of plan.deliveries) {
      const outcome = outcomes.get(`${ws}/${d.id}`) ?? unsettled;
      countDelivery(outcome, summary);
      mine.set(d.id, outcome);
    }
    try {
      await plan.finish(mine);
    } catch (error) {
      summary.failed++;
      sweep.logger.event('error', `${name} sweep step failed`, { workspace: item.workspace.teamId, ...sweep.describe(item), error: String(error) });
    }
  });
  return summary;
}

/** A retry is a warning; a give-up an error naming every delivery it concerns. */
function logFailures(logger: JsonLogger, name: string, digest: Omit<Digest<unknown>, 'render'>, outcomes: ReadonlyMap<string, DeliveryOutcome>) {
  for (const status of ['retry_later', 'gave_up'] as const) {
    const ids = [...outcomes].filter(([, o]) => o.status === status).map(([id]) => id);
    if (ids.length === 0) continue;
    const outcome = outcomes.get(ids[0]!) as Extract<DeliveryOutcome, { status: typeof status }>;
    logger.event(status === 'gave_up' ? 'error' : 'warn', `${name} ${digest.purpose} delivery ${status === 'gave_up' ? 'given up' : 'will be retried'}`, {
      workspace: digest.workspace.teamId,
      channel: digest.channel,
      kind: digest.kind,
      deliveryIds: ids.join(','),
      error: outcome.error ?? 'unknown_error',
    });
  }
}
