import type { KnownBlock, ModalView } from '@slack/types';
import type { Messages } from '../shared/i18n/index.js';
import { button, context, mention, plain, SLACK_LIMITS, section, truncate, unescapeMrkdwn } from '../shared/slack/block-kit.js';
import { STORY_LIMITS, type Story, type StorySource, upvoteCount } from './story.js';
import type { StoryDraft, StoryDraftProblem } from './story-command.js';

export const STORY_ACTIONS = { upvote: 'story_upvote', finishInForm: 'story_finish_in_form' } as const;
export const STORY_VIEW = 'story_share';
export const SHARE_STORY_SHORTCUT = 'share_story';

/** Block and action ids of the story form's inputs. */
export const STORY_FIELDS = { who: 'who', client: 'client', what: 'what', why: 'why', value: 'value' } as const;

export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

export function featuredList(m: Messages, story: Pick<Story, 'featuredIds'>): string {
  return m.story.list(story.featuredIds.map(mention));
}

export function sourceLine(m: Messages, source: StorySource | undefined): string | undefined {
  if (!source) return undefined;
  const title = source.title ? truncate(source.title, STORY_LIMITS.sourceTitle) : undefined;
  if (source.kind === 'promise' && title) return m.story.source_promise(title);
  if (source.kind === 'incident' && title) return m.story.source_incident(title);
  return source.link ? m.story.source_message(source.link) : undefined;
}

/** The story as posted to the channel: who, client, what happened, why it mattered, where from, and Upvote. */
export function buildStoryMessage(m: Messages, story: Story): SlackMessage {
  const title = m.story.message_title(mention(story.authorId), featuredList(m, story));
  const body = [story.client ? `*${m.story.field_client}:* ${truncate(story.client, 200)}` : '', truncate(story.what, 2500)].filter(Boolean).join('\n');
  const blocks: KnownBlock[] = [section(`*${title}*`), section(body)];
  if (story.why) blocks.push(section(`*${m.story.why_label}:* ${truncate(story.why, 2500)}`));
  const source = sourceLine(m, story.source);
  if (source) blocks.push(context(source));
  blocks.push({
    type: 'actions',
    block_id: `story:${story.id}`,
    elements: [button(m.story.button_upvote(upvoteCount(story)), STORY_ACTIONS.upvote, story.id, 'primary')],
  });
  return { text: `${title}: ${truncate(story.what, 200)}`, blocks };
}

export function buildStoryHelp(m: Messages, draft?: StoryDraft, problems: StoryDraftProblem[] = []): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  const problemText = problems.map((p) => `• ${p === 'who' ? m.story.problem_who : m.story.problem_what}`);
  if (problemText.length > 0) blocks.push(section(problemText.join('\n')));
  blocks.push(section(m.story.help_title), section(m.story.examples.join('\n')));
  const value = draft ? JSON.stringify(draft) : '';
  if (draft && value.length <= SLACK_LIMITS.buttonValue) {
    blocks.push({ type: 'actions', elements: [button(m.story.finish_in_form, STORY_ACTIONS.finishInForm, value, 'primary')] });
  }
  return blocks;
}

export interface StoryPrefill {
  featuredIds?: readonly string[] | undefined;
  client?: string | undefined;
  what?: string | undefined;
  source?: StorySource | undefined;
}

/** Who, client, what happened, why it mattered; a line about the source when nominated from something. */
export function buildStoryModal(m: Messages, prefill: StoryPrefill, privateMetadata: string): ModalView {
  const featured = (prefill.featuredIds ?? []).slice(0, STORY_LIMITS.featured);
  const source = sourceLine(m, prefill.source);
  return {
    type: 'modal',
    callback_id: STORY_VIEW,
    private_metadata: privateMetadata.length <= SLACK_LIMITS.privateMetadata ? privateMetadata : '{}',
    title: plain(m.story.modal_title, SLACK_LIMITS.modalTitle),
    submit: plain(m.story.modal_submit, 24),
    close: plain(m.story.modal_close, 24),
    blocks: [
      ...(source ? [context(source)] : []),
      {
        type: 'input',
        block_id: STORY_FIELDS.who,
        label: plain(m.story.modal_who_label),
        element: {
          type: 'multi_users_select',
          action_id: STORY_FIELDS.value,
          max_selected_items: STORY_LIMITS.featured,
          ...(featured.length > 0 ? { initial_users: [...featured] } : {}),
        },
      },
      textInput(STORY_FIELDS.client, m.story.modal_client_label, m.story.modal_client_placeholder, STORY_LIMITS.client, prefill.client, false, true),
      textInput(STORY_FIELDS.what, m.story.modal_what_label, m.story.modal_what_placeholder, STORY_LIMITS.what, prefill.what, true),
      textInput(STORY_FIELDS.why, m.story.modal_why_label, m.story.modal_why_placeholder, STORY_LIMITS.why, undefined, true, true),
    ],
  };
}

function textInput(
  blockId: string,
  label: string,
  placeholder: string,
  maxLength: number,
  initial: string | undefined,
  multiline: boolean,
  optional = false,
): KnownBlock {
  return {
    type: 'input',
    block_id: blockId,
    optional,
    label: plain(label),
    element: {
      type: 'plain_text_input',
      action_id: STORY_FIELDS.value,
      max_length: maxLength,
      multiline,
      placeholder: plain(placeholder, 150),
      ...(initial ? { initial_value: unescapeMrkdwn(initial).slice(0, maxLength) } : {}),
    },
  };
}
