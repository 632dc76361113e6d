import { replanEach } from '../shared/delivery/replan.js';
import { UserFacingError } from '../shared/errors.js';
import type { SettingsStore } from '../shared/workspace/settings-store.js';
import type { Workspace } from '../shared/workspace/workspace.js';
import type { WorkspaceSettings } from '../shared/workspace/workspace-settings.js';
import {
  type Actor,
  acknowledge,
  assertCanManage,
  type ClientIncident,
  createIncident,
  LIMITS,
  postUpdate,
  reassignIncident,
  recordClientUpdated,
  reopenIncident,
  resolveIncident,
  type Severity,
} from './client-incident.js';
import { type CadencePolicy, cadencePolicy } from './incident-cadence.js';
import { type IncidentStats, incidentStats, type StatsRange } from './incident-metrics.js';
import { withIncidentSchedule } from './incident-schedule.js';
import type { IncidentPage, IncidentStore } from './incident-store.js';

export interface OpenIncidentInput {
  reporterId: string;
  ownerId: string;
  ownerTimeZone: string;
  client: string;
  title: string;
  description?: string | undefined;
  severity: Severity;
  sourcePermalink?: string | undefined;
}

/** Where the incident message went; the caller posts it (Slack lives on the other side of this service). */
export interface PublishedMessage {
  channelId: string;
  messageTs: string;
  messagePermalink?: string | undefined;
}

export interface IncidentChange {
  before: ClientIncident;
  after: ClientIncident;
  /** False when the request repeated what was already done (a double click). */
  changed: boolean;
}

/** How many incidents the stats read at most per range query: far beyond a team's month, still bounded. */
const STATS_LIMIT = 1_000;

/** The incident use cases. No Slack and no Firestore in here. */
export class IncidentService {
  constructor(
    private readonly store: IncidentStore,
    private readonly settings: SettingsStore,
  ) {}

  /**
   * Validates, lets `publish` post the incident message, and stores the incident only once it is
   * posted: when the post fails (Kept not in the channel), nothing is stored.
   */
  async open(
    workspace: Workspace,
    input: OpenIncidentInput,
    now: Date,
    publish: (draft: ClientIncident) => Promise<PublishedMessage>,
  ): Promise<ClientIncident> {
    const client = input.client.trim();
    const title = input.title.trim();
    const description = (input.description ?? '').trim();
    if (!client || client.length > LIMITS.client || !title || title.length > LIMITS.title || description.length > LIMITS.description) {
      throw new UserFacingError('invalid_request');
    }
    const policy = await this.policy(workspace);
    const draft = withIncidentSchedule(
      createIncident({ ...input, client, title, description, id: this.store.newId(workspace), channelId: '', messageTs: '' }, now),
      policy,
    );
    const published = await publish(draft);
    const incident = { ...draft, ...published };
    await this.store.create(workspace, incident);
    return incident;
  }

  get(workspace: Workspace, id: string): Promise<ClientIncident | undefined> {
    return this.store.get(workspace, id);
  }

  async getExisting(workspace: Workspace, id: string): Promise<ClientIncident> {
    const incident = await this.store.get(workspace, id);
    if (!incident) throw new UserFacingError('incident_not_found');
    return incident;
  }

  /** Throws unless the actor may resolve or reassign it, so a modal is never opened just to be refused. */
  async getManageable(workspace: Workspace, id: string, actor: Actor): Promise<ClientIncident> {
    const [incident, settings] = await Promise.all([this.getExisting(workspace, id), this.settings.get(workspace)]);
    assertCanManage(incident, actor, settings.leads);
    return incident;
  }

  async policy(workspace: Workspace): Promise<CadencePolicy> {
    return cadencePolicy(await this.settings.get(workspace));
  }

  /** After the cadences or working hours changed: open incidents (up to `limit`) get their steps planned again. */
  async replanOpen(workspace: Workspace, limit = 1_000): Promise<number> {
    const policy = await this.policy(workspace);
    const { incidents } = await this.store.listOpen(workspace, limit);
    return replanEach(
      incidents,
      (id, change) => this.store.update(workspace, id, change),
      (i) => withIncidentSchedule(i, policy),
    );
  }

  acknowledge(workspace: Workspace, id: string, actor: Actor, now: Date): Promise<IncidentChange> {
    return this.change(workspace, id, (i) => acknowledge(i, actor.id, now));
  }

  postUpdate(workspace: Workspace, id: string, actor: Actor, update: { text: string; clientTold: boolean }, now: Date): Promise<IncidentChange> {
    return this.change(workspace, id, (i) => postUpdate(i, actor.id, update, now));
  }

  clientUpdated(workspace: Workspace, id: string, actor: Actor, now: Date): Promise<IncidentChange> {
    return this.change(workspace, id, (i) => recordClientUpdated(i, actor.id, now));
  }

  resolve(workspace: Workspace, id: string, actor: Actor, resolution: { note: string; clientConfirmed: boolean }, now: Date): Promise<IncidentChange> {
    return this.change(workspace, id, (i, settings) => {
      assertCanManage(i, actor, settings.leads);
      return resolveIncident(i, actor.id, resolution, now);
    });
  }

  reopen(workspace: Workspace, id: string, actor: Actor, now: Date): Promise<IncidentChange> {
    return this.change(workspace, id, (i) => reopenIncident(i, actor.id, now));
  }

  reassign(workspace: Workspace, id: string, actor: Actor, owner: { id: string; timeZone: string }, now: Date): Promise<IncidentChange> {
    return this.change(workspace, id, (i, settings) => {
      assertCanManage(i, actor, settings.leads);
      return reassignIncident(i, actor.id, owner, now);
    });
  }

  listOpen(workspace: Workspace, limit: number): Promise<IncidentPage> {
    return this.store.listOpen(workspace, limit);
  }

  /** The unresolved incidents one person owns, worst first; the total counts them all. */
  /** Incidents opened or resolved in [from, to), at most `limit` of each. */
  listTouchedBetween(workspace: Workspace, from: Date, to: Date, limit: number): Promise<ClientIncident[]> {
    return this.store.listTouchedBetween(workspace, from, to, limit);
  }

  listOpenOwnedBy(workspace: Workspace, ownerId: string, limit: number): Promise<IncidentPage> {
    return this.store.listOpen(workspace, limit, { ownerId });
  }

  /** Stats over [from, to): the incidents opened or resolved in it, and those still open. */
  async stats(workspace: Workspace, range: StatsRange): Promise<IncidentStats> {
    const [touched, open, policy] = await Promise.all([
      this.store.listTouchedBetween(workspace, range.from, range.to, STATS_LIMIT),
      this.store.listOpen(workspace, STATS_LIMIT),
      this.policy(workspace),
    ]);
    return incidentStats([...touched, ...open.incidents], policy, range);
  }

  private async change(
    workspace: Workspace,
    id: string,
    transition: (i: ClientIncident, settings: WorkspaceSettings) => ClientIncident,
  ): Promise<IncidentChange> {
    const settings = await this.settings.get(workspace);
    const policy = cadencePolicy(settings);
    const { before, after } = await this.store.update(workspace, id, (current) => {
      const next = transition(current, settings);
      return next === current ? current : withIncidentSchedule(next, policy);
    });
    return { before, after, changed: before !== after };
  }
}
