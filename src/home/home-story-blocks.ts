import type { KnownBlock } from '@slack/types';
import { context, mention, plain, section, truncate, truncateMrkdwn } from '../shared/slack/block-kit.js';
import type { Viewer } from '../shared/viewer.js';
import { type Story, upvoteCount } from '../stories/story.js';
import type { StoryPage } from '../stories/story-store.js';

/** Blocks a stories part needs besides one per story: a title and the "more" line. */
const STORIES_FIXED_BLOCKS = 2;
const WHAT_CHARS = 300;

/** How many stories fit a stories part of `maxBlocks`. */
export function myStoriesCapacity(maxBlocks: number): number {
  return Math.max(0, maxBlocks - STORIES_FIXED_BLOCKS);
}

/** Stories I am featured in this month, in the order given (most upvoted first), each linked to its message; capped with "…and N more". */
export function buildMyStories(viewer: Viewer, page: StoryPage, maxBlocks: number): KnownBlock[] {
  const { m } = viewer;
  const header: KnownBlock = { type: 'header', text: plain(m.home.stories_title(page.total), 150) };
  if (page.stories.length === 0) return [header, context(m.home.stories_empty)];
  const shown = page.stories.slice(0, myStoriesCapacity(maxBlocks));
  const blocks: KnownBlock[] = [header, ...shown.map((story) => section(storyLine(viewer, story)))];
  const more = page.total - shown.length;
  if (more > 0) blocks.push(context(m.home.stories_more(more)));
  return blocks;
}

function storyLine(viewer: Viewer, story: Story): string {
  const { m } = viewer;
  const client = story.client ? `*${truncate(story.client, 80)}*: ` : '';
  const link = story.message?.permalink ? ` · <${story.message.permalink}|${m.home.story_link}>` : '';
  return `${client}${truncateMrkdwn(story.what, WHAT_CHARS)}\n${m.home.story_meta(mention(story.authorId), upvoteCount(story))}${link}`;
}
