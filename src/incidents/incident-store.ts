import type { DocumentData, Firestore, Query } from '@google-cloud/firestore';
import { toDate, toOptionalDate } from '../shared/firestore/firestore.js';
import { findDueDocs, isValidDocId, saveScheduleIfUnchanged, updateOptimistically } from '../shared/firestore/firestore-docs.js';
import { type Workspace, workspaceKey } from '../shared/workspace/workspace.js';
import { type ClientIncident, isSeverity, type TimelineEntry } from './client-incident.js';

/** An incident the sweep found due, with the version its schedule update must match. */
export interface DueIncident {
  workspace: Workspace;
  incident: ClientIncident;
  version: string;
}

export interface IncidentPage {
  incidents: ClientIncident[];
  /** How many match in all, beyond the page. */
  total: number;
}

/** Persistence of incidents (`teams/{ws}/incidents/{id}`); plain domain objects in and out. */
export interface IncidentStore {
  newId(workspace: Workspace): string;
  create(workspace: Workspace, incident: ClientIncident): Promise<void>;
  get(workspace: Workspace, id: string): Promise<ClientIncident | undefined>;
  /** Applies a pure change atomically; `change` may run more than once when writes collide. */
  update(workspace: Workspace, id: string, change: (current: ClientIncident) => ClientIncident): Promise<{ before: ClientIncident; after: ClientIncident }>;
  /** Unresolved incidents (of one owner, when given), worst first (sev1 before sev2 before sev3, oldest first). */
  listOpen(workspace: Workspace, limit: number, filter?: { ownerId?: string }): Promise<IncidentPage>;
  /** Incidents opened, or resolved, in [from, to): two bounded range queries, for the stats. */
  listTouchedBetween(workspace: Workspace, from: Date, to: Date, limit: number): Promise<ClientIncident[]>;
  /** Incidents of every workspace whose next step is due, oldest first: one indexed range query. */
  findDue(now: Date, limit: number, after?: DueIncident): Promise<DueIncident[]>;
  /** Records sweep progress unless the incident changed since it was read; false when it did. */
  saveSchedule(due: DueIncident, stepsDone: readonly string[], nextStepAt: Date | null): Promise<boolean>;
}

const OPEN_STATUSES = ['open', 'acknowledged'];

export class FirestoreIncidentStore implements IncidentStore {
  constructor(private readonly db: Firestore) {}

  private collection(workspace: Workspace) {
    return this.db.collection('teams').doc(workspaceKey(workspace)).collection('incidents');
  }

  newId(workspace: Workspace): string {
    return this.collection(workspace).doc().id;
  }

  async create(workspace: Workspace, incident: ClientIncident): Promise<void> {
    await this.collection(workspace).doc(incident.id).create(toStored(workspace, incident));
  }

  async get(workspace: Workspace, id: string): Promise<ClientIncident | undefined> {
    if (!isValidDocId(id)) return undefined;
    const snapshot = await this.collection(workspace).doc(id).get();
    return snapshot.exists ? fromStored(snapshot.id, snapshot.data()!) : undefined;
  }

  update(workspace: Workspace, id: string, change: (current: ClientIncident) => ClientIncident) {
    return updateOptimistically(this.collection(workspace), id, 'incident_not_found', this.codec(workspace), change);
  }

  private codec(workspace: Workspace) {
    return { read: fromStored, write: (i: ClientIncident) => toStored(workspace, i) };
  }

  async listOpen(workspace: Workspace, limit: number, filter: { ownerId?: string } = {}): Promise<IncidentPage> {
    let query: Query = this.collection(workspace).where('status', 'in', OPEN_STATUSES);
    if (filter.ownerId) query = query.where('ownerId', '==', filter.ownerId);
    const [page, count] = await Promise.all([query.orderBy('severity').orderBy('createdAt').limit(limit).get(), query.count().get()]);
    return { incidents: page.docs.map((d) => fromStored(d.id, d.data())), total: count.data().count };
  }

