import { UserFacingError } from '../shared/errors.js';
import type { Workspace } from '../shared/workspace/workspace.js';
import {
  addVote,
  BUTTON_VOTE,
  byUpvotes,
  createStory,
  reactionVote,
  removeVote,
  type Story,
  type StoryMessage,
  type StorySource,
  upvoteCount,
  validateStory,
} from './story.js';
import type { StoryPage, StoryStore } from './story-store.js';

export interface ShareStoryInput {
  authorId: string;
  featuredIds: readonly string[];
  client?: string | undefined;
  what: string;
  why?: string | undefined;
  sharedIn?: string | undefined;
  source?: StorySource | undefined;
}

export type VoteResult =
  /** The upvote counted (or was taken back): the count changed. */
  | { kind: 'counted'; story: Story }
  /** The author's own upvote never counts. */
  | { kind: 'own'; story: Story }
  /** That teammate's upvote already counted. */
  | { kind: 'already'; story: Story };

/** The story use cases. No Slack and no Firestore in here. */
export class StoryService {
  constructor(private readonly store: StoryStore) {}

  async share(workspace: Workspace, input: ShareStoryInput, now: Date): Promise<Story> {
    const problems = validateStory(input);
    if (problems.who || problems.what || problems.why || problems.client) throw new UserFacingError('invalid_request');
    const story = createStory({ ...input, id: this.store.newId(workspace) }, now);
    await this.store.create(workspace, story);
    return story;
  }

  get(workspace: Workspace, id: string): Promise<Story | undefined> {
    return this.store.get(workspace, id);
  }

  /**
   * Stories the person is featured in, created in [from, to), most upvoted first. At most `limit` are
   * read (the earliest); the total counts them all.
   */
  async listFeaturing(workspace: Workspace, userId: string, range: { from: Date; to: Date }, limit: number): Promise<StoryPage> {
    const page = await this.store.listFeaturing(workspace, userId, range, limit);
    return { ...page, stories: [...page.stories].sort(byUpvotes) };
  }

  /** Stories created in [from, to), at most `limit` (the earliest). */
  listCreatedBetween(workspace: Workspace, range: { from: Date; to: Date }, limit: number): Promise<Story[]> {
    return this.store.listCreatedBetween(workspace, range, limit);
  }

  /** Remembers the message Kept posted, so reactions on it count. */
  async attachMessage(workspace: Workspace, id: string, message: StoryMessage): Promise<Story> {
    return (await this.store.update(workspace, id, (s) => ({ ...s, message }))).after;
  }

  async upvote(workspace: Workspace, id: string, userId: string): Promise<VoteResult> {
    const { before, after } = await this.store.update(workspace, id, (s) => addVote(s, userId, BUTTON_VOTE));
    if (userId === before.authorId) return { kind: 'own', story: before };
    return upvoteCount(after) === upvoteCount(before) ? { kind: 'already', story: after } : { kind: 'counted', story: after };
  }

  /**
   * A reaction added to or removed from a message: when the message is a story, it counts as an upvote
   * (or takes one back). Undefined when the message is not a story.
   */
  async react(
    workspace: Workspace,
    message: { channel: string; ts: string },
    userId: string,
    reaction: string,
    added: boolean,
  ): Promise<VoteResult | undefined> {
    const found = await this.store.findByMessage(workspace, message.channel, message.ts);
    if (!found) return undefined;
    const way = reactionVote(reaction);
    const { before, after } = await this.store.update(workspace, found.id, (s) => (added ? addVote(s, userId, way) : removeVote(s, userId, way)));
    if (userId === before.authorId) return { kind: 'own', story: before };
    return upvoteCount(after) === upvoteCount(before) ? { kind: 'already', story: after } : { kind: 'counted', story: after };
  }
}
