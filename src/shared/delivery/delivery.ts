import { type KeptMetadata, keptMetadata } from '../slack/message-metadata.js';
import type { Workspace } from '../workspace/workspace.js';
import type { Claim, DeliveryLedger } from './delivery-ledger.js';
import type { DeliveryOutcome, DeliveryTerms, FoundPost, MessagePoster, OutgoingMessage, PostResult } from './delivery-types.js';

export { DEFAULT_DELIVERY_POLICY, DeliveryLedger, type DeliveryPolicy } from './delivery-ledger.js';

export type {
  DeliveryOutcome,
  DeliveryTerms,
  FoundPost,
  MessagePoster,
  OutgoingMessage,
  PostFailure,
  PostResult,
} from './delivery-types.js';

export class Deliverer {
  constructor(
    readonly ledger: DeliveryLedger,
    readonly poster: MessagePoster,
  ) {}

  /**
   * One message with its own delivery id. `message` may be a function that builds it: it then runs only
   * once the claim is won, so work like the weekly recap's queries is done by one instance, not by every
   * instance that tries.
   */
  async deliver(
    workspace: Workspace,
    id: string,
    message: OutgoingMessage | (() => Promise<OutgoingMessage>),
    now: Date,
    terms: DeliveryTerms = {},
  ): Promise<DeliveryOutcome> {
    const claim = await this.ledger.claim(workspace, id, now, { ...terms, digestId: () => id });
    if (claim.kind === 'done') return claim.outcome;
    const built = typeof message === 'function' ? await message() : message;
    const found = await this.recheck(workspace, built.channel, claim, built.threadTs);
    if (found === 'unknown') return this.ledger.postpone(workspace, [id], now, new Map([[id, claim]]));
    if (found) {
      await this.ledger.markSent(workspace, [id], now, found);
      return { status: 'already_sent' };
    }
    const result = await this.post(workspace, withDeliveryId(built, claim.digestId));
    if (result.ok) {
      await this.ledger.markSent(workspace, [id], now, result.ts);
      return { status: 'sent', ts: result.ts };
    }
    return (await this.ledger.release(workspace, [{ id, attempt: claim.attempt, expiresAt: terms.expiresAt }], result, now))[0]!;
  }

  async post(workspace: Workspace, message: OutgoingMessage): Promise<PostResult> {
    try {
      return await this.poster.post(workspace, message);
    } catch (error) {
      return { ok: false, retryable: true, ambiguous: true, error: error instanceof Error ? error.message : String(error) };
    }
  }

  /**
   * Before posting again what an earlier attempt may have posted (its claim lapsed, or its answer was
   * lost), look for it: the ts when found, undefined when it is not there (or Kept may not read the
   * conversation), 'unknown' when Slack could not be asked now.
   */
  async recheck(workspace: Workspace, channel: string, claim: Extract<Claim, { kind: 'claimed' }>, threadTs?: string): Promise<string | undefined | 'unknown'> {
    if (!claim.recheck || !this.poster.findPosted) return undefined;
    const found = await this.poster
      .findPosted(workspace, channel, claim.recheck.digestId, claim.recheck.since, threadTs)
      .catch((error: unknown): FoundPost => ({ unknown: true, error: String(error) }));
    if ('unknown' in found) return UNREADABLE.has(found.error) ? undefined : 'unknown';
    return found.found ? found.ts : undefined;
  }
}

/** Answers after which looking again will not help: post (at worst a repeat, never a loss). */
const UNREADABLE = new Set(['missing_scope', 'not_in_channel', 'channel_not_found', 'no_installation', 'not_allowed_token_type']);

/** The message with its delivery id merged into its metadata (a message without metadata gets Kept's delivery event). */
export function withDeliveryId(message: OutgoingMessage, deliveryId: string): OutgoingMessage {
  const metadata: KeptMetadata = message.metadata
    ? { ...message.metadata, event_payload: { ...message.metadata.event_payload, delivery_id: deliveryId } }
    : keptMetadata('kept_delivery', { delivery_id: deliveryId });
  return { ...message, metadata };
}

/** Firestore document ids may not contain '/'. */
export function deliveryId(...parts: string[]): string {
  return parts.join(':').replace(/\//g, '_');
}
