import { replanEach } from '../shared/delivery/replan.js';
import { UserFacingError } from '../shared/errors.js';
import type { PeopleStore } from '../shared/workspace/people-store.js';
import type { SettingsStore } from '../shared/workspace/settings-store.js';
import type { Workspace } from '../shared/workspace/workspace.js';
import type { WorkspaceSettings } from '../shared/workspace/workspace-settings.js';
import {
  assertCanChange,
  type ClientPromise,
  cancelPromise,
  correctPromise,
  createPromise,
  LIMITS,
  markKept,
  type PromiseCorrection,
  type RenegotiationRequest,
  reassign,
  renegotiate,
  snooze,
  validateRenegotiation,
} from './client-promise.js';
import { type ReminderPolicy, reminderPolicy, withSchedule } from './promise-schedule.js';
import type { DueWindow, OpenPromiseFilter, PromisePage, PromiseStore } from './promise-store.js';
import type { TimeWindow } from './promise-week.js';
import type { StoredWeekTally } from './promise-week-store.js';

/** How many open promises a settings change re-plans at once (the soonest due). */
const REPLAN_LIMIT = 1_000;

export interface LogPromiseInput {
  creatorId: string;
  ownerId: string;
  ownerTimeZone: string;
  client: string;
  what: string;
  dueAt: Date;
  channelId?: string | undefined;
  /** The Slack message it was logged from. */
  permalink?: string | undefined;
}

export interface PromiseChange {
  before: ClientPromise;
  after: ClientPromise;
  /** False when the request repeated what was already done (a double click). */
  changed: boolean;
}

/** The promise use cases. No Slack and no Firestore in here: stores and listeners stand on either side. */
export class PromiseService {
  constructor(
    private readonly store: PromiseStore,
    private readonly settings: SettingsStore,
    /** People's own hours: reminders are planned in them. Absent, everyone has the team's hours. */
    private readonly people?: PeopleStore,
  ) {}

  /**
   * The policy for one owner's promises: their own hours when they set some. An absence is left to the
   * sweep (it reads the Slack status too): planning without it only makes the sweep look earlier.
   */
  private async policyFor(workspace: Workspace, settings: WorkspaceSettings, ownerId: string): Promise<ReminderPolicy> {
    const person = this.people ? await this.people.get(workspace, ownerId) : undefined;
    return reminderPolicy(settings, person?.hours ? { hours: person.hours } : undefined);
  }

  async logPromise(workspace: Workspace, input: LogPromiseInput, now: Date): Promise<ClientPromise> {
    const promise = await this.prepare(workspace, input, this.store.newId(workspace), now);
    await this.store.create(workspace, promise);
    return promise;
  }

  /**
   * Logs under an id the caller derives from what was clicked, so a second click (Slack delivers each one)
   * logs nothing: undefined when that id is taken.
   */
  async logPromiseOnce(workspace: Workspace, id: string, input: LogPromiseInput, now: Date): Promise<ClientPromise | undefined> {
    const promise = await this.prepare(workspace, input, id, now);
    return (await this.store.createOnce(workspace, promise)) ? promise : undefined;
  }

  private async prepare(workspace: Workspace, input: LogPromiseInput, id: string, now: Date): Promise<ClientPromise> {
    const client = input.client.trim();
    const what = input.what.trim();
    if (!client || client.length > LIMITS.client || !what || what.length > LIMITS.what) {
      throw new UserFacingError('invalid_request');
    }
    if (input.dueAt.getTime() <= now.getTime()) throw new UserFacingError('invalid_request');
    const settings = await this.settings.get(workspace);
    const permalink = input.permalink && /^https:\/\/[^\s<>|]+$/.test(input.permalink) ? input.permalink : undefined;
    const draft = createPromise({ ...input, client, what, permalink, id }, now);
    return withSchedule(draft, await this.policyFor(workspace, settings, input.ownerId));
  }

  get(workspace: Workspace, id: string): Promise<ClientPromise | undefined> {
    return this.store.get(workspace, id);
  }

  /** Throws unless the user may change it, so a modal is never opened just to be refused. */
  async getChangeable(workspace: Workspace, id: string, actorId: string): Promise<ClientPromise> {
    const [promise, settings] = await Promise.all([this.store.get(workspace, id), this.settings.get(workspace)]);
    if (!promise) throw new UserFacingError('promise_not_found');
    assertCanChange(promise, actorId, settings.leads);
    return promise;
  }

  keep(workspace: Workspace, id: string, actorId: string, now: Date): Promise<PromiseChange> {
    return this.change(workspace, id, actorId, (p) => markKept(p, actorId, now));
  }

