import { addWorkingDay, latestWorkingMomentAtOrBefore, nextWorkingMomentAtOrAfter, type WorkCalendar } from '../shared/dates/working-hours.js';
import type { Availability, Away } from '../shared/workspace/person.js';
import { workCalendar } from '../shared/workspace/work-calendar.js';
import type { WorkspaceSettings } from '../shared/workspace/workspace-settings.js';
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
  /** The team's working hours with holidays and company days off taken out. */
  readonly workingHours: WorkCalendar;
  readonly teamTimeZone: string;
  /** The owner's own hours (with the same days off), when they set some; their reminders follow them. */
  readonly ownerHours?: WorkCalendar;
  /** While the owner is away, their reminders and due notice wait for their return. */
  readonly ownerAway?: Away;
}

/** The workspace's policy, for one owner when their availability is known (their hours, an absence). */
export function reminderPolicy(settings: WorkspaceSettings, owner?: Availability): ReminderPolicy {
  return {
    reminderLeadMinutes: settings.reminderLeadMinutes,
    workingHours: workCalendar(settings),
    teamTimeZone: settings.timeZone,
    ...(owner?.hours ? { ownerHours: workCalendar(settings, owner.hours) } : {}),
    ...(owner?.away ? { ownerAway: owner.away } : {}),
  };
}

/** Someone a step goes to: a channel, or a person with their time zone and, if they set them, their own hours. */
export interface StepRecipient {
  readonly timeZone: string;
  readonly hours?: WorkCalendar;
}

/**
 * The earliest a due step may go to a recipient: alerts and escalations wait for the recipient's working
 * hours (their own, or the team's; holidays and company days off skipped); the owner's steps were
 * already placed in their hours when planned.
 */
export function stepNotBefore(step: PlannedStep, policy: ReminderPolicy, recipient: StepRecipient): Date | undefined {
  if (step.kind !== 'alert' && step.kind !== 'escalate') return step.at;
  return nextWorkingMomentAtOrAfter(step.at, recipient.hours ?? policy.workingHours, recipient.timeZone);
}

/**
 * Every step of an open promise's current plan, in time order:
 * - a reminder to the owner at each lead time before the due time, moved back into the owner's
 *   working hours (end of the previous working period), never after the due time; a reminder whose
 *   moment had already passed when the plan was made is skipped, not sent late; two that land on
 *   the same moment go out once;
 * - a one-off snoozed reminder;
 * - the owner's "now overdue" notice at the due time;
 * - the leads' alert at the due time, and one escalation a working day later (holidays and company
 *   days off skipped as weekends are).
 * The owner's steps follow their own hours when they set some; while they are away, the owner's steps
 * wait for the start of their first working period after they are back (a reminder that then falls
 * after the due time is dropped by the sweep, the due notice greets them). The leads' steps do not wait.
 */
export function planSteps(promise: ClientPromise, policy: ReminderPolicy): PlannedStep[] {
  if (promise.status !== 'open') return [];
  const due = promise.dueAt.getTime();
  const from = scheduledFrom(promise).getTime();
  const stamp = String(due);
  const steps: PlannedStep[] = [];

  const ownerHours = policy.ownerHours ?? policy.workingHours;
  const back = policy.ownerAway ? (nextWorkingMomentAtOrAfter(policy.ownerAway.until, ownerHours, promise.ownerTimeZone) ?? policy.ownerAway.until) : undefined;
  const forOwner = (at: Date) => (back && at.getTime() < back.getTime() ? back : at);

  const reminders = new Map<number, PlannedStep>();
  for (const lead of [...new Set(policy.reminderLeadMinutes)].filter((m) => m > 0).sort((a, b) => a - b)) {
    const raw = new Date(due - lead * 60_000);
    const shifted = latestWorkingMomentAtOrBefore(raw, ownerHours, promise.ownerTimeZone) ?? raw;
    const planned = shifted.getTime() > due ? raw : shifted;
    if (planned.getTime() < from) continue;
    const at = forOwner(planned);
    if (reminders.has(at.getTime())) continue;
    reminders.set(at.getTime(), { key: `remind${lead}:${stamp}`, kind: 'remind', at, leadMinutes: lead });
  }
  steps.push(...reminders.values());

  const snoozed = promise.snoozedUntil?.getTime();
  if (snoozed !== undefined && snoozed < due) {
    steps.push({ key: `snooze${snoozed}:${stamp}`, kind: 'snooze', at: forOwner(new Date(snoozed)) });
  }
  steps.push({ key: `due:${stamp}`, kind: 'due', at: forOwner(promise.dueAt) });
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
