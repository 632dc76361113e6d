import type { webApi } from '@slack/bolt';
import type { MessagePoster, OutgoingMessage, PostResult } from '../delivery/delivery.js';
import type { Workspace } from '../workspace/workspace.js';

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
 * chat.postMessage for scheduled work. The Web API client must not retry on its own here
 * (chat.postMessage has no idempotency key, and a retry after a lost answer would post twice):
 * build it with `retryConfig: { retries: 0 }` and `rejectRateLimitedCalls: true`.
 * At most one message a second to any one channel from this process.
 */
export class SlackPoster implements MessagePoster {
  private readonly nextSlot = new Map<string, number>();

  constructor(
    private readonly clientFor: (workspace: Workspace) => Promise<webApi.WebClient | undefined>,
    private readonly minIntervalMs = 1_000,
  ) {}

  async post(workspace: Workspace, message: OutgoingMessage): Promise<PostResult> {
    const client = await this.clientFor(workspace);
    if (!client) return { ok: false, retryable: false, error: 'no_installation' };
    await this.waitForSlot(message.channel);
    try {
      const response = await client.chat.postMessage({
        channel: message.channel,
        text: message.text,
        ...(message.blocks ? { blocks: message.blocks } : {}),
        ...(message.threadTs ? { thread_ts: message.threadTs } : {}),
        ...(message.metadata ? { metadata: message.metadata } : {}),
      });
      return { ok: true, ts: response.ts, channel: response.channel };
    } catch (error) {
      return classifySlackError(error);
    }
  }

  private async waitForSlot(channel: string): Promise<void> {
    const now = Date.now();
    const slot = Math.max(now, this.nextSlot.get(channel) ?? 0);
    this.nextSlot.set(channel, slot + this.minIntervalMs);
    if (this.nextSlot.size > 10_000) this.nextSlot.clear();
    if (slot > now) await new Promise((r) => setTimeout(r, slot - now));
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
  if (e.code === 'slack_webapi_http_error') return { ok: false, retryable: true, error: `http_${e.statusCode ?? 'error'}` };
  return { ok: false, retryable: true, error: e.code ?? e.message ?? 'request_failed' };
}