  async listTouchedBetween(workspace: Workspace, from: Date, to: Date, limit: number): Promise<ClientIncident[]> {
    const range = (field: string) => this.collection(workspace).where(field, '>=', from).where(field, '<', to).orderBy(field).limit(limit).get();
    const [opened, resolved] = await Promise.all([range('createdAt'), range('resolvedAt')]);
    const byId = new Map<string, ClientIncident>();
    for (const doc of [...opened.docs, ...resolved.docs]) byId.set(doc.id, fromStored(doc.id, doc.data()));
    return [...byId.values()];
  }

  async findDue(now: Date, limit: number, after?: DueIncident): Promise<DueIncident[]> {
    const cursor = after ? { ref: this.collection(after.workspace).doc(after.incident.id), nextStepAt: after.incident.nextStepAt } : undefined;
    const docs = await findDueDocs(this.db, 'incidents', now, limit, cursor);
    return docs.map((doc) => ({ workspace: doc.workspace, incident: fromStored(doc.id, doc.data), version: doc.version }));
  }

  saveSchedule(due: DueIncident, stepsDone: readonly string[], nextStepAt: Date | null): Promise<boolean> {
    return saveScheduleIfUnchanged(this.collection(due.workspace), due.incident.id, due.version, stepsDone, nextStepAt);
  }
}

function toStored(workspace: Workspace, i: ClientIncident): DocumentData {
  return {
    teamId: workspace.teamId,
    enterpriseId: workspace.enterpriseId ?? null,
    client: i.client,
    title: i.title,
    description: i.description,
    severity: i.severity,
    status: i.status,
    ownerId: i.ownerId,
    ownerTimeZone: i.ownerTimeZone,
    reporterId: i.reporterId,
    createdAt: i.createdAt,
    acknowledgedAt: i.acknowledgedAt ?? null,
    resolvedAt: i.resolvedAt ?? null,
    timeline: i.timeline.map((e) => ({ ...e })),
    channelId: i.channelId,
    messageTs: i.messageTs,
    messagePermalink: i.messagePermalink ?? null,
    sourcePermalink: i.sourcePermalink ?? null,
    stepsDone: [...i.stepsDone],
    nextStepAt: i.nextStepAt,
  };
}

function fromStored(id: string, d: DocumentData): ClientIncident {
  return {
    id,
    client: d.client,
    title: d.title,
    description: typeof d.description === 'string' ? d.description : '',
    severity: isSeverity(d.severity) ? d.severity : 'sev2',
    status: d.status,
    ownerId: d.ownerId,
    ownerTimeZone: typeof d.ownerTimeZone === 'string' ? d.ownerTimeZone : 'UTC',
    reporterId: d.reporterId,
    createdAt: toDate(d.createdAt),
    acknowledgedAt: toOptionalDate(d.acknowledgedAt),
    resolvedAt: toOptionalDate(d.resolvedAt),
    timeline: (Array.isArray(d.timeline) ? d.timeline : []).map(entryFromStored),
    channelId: d.channelId,
    messageTs: d.messageTs,
    messagePermalink: d.messagePermalink ?? undefined,
    sourcePermalink: d.sourcePermalink ?? undefined,
    stepsDone: Array.isArray(d.stepsDone) ? d.stepsDone : [],
    nextStepAt: d.nextStepAt ? toDate(d.nextStepAt) : null,
  };
}

function entryFromStored(e: DocumentData): TimelineEntry {
  const at = toDate(e.at);
  const by = String(e.by ?? '');
  switch (e.kind) {
    case 'update':
      return { kind: 'update', at, by, text: String(e.text ?? ''), clientTold: Boolean(e.clientTold) };
    case 'reassigned':
      return { kind: 'reassigned', at, by, from: String(e.from ?? ''), to: String(e.to ?? '') };
    case 'resolved':
      return { kind: 'resolved', at, by, note: String(e.note ?? ''), clientConfirmed: Boolean(e.clientConfirmed) };
    case 'acknowledged':
    case 'client_updated':
    case 'reopened':
      return { kind: e.kind, at, by };
    default:
      return { kind: 'opened', at, by };
  }
}
