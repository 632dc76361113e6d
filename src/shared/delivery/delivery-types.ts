import type { KnownBlock } from '@slack/types';
import type { KeptMetadata } from '../slack/message-metadata.js';
import type { Workspace } from '../workspace/workspace.js';

/**
 * Once-only delivery for scheduled messages: claim a deterministic id with Firestore `create()`
 * (only one instance wins), post, and mark it sent only after Slack said ok. A failed post is
 * released for a later sweep with backoff, for as long as the message still means something.
 * Each post carries its delivery id in the message metadata, so an instance taking over a lapsed
 * claim first looks for the message in the conversation instead of posting it again.
 */
export interface OutgoingMessage {
  readonly channel: string;
  readonly text: string;
  readonly blocks?: KnownBlock[];
  readonly threadTs?: string;
  readonly metadata?: KeptMetadata;
}

export type PostResult =
  | { readonly ok: true; readonly ts?: string | undefined; readonly channel?: string | undefined }
  | {
      readonly ok: false;
      readonly retryable: boolean;
      readonly retryAfterMs?: number | undefined;
      readonly error: string;
      /** The request may have reached Slack although no answer came back (a timeout, a dropped connection, a 5xx). */
      readonly ambiguous?: boolean | undefined;
    };

export type PostFailure = Extract<PostResult, { ok: false }>;

/** Posts one message to Slack; never retries on its own (the sweep owns retries). */
export interface MessagePoster {
  post(workspace: Workspace, message: OutgoingMessage): Promise<PostResult>;
  /**
   * Looks in `channel` (a user id means the DM with them; with `threadTs`, in that thread) for a message Kept posted since `since` whose
   * metadata carries `deliveryId`. `unknown` when Slack could not be asked (then the caller decides).
   */
  findPosted?(workspace: Workspace, channel: string, deliveryId: string, since: Date, threadTs?: string): Promise<FoundPost>;
}

export type FoundPost = { readonly found: true; readonly ts: string } | { readonly found: false } | { readonly unknown: true; readonly error: string };

export type DeliveryOutcome =
  | { readonly status: 'sent'; readonly ts?: string | undefined }
  /** Sent earlier, by this or another instance (or found in the conversation after a crash). */
  | { readonly status: 'already_sent' }
  /** Another instance holds the claim, a retry waits, or the workspace or channel is backing off: look again at `retryAt`. */
  | { readonly status: 'busy'; readonly retryAt: Date }
  | { readonly status: 'retry_later'; readonly retryAt: Date; readonly error: string; readonly rateLimited: boolean }
  | { readonly status: 'gave_up'; readonly error?: string | undefined };

/** What a delivery is, for the ledger: how long it still means something, and what to say if it never arrives. */
export interface DeliveryTerms {
  /** After this, a failed post is given up instead of retried. */
  readonly expiresAt?: Date | undefined;
  /** `alert` or `reminder`: how a give-up is reported to the leads. */
  readonly purpose?: 'alert' | 'reminder' | 'recap' | undefined;
}
