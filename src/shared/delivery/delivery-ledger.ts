import type { Firestore, WriteBatch } from '@google-cloud/firestore';
import { toDate } from '../firestore/firestore.js';
import { isAlreadyExists } from '../firestore/firestore-docs.js';
import { type Workspace, workspaceKey } from '../workspace/workspace.js';
import type { DeliveryOutcome, DeliveryTerms, PostFailure } from './delivery-types.js';

export interface DeliveryPolicy {
  /** A cap on failed tries (rate limits never count); without one, only the message's expiry ends the retries. */
  readonly maxAttempts?: number | undefined;
  /** How long a claim protects a post in flight before another instance may take over. */
  readonly leaseMs: number;
  /** The first retry's wait; each further failure doubles it, up to `maxBackoffMs`. */
  readonly backoffBaseMs: number;
  readonly maxBackoffMs?: number | undefined;
}

export const DEFAULT_DELIVERY_POLICY: DeliveryPolicy = { leaseMs: 2 * 60_000, backoffBaseMs: 60_000, maxBackoffMs: 15 * 60_000 };

/** A message without an expiry of its own still means something for a day. */
const DEFAULT_LIFETIME_MS = 24 * 3_600_000;
/** When Slack cannot be asked whether a lapsed post arrived, look again this much later. */
const RECHECK_RETRY_MS = 60_000;

export type Claim =
  | {
      readonly kind: 'claimed';
      readonly attempt: number;
      /** The id this attempt's message carries in its metadata (written with the claim, before the post). */
      readonly digestId: string;
      /** An earlier attempt may have posted: look for a message carrying `digestId` since `since` first. */
      readonly recheck?: { readonly digestId: string; readonly since: Date } | undefined;
    }
  | { readonly kind: 'done'; readonly outcome: DeliveryOutcome };

export interface ClaimOptions extends DeliveryTerms {
  /** The id of the message this claim will be part of, given the id of the message an earlier attempt was part of. */
  readonly digestId: (previous: string | undefined) => string;
  readonly channel?: string | undefined;
}

export interface Release {
  readonly id: string;
  readonly attempt: number;
  readonly expiresAt?: Date | undefined;
}

/** A delivery given up recently, for the leads' Home. */
export interface GivenUp {
  readonly purpose: 'alert' | 'reminder' | 'recap';
  readonly error: string;
  readonly at: Date;
}

const PURPOSES = new Set(['alert', 'reminder', 'recap']);
const FAILED_PRECONDITION = 9;
const BATCH = 400;

/**
 * The delivery ledger (`teams/{workspace}/deliveries/{id}`): one document per message Kept owes, claimed
 * with `create()` so only one instance posts it. States: claimed (a post in flight, protected by a lease),
 * retry (waits for `nextAttemptAt`), sent, gave_up.
 */
export class DeliveryLedger {
  constructor(
    private readonly db: Firestore,
    readonly policy: DeliveryPolicy = DEFAULT_DELIVERY_POLICY,
  ) {}

  private collection(workspace: Workspace) {
    return this.db.collection('teams').doc(workspaceKey(workspace)).collection('deliveries');
  }

  async claim(workspace: Workspace, id: string, now: Date, options: ClaimOptions): Promise<Claim> {
    const ref = this.collection(workspace).doc(id);
    const leaseUntil = new Date(now.getTime() + this.policy.leaseMs);
    const fresh = options.digestId(undefined);
    try {
      await ref.create({
        state: 'claimed',
        attempts: 1,
        leaseUntil,
        claimedAt: now,
        digestId: fresh,
        expiresAt: options.expiresAt ?? new Date(now.getTime() + DEFAULT_LIFETIME_MS),
        ...(options.purpose ? { purpose: options.purpose } : {}),
        ...(options.channel ? { channel: options.channel } : {}),
      });
      return { kind: 'claimed', attempt: 1, digestId: fresh };
    } catch (error) {
      if (!isAlreadyExists(error)) throw error;
    }
    const snapshot = await ref.get();
    const d = snapshot.data();
    if (!d) return { kind: 'done', outcome: { status: 'busy', retryAt: now } };
    if (d.state === 'sent') return { kind: 'done', outcome: { status: 'already_sent' } };
    if (d.state === 'gave_up') return { kind: 'done', outcome: { status: 'gave_up', error: d.lastError } };
    const waitUntil = d.state === 'claimed' ? toDate(d.leaseUntil) : toDate(d.nextAttemptAt);
    if (waitUntil.getTime() > now.getTime()) return { kind: 'done', outcome: { status: 'busy', retryAt: waitUntil } };
    // The lease ran out (an instance died mid-post) or a retry is due: take over, unless someone else just did.
    const previous = typeof d.digestId === 'string' ? d.digestId : id;
    const mayHavePosted = d.state === 'claimed' || d.ambiguous === true;
    const attempt = (d.attempts ?? 0) + 1;
    const digestId = options.digestId(previous);
    try {
      await ref.update({ state: 'claimed', attempts: attempt, leaseUntil, claimedAt: now, digestId }, { lastUpdateTime: snapshot.updateTime! });
    } catch (error) {
      if ((error as { code?: number }).code === FAILED_PRECONDITION) return { kind: 'done', outcome: { status: 'busy', retryAt: leaseUntil } };
      throw error;
    }
    const recheck = mayHavePosted && d.claimedAt ? { digestId: previous, since: toDate(d.claimedAt) } : undefined;
    return { kind: 'claimed', attempt, digestId, recheck };
  }

