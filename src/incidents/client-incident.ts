import { UserFacingError } from '../shared/errors.js';

export type Severity = 'sev1' | 'sev2' | 'sev3';
export const SEVERITIES: readonly Severity[] = ['sev1', 'sev2', 'sev3'];
export const DEFAULT_SEVERITY: Severity = 'sev2';

/** open → acknowledged → resolved; a reopened incident is acknowledged again (somebody just looked at it). */
export type IncidentStatus = 'open' | 'acknowledged' | 'resolved';

/** One line of an incident's history; each is also posted in the incident message's thread. */
export type TimelineEntry =
  | { readonly kind: 'opened'; readonly at: Date; readonly by: string }
  | { readonly kind: 'acknowledged'; readonly at: Date; readonly by: string }
  /** An internal update; `clientTold` when the client was told the same (resets the cadence clock). */
  | { readonly kind: 'update'; readonly at: Date; readonly by: string; readonly text: string; readonly clientTold: boolean }
  /** The client heard from us (resets the cadence clock). */
  | { readonly kind: 'client_updated'; readonly at: Date; readonly by: string }
  | { readonly kind: 'reassigned'; readonly at: Date; readonly by: string; readonly from: string; readonly to: string }
  | { readonly kind: 'resolved'; readonly at: Date; readonly by: string; readonly note: string; readonly clientConfirmed: boolean }
  | { readonly kind: 'reopened'; readonly at: Date; readonly by: string };

/** Something that went wrong for a client, owned by one person until it is resolved. */
export interface ClientIncident {
  readonly id: string;
  readonly client: string;
  readonly title: string;
  readonly description: string;
  readonly severity: Severity;
  readonly status: IncidentStatus;
  readonly ownerId: string;
  /** The owner's Slack time zone, for the working hours of sev2/sev3 reminders. */
  readonly ownerTimeZone: string;
  readonly reporterId: string;
  readonly createdAt: Date;
  /** The first acknowledgement (time to acknowledge); kept through a reopen. */
  readonly acknowledgedAt?: Date | undefined;
  /** The last resolution (time to resolve); cleared by a reopen. */
  readonly resolvedAt?: Date | undefined;
  readonly timeline: readonly TimelineEntry[];
  /** The incident message: where it was posted, so changes update it and go to its thread. */
  readonly channelId: string;
  readonly messageTs: string;
  readonly messagePermalink?: string | undefined;
  /** The Slack message it was logged from (message shortcut), when there is one. */
  readonly sourcePermalink?: string | undefined;
  /** Scheduled steps (cadence reminders, alerts) already dealt with, by key; see incident-schedule.ts. */
  readonly stepsDone: readonly string[];
  /** When the sweep should next look at this incident; null once nothing more is planned. */
  readonly nextStepAt: Date | null;
}

export const LIMITS = { client: 80, title: 150, description: 2000, update: 2000, note: 1000, timeline: 250 } as const;

/** Who is acting: admins and owners of the workspace may manage any incident. */
export interface Actor {
  readonly id: string;
  readonly isAdmin: boolean;
  readonly isOwner: boolean;
}

export interface NewIncident {
  id: string;
  client: string;
  title: string;
  description?: string | undefined;
  severity: Severity;
  ownerId: string;
  ownerTimeZone: string;
  reporterId: string;
  channelId: string;
  messageTs: string;
  messagePermalink?: string | undefined;
  sourcePermalink?: string | undefined;
}

export function createIncident(input: NewIncident, now: Date): ClientIncident {
  return {
    ...input,
    client: input.client.trim(),
    title: input.title.trim(),
    description: (input.description ?? '').trim(),
    status: 'open',
    createdAt: now,
    timeline: [{ kind: 'opened', at: now, by: input.reporterId }],
    stepsDone: [],
    nextStepAt: null,
  };
}

export function isSeverity(value: unknown): value is Severity {
  return value === 'sev1' || value === 'sev2' || value === 'sev3';
}

/** The one place that says who may resolve or reassign: the owner, a lead, a workspace admin or owner. */
export function canManageIncident(incident: ClientIncident, actor: Actor, leads: readonly string[]): boolean {
  return incident.ownerId === actor.id || leads.includes(actor.id) || actor.isAdmin || actor.isOwner;
}

