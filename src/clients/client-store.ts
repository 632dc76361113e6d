import type { DocumentData, Firestore } from '@google-cloud/firestore';
import { toDate, toOptionalDate } from '../shared/firestore/firestore.js';
import {
  ALREADY_EXISTS,
  createUnlessExists,
  findDueDocs,
  isValidDocId,
  saveScheduleIfUnchanged,
  updateOptimistically,
} from '../shared/firestore/firestore-docs.js';
import { type Workspace, workspaceKey } from '../shared/workspace/workspace.js';
import { type Client, clientKey, keysOf } from './client-record.js';

/** A channel linked to a client: the one read a message in any channel costs to know whether it is watched. */
export interface ChannelLink {
  readonly clientId: string;
  /** The client's own standard, copied here so a message needs no second read (undefined: the workspace's). */
  readonly responseMinutes?: number | undefined;
}

export interface DueClient {
  readonly workspace: Workspace;
  readonly client: Client;
  readonly version: string;
}

/** Persistence of clients and their channel links; plain objects in and out. */
export interface ClientStore {
  newId(workspace: Workspace): string;
  /** False when another client already has the name (or alias). */
  create(workspace: Workspace, client: Client): Promise<boolean>;
  get(workspace: Workspace, id: string): Promise<Client | undefined>;
  findByName(workspace: Workspace, name: string): Promise<Client | undefined>;
  list(workspace: Workspace, limit: number): Promise<Client[]>;
  /** Clients the person owns or backs up, by name, at most `limit` of each. */
  ownedBy(workspace: Workspace, userId: string, limit: number): Promise<Client[]>;
  update(workspace: Workspace, id: string, change: (current: Client) => Client): Promise<{ before: Client; after: Client }>;
  /** Links a channel unless another client has it: the linked client's id either way. */
  link(workspace: Workspace, channelId: string, client: Client): Promise<string>;
  unlink(workspace: Workspace, channelId: string, clientId: string): Promise<void>;
  channel(workspace: Workspace, channelId: string): Promise<ChannelLink | undefined>;
  findDue(now: Date, limit: number, after?: DueClient): Promise<DueClient[]>;
  saveSchedule(due: DueClient, stepsDone: readonly string[], nextStepAt: Date | null): Promise<boolean>;
}

export class FirestoreClientStore implements ClientStore {
  constructor(private readonly db: Firestore) {}

  private team(workspace: Workspace) {
    return this.db.collection('teams').doc(workspaceKey(workspace));
  }

  private clients(workspace: Workspace) {
    return this.team(workspace).collection('clients');
  }

  private channels(workspace: Workspace) {
    return this.team(workspace).collection('clientChannels');
  }

  newId(workspace: Workspace): string {
    return this.clients(workspace).doc().id;
  }

  /** A name document per key makes two clients of one name impossible, even when two people add it at once. */
  async create(workspace: Workspace, client: Client): Promise<boolean> {
    const names = keysOf(client).map((key) => this.team(workspace).collection('clientNames').doc(nameDocId(key)));
    return createUnlessExists(() =>
      this.db.runTransaction(async (tx) => {
        const taken = await Promise.all(names.map((ref) => tx.get(ref)));
        if (taken.some((s) => s.exists)) throw Object.assign(new Error('name taken'), { code: ALREADY_EXISTS });
        for (const ref of names) tx.create(ref, { clientId: client.id });
        tx.create(this.clients(workspace).doc(client.id), toStored(workspace, client));
      }),
    );
  }

  async get(workspace: Workspace, id: string): Promise<Client | undefined> {
    if (!isValidDocId(id)) return undefined;
    const snapshot = await this.clients(workspace).doc(id).get();
    return snapshot.exists ? fromStored(snapshot.id, snapshot.data()!) : undefined;
  }

  async findByName(workspace: Workspace, name: string): Promise<Client | undefined> {
    const key = clientKey(name);
    if (!key) return undefined;
    const snapshot = await this.clients(workspace).where('keys', 'array-contains', key).limit(1).get();
    const doc = snapshot.docs[0];
    return doc ? fromStored(doc.id, doc.data()) : undefined;
  }

  async list(workspace: Workspace, limit: number): Promise<Client[]> {
    const snapshot = await this.clients(workspace).orderBy('key').limit(limit).get();
    return snapshot.docs.map((d) => fromStored(d.id, d.data()));
  }