  /**
   * Claims every id in one commit when none of them is in the ledger yet (the usual case: a digest's
   * items come due for the first time); undefined when one already is (then each is claimed on its own).
   */
  async claimFresh(
    workspace: Workspace,
    items: ReadonlyArray<{ readonly id: string; readonly expiresAt?: Date | undefined }>,
    now: Date,
    options: ClaimOptions,
  ): Promise<Map<string, Claim> | undefined> {
    const digestId = options.digestId(undefined);
    const batch = this.db.batch();
    for (const { id, expiresAt } of items) {
      batch.create(this.collection(workspace).doc(id), {
        state: 'claimed',
        attempts: 1,
        leaseUntil: new Date(now.getTime() + this.policy.leaseMs),
        claimedAt: now,
        digestId,
        expiresAt: expiresAt ?? new Date(now.getTime() + DEFAULT_LIFETIME_MS),
        ...(options.purpose ? { purpose: options.purpose } : {}),
        ...(options.channel ? { channel: options.channel } : {}),
      });
    }
    try {
      await batch.commit();
    } catch (error) {
      if (isAlreadyExists(error)) return undefined;
      throw error;
    }
    return new Map(items.map(({ id }) => [id, { kind: 'claimed', attempt: 1, digestId }]));
  }

  async markSent(workspace: Workspace, ids: readonly string[], now: Date, ts: string | undefined): Promise<void> {
    await this.writeAll(ids, (batch, id) =>
      batch.update(this.collection(workspace).doc(id), { state: 'sent', sentAt: now, ts: ts ?? null, leaseUntil: null, ambiguous: false }),
    );
  }

  /** Slack could not be asked whether a lapsed post arrived: keep what to look for, and look again soon (not a try). */
  async postpone(
    workspace: Workspace,
    ids: readonly string[],
    now: Date,
    claims?: ReadonlyMap<string, Extract<Claim, { kind: 'claimed' }>>,
  ): Promise<DeliveryOutcome> {
    const retryAt = new Date(now.getTime() + RECHECK_RETRY_MS);
    await this.writeAll(ids, (batch, id) => {
      const claim = claims?.get(id);
      batch.update(this.collection(workspace).doc(id), {
        state: 'retry',
        nextAttemptAt: retryAt,
        leaseUntil: null,
        ambiguous: true,
        ...(claim?.recheck ? { digestId: claim.recheck.digestId, claimedAt: claim.recheck.since, attempts: claim.attempt - 1 } : {}),
      });
    });
    return { status: 'busy', retryAt };
  }

  /**
   * After a failed post: a rate limit is not a try (it waits for Retry-After); other transient errors
   * back off, doubling; the message is given up when it failed for good or would only arrive after it
   * stopped meaning anything.
   */
  async release(workspace: Workspace, items: readonly Release[], result: PostFailure, now: Date): Promise<DeliveryOutcome[]> {
    const rateLimited = result.error === 'rate_limited';
    const outcomes: DeliveryOutcome[] = [];
    await this.writeAll(items, (batch, item) => {
      const ref = this.collection(workspace).doc(item.id);
      const attempt = rateLimited ? item.attempt - 1 : item.attempt;
      const backoff = rateLimited ? 0 : Math.min(this.policy.backoffBaseMs * 2 ** (attempt - 1), this.policy.maxBackoffMs ?? Number.POSITIVE_INFINITY);
      const retryAt = new Date(now.getTime() + Math.max(backoff, result.retryAfterMs ?? 0));
      const expired = item.expiresAt !== undefined && retryAt.getTime() >= item.expiresAt.getTime();
      const capped = !rateLimited && this.policy.maxAttempts !== undefined && attempt >= this.policy.maxAttempts;
      if (!result.retryable || expired || capped) {
        batch.update(ref, { state: 'gave_up', lastError: result.error, gaveUpAt: now, leaseUntil: null, attempts: attempt });
        outcomes.push({ status: 'gave_up', error: result.error });
        return;
      }
      batch.update(ref, {
        state: 'retry',
        attempts: attempt,
        nextAttemptAt: retryAt,
        lastError: result.error,
        leaseUntil: null,
        ambiguous: result.ambiguous === true,
      });
      outcomes.push({ status: 'retry_later', retryAt, error: result.error, rateLimited });
    });
    return outcomes;
  }

  /** Deliveries given up since `since`, newest first (the leads' Home shows them). */
  async givenUpSince(workspace: Workspace, since: Date, limit: number): Promise<GivenUp[]> {
    const snapshot = await this.collection(workspace)
      .where('state', '==', 'gave_up')
      .where('gaveUpAt', '>=', since)
      .orderBy('gaveUpAt', 'desc')
      .limit(limit)
      .get();
    return snapshot.docs.map((doc) => ({
      purpose: PURPOSES.has(doc.get('purpose')) ? (doc.get('purpose') as GivenUp['purpose']) : 'reminder',
      error: String(doc.get('lastError') ?? 'unknown_error'),
      at: toDate(doc.get('gaveUpAt')),
    }));
  }

  private async writeAll<T>(items: readonly T[], write: (batch: WriteBatch, item: T) => void): Promise<void> {
    for (let i = 0; i < items.length; i += BATCH) {
      const batch = this.db.batch();
      for (const item of items.slice(i, i + BATCH)) write(batch, item);
      await batch.commit();
    }
  }
}
