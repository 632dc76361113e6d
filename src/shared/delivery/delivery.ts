import type { Firestore } from '@google-cloud/firestore';
import type { KnownBlock } from '@slack/types';
import { toDate } from '../firestore/firestore.js';
import type { KeptMetadata } from '../slack/message-metadata.js';
import { type Workspace, workspaceKey } from '../workspace/workspace.js';

/**
 * Once-only delivery for scheduled messages: claim a deterministic id with Firestore `create()`
 * (only one instance wins), post, and mark it sent only after Slack said ok. A failed post is
 * released for a later sweep with backoff and given up after a bounded number of tries.
 */
export interface OutgoingMessage {
  readonly channel: string;
  readonly text: string;
  readonly blocks?: KnownBlock[];
  readonly threadTs?: string;
  /** Slack message metadata (what the message is about, for other apps and workflows). */
  readonly metadata?: KeptMetadata;
}

export type PostResult =
  | { readonly ok: true; readonly ts?: string | undefined; readonly channel?: string | undefined }
  | { readonly ok: false; readonly retryable: boolean; readonly retryAfterMs?: number | undefined; readonly error: string };

/** Posts one message to Slack; never retries on its own (the sweep owns retries). */
export interface MessagePoster {
  post(workspace: Workspace, message: OutgoingMessage): Promise<PostResult>;
}

export type DeliveryOutcome =
  /** `recorded`, with `recordLater`: settles (true when written) once the ledger says sent. */
  | { readonly status: 'sent'; readonly ts?: string | undefined; readonly recorded?: Promise<boolean> }
  /** Sent earlier, by this or another instance. */
  | { readonly status: 'already_sent' }
  /** Another instance holds the claim, or a retry waits: look again at `retryAt`. */
  | { readonly status: 'busy'; readonly retryAt: Date }
  | { readonly status: 'retry_later'; readonly retryAt: Date; readonly error: string; readonly rateLimited: boolean }
  | { readonly status: 'gave_up'; readonly error?: string | undefined };

export interface DeliveryPolicy {
  readonly maxAttempts: number;
  /** How long a claim protects a post in flight before another instance may take over. */
  readonly leaseMs: number;
  readonly backoffBaseMs: number;
}

export const DEFAULT_DELIVERY_POLICY: DeliveryPolicy = { maxAttempts: 5, leaseMs: 2 * 60_000, backoffBaseMs: 60_000 };

type Claim = { kind: 'claimed'; attempt: number } | { kind: 'done'; outcome: DeliveryOutcome };

const ALREADY_EXISTS = 6;
const FAILED_PRECONDITION = 9;

export class DeliveryLedger {
  constructor(
    private readonly db: Firestore,
    private readonly policy: DeliveryPolicy = DEFAULT_DELIVERY_POLICY,
  ) {}

  private doc(workspace: Workspace, id: string) {
    return this.db.collection('teams').doc(workspaceKey(workspace)).collection('deliveries').doc(id);
  }

  async claim(workspace: Workspace, id: string, now: Date): Promise<Claim> {
    const ref = this.doc(workspace, id);
    const leaseUntil = new Date(now.getTime() + this.policy.leaseMs);
    try {
      await ref.create({ state: 'claimed', attempts: 1, leaseUntil, claimedAt: now });
      return { kind: 'claimed', attempt: 1 };
    } catch (error) {
      if ((error as { code?: number }).code !== ALREADY_EXISTS) throw error;
    }
    const snapshot = await ref.get();
    const d = snapshot.data();
    if (!d) return { kind: 'done', outcome: { status: 'busy', retryAt: now } };
    if (d.state === 'sent') return { kind: 'done', outcome: { status: 'already_sent' } };
    if (d.state === 'gave_up') return { kind: 'done', outcome: { status: 'gave_up', error: d.lastError } };
    const waitUntil = d.state === 'claimed' ? toDate(d.leaseUntil) : toDate(d.nextAttemptAt);
    if (waitUntil.getTime() > now.getTime()) return { kind: 'done', outcome: { status: 'busy', retryAt: waitUntil } };
    // The lease ran out (an instance died mid-post) or a retry is due: take over, unless someone else just did.
    const attempt = (d.attempts ?? 0) + 1;
    try {
      await ref.update({ state: 'claimed', attempts: attempt, leaseUntil, claimedAt: now }, { lastUpdateTime: snapshot.updateTime! });
      return { kind: 'claimed', attempt };
    } catch (error) {
      if ((error as { code?: number }).code === FAILED_PRECONDITION) return { kind: 'done', outcome: { status: 'busy', retryAt: leaseUntil } };
      throw error;
    }
  }

  async markSent(workspace: Workspace, id: string, now: Date, ts: string | undefined): Promise<void> {
    await this.doc(workspace, id).update({ state: 'sent', sentAt: now, ts: ts ?? null, leaseUntil: null });
  }

  async release(workspace: Workspace, id: string, attempt: number, result: Extract<PostResult, { ok: false }>, now: Date): Promise<DeliveryOutcome> {
    const ref = this.doc(workspace, id);
    if (!result.retryable || attempt >= this.policy.maxAttempts) {
      await ref.update({ state: 'gave_up', lastError: result.error, gaveUpAt: now, leaseUntil: null });
      return { status: 'gave_up', error: result.error };
    }
    const backoff = this.policy.backoffBaseMs * 2 ** (attempt - 1);
    const retryAt = new Date(now.getTime() + Math.max(backoff, result.retryAfterMs ?? 0));
    await ref.update({ state: 'retry', nextAttemptAt: retryAt, lastError: result.error, leaseUntil: null });
    return { status: 'retry_later', retryAt, error: result.error, rateLimited: result.retryAfterMs !== undefined };
  }
}

export class Deliverer {
  constructor(
    private readonly ledger: DeliveryLedger,
    private readonly poster: MessagePoster,
  ) {}

  /**
   * `message` may be a function that builds it: it then runs only once the claim is won, so work like
   * the weekly recap's queries is done by one instance, not by every instance that tries.
   */
  /**
   * `recordLater`: return as soon as Slack said ok and let the caller await `recorded`, so the
   * ledger write overlaps the caller's own bookkeeping (one round trip instead of two).
   */
  async deliver(
    workspace: Workspace,
    id: string,
    message: OutgoingMessage | (() => Promise<OutgoingMessage>),
    now: Date,
    options: { recordLater?: boolean } = {},
  ): Promise<DeliveryOutcome> {
    const claim = await this.ledger.claim(workspace, id, now);
    if (claim.kind === 'done') return claim.outcome;
    let result: PostResult;
    try {
      result = await this.poster.post(workspace, typeof message === 'function' ? await message() : message);
    } catch (error) {
      result = { ok: false, retryable: true, error: error instanceof Error ? error.message : String(error) };
    }
    if (result.ok) {
      if (options.recordLater) {
        const recorded = this.ledger.markSent(workspace, id, now, result.ts).then(
          () => true,
          () => false,
        );
        return { status: 'sent', ts: result.ts, recorded };
      }
      await this.ledger.markSent(workspace, id, now, result.ts);
      return { status: 'sent', ts: result.ts };
    }
    return this.ledger.release(workspace, id, claim.attempt, result, now);
  }
}

/** Firestore document ids may not contain '/'. */
export function deliveryId(...parts: string[]): string {
  return parts.join(':').replace(/\//g, '_');
}