  cancel(workspace: Workspace, id: string, actorId: string, now: Date): Promise<PromiseChange> {
    return this.change(workspace, id, actorId, (p) => cancelPromise(p, actorId, now));
  }

  renegotiate(workspace: Workspace, id: string, actorId: string, request: RenegotiationRequest, now: Date): Promise<PromiseChange> {
    return this.change(workspace, id, actorId, (p) => {
      const problems = validateRenegotiation(p, request, now);
      if (problems.due || problems.reason) throw new UserFacingError('invalid_request');
      return renegotiate(p, actorId, request, now);
    });
  }

  /** The confirmation's Change: client, what, due and owner as they should have been read. */
  correct(workspace: Workspace, id: string, actorId: string, fix: PromiseCorrection, now: Date): Promise<PromiseChange> {
    const client = fix.client.trim();
    const what = fix.what.trim();
    if (!client || client.length > LIMITS.client || !what || what.length > LIMITS.what) throw new UserFacingError('invalid_request');
    return this.change(workspace, id, actorId, (p) => correctPromise(p, { ...fix, client, what }, now));
  }

  snooze(workspace: Workspace, id: string, actorId: string, now: Date): Promise<PromiseChange> {
    return this.change(workspace, id, actorId, (p) => snooze(p, now));
  }

  /** A new owner, who is then told; their time zone drives the reminders from now on. */
  reassign(workspace: Workspace, id: string, actorId: string, owner: { id: string; timeZone: string }): Promise<PromiseChange> {
    return this.change(workspace, id, actorId, (p) => reassign(p, owner.id, owner.timeZone), owner.id);
  }

  /**
   * After the reminder settings changed: the open promises due soonest (up to `limit`) get their
   * schedule planned again, so a new lead time or working day applies to them too. Only promises
   * whose next step moves are written.
   */
  async replanOpen(workspace: Workspace, limit = REPLAN_LIMIT, ownerId?: string): Promise<number> {
    const settings = await this.settings.get(workspace);
    const { promises } = await this.store.listOpen(workspace, ownerId ? { ownerId } : {}, limit);
    const owners = [...new Set(promises.map((p) => p.ownerId))];
    const policies = new Map(await Promise.all(owners.map(async (owner) => [owner, await this.policyFor(workspace, settings, owner)] as const)));
    return replanEach(
      promises,
      (id, change) => this.store.update(workspace, id, change),
      (p) => withSchedule(p, policies.get(p.ownerId) ?? reminderPolicy(settings)),
    );
  }

  /** After a person changed their own hours or came back early: their open promises are planned again. */
  replanOwner(workspace: Workspace, ownerId: string): Promise<number> {
    return this.replanOpen(workspace, REPLAN_LIMIT, ownerId);
  }

  listOpen(workspace: Workspace, filter: OpenPromiseFilter, limit: number): Promise<PromisePage> {
    return this.store.listOpen(workspace, filter, limit);
  }

  listOverdue(workspace: Workspace, now: Date, limit: number): Promise<PromisePage> {
    return this.store.listOverdue(workspace, now, limit);
  }

  listDueForClients(workspace: Workspace, clientKeys: readonly string[], from: Date, to: Date, limit: number): Promise<ClientPromise[]> {
    return this.store.listDueForClients(workspace, clientKeys, from, to, limit);
  }

  /** How the team did in a week (promise-week.ts), as of `asOf`: counts, and at most `limit` renegotiated promises read. */
  weekTally(workspace: Workspace, week: TimeWindow, asOf: Date, limit: number): Promise<StoredWeekTally> {
    return this.store.weekTally(workspace, week, asOf, limit);
  }

  countOverdue(workspace: Workspace, now: Date, ownerId: string): Promise<number> {
    return this.store.countOverdue(workspace, now, ownerId);
  }

  listDueBetween(workspace: Workspace, from: Date, to: Date, limit: number): Promise<DueWindow> {
    return this.store.listDueBetween(workspace, from, to, limit);
  }

  private async change(
    workspace: Workspace,
    id: string,
    actorId: string,
    transition: (p: ClientPromise) => ClientPromise,
    newOwnerId?: string,
  ): Promise<PromiseChange> {
    const settings = await this.settings.get(workspace);
    const ownerId = newOwnerId ?? (this.people ? (await this.store.get(workspace, id))?.ownerId : undefined);
    const policy = ownerId ? await this.policyFor(workspace, settings, ownerId) : reminderPolicy(settings);
    const { before, after } = await this.store.update(workspace, id, (current) => {
      assertCanChange(current, actorId, settings.leads);
      const next = transition(current);
      return next === current ? current : withSchedule(next, policy);
    });
    return { before, after, changed: before !== after };
  }
}
