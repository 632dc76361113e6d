import type { DocumentData, Firestore } from '@google-cloud/firestore';
import { toDate, toOptionalDate } from '../shared/firestore/firestore.js';
import { createUnlessExists, findDueDocs, isValidDocId, saveScheduleIfUnchanged, updateOptimistically } from '../shared/firestore/firestore-docs.js';
import { type Workspace, workspaceKey } from '../shared/workspace/workspace.js';
import { conversationOf, type WatchedMessage, type WatchStep, watchId } from './client-watch.js';

export interface DueWatch {
  readonly workspace: Workspace;
  readonly message: WatchedMessage;
  readonly version: string;
}

const NOT_FOUND = 5;
/** The most waiting messages one team reply can answer at once (a channel rarely has more than a few). */
export const ANSWER_READ = 100;

/** Watched client messages: `teams/{ws}/watches/{channel-ts}`, and the threads the team has replied in. */
export interface WatchStore {
  /** False when the message is already watched (a repeated event). */
  create(workspace: Workspace, message: WatchedMessage): Promise<boolean>;
  get(workspace: Workspace, id: string): Promise<WatchedMessage | undefined>;
  /** Applies a change; undefined when the message is not watched. */
  update(workspace: Workspace, id: string, change: (current: WatchedMessage) => WatchedMessage): Promise<WatchedMessage | undefined>;
  /** Forgets a message (deleted in Slack). */
  remove(workspace: Workspace, id: string): Promise<void>;
  /** The new first characters of an edited message, when it is watched; false when it is not. */
  updateText(workspace: Workspace, id: string, text: string): Promise<boolean>;
  /** Messages of the channel still waiting that a reply at `ts` (in `threadTs`, or top level) may answer. */
  waitingIn(workspace: Workspace, channelId: string, reply: { ts: string; threadTs?: string | undefined }): Promise<WatchedMessage[]>;
  markThreadAnswered(workspace: Workspace, channelId: string, threadTs: string, at: Date): Promise<void>;
  isThreadAnswered(workspace: Workspace, channelId: string, threadTs: string): Promise<boolean>;
  /** A client's waiting messages, oldest first, with the full count. */
  waitingFor(workspace: Workspace, clientId: string, limit: number): Promise<{ messages: WatchedMessage[]; total: number }>;
  /** A client's messages answered since `since` (for the median first response). */
  answeredSince(workspace: Workspace, clientId: string, since: Date, limit: number): Promise<WatchedMessage[]>;
  /** Every message of the workspace posted in [from, to) (the recap's week), at most `limit`. */
  postedBetween(workspace: Workspace, from: Date, to: Date, limit: number): Promise<WatchedMessage[]>;
  /** Messages of the workspace still waiting, the oldest first. */
  longestWaiting(workspace: Workspace, limit: number): Promise<WatchedMessage[]>;
  findDue(now: Date, limit: number, after?: DueWatch): Promise<DueWatch[]>;
  saveSchedule(due: DueWatch, stepsDone: readonly WatchStep[], nextStepAt: Date | null): Promise<boolean>;
}

export class FirestoreWatchStore implements WatchStore {
  constructor(private readonly db: Firestore) {}

  private watches(workspace: Workspace) {
    return this.db.collection('teams').doc(workspaceKey(workspace)).collection('watches');
  }

  private threads(workspace: Workspace) {
    return this.db.collection('teams').doc(workspaceKey(workspace)).collection('answeredThreads');
  }

  async create(workspace: Workspace, message: WatchedMessage): Promise<boolean> {
    return createUnlessExists(() => this.watches(workspace).doc(message.id).create(toStored(workspace, message)));
  }

  async get(workspace: Workspace, id: string): Promise<WatchedMessage | undefined> {
    if (!isValidDocId(id)) return undefined;
    const snapshot = await this.watches(workspace).doc(id).get();
    return snapshot.exists ? fromStored(snapshot.id, snapshot.data()!) : undefined;
  }

  async update(workspace: Workspace, id: string, change: (current: WatchedMessage) => WatchedMessage): Promise<WatchedMessage | undefined> {
    try {
      const { after } = await updateOptimistically(
        this.watches(workspace),
        id,
        'invalid_request',
        { read: fromStored, write: (m: WatchedMessage) => toStored(workspace, m) },
        change,
      );
      return after;
    } catch (error) {
      if ((error as { key?: string }).key === 'invalid_request') return undefined;
      throw error;
    }
  }

  async remove(workspace: Workspace, id: string): Promise<void> {
    if (isValidDocId(id)) await this.watches(workspace).doc(id).delete();
  }

  async updateText(workspace: Workspace, id: string, text: string): Promise<boolean> {
    if (!isValidDocId(id)) return false;
    try {
      await this.watches(workspace).doc(id).update({ text });
      return true;
    } catch (error) {
      if ((error as { code?: number }).code === NOT_FOUND) return false;
      throw error;
    }
  }

