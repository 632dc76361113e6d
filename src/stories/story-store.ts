import type { DocumentData, Firestore } from '@google-cloud/firestore';
import { toDate } from '../shared/firestore/firestore.js';
import { isValidDocId, updateOptimistically } from '../shared/firestore/firestore-docs.js';
import { type Workspace, workspaceKey } from '../shared/workspace/workspace.js';
import { type Story, type StoryMessage, type StorySource, upvoteCount } from './story.js';

/** Persistence of stories in `teams/{ws}/stories/{id}`; plain domain objects in and out. */
export interface StoryStore {
  newId(workspace: Workspace): string;
  create(workspace: Workspace, story: Story): Promise<void>;
  get(workspace: Workspace, id: string): Promise<Story | undefined>;
  /** The story Kept posted as this message, if any. */
  findByMessage(workspace: Workspace, channel: string, ts: string): Promise<Story | undefined>;
  /** Applies a pure change atomically; `change` may run more than once when writes collide. */
  update(workspace: Workspace, id: string, change: (current: Story) => Story): Promise<{ before: Story; after: Story }>;
  /**
   * Stories featuring the person, created in [from, to): at most `limit` of them, earliest first, and
   * how many there are in all. One range query on the (featuredIds, createdAt) index and one count.
   */
  listFeaturing(workspace: Workspace, userId: string, range: { from: Date; to: Date }, limit: number): Promise<StoryPage>;
  /** Stories created in [from, to), earliest first, at most `limit` (a range on the single-field createdAt index). */
  listCreatedBetween(workspace: Workspace, range: { from: Date; to: Date }, limit: number): Promise<Story[]>;
}

export interface StoryPage {
  stories: Story[];
  /** How many match in all, beyond the page. */
  total: number;
}

export class FirestoreStoryStore implements StoryStore {
  constructor(private readonly db: Firestore) {}

  private collection(workspace: Workspace) {
    return this.db.collection('teams').doc(workspaceKey(workspace)).collection('stories');
  }

  newId(workspace: Workspace): string {
    return this.collection(workspace).doc().id;
  }

  async create(workspace: Workspace, story: Story): Promise<void> {
    await this.collection(workspace).doc(story.id).create(storyToStored(workspace, story));
  }

  async get(workspace: Workspace, id: string): Promise<Story | undefined> {
    if (!isValidDocId(id)) return undefined;
    const snapshot = await this.collection(workspace).doc(id).get();
    return snapshot.exists ? storyFromStored(snapshot.id, snapshot.data()!) : undefined;
  }

  async findByMessage(workspace: Workspace, channel: string, ts: string): Promise<Story | undefined> {
    const snapshot = await this.collection(workspace).where('messageKey', '==', messageKey(channel, ts)).limit(1).get();
    const doc = snapshot.docs[0];
    return doc ? storyFromStored(doc.id, doc.data()) : undefined;
  }

  async listFeaturing(workspace: Workspace, userId: string, range: { from: Date; to: Date }, limit: number): Promise<StoryPage> {
    const query = this.collection(workspace)
      .where('featuredIds', 'array-contains', userId)
      .where('createdAt', '>=', range.from)
      .where('createdAt', '<', range.to);
    const [page, count] = await Promise.all([query.orderBy('createdAt').limit(limit).get(), query.count().get()]);
    return { stories: page.docs.map((d) => storyFromStored(d.id, d.data())), total: count.data().count };
  }

  async listCreatedBetween(workspace: Workspace, range: { from: Date; to: Date }, limit: number): Promise<Story[]> {
    const snapshot = await this.collection(workspace)
      .where('createdAt', '>=', range.from)
      .where('createdAt', '<', range.to)
      .orderBy('createdAt')
      .limit(limit)
      .get();
    return snapshot.docs.map((d) => storyFromStored(d.id, d.data()));
  }

  /** Optimistic read-modify-write: a burst of upvotes costs retries (up to 8), not locks. */
  update(workspace: Workspace, id: string, change: (current: Story) => Story) {
    const codec = { read: storyFromStored, write: (story: Story) => storyToStored(workspace, story) };
    return updateOptimistically(this.collection(workspace), id, 'story_not_found', codec, change, 8);
  }
}

function messageKey(channel: string, ts: string): string {
  return `${channel}:${ts}`;
}

export function storyToStored(workspace: Workspace, s: Story): DocumentData {
  return {
    teamId: workspace.teamId,
    enterpriseId: workspace.enterpriseId ?? null,
    authorId: s.authorId,
    featuredIds: [...s.featuredIds],
    client: s.client ?? null,
    what: s.what,
    why: s.why ?? null,
    createdAt: s.createdAt,
    sharedIn: s.sharedIn ?? null,
    message: s.message ? { channel: s.message.channel, ts: s.message.ts, permalink: s.message.permalink ?? null } : null,
    messageKey: s.message ? messageKey(s.message.channel, s.message.ts) : null,
    votes: Object.fromEntries(Object.entries(s.votes).map(([userId, ways]) => [userId, [...ways]])),
    // Kept next to the votes so a reader can sort without counting.
    upvotes: upvoteCount(s),
    source: s.source ? { kind: s.source.kind, id: s.source.id ?? null, link: s.source.link ?? null, title: s.source.title ?? null } : null,
  };
}

export function storyFromStored(id: string, d: DocumentData): Story {
  const message: StoryMessage | undefined = d.message
    ? { channel: d.message.channel, ts: d.message.ts, permalink: d.message.permalink ?? undefined }
    : undefined;
  const source: StorySource | undefined = d.source
    ? { kind: d.source.kind, id: d.source.id ?? undefined, link: d.source.link ?? undefined, title: d.source.title ?? undefined }
    : undefined;
  const votes: Record<string, string[]> = {};
  for (const [userId, ways] of Object.entries((d.votes ?? {}) as Record<string, unknown>)) {
    if (Array.isArray(ways)) votes[userId] = ways.filter((w): w is string => typeof w === 'string');
  }
  return {
    id,
    authorId: d.authorId,
    featuredIds: Array.isArray(d.featuredIds) ? d.featuredIds : [],
    client: d.client ?? undefined,
    what: d.what ?? '',
    why: d.why ?? undefined,
    createdAt: toDate(d.createdAt),
    sharedIn: d.sharedIn ?? undefined,
    message,
    votes,
    source,
  };
}
