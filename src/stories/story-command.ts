import { mentionedUsers, splitClient, takeLeadingMentions } from '../shared/command-text.js';
import { STORY_LIMITS } from './story.js';

/** What `/story <text>` asks for, read without any I/O. */
export type StoryCommand = { kind: 'open_modal' } | { kind: 'help' } | { kind: 'share'; draft: StoryDraft; problems: StoryDraftProblem[] };

export interface StoryDraft {
  featuredIds: string[];
  client?: string;
  what?: string;
}

export type StoryDraftProblem = 'who' | 'what';

const HELP_WORDS = new Set(['help', 'pomoc', '?']);
/** A client prefix is a name: "ACME:", "Globex Poland:"; a longer phrase before a colon is part of the story. */
const MAX_CLIENT_WORDS = 4;

/**
 * `/story <@ana> <@ben> ACME: stayed late to walk them through the migration`: everyone mentioned is
 * featured (mentions anywhere count), an optional `Client:` prefix as with /promise, the rest is the story.
 */
export function parseStoryCommand(rawText: string): StoryCommand {
  const text = rawText.replace(/\s+/g, ' ').trim();
  if (text === '') return { kind: 'open_modal' };
  if (HELP_WORDS.has(text.toLocaleLowerCase('pl'))) return { kind: 'help' };

  const featuredIds = mentionedUsers(text);
  let body = takeLeadingMentions(text).rest;
  const draft: StoryDraft = { featuredIds };
  const split = splitClient(body, STORY_LIMITS.client);
  if (split.client && split.client.split(' ').length <= MAX_CLIENT_WORDS) {
    draft.client = split.client;
    body = takeLeadingMentions(split.rest).rest;
  }
  const what = body.replace(/^[\s:,–—-]+/, '').trim();
  if (what) draft.what = what.slice(0, STORY_LIMITS.what);

  const problems: StoryDraftProblem[] = [];
  if (featuredIds.length === 0) problems.push('who');
  if (!draft.what) problems.push('what');
  return { kind: 'share', draft, problems };
}
