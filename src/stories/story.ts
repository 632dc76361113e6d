/** A story of standout service: who went the extra mile, for which client, what happened and why it mattered. */
export interface Story {
  readonly id: string;
  readonly authorId: string;
  /** The teammates it is about (the author may name themselves). */
  readonly featuredIds: readonly string[];
  readonly client?: string | undefined;
  readonly what: string;
  readonly why?: string | undefined;
  readonly createdAt: Date;
  /** Where it was shared from (the fallback place to post it when no recap channel is set). */
  readonly sharedIn?: string | undefined;
  /** The message Kept posted, once posted: reactions on it are matched by channel and ts. */
  readonly message?: StoryMessage | undefined;
  /** Upvotes by teammate, each with how they gave it ('button', 'reaction:tada'): one teammate counts once. */
  readonly votes: Readonly<Record<string, readonly string[]>>;
  /** What it was nominated from: a kept promise, a resolved incident, a message. */
  readonly source?: StorySource | undefined;
}

export interface StoryMessage {
  readonly channel: string;
  readonly ts: string;
  readonly permalink?: string | undefined;
}

export type StorySourceKind = 'promise' | 'incident' | 'message';

export interface StorySource {
  readonly kind: StorySourceKind;
  /** The promise or incident id. */
  readonly id?: string | undefined;
  /** A link to the original message. */
  readonly link?: string | undefined;
  /** A short description of the source, e.g. the promise's text. */
  readonly title?: string | undefined;
}

export const STORY_LIMITS = { client: 80, what: 1500, why: 500, featured: 20, sourceTitle: 300 } as const;

export const BUTTON_VOTE = 'button';

export function reactionVote(reaction: string): string {
  return `reaction:${reaction}`;
}

export interface NewStory {
  id: string;
  authorId: string;
  featuredIds: readonly string[];
  client?: string | undefined;
  what: string;
  why?: string | undefined;
  sharedIn?: string | undefined;
  source?: StorySource | undefined;
}

export function createStory(input: NewStory, now: Date): Story {
  const client = input.client?.trim();
  const why = input.why?.trim();
  return {
    id: input.id,
    authorId: input.authorId,
    featuredIds: [...new Set(input.featuredIds)],
    client: client || undefined,
    what: input.what.trim(),
    why: why || undefined,
    createdAt: now,
    sharedIn: input.sharedIn,
    votes: {},
    source: input.source,
  };
}

export type StoryProblem = 'who_required' | 'who_too_many' | 'what_required' | 'what_too_long' | 'why_too_long' | 'client_too_long';

/** What is wrong with a story before it is shared, by field. */
export function validateStory(input: { featuredIds: readonly string[]; what: string; why?: string | undefined; client?: string | undefined }): {
  who?: StoryProblem;
  what?: StoryProblem;
  why?: StoryProblem;
  client?: StoryProblem;
} {
  const problems: { who?: StoryProblem; what?: StoryProblem; why?: StoryProblem; client?: StoryProblem } = {};
  if (input.featuredIds.length === 0) problems.who = 'who_required';
  else if (input.featuredIds.length > STORY_LIMITS.featured) problems.who = 'who_too_many';
  const what = input.what.trim();
  if (!what) problems.what = 'what_required';
  else if (what.length > STORY_LIMITS.what) problems.what = 'what_too_long';
  if ((input.why ?? '').trim().length > STORY_LIMITS.why) problems.why = 'why_too_long';
  if ((input.client ?? '').trim().length > STORY_LIMITS.client) problems.client = 'client_too_long';
  return problems;
}

/** Teammates who upvoted, however many ways; the author's own never counts. */
export function upvoters(story: Story): string[] {
  return Object.entries(story.votes)
    .filter(([userId, ways]) => userId !== story.authorId && ways.length > 0)
    .map(([userId]) => userId);
}

export function upvoteCount(story: Story): number {
  return upvoters(story).length;
}

export function hasUpvoted(story: Story, userId: string): boolean {
  return (story.votes[userId]?.length ?? 0) > 0;
}

/** Records an upvote given one way; the same story back when nothing changes (the author, or that way again). */
export function addVote(story: Story, userId: string, way: string): Story {
  if (userId === story.authorId) return story;
  const ways = story.votes[userId] ?? [];
  if (ways.includes(way)) return story;
  return { ...story, votes: { ...story.votes, [userId]: [...ways, way] } };
}

/** Takes back one way of upvoting (a removed reaction); the teammate still counts while another way remains. */
export function removeVote(story: Story, userId: string, way: string): Story {
  const ways = story.votes[userId];
  if (!ways?.includes(way)) return story;
  const rest = ways.filter((w) => w !== way);
  const votes = { ...story.votes };
  if (rest.length > 0) votes[userId] = rest;
  else delete votes[userId];
  return { ...story, votes };
}

/** Most upvoted first; among equals, the earlier story first. */
export function byUpvotes(a: Story, b: Story): number {
  return upvoteCount(b) - upvoteCount(a) || a.createdAt.getTime() - b.createdAt.getTime();
}