export function assertCanManage(incident: ClientIncident, actor: Actor, leads: readonly string[]): void {
  if (!canManageIncident(incident, actor, leads)) throw new UserFacingError('incident_not_allowed', [incident.ownerId]);
}

function assertNotResolved(incident: ClientIncident): void {
  if (incident.status === 'resolved') throw new UserFacingError('incident_resolved');
}

function withEntry(incident: ClientIncident, entry: TimelineEntry): ClientIncident {
  if (incident.timeline.length >= LIMITS.timeline) throw new UserFacingError('incident_timeline_full');
  return { ...incident, timeline: [...incident.timeline, entry] };
}

/** Anyone may acknowledge; a second click changes nothing. */
export function acknowledge(incident: ClientIncident, by: string, now: Date): ClientIncident {
  if (incident.status !== 'open') return incident;
  return { ...withEntry(incident, { kind: 'acknowledged', at: now, by }), status: 'acknowledged', acknowledgedAt: incident.acknowledgedAt ?? now };
}

/** Whoever posts an update or tells the client has plainly seen the incident: it counts as acknowledged. */
export function postUpdate(incident: ClientIncident, by: string, update: { text: string; clientTold: boolean }, now: Date): ClientIncident {
  assertNotResolved(incident);
  const text = update.text.trim();
  if (!text || text.length > LIMITS.update) throw new UserFacingError('invalid_request');
  return withEntry(acknowledge(incident, by, now), { kind: 'update', at: now, by, text, clientTold: update.clientTold });
}

/** A second "Client updated" within a minute is the same news (a double click), not another update. */
export function recordClientUpdated(incident: ClientIncident, by: string, now: Date): ClientIncident {
  assertNotResolved(incident);
  const last = incident.timeline.findLast((e) => e.kind === 'client_updated');
  if (last && now.getTime() - last.at.getTime() < 60_000) return incident;
  return withEntry(acknowledge(incident, by, now), { kind: 'client_updated', at: now, by });
}

export function reassignIncident(incident: ClientIncident, by: string, owner: { id: string; timeZone: string }, now: Date): ClientIncident {
  assertNotResolved(incident);
  if (owner.id === incident.ownerId) return incident;
  return {
    ...withEntry(incident, { kind: 'reassigned', at: now, by, from: incident.ownerId, to: owner.id }),
    ownerId: owner.id,
    ownerTimeZone: owner.timeZone,
  };
}

/** Resolving without an acknowledgement first counts the resolution as the first response. */
export function resolveIncident(incident: ClientIncident, by: string, resolution: { note: string; clientConfirmed: boolean }, now: Date): ClientIncident {
  if (incident.status === 'resolved') return incident;
  const note = resolution.note.trim();
  if (!note || note.length > LIMITS.note) throw new UserFacingError('invalid_request');
  const entry: TimelineEntry = { kind: 'resolved', at: now, by, note, clientConfirmed: resolution.clientConfirmed };
  return { ...withEntry(incident, entry), status: 'resolved', resolvedAt: now, acknowledgedAt: incident.acknowledgedAt ?? now };
}

/** Anyone may reopen (like opening one); the cadence clock starts again from the reopening. */
export function reopenIncident(incident: ClientIncident, by: string, now: Date): ClientIncident {
  if (incident.status !== 'resolved') return incident;
  return { ...withEntry(incident, { kind: 'reopened', at: now, by }), status: 'acknowledged', resolvedAt: undefined };
}

/** The last resolution on the timeline, for the message and the metrics. */
export function lastResolution(incident: ClientIncident): Extract<TimelineEntry, { kind: 'resolved' }> | undefined {
  if (incident.status !== 'resolved') return undefined;
  return incident.timeline.findLast((e): e is Extract<TimelineEntry, { kind: 'resolved' }> => e.kind === 'resolved');
}

const SEVERITY_RANK: Record<Severity, number> = { sev1: 1, sev2: 2, sev3: 3 };

/** Worst first: sev1 before sev2 before sev3, then the oldest first. */
export function byUrgency(a: ClientIncident, b: ClientIncident): number {
  return SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.createdAt.getTime() - b.createdAt.getTime();
}

/** An incident can be nominated as a story once it is resolved. */
export function isNominatable(incident: ClientIncident): boolean {
  return incident.status === 'resolved';
}
