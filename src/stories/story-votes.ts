import type { App, BlockAction } from '@slack/bolt';
import { messagesFor } from '../shared/i18n/index.js';
import { callerFromBody, resolveContext } from '../shared/slack/request-context.js';
import { workspaceFrom } from '../shared/workspace/workspace.js';
import { STORY_ACTIONS } from './story-blocks.js';
import { refreshStoryMessage } from './story-publish.js';
import type { StoryListenerDeps } from './story-slack.js';

/**
 * Upvotes: the button on a story, and any reaction on the story message. A teammate counts once
 * however they upvote; the author's own upvote never counts. A counted upvote refreshes the story
 * message and the Homes of the people it features.
 */
export function registerStoryVotes(app: App, deps: StoryListenerDeps): void {
  const recent = new RecentClicks(DOUBLE_CLICK_MS);
  app.action<BlockAction>(STORY_ACTIONS.upvote, async ({ ack, body, action, client, respond }) => {
    await ack();
    const ctx = await resolveContext(deps, client, callerFromBody(body));
    const { m } = ctx.viewer;
    const storyId = 'value' in action ? (action.value ?? '') : '';
    const clickKey = `${ctx.workspace.teamId}:${storyId}:${ctx.user.id}`;
    recent.record(clickKey, ctx.now);
    const result = await deps.stories.upvote(ctx.workspace, storyId, ctx.user.id);
    // Two clicks a moment apart are one intent (whichever reached the story first counted): no "already counts".
    if (result.kind === 'already' && recent.count(clickKey, ctx.now) > 1) return;
    if (result.kind === 'counted') {
      const channel = body.channel?.id;
      const ts = body.message?.ts;
      await refreshStoryMessage(client, m, result.story, channel && ts ? { channel, ts } : undefined);
      await deps.home?.refresh(client, ctx.workspace, result.story.featuredIds);
      return;
    }
    await respond({ response_type: 'ephemeral', replace_original: false, text: result.kind === 'own' ? m.story.upvote_own : m.story.upvote_already });
  });

  for (const type of ['reaction_added', 'reaction_removed'] as const) {
    app.event(type, async ({ event, body, context, client }) => {
      // Only reactions on Kept's own messages can be on a story: everything else is ignored without a read.
      if (event.item.type !== 'message' || !context.botUserId || event.item_user !== context.botUserId) return;
      const workspace = workspaceFrom(body.team_id ?? context.teamId, body.enterprise_id ?? context.enterpriseId);
      if (!workspace) return;
      const item = { channel: event.item.channel, ts: event.item.ts };
      const result = await deps.stories.react(workspace, item, event.user, event.reaction, type === 'reaction_added');
      if (result?.kind !== 'counted') return;
      const settings = await deps.settings.get(workspace);
      await refreshStoryMessage(client, messagesFor(settings.language), result.story, item);
      // The featured people's Homes rank their stories by upvotes.
      await deps.home?.refresh(client, workspace, result.story.featuredIds);
    });
  }
}

/** Clicks closer together than this are one click twice (a double click, a slow network). */
const DOUBLE_CLICK_MS = 5_000;

/** Remembers who clicked what, briefly, in this process: enough to hear a double click, bounded in size. */
class RecentClicks {
  private readonly at = new Map<string, number[]>();

  constructor(
    private readonly windowMs: number,
    private readonly maxEntries = 10_000,
  ) {}

  record(key: string, now: Date): void {
    const times = this.recent(key, now);
    this.at.delete(key);
    if (this.at.size >= this.maxEntries) this.at.delete(this.at.keys().next().value!);
    this.at.set(key, [...times, now.getTime()]);
  }

  /** How many times this click came within the window around `now`. */
  count(key: string, now: Date): number {
    return this.recent(key, now).length;
  }

  private recent(key: string, now: Date): number[] {
    return (this.at.get(key) ?? []).filter((t) => Math.abs(now.getTime() - t) < this.windowMs);
  }
}
