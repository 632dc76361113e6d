import type { DocumentData, Firestore, Query } from '@google-cloud/firestore';
import { toDate } from '../shared/firestore/firestore.js';
import { createUnlessExists, findDueDocs, isValidDocId, saveScheduleIfUnchanged, updateOptimistically } from '../shared/firestore/firestore-docs.js';
import { type Workspace, workspaceKey } from '../shared/workspace/workspace.js';
import { type ClientPromise, normalizeClientKey, type Outcome, type Renegotiation } from './client-promise.js';
import { movedDueDays, type TimeWindow } from './promise-week.js';
import { readWeekTally, type StoredWeekTally } from './promise-week-store.js';

export interface OpenPromiseFilter {
  ownerId?: string | undefined;
  client?: string | undefined;
  /** Any of these client keys (a client's name and aliases, as `normalizeClientKey` gives them). */
  clientKeys?: readonly string[] | undefined;
}

/** A promise the sweep found due, with the version its schedule update must match. */
export interface DuePromise {
  workspace: Workspace;
  promise: ClientPromise;
  version: string;
}

export interface DueWindow {
  promises: ClientPromise[];
  /** True when a query hit its limit, so some promises of the window were not read. */
  truncated: boolean;
}

export interface PromisePage {
  promises: ClientPromise[];
  /** How many match in all, beyond the page. */
  total: number;
}

/** Persistence of promises; plain domain objects in and out. */
export interface PromiseStore {
  newId(workspace: Workspace): string;
  create(workspace: Workspace, promise: ClientPromise): Promise<void>;
  /** As `create`, false (nothing written) when a promise with its id exists already. */
  createOnce(workspace: Workspace, promise: ClientPromise): Promise<boolean>;
  get(workspace: Workspace, id: string): Promise<ClientPromise | undefined>;
  /** Applies a pure change atomically; `change` may run more than once when writes collide. */
  update(workspace: Workspace, id: string, change: (current: ClientPromise) => ClientPromise): Promise<{ before: ClientPromise; after: ClientPromise }>;
  listOpen(workspace: Workspace, filter: OpenPromiseFilter, limit: number): Promise<PromisePage>;
  /** Open promises of the workspace past due at `now`, oldest due first, with the full count. */
  listOverdue(workspace: Workspace, now: Date, limit: number): Promise<PromisePage>;
  /** Promises due in [from, to), by the due time in force or as first promised: at most `limit` of each. */
  listDueBetween(workspace: Workspace, from: Date, to: Date, limit: number): Promise<DueWindow>;
  /** Promises of any of these clients (keys as `normalizeClientKey` gives them) due in [from, to), at most `limit`, earliest first. */
  listDueForClients(workspace: Workspace, clientKeys: readonly string[], from: Date, to: Date, limit: number): Promise<ClientPromise[]>;
  /** A week's tally by the rules of promise-week.ts, from counts and the week's renegotiated promises (at most `limit` read). */
  weekTally(workspace: Workspace, week: TimeWindow, asOf: Date, limit: number): Promise<StoredWeekTally>;
  /** How many of one owner's open promises are past due at `now`. */
  countOverdue(workspace: Workspace, now: Date, ownerId: string): Promise<number>;
  /** Promises of every workspace whose next step is due, oldest first: one indexed range query. */
  findDue(now: Date, limit: number, after?: DuePromise): Promise<DuePromise[]>;
  /** Records sweep progress unless the promise changed since it was read; false when it did. */
  saveSchedule(due: DuePromise, stepsDone: readonly string[], nextStepAt: Date | null): Promise<boolean>;
}

export class FirestorePromiseStore implements PromiseStore {
  constructor(private readonly db: Firestore) {}

  private collection(workspace: Workspace) {
    return this.db.collection('teams').doc(workspaceKey(workspace)).collection('promises');
  }

  newId(workspace: Workspace): string {
    return this.collection(workspace).doc().id;
  }

  async create(workspace: Workspace, promise: ClientPromise): Promise<void> {
    await this.collection(workspace).doc(promise.id).create(toStored(workspace, promise));
  }

  async createOnce(workspace: Workspace, promise: ClientPromise): Promise<boolean> {
    return createUnlessExists(() => this.create(workspace, promise));
  }

  async get(workspace: Workspace, id: string): Promise<ClientPromise | undefined> {
    if (!isValidDocId(id)) return undefined;
    const snapshot = await this.collection(workspace).doc(id).get();
    return snapshot.exists ? fromStored(snapshot.id, snapshot.data()!) : undefined;
  }

  update(workspace: Workspace, id: string, change: (current: ClientPromise) => ClientPromise) {
    return updateOptimistically(this.collection(workspace), id, 'promise_not_found', this.codec(workspace), change);
  }

  async findDue(now: Date, limit: number, after?: DuePromise): Promise<DuePromise[]> {
    const cursor = after ? { ref: this.collection(after.workspace).doc(after.promise.id), nextStepAt: after.promise.nextStepAt } : undefined;
    const docs = await findDueDocs(this.db, 'promises', now, limit, cursor);
    return docs.map((doc) => ({ workspace: doc.workspace, promise: fromStored(doc.id, doc.data), version: doc.version }));
  }

  saveSchedule(due: DuePromise, stepsDone: readonly string[], nextStepAt: Date | null): Promise<boolean> {
    return saveScheduleIfUnchanged(this.collection(due.workspace), due.promise.id, due.version, stepsDone, nextStepAt);
  }

  private codec(workspace: Workspace) {
    return { read: fromStored, write: (p: ClientPromise) => toStored(workspace, p) };
  }

