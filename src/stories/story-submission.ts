import type { App, ViewSubmitAction, webApi } from '@slack/bolt';
import { newErrorId } from '../shared/errors.js';
import { defuseBroadcasts, escapeMrkdwn } from '../shared/slack/block-kit.js';
import type { ReplyMessage } from '../shared/slack/modal-submission.js';
import { callerFromBody, type RequestContext, resolveContext } from '../shared/slack/request-context.js';
import { STORY_LIMITS, type StorySource, validateStory } from './story.js';
import { STORY_FIELDS, STORY_VIEW } from './story-blocks.js';
import { storyMetadata } from './story-metadata.js';
import { anyBot, publishStory, sharedReply } from './story-publish.js';
import type { StoryListenerDeps, StoryModalMetadata } from './story-slack.js';

type Values = ViewSubmitAction['view']['state']['values'];

/** The story form: validate, save before acknowledging (so a refusal shows in the form), then post and confirm. */
export function registerStorySubmission(app: App, deps: StoryListenerDeps): void {
  app.view(STORY_VIEW, async ({ ack, body, view, client, logger }) => {
    const ctx = await resolveContext(deps, client, callerFromBody(body));
    const { m } = ctx.viewer;
    const metadata = metadataOf(view.private_metadata);
    const values = view.state.values;
    const featuredIds = values[STORY_FIELDS.who]?.[STORY_FIELDS.value]?.selected_users ?? [];
    const input = {
      featuredIds,
      client: escapeMrkdwn(textValue(values, STORY_FIELDS.client)),
      what: userText(textValue(values, STORY_FIELDS.what)),
      why: userText(textValue(values, STORY_FIELDS.why)),
    };
    const problems = validateStory(input);
    const errors: Record<string, string> = {};
    if (problems.who)
      errors[STORY_FIELDS.who] = problems.who === 'who_required' ? m.story.error_who_required : m.story.error_who_too_many(STORY_LIMITS.featured);
    else if (await anyBot(deps, client, ctx, featuredIds)) errors[STORY_FIELDS.who] = m.story.error_who_bot;
    if (problems.what) errors[STORY_FIELDS.what] = problems.what === 'what_required' ? m.story.error_what_required : m.story.error_too_long(STORY_LIMITS.what);
    if (problems.why) errors[STORY_FIELDS.why] = m.story.error_too_long(STORY_LIMITS.why);
    if (problems.client) errors[STORY_FIELDS.client] = m.story.error_too_long(STORY_LIMITS.client);
    if (Object.keys(errors).length > 0) return void (await ack({ response_action: 'errors', errors }));

    let story;
    try {
      story = await deps.stories.share(ctx.workspace, { ...input, authorId: ctx.user.id, sharedIn: metadata.sharedIn, source: metadata.source }, ctx.now);
    } catch (error) {
      const id = newErrorId();
      logger.error(`story submission failed [error id ${id}]`, error);
      return void (await ack({ response_action: 'errors', errors: { [STORY_FIELDS.what]: m.common.error_with_id(id) } }));
    }
    await ack();
    const result = await publishStory(deps.stories, client, ctx, story);
    await confirm(client, ctx, metadata.responseUrl, { text: sharedReply(m, result), metadata: storyMetadata('kept_story_shared', story) });
    await deps.home?.refresh(client, ctx.workspace, story.featuredIds);
  });
}

/** Text typed in a form: escaped for mrkdwn, no broadcasts; mentions copied from a message (shortcut prefill) stay mentions. */
function userText(text: string): string {
  return defuseBroadcasts(escapeMrkdwn(text)).replace(/&lt;@([UW][A-Z0-9]{2,})(?:\|[^&]*)?&gt;/g, '<@$1>');
}

async function confirm(client: webApi.WebClient, ctx: RequestContext, responseUrl: string | undefined, message: ReplyMessage): Promise<void> {
  if (responseUrl) {
    const res = await fetch(responseUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ response_type: 'ephemeral', replace_original: false, ...message }),
    }).catch(() => undefined);
    if (res?.ok) return;
  }
  await client.chat.postMessage({ channel: ctx.user.id, ...message });
}

function textValue(values: Values, blockId: string): string {
  return (values[blockId]?.[STORY_FIELDS.value]?.value ?? '').trim();
}

function metadataOf(raw: string | undefined): StoryModalMetadata {
  try {
    const parsed = JSON.parse(raw || '{}') as Record<string, unknown>;
    const source = parsed.source as Partial<StorySource> | undefined;
    const validSource =
      source && (source.kind === 'promise' || source.kind === 'incident' || source.kind === 'message')
        ? {
            kind: source.kind,
            ...(typeof source.id === 'string' ? { id: source.id } : {}),
            ...(typeof source.link === 'string' && source.link.startsWith('https://') ? { link: source.link } : {}),
            ...(typeof source.title === 'string' ? { title: source.title.slice(0, STORY_LIMITS.sourceTitle) } : {}),
          }
        : undefined;
    return {
      sharedIn: typeof parsed.sharedIn === 'string' ? parsed.sharedIn : undefined,
      responseUrl: typeof parsed.responseUrl === 'string' && parsed.responseUrl.startsWith('http') ? parsed.responseUrl : undefined,
      source: validSource,
    };
  } catch {
    return {};
  }
}
