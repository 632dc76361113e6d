import { UserFacingError } from '../shared/errors.js';
import type { SettingsStore } from '../shared/workspace/settings-store.js';
import type { Workspace } from '../shared/workspace/workspace.js';
import type { ClientChange, MeetingDay } from './client-command.js';
import {
  assertCanManage,
  CLIENT_LIMITS,
  type Client,
  clientKey,
  closestName,
  newClient,
  validClientName,
  withMeeting,
  withMeetingSchedule,
} from './client-record.js';
import type { ClientStore } from './client-store.js';

/** How many clients `/client list`, suggestions and the Home read at most. */
export const CLIENTS_READ = 200;

export interface Actor {
  readonly id: string;
  /** Whether the settings rule lets them change settings (admins, owners, leads). */
  readonly canChangeSettings: boolean;
  readonly timeZone: string;
}

/** What a change did, for the reply. */
export type ClientChangeResult =
  | { kind: 'changed'; client: Client; created: boolean }
  | { kind: 'channel_taken'; client: Client; otherClient: string }
  | { kind: 'unknown'; name: string; suggestion?: string | undefined };

/** The client use cases. No Slack, no Firestore: the store and the listeners stand on either side. */
export class ClientService {
  constructor(
    private readonly store: ClientStore,
    private readonly settings: SettingsStore,
  ) {}

  list(workspace: Workspace, limit = CLIENTS_READ): Promise<Client[]> {
    return this.store.list(workspace, limit);
  }

  ownedBy(workspace: Workspace, userId: string, limit: number): Promise<Client[]> {
    return this.store.ownedBy(workspace, userId, limit);
  }

  get(workspace: Workspace, id: string): Promise<Client | undefined> {
    return this.store.get(workspace, id);
  }

  find(workspace: Workspace, name: string): Promise<Client | undefined> {
    return this.store.findByName(workspace, name);
  }

  /** The known name closest to a typo, for "did you mean …?". */
  async suggest(workspace: Workspace, name: string): Promise<string | undefined> {
    return closestName(name, await this.store.list(workspace, CLIENTS_READ));
  }

  channel(workspace: Workspace, channelId: string) {
    return this.store.channel(workspace, channelId);
  }

  async add(workspace: Workspace, name: string, actor: Actor, now: Date): Promise<Client> {
    const clean = validClientName(name);
    if (!clean) throw new UserFacingError('client_name_invalid');
    assertCanManage(undefined, actor, actor.canChangeSettings);
    const client = newClient({ id: this.store.newId(workspace), name: clean, createdBy: actor.id }, now);
    if (!(await this.store.create(workspace, client))) throw new UserFacingError('client_exists');
    return client;
  }

  /**
   * Applies one `/client NAME …` change. A name nobody knows is added as a new client, unless it looks
   * like a typo of a known one (then the answer suggests that one and nothing changes). Logging a
   * meeting is open to everyone; everything else follows the settings rule or the account owner.
   */
  async change(workspace: Workspace, name: string, change: ClientChange, actor: Actor, now: Date): Promise<ClientChangeResult> {
    let client = await this.store.findByName(workspace, name);
    let created = false;
    if (!client) {
      const suggestion = await this.suggest(workspace, name);
      if (suggestion || change.field === 'met' || change.field === 'unlink') return { kind: 'unknown', name, suggestion };
      client = await this.add(workspace, name, actor, now);
      created = true;
    }
    if (change.field !== 'met') assertCanManage(client, actor, actor.canChangeSettings);
    if (change.field === 'channel') {
      if (!client.channelIds.includes(change.channelId) && client.channelIds.length >= CLIENT_LIMITS.channels)
        throw new UserFacingError('client_too_many_channels');
      const linkedTo = await this.store.link(workspace, change.channelId, client);
      if (linkedTo !== client.id) {
        const other = await this.store.get(workspace, linkedTo);
        return { kind: 'channel_taken', client, otherClient: other?.name ?? linkedTo };
      }
    }
    if (change.field === 'unlink') await this.store.unlink(workspace, change.channelId, client.id);
    if (change.field === 'alias') {
      const holder = await this.store.findByName(workspace, change.alias);
      if (holder && holder.id !== client.id) throw new UserFacingError('client_alias_taken');
    }
    const { after } = await this.store.update(workspace, client.id, (current) => applyChange(current, change, actor, now));
    return { kind: 'changed', client: after, created };
  }

