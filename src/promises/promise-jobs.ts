import { type Deliverer, deliveryId } from '../shared/delivery/delivery.js';
import { runDueSweep, type SweepState } from '../shared/delivery/due-sweep.js';
import { countDelivery, type StepSummary } from '../shared/delivery/step-summary.js';
import { messagesFor } from '../shared/i18n/index.js';
import type { JsonLogger } from '../shared/logger.js';
import type { Viewer } from '../shared/viewer.js';
import type { Availability } from '../shared/workspace/person.js';
import type { SettingsStore } from '../shared/workspace/settings-store.js';
import { workCalendar } from '../shared/workspace/work-calendar.js';
import type { Workspace } from '../shared/workspace/workspace.js';
import type { WorkspaceSettings } from '../shared/workspace/workspace-settings.js';
import type { ClientPromise } from './client-promise.js';
import { promiseMetadata } from './promise-metadata.js';
import { type PlannedStep, pendingSteps, reminderPolicy, type StepRecipient, stepNotBefore } from './promise-schedule.js';
import type { DuePromise, PromiseStore } from './promise-store.js';
import { buildDueNotice, buildOverdueAlert, buildReminder, type SlackMessage } from './reminder-blocks.js';

export interface PromiseSweepDeps {
  readonly store: PromiseStore;
  readonly settings: SettingsStore;
  readonly deliverer: Deliverer;
  /** A lead's Slack time zone, for their working hours. */
  readonly timeZoneOf: (workspace: Workspace, userId: string) => Promise<string>;
  /** A person's own hours, absence and backup (Kept's settings and their Slack status); absent, everyone keeps the team's hours. */
  readonly availabilityOf?: (workspace: Workspace, userId: string, now: Date) => Promise<Availability>;
  readonly logger: JsonLogger;
  readonly concurrency?: number;
  readonly pageSize?: number;
}

interface Recipient extends StepRecipient {
  channel: string;
}

/**
 * One pass over every promise with a step due at `now`: reminders and the due notice to the owner,
 * alerts and the escalation to the leads. Reads only what is due (one indexed range query a page).
 */
export function sweepPromiseSteps(deps: PromiseSweepDeps, now: Date): Promise<StepSummary> {
  return runDueSweep<DuePromise>(
    {
      findDue: (at, limit, cursor) => deps.store.findDue(at, limit, cursor),
      handle: (due, settings, summary, state) => sweepOne(deps, due, settings, now, summary, state),
      describe: (due) => ({ promiseId: due.promise.id }),
      settings: deps.settings,
      logger: deps.logger,
      concurrency: deps.concurrency,
      pageSize: deps.pageSize,
    },
    now,
    'promise',
  );
}

