import type { IncidentService } from '../incidents/incident-service.js';
import { type ClientPromise, normalizeClientKey } from '../promises/client-promise.js';
import type { PromiseService } from '../promises/promise-service.js';
import { type OnTimeRate, onTimeRate } from '../promises/promise-week.js';
import type { Workspace } from '../shared/workspace/workspace.js';
import type { StoryService } from '../stories/story-service.js';
import { type Client, type ClientMeeting, lastMeeting, nextMeetingDue, promiseKeysOf } from './client-record.js';
import type { ClientService } from './client-service.js';
import type { WatchedMessage } from './client-watch.js';
import type { WatchService } from './client-watch-service.js';

const DAY_MS = 86_400_000;
/** What one record reads at most: promises shown, promises rated, incidents, stories, waiting messages. */
export const OVERVIEW_READ = { open: 10, rated: 500, incidents: 500, stories: 500, waiting: 5 } as const;

/** Everything `/client ACME` shows about one client. */
export interface ClientOverview {
  readonly client: Client;
  readonly standardMinutes: number;
  readonly ownStandard: boolean;
  readonly openPromises: readonly ClientPromise[];
  readonly openTotal: number;
  /** Kept on time or renegotiated early (client informed), over what came due in the last 90 days. */
  readonly rate: OnTimeRate;
  readonly incidentsOpen: number;
  readonly incidentsRecent: number;
  readonly stories: number;
  readonly waiting: readonly WatchedMessage[];
  readonly waitingTotal: number;
  readonly medianFirstResponseMs?: number | undefined;
  readonly lastMeeting?: ClientMeeting | undefined;
  readonly nextMeetingDue?: Date | undefined;
}

/** The other features a client's record reads from, through their services. */
export interface ClientSources {
  readonly promises: PromiseService;
  readonly incidents: IncidentService;
  readonly stories: StoryService;
  readonly watch: WatchService;
}

/** Does a promise's, incident's or story's `client` text name this client (its name or an alias)? */
export function namesClient(client: Pick<Client, 'name' | 'aliases'>, text: string | undefined): boolean {
  return text !== undefined && promiseKeysOf(client).includes(normalizeClientKey(text));
}

/** Reads a client's record: every read bounded (OVERVIEW_READ), side by side. */
export async function readOverview(sources: ClientSources, workspace: Workspace, client: Client, defaultStandard: number, now: Date): Promise<ClientOverview> {
  const keys = promiseKeysOf(client);
  const since90 = new Date(now.getTime() - 90 * DAY_MS);
  const [open, rated, openIncidents, touched, stories, waiting, medianMs] = await Promise.all([
    sources.promises.listOpen(workspace, { clientKeys: keys }, OVERVIEW_READ.open),
    sources.promises.listDueForClients(workspace, keys, since90, now, OVERVIEW_READ.rated),
    sources.incidents.listOpen(workspace, OVERVIEW_READ.incidents),
    sources.incidents.listTouchedBetween(workspace, since90, now, OVERVIEW_READ.incidents),
    sources.stories.listCreatedBetween(workspace, { from: since90, to: now }, OVERVIEW_READ.stories),
    sources.watch.waitingFor(workspace, client.id, OVERVIEW_READ.waiting),
    sources.watch.medianFirstResponse(workspace, client.id, new Date(now.getTime() - 30 * DAY_MS)),
  ]);
  return {
    client,
    standardMinutes: client.responseMinutes ?? defaultStandard,
    ownStandard: client.responseMinutes !== undefined,
    openPromises: open.promises,
    openTotal: open.total,
    rate: onTimeRate(rated, { start: since90, end: now }, now),
    incidentsOpen: openIncidents.incidents.filter((i) => namesClient(client, i.client)).length,
    incidentsRecent: touched.filter((i) => namesClient(client, i.client)).length,
    stories: stories.filter((s) => namesClient(client, s.client)).length,
    waiting: waiting.messages,
    waitingTotal: waiting.total,
    medianFirstResponseMs: medianMs,
    lastMeeting: lastMeeting(client),
    nextMeetingDue: nextMeetingDue(client),
  };
}

/** A client on its owner's Home: how many of its questions wait, and when the next meeting is due. */
export interface OwnedClient {
  readonly client: Client;
  readonly waiting: number;
  readonly nextMeetingDue?: Date | undefined;
}

/** What the Home's Clients section reads: the clients the person owns or backs up (at most `limit`), each with its waiting count. */
export async function readOwnedClients(
  clients: Pick<ClientService, 'ownedBy'>,
  watch: Pick<WatchService, 'waitingFor'>,
  workspace: Workspace,
  userId: string,
  limit: number,
): Promise<{ clients: OwnedClient[]; total: number }> {
  const owned = await clients.ownedBy(workspace, userId, 50);
  const shown = owned.slice(0, limit);
  const counted = await Promise.all(
    shown.map(async (client) => ({ client, waiting: (await watch.waitingFor(workspace, client.id, 0)).total, nextMeetingDue: nextMeetingDue(client) })),
  );
  return { clients: counted, total: owned.length };
}
