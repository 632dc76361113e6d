import type { webApi } from '@slack/bolt';
import type { Messages } from '../shared/i18n/index.js';
import type { ContextDeps, RequestContext } from '../shared/slack/request-context.js';
import { workspaceKey } from '../shared/workspace/workspace.js';
import type { Story } from './story.js';
import { buildStoryMessage } from './story-blocks.js';
import { storyMetadata } from './story-metadata.js';
import type { StoryService } from './story-service.js';

/** Slack answers meaning "Kept cannot post there", which the author should hear about rather than an error id. */
const CHANNEL_PROBLEMS = new Set(['channel_not_found', 'not_in_channel', 'is_archived', 'restricted_action', 'ekm_access_denied']);

/**
 * Posts a new story to the recap channel, or where it was shared when no recap channel is set, and
 * remembers the message (reactions on it are upvotes). `posted: false` when Kept may not post there.
 */
export async function publishStory(
  stories: StoryService,
  client: webApi.WebClient,
  ctx: RequestContext,
  story: Story,
): Promise<{ posted: boolean; channel: string }> {
  const channel = ctx.settings.channels.recap ?? story.sharedIn ?? ctx.user.id;
  let response;
  try {
    response = await client.chat.postMessage({ channel, ...buildStoryMessage(ctx.viewer.m, story), metadata: storyMetadata('kept_story_shared', story) });
  } catch (error) {
    if (CHANNEL_PROBLEMS.has((error as { data?: { error?: string } }).data?.error ?? '')) return { posted: false, channel };
    throw error;
  }
  const postedIn = response.channel ?? channel;
  if (response.ts) {
    const permalink = await client.chat.getPermalink({ channel: postedIn, message_ts: response.ts }).then(
      (r) => r.permalink,
      () => undefined,
    );
    await stories.attachMessage(ctx.workspace, story.id, { channel: postedIn, ts: response.ts, permalink });
  }
  return { posted: true, channel: postedIn };
}

export function sharedReply(m: Messages, result: { posted: boolean; channel: string }): string {
  const where = /^[CG]/.test(result.channel) ? `<#${result.channel}>` : m.story.this_conversation;
  return result.posted ? m.story.shared_reply(where) : m.story.shared_not_posted(where);
}

/** Re-renders a story message after its upvotes changed. */
export async function refreshStoryMessage(client: webApi.WebClient, m: Messages, story: Story, at?: { channel: string; ts: string }): Promise<void> {
  const target = at ?? story.message;
  if (!target) return;
  await client.chat.update({ channel: target.channel, ts: target.ts, ...buildStoryMessage(m, story), metadata: storyMetadata('kept_story_upvoted', story) });
}

/** True when any of the users is a bot or deactivated: stories are about teammates. */
export async function anyBot(deps: ContextDeps, client: webApi.WebClient, ctx: RequestContext, userIds: readonly string[]): Promise<boolean> {
  const users = await Promise.all(userIds.map((id) => (id === ctx.user.id ? ctx.user : deps.users.get(client, workspaceKey(ctx.workspace), id, ctx.now))));
  return users.some((u) => u.isBot || u.deleted);
}