async function sweepOne(
  deps: PromiseSweepDeps,
  due: DuePromise,
  settings: WorkspaceSettings,
  now: Date,
  summary: StepSummary,
  state: SweepState,
): Promise<void> {
  const { promise, workspace } = due;
  const owner = await availability(deps, workspace, promise.ownerId, now);
  const policy = reminderPolicy(settings, owner);
  const pending = pendingSteps(promise, policy);
  const done = [...promise.stepsDone];
  const waits: number[] = [];
  const recordings: Promise<boolean>[] = [];

  for (const step of pending.filter((s) => s.at.getTime() <= now.getTime())) {
    // A reminder that comes due only after the due time itself (the sweep was down) says nothing new.
    if ((step.kind === 'remind' || step.kind === 'snooze') && promise.dueAt.getTime() <= now.getTime()) {
      done.push(step.key);
      summary.skipped++;
      continue;
    }
    const recipients = await recipientsOf(deps, workspace, settings, promise, step, now);
    if (recipients.length === 0) {
      done.push(step.key);
      summary.skipped++;
      continue;
    }
    let complete = true;
    for (const recipient of recipients) {
      const notBefore = stepNotBefore(step, policy, recipient);
      if (notBefore && notBefore.getTime() > now.getTime()) {
        complete = false;
        waits.push(notBefore.getTime());
        summary.deferred++;
        continue;
      }
      if (state.rateLimitedUntil) {
        complete = false;
        waits.push(state.rateLimitedUntil.getTime());
        summary.deferred++;
        continue;
      }
      const viewer: Viewer = { m: messagesFor(settings.language), timeZone: recipient.timeZone, now };
      const message = render(viewer, promise, step, owner);
      const id = deliveryId(promise.id, step.key, recipient.channel);
      const metadata = promiseMetadata(step.kind === 'alert' || step.kind === 'escalate' ? 'kept_promise_overdue' : 'kept_promise_reminder', promise);
      const outcome = await deps.deliverer.deliver(workspace, id, { channel: recipient.channel, ...message, metadata }, now, { recordLater: true });
      if (outcome.status === 'sent' && outcome.recorded) recordings.push(outcome.recorded);
      if (!countDelivery(outcome, summary, waits)) complete = false;
      if (outcome.status === 'retry_later' && outcome.rateLimited) state.rateLimitedUntil = outcome.retryAt;
      if (outcome.status === 'retry_later' || outcome.status === 'gave_up') {
        deps.logger.event(
          outcome.status === 'gave_up' ? 'error' : 'warn',
          `reminder delivery ${outcome.status === 'gave_up' ? 'given up' : 'will be retried'}`,
          {
            workspace: workspace.teamId,
            promiseId: promise.id,
            step: step.key,
            error: outcome.error,
          },
        );
      }
    }
    if (complete) done.push(step.key);
  }

  const doneSet = new Set(done);
  const nextPlanned = pending.find((s) => !doneSet.has(s.key) && s.at.getTime() > now.getTime())?.at.getTime();
  const candidates = [...waits, ...(nextPlanned !== undefined ? [nextPlanned] : [])];
  const nextStepAt = candidates.length > 0 ? new Date(Math.min(...candidates)) : null;
  // The ledger's "sent" and the promise's progress are written side by side.
  const [, ...recorded] = await Promise.all([deps.store.saveSchedule(due, done, nextStepAt), ...recordings]);
  if (recorded.includes(false)) {
    deps.logger.event('warn', 'a reminder went out but could not be recorded as sent', { workspace: workspace.teamId, promiseId: promise.id });
  }
}

async function recipientsOf(
  deps: PromiseSweepDeps,
  workspace: Workspace,
  settings: WorkspaceSettings,
  promise: ClientPromise,
  step: PlannedStep,
  now: Date,
): Promise<Recipient[]> {
  if (step.kind === 'remind' || step.kind === 'snooze' || step.kind === 'due') {
    return [{ channel: promise.ownerId, timeZone: promise.ownerTimeZone }];
  }
  if (settings.channels.leads) return [{ channel: settings.channels.leads, timeZone: settings.timeZone }];
  return Promise.all(
    settings.leads.map(async (lead) => {
      const [timeZone, own] = await Promise.all([deps.timeZoneOf(workspace, lead), availability(deps, workspace, lead, now)]);
      return { channel: lead, timeZone, ...(own.hours ? { hours: workCalendar(settings, own.hours) } : {}) };
    }),
  );
}

/** Best effort: without it a person simply has the team's hours and is not away. */
async function availability(deps: PromiseSweepDeps, workspace: Workspace, userId: string, now: Date): Promise<Availability> {
  if (!deps.availabilityOf) return {};
  return deps.availabilityOf(workspace, userId, now).catch((error) => {
    deps.logger.event('debug', 'availability not read', { workspace: workspace.teamId, error: String(error) });
    return {};
  });
}

function render(viewer: Viewer, promise: ClientPromise, step: PlannedStep, owner: Availability): SlackMessage {
  switch (step.kind) {
    case 'remind':
      return buildReminder(viewer, promise, false);
    case 'snooze':
      return buildReminder(viewer, promise, true);
    case 'due':
      return buildDueNotice(viewer, promise);
    case 'alert':
      return buildOverdueAlert(viewer, promise, false, owner);
    case 'escalate':
      return buildOverdueAlert(viewer, promise, true, owner);
  }
}
