import type { webApi } from '@slack/bolt';
import type { ChannelPacer } from '../delivery/channel-pacing.js';
import type { FoundPost, MessagePoster, OutgoingMessage, PostResult } from '../delivery/delivery.js';
import { type Workspace, workspaceKey } from '../workspace/workspace.js';

/** Slack answers that no retry will fix. */
const PERMANENT_ERRORS = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'msg_too_long',
  'no_text',
  'invalid_blocks',
  'invalid_arguments',
  'user_not_found',
  'user_disabled',
  'account_inactive',
  'cannot_dm_bot',
  'invalid_auth',
  'not_authed',
  'token_revoked',
  'missing_scope',
]);

/**
 * Slack allows about one message a second to a channel. Slots are a little more than that apart, so
 * that the jitter between taking a slot and the request reaching Slack never brings two under a second.
 */
export const CHANNEL_INTERVAL_MS = 1_150;
/** Channels whose pacing this process remembers; the least recently used is forgotten first. */
export const PACING_CHANNELS = 10_000;
/** How far back (before the claim) a lapsed post is looked for, for clocks that differ a little. */
const CLOCK_SKEW_MS = 60_000;
const HISTORY_PAGES = 3;
/** How late after its slot a post may still go. */
const LATE_MS = 40;

/**
 * chat.postMessage for scheduled work. The Web API client must not retry on its own here
 * (chat.postMessage has no idempotency key, and a retry after a lost answer would post twice):
 * build it with `retryConfig: { retries: 0 }` and `rejectRateLimitedCalls: true`.
 * At most one message a second to any one channel from this process. Each post carries its
 * metadata, so `findPosted` can tell whether a post whose answer was lost arrived.
 */
export class SlackPoster implements MessagePoster {
  /** Channel → the earliest moment of its next post, in least-recently-used order. */
  private readonly nextSlot = new Map<string, number>();

  constructor(
    private readonly clientFor: (workspace: Workspace) => Promise<webApi.WebClient | undefined>,
    private readonly minIntervalMs = CHANNEL_INTERVAL_MS,
    private readonly maxChannels = PACING_CHANNELS,
    private readonly clock: () => number = Date.now,
    /** Shared by every instance (Firestore); without it, pacing holds within this process only. */
    private readonly sharedPacer?: ChannelPacer,
  ) {}

  async post(workspace: Workspace, message: OutgoingMessage): Promise<PostResult> {
    const client = await this.clientFor(workspace);
    if (!client) return { ok: false, retryable: false, error: 'no_installation' };
    await this.waitForSlot(`${workspaceKey(workspace)}#${message.channel}`);
    if (this.sharedPacer && this.minIntervalMs > 0) await this.waitForSharedSlot(workspace, message.channel);
    try {
      const response = await client.chat.postMessage({
        channel: message.channel,
        text: message.text,
        ...(message.blocks ? { blocks: message.blocks } : {}),
        ...(message.threadTs ? { thread_ts: message.threadTs } : {}),
        ...(message.metadata ? { metadata: { event_type: message.metadata.event_type, event_payload: { ...message.metadata.event_payload } } } : {}),
      });
      return { ok: true, ts: response.ts, channel: response.channel };
    } catch (error) {
      return classifySlackError(error);
    }
  }

  async findPosted(workspace: Workspace, channel: string, deliveryId: string, since: Date, threadTs?: string): Promise<FoundPost> {
    const client = await this.clientFor(workspace);
    if (!client) return { unknown: true, error: 'no_installation' };
    try {
      // A user id stands for the DM with them, whose id conversations.open gives.
      const conversation = /^[UW]/.test(channel) ? (await client.conversations.open({ users: channel })).channel?.id : channel;
      if (!conversation) return { unknown: true, error: 'channel_not_found' };
      let cursor: string | undefined;
      for (let page = 0; page < HISTORY_PAGES; page++) {
        const page = {
          channel: conversation,
          oldest: ((since.getTime() - CLOCK_SKEW_MS) / 1000).toFixed(6),
          include_all_metadata: true,
          limit: 200,
          ...(cursor ? { cursor } : {}),
        };
        // A thread reply is not in the channel's history: look in its thread.
        const history = threadTs ? await client.conversations.replies({ ...page, ts: threadTs }) : await client.conversations.history(page);
        const hit = history.messages?.find((msg) => (msg.metadata?.event_payload as Record<string, unknown> | undefined)?.delivery_id === deliveryId);
        if (hit?.ts) return { found: true, ts: hit.ts };
        cursor = history.response_metadata?.next_cursor || undefined;
        if (!history.has_more || !cursor) return { found: false };
      }
      return { found: false };
    } catch (error) {
      return { unknown: true, error: classifySlackError(error).error };
    }
  }

  private async waitForSlot(key: string): Promise<void> {
    for (;;) {
      const now = this.clock();
      const slot = Math.max(now, this.nextSlot.get(key) ?? 0);
      this.nextSlot.delete(key);
      this.nextSlot.set(key, slot + this.minIntervalMs);
      while (this.nextSlot.size > this.maxChannels) this.nextSlot.delete(this.nextSlot.keys().next().value!);
      if (slot > now) await new Promise((r) => setTimeout(r, slot - now));
      // A timer that fired well after its slot (a busy event loop) would post close to the next slot's owner.
      if (this.clock() - slot <= LATE_MS || slot === now) return;
    }
  }

  /**
   * Another instance may have posted to this channel a moment ago: wait for the channel's next slot in
   * the shared store, and take a later one if the timer fired well after it. A store out of reach holds
   * nothing up.
   */
  private async waitForSharedSlot(workspace: Workspace, channel: string): Promise<void> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const wait = await this.sharedPacer!.reserve(workspace, channel, this.minIntervalMs).catch(() => 0);
      const slot = this.clock() + wait;
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      if (this.clock() - slot <= LATE_MS) return;
    }
  }

  /** How many channels' pacing is remembered now (bounded by `maxChannels`). */
  get pacedChannels(): number {
    return this.nextSlot.size;
  }
}

export function classifySlackError(error: unknown): Extract<PostResult, { ok: false }> {
  const e = error as { code?: string; retryAfter?: number; data?: { error?: string }; statusCode?: number; message?: string };
  if (e.code === 'slack_webapi_rate_limited_error') {
    return { ok: false, retryable: true, retryAfterMs: (e.retryAfter ?? 60) * 1000, error: 'rate_limited' };
  }
  if (e.code === 'slack_webapi_platform_error') {
    const code = e.data?.error ?? 'unknown_error';
    return { ok: false, retryable: !PERMANENT_ERRORS.has(code), error: code };
  }
  // No answer, or not Slack's: the post may have arrived.
  if (e.code === 'slack_webapi_http_error') return { ok: false, retryable: true, ambiguous: true, error: `http_${e.statusCode ?? 'error'}` };
  return { ok: false, retryable: true, ambiguous: true, error: e.code ?? e.message ?? 'request_failed' };
}