  async waitingIn(workspace: Workspace, channelId: string, reply: { ts: string; threadTs?: string | undefined }): Promise<WatchedMessage[]> {
    const waiting = this.watches(workspace).where('channelId', '==', channelId).where('status', '==', 'waiting');
    const query = reply.threadTs
      ? waiting.where('conversation', '==', reply.threadTs)
      : waiting.where('topLevel', '==', true).where('ts', '<', reply.ts).orderBy('ts');
    const snapshot = await query.limit(ANSWER_READ).get();
    return snapshot.docs.map((d) => fromStored(d.id, d.data()));
  }

  async markThreadAnswered(workspace: Workspace, channelId: string, threadTs: string, at: Date): Promise<void> {
    await this.threads(workspace).doc(watchId(channelId, threadTs)).set({ at });
  }

  async isThreadAnswered(workspace: Workspace, channelId: string, threadTs: string): Promise<boolean> {
    return (await this.threads(workspace).doc(watchId(channelId, threadTs)).get()).exists;
  }

  async waitingFor(workspace: Workspace, clientId: string, limit: number): Promise<{ messages: WatchedMessage[]; total: number }> {
    const query = this.watches(workspace).where('clientId', '==', clientId).where('status', '==', 'waiting');
    const [page, count] = await Promise.all([limit > 0 ? query.orderBy('messageAt').limit(limit).get() : undefined, query.count().get()]);
    return { messages: page?.docs.map((d) => fromStored(d.id, d.data())) ?? [], total: count.data().count };
  }

  async answeredSince(workspace: Workspace, clientId: string, since: Date, limit: number): Promise<WatchedMessage[]> {
    const snapshot = await this.watches(workspace).where('clientId', '==', clientId).where('answeredAt', '>=', since).orderBy('answeredAt').limit(limit).get();
    return snapshot.docs.map((d) => fromStored(d.id, d.data()));
  }

  async postedBetween(workspace: Workspace, from: Date, to: Date, limit: number): Promise<WatchedMessage[]> {
    const snapshot = await this.watches(workspace).where('messageAt', '>=', from).where('messageAt', '<', to).orderBy('messageAt').limit(limit).get();
    return snapshot.docs.map((d) => fromStored(d.id, d.data()));
  }

  async longestWaiting(workspace: Workspace, limit: number): Promise<WatchedMessage[]> {
    const snapshot = await this.watches(workspace).where('status', '==', 'waiting').orderBy('messageAt').limit(limit).get();
    return snapshot.docs.map((d) => fromStored(d.id, d.data()));
  }

  async findDue(now: Date, limit: number, after?: DueWatch): Promise<DueWatch[]> {
    const cursor = after ? { ref: this.watches(after.workspace).doc(after.message.id), nextStepAt: after.message.nextStepAt } : undefined;
    const docs = await findDueDocs(this.db, 'watches', now, limit, cursor);
    return docs.map((doc) => ({ workspace: doc.workspace, message: fromStored(doc.id, doc.data), version: doc.version }));
  }

  saveSchedule(due: DueWatch, stepsDone: readonly WatchStep[], nextStepAt: Date | null): Promise<boolean> {
    return saveScheduleIfUnchanged(this.watches(due.workspace), due.message.id, due.version, stepsDone, nextStepAt);
  }
}

/** The stored form: exactly the fields README lists under "What the watch stores". Exported for bulk loads (the bench). */
export function toStored(workspace: Workspace, m: WatchedMessage): DocumentData {
  return {
    teamId: workspace.teamId,
    enterpriseId: workspace.enterpriseId ?? null,
    clientId: m.clientId,
    channelId: m.channelId,
    ts: m.ts,
    threadTs: m.threadTs ?? null,
    conversation: conversationOf(m),
    topLevel: !m.threadTs,
    authorId: m.authorId,
    text: m.text,
    messageAt: m.messageAt,
    status: m.status,
    answeredAt: m.answeredAt ?? null,
    answeredBy: m.answeredBy ?? null,
    stepsDone: [...m.stepsDone],
    nextStepAt: m.nextStepAt,
  };
}

function fromStored(id: string, d: DocumentData): WatchedMessage {
  return {
    id,
    clientId: String(d.clientId ?? ''),
    channelId: String(d.channelId ?? ''),
    ts: String(d.ts ?? ''),
    threadTs: typeof d.threadTs === 'string' ? d.threadTs : undefined,
    authorId: String(d.authorId ?? ''),
    text: String(d.text ?? ''),
    messageAt: toDate(d.messageAt),
    status: ['waiting', 'answered', 'promised', 'dismissed'].includes(d.status) ? d.status : 'dismissed',
    answeredAt: toOptionalDate(d.answeredAt),
    answeredBy: typeof d.answeredBy === 'string' ? d.answeredBy : undefined,
    stepsDone: Array.isArray(d.stepsDone) ? d.stepsDone.filter((s: unknown): s is WatchStep => s === 'owner' || s === 'leads') : [],
    nextStepAt: toOptionalDate(d.nextStepAt) ?? null,
  };
}