  async ownedBy(workspace: Workspace, userId: string, limit: number): Promise<Client[]> {
    const [owned, backed] = await Promise.all([
      this.clients(workspace).where('ownerId', '==', userId).limit(limit).get(),
      this.clients(workspace).where('backupId', '==', userId).limit(limit).get(),
    ]);
    const byId = new Map<string, Client>();
    for (const doc of [...owned.docs, ...backed.docs]) byId.set(doc.id, fromStored(doc.id, doc.data()));
    return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  async update(workspace: Workspace, id: string, change: (current: Client) => Client): Promise<{ before: Client; after: Client }> {
    const result = await updateOptimistically(
      this.clients(workspace),
      id,
      'client_not_found',
      { read: fromStored, write: (c: Client) => toStored(workspace, c) },
      change,
    );
    const { before, after } = result;
    if (before !== after) await this.syncNames(workspace, before, after);
    if (before.responseMinutes !== after.responseMinutes && after.channelIds.length > 0) {
      // Each link carries the client's standard, so a message costs one read.
      const batch = this.db.batch();
      for (const channelId of after.channelIds) batch.set(this.channels(workspace).doc(channelId), linkToStored(workspace, after), { merge: true });
      await batch.commit();
    }
    return result;
  }

  /** New aliases claim their name documents; a taken one was refused by the service before the write. */
  private async syncNames(workspace: Workspace, before: Client, after: Client): Promise<void> {
    const added = keysOf(after).filter((k) => !keysOf(before).includes(k));
    await Promise.all(
      added.map((key) =>
        this.team(workspace)
          .collection('clientNames')
          .doc(nameDocId(key))
          .set({ clientId: after.id })
          .catch(() => undefined),
      ),
    );
  }

  async link(workspace: Workspace, channelId: string, client: Client): Promise<string> {
    const ref = this.channels(workspace).doc(channelId);
    return this.db.runTransaction(async (tx) => {
      const current = await tx.get(ref);
      const owner = current.exists ? String(current.get('clientId')) : undefined;
      if (owner && owner !== client.id) return owner;
      tx.set(ref, linkToStored(workspace, client));
      return client.id;
    });
  }

  async unlink(workspace: Workspace, channelId: string, clientId: string): Promise<void> {
    const ref = this.channels(workspace).doc(channelId);
    await this.db.runTransaction(async (tx) => {
      const current = await tx.get(ref);
      if (current.exists && current.get('clientId') === clientId) tx.delete(ref);
    });
  }

  async channel(workspace: Workspace, channelId: string): Promise<ChannelLink | undefined> {
    if (!isValidDocId(channelId)) return undefined;
    const snapshot = await this.channels(workspace).doc(channelId).get();
    if (!snapshot.exists) return undefined;
    const minutes = snapshot.get('responseMinutes');
    return { clientId: String(snapshot.get('clientId')), ...(typeof minutes === 'number' ? { responseMinutes: minutes } : {}) };
  }

  async findDue(now: Date, limit: number, after?: DueClient): Promise<DueClient[]> {
    const cursor = after ? { ref: this.clients(after.workspace).doc(after.client.id), nextStepAt: after.client.nextStepAt } : undefined;
    const docs = await findDueDocs(this.db, 'clients', now, limit, cursor);
    return docs.map((doc) => ({ workspace: doc.workspace, client: fromStored(doc.id, doc.data), version: doc.version }));
  }

  saveSchedule(due: DueClient, stepsDone: readonly string[], nextStepAt: Date | null): Promise<boolean> {
    return saveScheduleIfUnchanged(this.clients(due.workspace), due.client.id, due.version, stepsDone, nextStepAt);
  }
}

function nameDocId(key: string): string {
  return encodeURIComponent(key).replace(/\./g, '%2E').slice(0, 700);
}

function linkToStored(workspace: Workspace, client: Client): DocumentData {
  return { teamId: workspace.teamId, clientId: client.id, responseMinutes: client.responseMinutes ?? null };
}

export function toStored(workspace: Workspace, c: Client): DocumentData {
  return {
    teamId: workspace.teamId,
    enterpriseId: workspace.enterpriseId ?? null,
    name: c.name,
    key: clientKey(c.name),
    keys: keysOf(c),
    aliases: [...c.aliases],
    channelIds: [...c.channelIds],
    ownerId: c.ownerId ?? null,
    backupId: c.backupId ?? null,
    responseMinutes: c.responseMinutes ?? null,
    meetEveryDays: c.meetEveryDays ?? null,
    meetings: c.meetings.map((m) => ({ at: m.at, by: m.by, note: m.note })),
    createdAt: c.createdAt,
    createdBy: c.createdBy,
    nextStepAt: c.nextStepAt,
    stepsDone: [...c.stepsDone],
  };
}

function fromStored(id: string, d: DocumentData): Client {
  const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
  const num = (v: unknown) => (typeof v === 'number' && v > 0 ? v : undefined);
  return {
    id,
    name: String(d.name ?? ''),
    aliases: Array.isArray(d.aliases) ? d.aliases.filter((a: unknown): a is string => typeof a === 'string') : [],
    channelIds: Array.isArray(d.channelIds) ? d.channelIds.filter((a: unknown): a is string => typeof a === 'string') : [],
    ownerId: str(d.ownerId),
    backupId: str(d.backupId),
    responseMinutes: num(d.responseMinutes),
    meetEveryDays: num(d.meetEveryDays),
    meetings: Array.isArray(d.meetings) ? d.meetings.map((m: DocumentData) => ({ at: toDate(m.at), by: String(m.by ?? ''), note: String(m.note ?? '') })) : [],
    createdAt: toOptionalDate(d.createdAt) ?? new Date(0),
    createdBy: String(d.createdBy ?? ''),
    nextStepAt: toOptionalDate(d.nextStepAt) ?? null,
    stepsDone: Array.isArray(d.stepsDone) ? d.stepsDone : [],
  };
}