  async listOpen(workspace: Workspace, filter: OpenPromiseFilter, limit: number): Promise<PromisePage> {
    let query: Query = this.collection(workspace).where('status', '==', 'open');
    if (filter.ownerId) query = query.where('ownerId', '==', filter.ownerId);
    if (filter.client) query = query.where('clientKey', '==', normalizeClientKey(filter.client));
    else if (filter.clientKeys && filter.clientKeys.length > 0) query = query.where('clientKey', 'in', filter.clientKeys.slice(0, 30));
    const [page, count] = await Promise.all([query.orderBy('dueAt').limit(limit).get(), query.count().get()]);
    return { promises: page.docs.map((d) => fromStored(d.id, d.data())), total: count.data().count };
  }

  async listOverdue(workspace: Workspace, now: Date, limit: number): Promise<PromisePage> {
    const query = this.collection(workspace).where('status', '==', 'open').where('dueAt', '<=', now);
    const [page, count] = await Promise.all([query.orderBy('dueAt').limit(limit).get(), query.count().get()]);
    return { promises: page.docs.map((d) => fromStored(d.id, d.data())), total: count.data().count };
  }

  async listDueForClients(workspace: Workspace, clientKeys: readonly string[], from: Date, to: Date, limit: number): Promise<ClientPromise[]> {
    if (clientKeys.length === 0) return [];
    const snapshot = await this.collection(workspace)
      .where('clientKey', 'in', clientKeys.slice(0, 30))
      .where('dueAt', '>=', from)
      .where('dueAt', '<', to)
      .orderBy('dueAt')
      .limit(limit)
      .get();
    return snapshot.docs.map((d) => fromStored(d.id, d.data()));
  }

  weekTally(workspace: Workspace, week: TimeWindow, asOf: Date, limit: number): Promise<StoredWeekTally> {
    return readWeekTally(this.collection(workspace), fromStored, { week, asOf, limit });
  }

  async countOverdue(workspace: Workspace, now: Date, ownerId: string): Promise<number> {
    const query = this.collection(workspace).where('status', '==', 'open').where('ownerId', '==', ownerId).where('dueAt', '<=', now);
    return (await query.count().get()).data().count;
  }

  async listDueBetween(workspace: Workspace, from: Date, to: Date, limit: number): Promise<DueWindow> {
    const window = (field: 'dueAt' | 'originalDueAt') =>
      this.collection(workspace).where(field, '>=', from).where(field, '<', to).orderBy(field).limit(limit).get();
    const [current, original] = await Promise.all([window('dueAt'), window('originalDueAt')]);
    const byId = new Map<string, ClientPromise>();
    for (const doc of [...current.docs, ...original.docs]) byId.set(doc.id, fromStored(doc.id, doc.data()));
    return { promises: [...byId.values()], truncated: current.size >= limit || original.size >= limit };
  }
}

/** The stored form of a promise; exported for bulk loads (benchmarks, imports). */
export function toStored(workspace: Workspace, p: ClientPromise): DocumentData {
  return {
    teamId: workspace.teamId,
    enterpriseId: workspace.enterpriseId ?? null,
    client: p.client,
    clientKey: normalizeClientKey(p.client),
    what: p.what,
    ownerId: p.ownerId,
    creatorId: p.creatorId,
    createdAt: p.createdAt,
    dueAt: p.dueAt,
    originalDueAt: p.originalDueAt,
    status: p.status,
    outcome: p.outcome ?? null,
    renegotiations: p.renegotiations.map((r) => ({ ...r })),
    // The weekly recap finds the week's renegotiations with one range query on this.
    lastRenegotiatedAt: p.renegotiations.at(-1)?.at ?? null,
    // A week's tally finds the promises renegotiated away from a due time in it by these UTC days.
    movedDueDays: movedDueDays(p),
    channelId: p.channelId ?? null,
    permalink: p.permalink ?? null,
    ownerTimeZone: p.ownerTimeZone,
    snoozedUntil: p.snoozedUntil ?? null,
    stepsDone: [...p.stepsDone],
    nextStepAt: p.nextStepAt,
  };
}

/** A promise from its stored form (the week's counts read renegotiated ones whole). */
export function fromStored(id: string, d: DocumentData): ClientPromise {
  return {
    id,
    client: d.client,
    what: d.what,
    ownerId: d.ownerId,
    creatorId: d.creatorId,
    createdAt: toDate(d.createdAt),
    dueAt: toDate(d.dueAt),
    originalDueAt: toDate(d.originalDueAt),
    status: d.status,
    outcome: d.outcome ? outcomeFromStored(d.outcome) : undefined,
    renegotiations: (d.renegotiations ?? []).map(
      (r: DocumentData): Renegotiation => ({
        at: toDate(r.at),
        by: r.by,
        previousDueAt: toDate(r.previousDueAt),
        newDueAt: toDate(r.newDueAt),
        reason: r.reason,
        clientInformed: Boolean(r.clientInformed),
        early: Boolean(r.early),
      }),
    ),
    channelId: d.channelId ?? undefined,
    ...(typeof d.permalink === 'string' ? { permalink: d.permalink } : {}),
    ownerTimeZone: typeof d.ownerTimeZone === 'string' ? d.ownerTimeZone : 'UTC',
    snoozedUntil: d.snoozedUntil ? toDate(d.snoozedUntil) : undefined,
    stepsDone: Array.isArray(d.stepsDone) ? d.stepsDone : [],
    nextStepAt: d.nextStepAt ? toDate(d.nextStepAt) : null,
  };
}

function outcomeFromStored(o: DocumentData): Outcome {
  return o.kind === 'kept' ? { kind: 'kept', at: toDate(o.at), by: o.by, onTime: Boolean(o.onTime) } : { kind: 'cancelled', at: toDate(o.at), by: o.by };
}
