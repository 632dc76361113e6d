import { createHash } from 'node:crypto';
import { type Workspace, workspaceKey } from '../workspace/workspace.js';
import { type Deliverer, type DeliveryOutcome, type OutgoingMessage, type PostFailure, withDeliveryId } from './delivery.js';
import type { Claim } from './delivery-ledger.js';
import { inPool } from './step-summary.js';

/** One thing owed to one recipient (a reminder, an alert), with its own delivery id in the ledger. */
export interface DigestItem<Entry> {
  readonly id: string;
  readonly entry: Entry;
  readonly expiresAt?: Date | undefined;
}

/** Everything of one kind due for one recipient in one sweep: posted as one message. */
export interface Digest<Entry> {
  readonly workspace: Workspace;
  readonly channel: string;
  readonly threadTs?: string | undefined;
  readonly kind: string;
  readonly purpose: 'alert' | 'reminder';
  /** Most urgent first. */
  readonly items: readonly DigestItem<Entry>[];
  /** One entry reads as the single message it always was; several as a digest. */
  render(entries: readonly Entry[]): Omit<OutgoingMessage, 'channel' | 'threadTs'>;
}

/**
 * Back-off that one sweep shares: a 429 holds back the workspace that got it (no other), a transient
 * failure the channel it happened in. Everything held back waits for the next sweep, claims untouched.
 */
export class SweepBackoff {
  private readonly until = new Map<string, number>();

  blockedUntil(workspace: Workspace, channel: string, now: Date): Date | undefined {
    const at = Math.max(this.until.get(workspaceKey(workspace)) ?? 0, this.until.get(`${workspaceKey(workspace)}#${channel}`) ?? 0);
    return at > now.getTime() ? new Date(at) : undefined;
  }

  block(workspace: Workspace, channel: string | undefined, until: Date): void {
    const key = channel === undefined ? workspaceKey(workspace) : `${workspaceKey(workspace)}#${channel}`;
    this.until.set(key, Math.max(this.until.get(key) ?? 0, until.getTime()));
  }
}

type Claimed = Extract<Claim, { kind: 'claimed' }>;

/** Fresh items claimed in one commit (Firestore allows 500 writes a commit). */
const FRESH_BATCH = 400;

const shortHash = (...parts: string[]) => createHash('sha256').update(parts.join('\u0000')).digest('base64url').slice(0, 16);

/**
 * Delivers a digest with once-only delivery per item: each item is claimed on its own (three sweeps at
 * once still deliver each item once, split between them); the items this instance won go out as one
 * message whose metadata carries the message's id, written on every item's claim before the post. An
 * item an earlier attempt carried (a failed post, a lapsed claim) goes out again with exactly the items
 * that attempt carried, after looking for that attempt's message in the conversation when it may have
 * arrived. `sweepId` makes this sweep's message ids its own.
 */
export async function deliverDigest<Entry>(
  deliverer: Deliverer,
  digest: Digest<Entry>,
  now: Date,
  backoff: SweepBackoff,
  sweepId: string,
): Promise<Map<string, DeliveryOutcome>> {
  const outcomes = new Map<string, DeliveryOutcome>();
  const { workspace, channel } = digest;
  const blocked = backoff.blockedUntil(workspace, channel, now);
  if (blocked) {
    for (const item of digest.items) outcomes.set(item.id, { status: 'busy', retryAt: blocked });
    return outcomes;
  }
  const fresh = `${sweepId}.${shortHash(digest.kind, channel, digest.threadTs ?? '')}`;
  const claims = new Map<string, Claimed>();
  const options = (item: DigestItem<Entry>) => ({
    digestId: (previous: string | undefined) => (previous === undefined ? fresh : `${sweepId}.${shortHash(previous)}`),
    expiresAt: item.expiresAt,
    purpose: digest.purpose,
    channel,
  });
  // Items seen for the first time are claimed together in one commit; any already in the ledger, one by one.
  for (let i = 0; i < digest.items.length; i += FRESH_BATCH) {
    const chunk = digest.items.slice(i, i + FRESH_BATCH);
    const together = chunk.length > 1 ? await deliverer.ledger.claimFresh(workspace, chunk, now, options(chunk[0]!)) : undefined;
    if (together) {
      for (const [id, claim] of together) if (claim.kind === 'claimed') claims.set(id, claim);
      continue;
    }
    await inPool(chunk, 16, async (item) => {
      const claim = await deliverer.ledger.claim(workspace, item.id, now, options(item));
      if (claim.kind === 'done') outcomes.set(item.id, claim.outcome);
      else claims.set(item.id, claim);
    });
  }

  // One message per id: this sweep's fresh items together, and each earlier attempt's items together.
  const messages = new Map<string, DigestItem<Entry>[]>();
  for (const item of digest.items) {
    const claim = claims.get(item.id);
    if (!claim) continue;
    messages.set(claim.digestId, [...(messages.get(claim.digestId) ?? []), item]);
  }
  for (const [messageId, items] of messages) {
    const ids = items.map((i) => i.id);
    const first = claims.get(ids[0]!)!;
    const found = await deliverer.recheck(workspace, channel, first, digest.threadTs);
    if (found === 'unknown') {
      const waiting = await deliverer.ledger.postpone(workspace, ids, now, claims);
      for (const id of ids) outcomes.set(id, waiting);
      continue;
    }
    if (found) {
      await deliverer.ledger.markSent(workspace, ids, now, found);
      for (const id of ids) outcomes.set(id, { status: 'already_sent' });
      continue;
    }
    const heldUntil = backoff.blockedUntil(workspace, channel, now);
    const result = heldUntil
      ? ({ ok: false, retryable: true, error: 'rate_limited', retryAfterMs: heldUntil.getTime() - now.getTime() } satisfies PostFailure)
      : await deliverer.post(
          workspace,
          withDeliveryId({ channel, ...(digest.threadTs ? { threadTs: digest.threadTs } : {}), ...digest.render(items.map((i) => i.entry)) }, messageId),
        );
    if (result.ok) {
      await deliverer.ledger.markSent(workspace, ids, now, result.ts);
      for (const id of ids) outcomes.set(id, { status: 'sent', ts: result.ts });
      continue;
    }
    const released = await deliverer.ledger.release(
      workspace,
      items.map((i) => ({ id: i.id, attempt: claims.get(i.id)!.attempt, expiresAt: i.expiresAt })),
      result,
      now,
    );
    for (const [index, outcome] of released.entries()) outcomes.set(ids[index]!, outcome);
    const retryAt = released.find((o) => o.status === 'retry_later')?.retryAt;
    if (retryAt) backoff.block(workspace, result.error === 'rate_limited' ? undefined : channel, retryAt);
  }
  return outcomes;
}
