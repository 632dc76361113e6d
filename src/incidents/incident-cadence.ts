import { addWorkingDay, type WorkCalendar } from '../shared/dates/working-hours.js';
import { workCalendar } from '../shared/workspace/work-calendar.js';
import type { WorkspaceSettings } from '../shared/workspace/workspace-settings.js';
import type { ClientIncident, Severity, TimelineEntry } from './client-incident.js';

/** How often a client must hear from us, by severity. Pure: the sweep, the message and the metrics share it. */
export interface CadencePolicy {
  /** Minutes, or null for "one working day" in the team's working hours and time zone. */
  readonly cadenceMinutes: Readonly<Record<Severity, number | null>>;
  /** The team's working hours with holidays and company days off taken out. */
  readonly workingHours: WorkCalendar;
  readonly teamTimeZone: string;
}

export function cadencePolicy(settings: WorkspaceSettings): CadencePolicy {
  return { cadenceMinutes: settings.incidentCadenceMinutes, workingHours: workCalendar(settings), teamTimeZone: settings.timeZone };
}

/** When the client must next hear from us if they last did at `from`. */
export function clientUpdateDueAfter(from: Date, severity: Severity, policy: CadencePolicy): Date {
  const minutes = policy.cadenceMinutes[severity];
  if (minutes !== null) return new Date(from.getTime() + minutes * 60_000);
  // No working hours at all (an empty week) falls back to a calendar day rather than never.
  return addWorkingDay(from, policy.workingHours, policy.teamTimeZone) ?? new Date(from.getTime() + 24 * 3_600_000);
}

/** An entry that tells the client something: "Client updated", or an update marked "client was told". */
export function isClientUpdate(entry: TimelineEntry): boolean {
  return entry.kind === 'client_updated' || (entry.kind === 'update' && entry.clientTold);
}

/** When the client last heard from us on the current stretch (or when it began: opening or reopening). */
export function cadenceClockStart(incident: ClientIncident): Date {
  const last = incident.timeline.findLast((e) => isClientUpdate(e) || e.kind === 'opened' || e.kind === 'reopened');
  return last?.at ?? incident.createdAt;
}

/** The moment the client last actually heard from us, if ever. */
export function lastClientUpdateAt(incident: ClientIncident): Date | undefined {
  return incident.timeline.findLast(isClientUpdate)?.at;
}

/** When the next client update is due, or undefined once resolved. */
export function nextClientUpdateDue(incident: ClientIncident, policy: CadencePolicy): Date | undefined {
  if (incident.status === 'resolved') return undefined;
  return clientUpdateDueAfter(cadenceClockStart(incident), incident.severity, policy);
}

/**
 * One cadence window: from a moment the client heard from us (or the incident began) to the next.
 * `kept` when an update came by the due time; a window whose due time passed in silence is missed,
 * and the next window starts at that due time.
 */
export interface CadenceWindow {
  readonly dueAt: Date;
  /** When the window closed: the update that kept it, or its due time when missed. */
  readonly closedAt: Date;
  readonly kept: boolean;
}

/**
 * Every cadence window that has closed by `now`, over the stretches the incident was unresolved.
 * A window still running at `now` (or at the resolution) is not counted either way; an update at
 * the due time itself is on time.
 */
export function cadenceWindows(incident: ClientIncident, policy: CadencePolicy, now: Date): CadenceWindow[] {
  const windows: CadenceWindow[] = [];
  const entries = [...incident.timeline].sort((a, b) => a.at.getTime() - b.at.getTime());
  let clock: Date | undefined;
  const closeMissedUntil = (until: Date) => {
    // Bounded: a stretch of a year at 5-minute cadence is ~100k windows; cap to keep a bad setting harmless.
    for (let guard = 0; clock && guard < 10_000; guard++) {
      const dueAt = clientUpdateDueAfter(clock, incident.severity, policy);
      if (dueAt.getTime() >= until.getTime()) return;
      windows.push({ dueAt, closedAt: dueAt, kept: false });
      clock = dueAt;
    }
  };
  for (const entry of entries) {
    if (entry.at.getTime() > now.getTime()) break;
    if (entry.kind === 'opened' || entry.kind === 'reopened') {
      clock = entry.at;
    } else if (clock && isClientUpdate(entry)) {
      closeMissedUntil(entry.at);
      windows.push({ dueAt: clientUpdateDueAfter(clock, incident.severity, policy), closedAt: entry.at, kept: true });
      clock = entry.at;
    } else if (clock && entry.kind === 'resolved') {
      closeMissedUntil(entry.at);
      clock = undefined;
    }
  }
  if (clock) closeMissedUntil(now);
  return windows;
}
