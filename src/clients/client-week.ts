import type { IncidentService } from '../incidents/incident-service.js';
import { normalizeClientKey } from '../promises/client-promise.js';
import type { PromiseService } from '../promises/promise-service.js';
import { weekOutcome } from '../promises/promise-week.js';
import type { WorkCalendar } from '../shared/dates/working-hours.js';
import type { Workspace } from '../shared/workspace/workspace.js';
import { type Client, promiseKeysOf } from './client-record.js';
import type { ClientService } from './client-service.js';
import { addWorkingMinutes, firstResponseMs, median, type WatchedMessage } from './client-watch.js';
import type { WatchService } from './client-watch-service.js';

/** One client's week, for the recap's Clients section. */
export interface ClientWeek {
  readonly name: string;
  /** Requests the client posted in the week (not the ones marked "Not a request"). */
  readonly asked: number;
  /** Of those, answered (a reply or a promise) within the client's standard. */
  readonly answeredWithin: number;
  readonly medianFirstResponseMs: number | null;
  readonly keptOnTime: number;
  readonly renegotiatedEarly: number;
  readonly incidents: number;
}

export interface ClientWeekStats {
  /** Clients with activity in the week, most requests first. */
  readonly clients: readonly ClientWeek[];
  /** Questions still waiting now, the longest first (at most three). */
  readonly waitingLongest: readonly { readonly name: string; readonly since: Date }[];
}

export const NO_CLIENT_WEEK: ClientWeekStats = Object.freeze({ clients: [], waitingLongest: [] });

export interface ClientWeekSources {
  readonly clients: ClientService;
  readonly watch: WatchService;
  readonly promises: PromiseService;
  readonly incidents: IncidentService;
}

export interface WeekPolicy {
  readonly defaultStandard: number;
  readonly workingHours: WorkCalendar;
  /** The recap counts working time in the team's zone. */
  readonly timeZone: string;
}

const READ = 1_000;

/** The week of every client with activity: bounded reads (the week's messages, promises and incidents), grouped in memory. */
export async function clientWeekStats(sources: ClientWeekSources, workspace: Workspace, from: Date, to: Date, policy: WeekPolicy): Promise<ClientWeekStats> {
  const [clients, posted, due, touched, waiting] = await Promise.all([
    sources.clients.list(workspace),
    sources.watch.postedBetween(workspace, from, to),
    sources.promises.listDueBetween(workspace, from, to, READ),
    sources.incidents.listTouchedBetween(workspace, from, to, READ),
    sources.watch.longestWaiting(workspace, 3),
  ]);
  if (clients.length === 0) return NO_CLIENT_WEEK;
  const byKey = new Map<string, Client>();
  for (const client of clients) for (const key of promiseKeysOf(client)) byKey.set(key, client);
  const byId = new Map(clients.map((c) => [c.id, c]));
  const weeks = new Map<string, { asked: WatchedMessage[]; kept: number; early: number; incidents: number }>();
  const of = (client: Client) => {
    if (!weeks.has(client.id)) weeks.set(client.id, { asked: [], kept: 0, early: 0, incidents: 0 });
    return weeks.get(client.id)!;
  };
  for (const message of posted) {
    const client = byId.get(message.clientId);
    if (client && message.status !== 'dismissed') of(client).asked.push(message);
  }
  const window = { start: from, end: to };
  for (const promise of due.promises) {
    const client = byKey.get(normalizeClientKey(promise.client));
    if (!client) continue;
    const outcome = weekOutcome(promise, window, to);
    if (outcome === 'kept_on_time') of(client).kept++;
    else if (outcome === 'renegotiated_early') of(client).early++;
  }
  for (const incident of touched) {
    const client = byKey.get(normalizeClientKey(incident.client));
    if (client) of(client).incidents++;
  }
  const rows: ClientWeek[] = [...weeks].map(([id, w]) => {
    const client = byId.get(id)!;
    const standard = client.responseMinutes ?? policy.defaultStandard;
    const within = w.asked.filter((m) => {
      const deadline = addWorkingMinutes(m.messageAt, standard, policy.workingHours, policy.timeZone);
      return m.answeredAt !== undefined && m.status !== 'waiting' && deadline !== undefined && m.answeredAt.getTime() <= deadline.getTime();
    });
    const responses = w.asked.map(firstResponseMs).filter((ms): ms is number => ms !== undefined);
    return {
      name: client.name,
      asked: w.asked.length,
      answeredWithin: within.length,
      medianFirstResponseMs: median(responses) ?? null,
      keptOnTime: w.kept,
      renegotiatedEarly: w.early,
      incidents: w.incidents,
    };
  });
  rows.sort((a, b) => b.asked - a.asked || a.name.localeCompare(b.name));
  const waitingLongest = waiting.flatMap((m) => {
    const client = byId.get(m.clientId);
    return client ? [{ name: client.name, since: m.messageAt }] : [];
  });
  return { clients: rows, waitingLongest };
}
