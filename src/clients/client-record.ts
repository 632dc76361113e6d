import { UserFacingError } from '../shared/errors.js';
import type { Availability } from '../shared/workspace/person.js';

/** A meeting with the client, as logged with `/client ACME met today …`. */
export interface ClientMeeting {
  readonly at: Date;
  readonly by: string;
  readonly note: string;
}

/**
 * One client of the workspace: its name and aliases (matched case-insensitively to the `client` of
 * promises, incidents and stories), the channels shared with it, who owns the account, how fast a
 * request must be answered, and how often we meet.
 */
export interface Client {
  readonly id: string;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly channelIds: readonly string[];
  readonly ownerId?: string | undefined;
  readonly backupId?: string | undefined;
  /** Working minutes a request may wait; undefined: the workspace's standard. */
  readonly responseMinutes?: number | undefined;
  /** Days between meetings; undefined: no cadence. */
  readonly meetEveryDays?: number | undefined;
  /** The latest meetings, newest first (at most MEETINGS_KEPT). */
  readonly meetings: readonly ClientMeeting[];
  readonly createdAt: Date;
  readonly createdBy: string;
  /** When the meeting nudge should next be looked at; null without a cadence. */
  readonly nextStepAt: Date | null;
  /** Meeting windows already nudged, by key. */
  readonly stepsDone: readonly string[];
}

export const CLIENT_LIMITS = { name: 80, aliases: 10, channels: 20, note: 300 } as const;
export const MEETINGS_KEPT = 10;
/** Response standards, in working minutes: five minutes to a working week. */
export const RESPONSE_BOUNDS = { min: 5, max: 40 * 60 } as const;
/** Meeting cadences, in days: a day to a year. */
export const MEET_BOUNDS = { min: 1, max: 366 } as const;

/** The key a name is matched by: case, spacing and accents do not matter ("Żabka" = "zabka"). */
export function clientKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .trim()
    .toLocaleLowerCase('en')
    .replace(/\s+/g, ' ');
}

/** Every key the client answers to: its name and its aliases. */
export function keysOf(client: Pick<Client, 'name' | 'aliases'>): string[] {
  return [...new Set([client.name, ...client.aliases].map(clientKey))];
}

/** The name as promises store it (trimmed, lower case) for each name and alias: promises match on this. */
export function promiseKeysOf(client: Pick<Client, 'name' | 'aliases'>): string[] {
  return [...new Set([client.name, ...client.aliases].map((n) => n.trim().toLocaleLowerCase('en').replace(/\s+/g, ' ')))];
}

export function validClientName(name: string): string | undefined {
  const clean = name.replace(/\s+/g, ' ').trim();
  if (!clean || clean.length > CLIENT_LIMITS.name || /[<>*_`~]/.test(clean)) return undefined;
  return clean;
}

export function newClient(input: { id: string; name: string; createdBy: string }, now: Date): Client {
  return {
    id: input.id,
    name: input.name,
    aliases: [],
    channelIds: [],
    meetings: [],
    createdAt: now,
    createdBy: input.createdBy,
    nextStepAt: null,
    stepsDone: [],
  };
}

/** Linking channels and changing the owner, the standard or the cadence: the settings rule (admins, owners, leads) or the account owner. */
export function canManageClient(client: Pick<Client, 'ownerId'> | undefined, user: { id: string }, canChangeSettings: boolean): boolean {
  return canChangeSettings || (client?.ownerId !== undefined && client.ownerId === user.id);
}

export function assertCanManage(client: Client | undefined, user: { id: string }, canChangeSettings: boolean): void {
  if (!canManageClient(client, user, canChangeSettings)) throw new UserFacingError('client_not_allowed');
}

/** Who hears first that a request waits: the account owner, else the backup (the leads when neither is set). */
export function firstResponder(client: Pick<Client, 'ownerId' | 'backupId'>): string | undefined {
  return client.ownerId ?? client.backupId;
}

export interface Responder {
  readonly id: string;
  readonly availability: Availability;
}

/**
 * Who answers for the client now: the account owner, else the client's backup, else the backup a lead set
 * for the owner, the first of them not away (undefined: nobody is, and the leads step in). `away` is the
 * first responder's absence when someone stands in for them or nobody can.
 */
export async function availableResponder(
  client: Pick<Client, 'ownerId' | 'backupId'>,
  availabilityOf: (userId: string) => Promise<Availability>,
): Promise<{ responder?: Responder; away?: Responder }> {
  const first = firstResponder(client);
  if (!first) return {};
  const firstAvailability = await availabilityOf(first);
  if (!firstAvailability.away) return { responder: { id: first, availability: firstAvailability } };
  const away = { id: first, availability: firstAvailability };
  const standIns = [client.backupId, firstAvailability.backupId].filter((id): id is string => id !== undefined && id !== first);
  for (const id of new Set(standIns)) {
    const availability = await availabilityOf(id);
    if (!availability.away) return { responder: { id, availability }, away };
  }
  return { away };
}

/** Levenshtein distance, for "did you mean …?". */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/** The known name closest to what was typed, when it is close enough to be a typo or a prefix. */
export function closestName(typed: string, clients: readonly Pick<Client, 'name' | 'aliases'>[]): string | undefined {
  const key = clientKey(typed);
  let best: { name: string; score: number } | undefined;
  for (const client of clients) {
    for (const candidate of [client.name, ...client.aliases]) {
      const other = clientKey(candidate);
      const score = other.startsWith(key) || key.startsWith(other) ? 0.5 : distance(key, other);
      if (score <= Math.max(2, Math.floor(key.length / 3)) && (!best || score < best.score)) best = { name: client.name, score };
    }
  }
  return best?.name;
}

export function withMeeting(client: Client, meeting: ClientMeeting): Client {
  const meetings = [...client.meetings, meeting].sort((a, b) => b.at.getTime() - a.at.getTime()).slice(0, MEETINGS_KEPT);
  return { ...client, meetings };
}

export function lastMeeting(client: Client): ClientMeeting | undefined {
  return client.meetings[0];
}

/** When the next meeting is due: a cadence after the last one (or after the client was added). */
export function nextMeetingDue(client: Client): Date | undefined {
  if (!client.meetEveryDays) return undefined;
  const from = lastMeeting(client)?.at ?? client.createdAt;
  return new Date(from.getTime() + client.meetEveryDays * 86_400_000);
}

/**
 * The meeting window `now` falls in: the first starts when the next meeting is due, and each later one a
 * cadence after it, so an owner who does not meet is nudged once per cadence, not every minute.
 */
export function meetingWindow(client: Client, now: Date): { key: string; at: Date } | undefined {
  const due = nextMeetingDue(client);
  if (!due || !client.meetEveryDays) return undefined;
  const cadence = client.meetEveryDays * 86_400_000;
  const k = Math.max(0, Math.floor((now.getTime() - due.getTime()) / cadence));
  const at = new Date(due.getTime() + k * cadence);
  return { key: `meet:${at.getTime()}`, at };
}

/** The client with its meeting nudge planned: the current window, or the next one once this one was nudged. */
export function withMeetingSchedule(client: Client, now: Date): Client {
  const window = meetingWindow(client, now);
  if (!window) return { ...client, stepsDone: [], nextStepAt: null };
  const stepsDone = client.stepsDone.filter((k) => k === window.key);
  const next = stepsDone.includes(window.key) ? new Date(window.at.getTime() + client.meetEveryDays! * 86_400_000) : window.at;
  return { ...client, stepsDone, nextStepAt: next };
}