  /** Ties a Slack Connect channel to a client (a known one, or a new one by name), for the DM that asks. */
  async claimChannel(
    workspace: Workspace,
    channelId: string,
    choice: { clientId: string } | { name: string },
    actor: Actor,
    now: Date,
  ): Promise<ClientChangeResult> {
    const client = 'clientId' in choice ? await this.store.get(workspace, choice.clientId) : undefined;
    if ('clientId' in choice && !client) throw new UserFacingError('client_not_found');
    const name = client?.name ?? ('name' in choice ? choice.name : '');
    if (!client && (await this.store.findByName(workspace, name)) === undefined) await this.add(workspace, name, actor, now);
    return this.change(workspace, name, { field: 'channel', channelId }, actor, now);
  }

  /** The workspace's standard, for clients without their own. */
  async defaultResponseMinutes(workspace: Workspace): Promise<number> {
    return (await this.settings.get(workspace)).responseMinutes;
  }
}

function applyChange(client: Client, change: ClientChange, actor: Actor, now: Date): Client {
  switch (change.field) {
    case 'channel':
      return client.channelIds.includes(change.channelId) ? client : { ...client, channelIds: [...client.channelIds, change.channelId] };
    case 'unlink':
      return { ...client, channelIds: client.channelIds.filter((id) => id !== change.channelId) };
    case 'owner':
      return { ...client, ownerId: change.userId };
    case 'backup':
      return { ...client, backupId: change.userId };
    case 'response':
      return { ...client, responseMinutes: change.minutes };
    case 'alias': {
      const known = [client.name, ...client.aliases].map(clientKey);
      if (known.includes(clientKey(change.alias))) return client;
      if (client.aliases.length >= CLIENT_LIMITS.aliases) throw new UserFacingError('client_too_many_aliases');
      return { ...client, aliases: [...client.aliases, change.alias] };
    }
    case 'meetEvery':
      return withMeetingSchedule({ ...client, meetEveryDays: change.days }, now);
    case 'met': {
      const at = meetingInstant(change.when, now, actor.timeZone);
      if (!at || at.getTime() > now.getTime()) throw new UserFacingError('client_meeting_future');
      return withMeetingSchedule(withMeeting(client, { at, by: actor.id, note: change.note }), now);
    }
  }
}

/** Today is now; an earlier day is that day at noon in the person's zone. */
export function meetingInstant(when: MeetingDay, now: Date, timeZone: string): Date | undefined {
  if ('daysAgo' in when) return when.daysAgo === 0 ? now : atNoon(now, -when.daysAgo, timeZone);
  const local = localDate(now, timeZone);
  const year =
    when.date.year ?? (when.date.month > local.month || (when.date.month === local.month && when.date.day > local.day) ? local.year - 1 : local.year);
  const probe = new Date(Date.UTC(year, when.date.month - 1, when.date.day, 12));
  if (probe.getUTCMonth() !== when.date.month - 1) return undefined;
  const sameDay = year === local.year && when.date.month === local.month && when.date.day === local.day;
  return sameDay ? now : probe;
}

function localDate(now: Date, timeZone: string): { year: number; month: number; day: number } {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' }).formatToParts(now);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { year: get('year'), month: get('month'), day: get('day') };
}

function atNoon(now: Date, offsetDays: number, timeZone: string): Date {
  const local = localDate(now, timeZone);
  return new Date(Date.UTC(local.year, local.month - 1, local.day + offsetDays, 12));
}
