import type { App, BlockAction, MessageShortcut, webApi } from '@slack/bolt';
import { mentionedUsers } from '../shared/command-text.js';
import { UserFacingError } from '../shared/errors.js';
import { neutraliseUserText } from '../shared/slack/block-kit.js';
import { callerFromBody, type RequestContext, resolveContext } from '../shared/slack/request-context.js';
import { NOMINATE_STORY_ACTION, parseNomination } from '../shared/slack/story-nomination.js';
import type { StorySource } from './story.js';
import { buildStoryHelp, buildStoryModal, SHARE_STORY_SHORTCUT, STORY_ACTIONS, type StoryPrefill } from './story-blocks.js';
import { parseStoryCommand, type StoryDraft } from './story-command.js';
import { storyMetadata } from './story-metadata.js';
import { anyBot, publishStory, sharedReply } from './story-publish.js';
import type { StoryListenerDeps, StoryModalMetadata } from './story-slack.js';
import { registerStorySubmission } from './story-submission.js';
import { registerStoryVotes } from './story-votes.js';

export function registerStoryListeners(app: App, deps: StoryListenerDeps): void {
  app.command('/story', async ({ command, ack, respond, client }) => {
    await ack();
    const ctx = await resolveContext(deps, client, callerFromBody(command));
    const { m } = ctx.viewer;
    const parsed = parseStoryCommand(neutraliseUserText(command.text ?? ''));
    const metadata = { sharedIn: command.channel_id, responseUrl: command.response_url };
    if (parsed.kind === 'open_modal') return openStoryModal(client, command.trigger_id, ctx, {}, metadata);
    if (parsed.kind === 'help') return void (await respond({ response_type: 'ephemeral', text: m.story.help_title, blocks: buildStoryHelp(m) }));
    const { draft, problems } = parsed;
    if (problems.length > 0 || !draft.what) {
      await respond({ response_type: 'ephemeral', text: m.story.help_title, blocks: buildStoryHelp(m, draft, problems) });
      return;
    }
    if (await anyBot(deps, client, ctx, draft.featuredIds)) {
      await respond({ response_type: 'ephemeral', text: m.story.problem_bot });
      return;
    }
    const story = await deps.stories.share(
      ctx.workspace,
      { authorId: ctx.user.id, featuredIds: draft.featuredIds, client: draft.client, what: draft.what, sharedIn: command.channel_id },
      ctx.now,
    );
    const result = await publishStory(deps.stories, client, ctx, story);
    await respond({ response_type: 'ephemeral', text: sharedReply(m, result), metadata: storyMetadata('kept_story_shared', story) });
    await deps.home?.refresh(client, ctx.workspace, story.featuredIds);
  });

  app.shortcut<MessageShortcut>({ type: 'message_action', callback_id: SHARE_STORY_SHORTCUT }, async ({ shortcut, ack, client }) => {
    await ack();
    const ctx = await resolveContext(deps, client, callerFromBody(shortcut));
    const text = shortcut.message.text ?? '';
    const link = await client.chat.getPermalink({ channel: shortcut.channel.id, message_ts: shortcut.message_ts }).then(
      (r) => r.permalink,
      () => undefined,
    );
    const author = shortcut.message.user;
    const mentioned = mentionedUsers(text);
    const featuredIds = mentioned.length > 0 ? mentioned : author && author !== ctx.user.id ? [author] : [];
    const source: StorySource | undefined = link ? { kind: 'message', link } : undefined;
    await openStoryModal(
      client,
      shortcut.trigger_id,
      ctx,
      { featuredIds, what: text, source },
      {
        sharedIn: shortcut.channel.id,
        responseUrl: shortcut.response_url,
        source,
      },
    );
  });

  app.action<BlockAction>(NOMINATE_STORY_ACTION, async ({ ack, body, action, client }) => {
    await ack();
    const ctx = await resolveContext(deps, client, callerFromBody(body));
    const nomination = parseNomination('value' in action ? (action.value ?? '') : '');
    const prefill = nomination ? await deps.nominationSources[nomination.kind]?.(ctx.workspace, nomination.id) : undefined;
    if (!nomination || !prefill) throw new UserFacingError('nomination_not_found');
    const source: StorySource = { kind: nomination.kind, id: nomination.id, title: prefill.source?.title };
    await openStoryModal(client, body.trigger_id, ctx, { ...prefill, source }, { sharedIn: channelOf(body), responseUrl: body.response_url, source });
  });

  app.action<BlockAction>(STORY_ACTIONS.finishInForm, async ({ ack, body, action, client }) => {
    await ack();
    const ctx = await resolveContext(deps, client, callerFromBody(body));
    const draft = parseDraft('value' in action ? (action.value ?? '') : '');
    await openStoryModal(client, body.trigger_id, ctx, draft, { sharedIn: channelOf(body), responseUrl: body.response_url });
  });

  registerStorySubmission(app, deps);
  registerStoryVotes(app, deps);
}

async function openStoryModal(client: webApi.WebClient, triggerId: string, ctx: RequestContext, prefill: StoryPrefill, metadata: StoryModalMetadata) {
  await client.views.open({ trigger_id: triggerId, view: buildStoryModal(ctx.viewer.m, prefill, JSON.stringify(metadata)) });
}

function channelOf(body: BlockAction): string | undefined {
  return body.channel?.id ?? (body.container as { channel_id?: string } | undefined)?.channel_id;
}

function parseDraft(value: string): StoryDraft {
  try {
    const raw = JSON.parse(value) as Partial<StoryDraft>;
    return {
      featuredIds: Array.isArray(raw.featuredIds) ? raw.featuredIds.filter((id): id is string => typeof id === 'string') : [],
      ...(typeof raw.client === 'string' ? { client: raw.client } : {}),
      ...(typeof raw.what === 'string' ? { what: raw.what } : {}),
    };
  } catch {
    return { featuredIds: [] };
  }
}
