import { nextWorkingMomentAtOrAfter, type WorkCalendar } from '../shared/dates/working-hours.js';
import type { ClientIncident } from './client-incident.js';
import { type CadencePolicy, cadenceClockStart, clientUpdateDueAfter } from './incident-cadence.js';

/** What Kept sends about an unresolved incident, and when. Pure: the sweep and the service both plan with it. */
export type IncidentStepKind = 'unacknowledged' | 'cadence_owner' | 'cadence_leads';

export interface PlannedIncidentStep {
  /** Unique per incident and cadence window (when the client last heard from us), so each window reminds once. */
  readonly key: string;
  readonly kind: IncidentStepKind;
  readonly at: Date;
}

export const UNACKNOWLEDGED_ALERT_MINUTES = 15;

/**
 * Every step of an unresolved incident's current plan, in time order:
 * - a sev1 nobody has acknowledged: the leads, 15 minutes after it was opened;
 * - the client has not heard from us for longer than the cadence: the owner;
 * - …for twice the cadence: the leads.
 * A client update (or a reopening) starts a new window, with keys of its own.
 */
export function planIncidentSteps(incident: ClientIncident, policy: CadencePolicy): PlannedIncidentStep[] {
  if (incident.status === 'resolved') return [];
  const steps: PlannedIncidentStep[] = [];
  if (incident.severity === 'sev1' && incident.status === 'open') {
    steps.push({ key: 'unacknowledged', kind: 'unacknowledged', at: new Date(incident.createdAt.getTime() + UNACKNOWLEDGED_ALERT_MINUTES * 60_000) });
  }
  const start = cadenceClockStart(incident);
  const once = clientUpdateDueAfter(start, incident.severity, policy);
  const twice = clientUpdateDueAfter(once, incident.severity, policy);
  const stamp = String(start.getTime());
  steps.push({ key: `cadence:${stamp}`, kind: 'cadence_owner', at: once });
  steps.push({ key: `cadence2:${stamp}`, kind: 'cadence_leads', at: twice });
  return steps.sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** Someone a step goes to: their time zone and, if they set them, their own hours (with the workspace's days off). */
export interface IncidentStepRecipient {
  readonly timeZone: string;
  readonly hours?: WorkCalendar;
}

/**
 * The earliest a due step may go to a recipient: a sev1 at any hour; sev2 and sev3 wait for the
 * recipient's working hours (their own, or the team's), holidays and company days off skipped.
 */
export function incidentStepNotBefore(
  step: PlannedIncidentStep,
  incident: ClientIncident,
  policy: CadencePolicy,
  recipient: IncidentStepRecipient,
): Date | undefined {
  if (incident.severity === 'sev1') return step.at;
  return nextWorkingMomentAtOrAfter(step.at, recipient.hours ?? policy.workingHours, recipient.timeZone);
}

export function pendingIncidentSteps(incident: ClientIncident, policy: CadencePolicy): PlannedIncidentStep[] {
  const done = new Set(incident.stepsDone);
  return planIncidentSteps(incident, policy).filter((s) => !done.has(s.key));
}

/** The incident with its schedule brought up to date after any change (open, update, resolve, reopen…). */
export function withIncidentSchedule(incident: ClientIncident, policy: CadencePolicy): ClientIncident {
  const planned = new Set(planIncidentSteps(incident, policy).map((s) => s.key));
  // Keys of an earlier window no longer matter; keep the list short.
  const stepsDone = incident.stepsDone.filter((key) => planned.has(key));
  const next = pendingIncidentSteps({ ...incident, stepsDone }, policy)[0]?.at ?? null;
  return { ...incident, stepsDone, nextStepAt: next };
}
