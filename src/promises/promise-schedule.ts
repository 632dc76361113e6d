import { addWorkingDay, latestWorkingMomentAtOrBefore } from '../shared/dates/working-hours.js';
import type { WorkingHours, WorkspaceSettings } from '../shared/workspace/workspace-settings.js';
import { type ClientPromise, scheduledFrom } from './client-promise.js';

/** What Kept sends about a promise, and when. Pure: the sweep and the service both plan with it. */
export type StepKind = 'remind' | 'snooze' | 'due' | 'alert' | 'escalate';

export interface PlannedStep {
  /** Unique per promise and due time in force, so a renegotiation starts a fresh plan. */
  readonly key: string;
  readonly kind: StepKind;
  /** The earliest moment it may go out (alerts may wait further for their recipients' working hours). */
  readonly at: Date;
  /** For `remind`: minutes before the due time. */
  readonly leadMinutes?: number;
}

export interface ReminderPolicy {
  readonly reminderLeadMinutes: readonly number[];
  readonly workingHours: WorkingHours;
  readonly teamTimeZone: string;
}

export function reminderPolicy(settings: WorkspaceSettings): ReminderPolicy {
  return { reminderLeadMinutes: settings.reminderLeadMinutes, workingHours: settings.workingHours, teamTimeZone: settings.timeZone };
}

/**
 * Every step of an open promise's current plan, in time order:
 * - a reminder to the owner at each lead time before the due time, moved back into the owner's
 *   working hours (end of the previous working period), never after the due time; a reminder whose
 *   moment had already passed when the plan was made is skipped, not sent late; two that land on
 *   the same moment go out once;
 * - a one-off snoozed reminder;
 * - the owner's "now overdue" notice at the due time;
 * - the leads' alert at the due time, and one escalation a working day later.
 */
export function planSteps(promise: ClientPromise, policy: ReminderPolicy): PlannedStep[] {
  if (promise.status !== 'open') return [];
  const due = promise.dueAt.getTime();
  const from = scheduledFrom(promise).getTime();
  const stamp = String(due);
  const steps: PlannedStep[] = [];

  const reminders = new Map<number, PlannedStep>();
  for (const lead of [...new Set(policy.reminderLeadMinutes)].filter((m) => m > 0).sort((a, b) => a - b)) {
    const raw = new Date(due - lead * 60_000);
    const shifted = latestWorkingMomentAtOrBefore(raw, policy.workingHours, promise.ownerTimeZone) ?? raw;
    const at = shifted.getTime() > due ? raw : shifted;
    if (at.getTime() < from || reminders.has(at.getTime())) continue;
    reminders.set(at.getTime(), { key: `remind${lead}:${stamp}`, kind: 'remind', at, leadMinutes: lead });
  }
  steps.push(...reminders.values());

  const snoozed = promise.snoozedUntil?.getTime();
  if (snoozed !== undefined && snoozed < due) {
    steps.push({ key: `snooze${snoozed}:${stamp}`, kind: 'snooze', at: new Date(snoozed) });
  }
  steps.push({ key: `due:${stamp}`, kind: 'due', at: promise.dueAt });
  steps.push({ key: `alert:${stamp}`, kind: 'alert', at: promise.dueAt });
  const escalation = addWorkingDay(promise.dueAt, policy.workingHours, policy.teamTimeZone) ?? new Date(due + 24 * 3_600_000);
  steps.push({ key: `escalate:${stamp}`, kind: 'escalate', at: escalation });
  return steps.sort((a, b) => a.at.getTime() - b.at.getTime());
}

export function pendingSteps(promise: ClientPromise, policy: ReminderPolicy): PlannedStep[] {
  const done = new Set(promise.stepsDone);
  return planSteps(promise, policy).filter((s) => !done.has(s.key));
}

/** When the sweep should look at the promise next: its earliest pending step, or never. */
export function nextStepTime(promise: ClientPromise, policy: ReminderPolicy): Date | null {
  return pendingSteps(promise, policy)[0]?.at ?? null;
}

/** The promise with its schedule brought up to date after any change (log, renegotiate, snooze, close). */
export function withSchedule(promise: ClientPromise, policy: ReminderPolicy): ClientPromise {
  const done = new Set(planSteps(promise, policy).map((s) => s.key));
  // Keys of an earlier plan (an old due time) no longer matter; keep the list short.
  const stepsDone = promise.stepsDone.filter((key) => done.has(key));
  const nextStepAt = promise.status === 'open' ? nextStepTime({ ...promise, stepsDone }, policy) : null;
  return { ...promise, stepsDone, nextStepAt };
}
