import type { Deliverer, OutgoingMessage } from '../shared/delivery/delivery.js';
import { type ItemPlan, runDueSweep } from '../shared/delivery/due-sweep.js';
import { planDueSteps } from '../shared/delivery/step-plan.js';
import type { StepSummary } from '../shared/delivery/step-summary.js';
import { messagesFor } from '../shared/i18n/index.js';
import type { JsonLogger } from '../shared/logger.js';
import type { Viewer } from '../shared/viewer.js';
import { type AvailabilityLookup, bestEffortAvailability, leadRecipients } from '../shared/workspace/availability.js';
import type { Availability } from '../shared/workspace/person.js';
import type { SettingsStore } from '../shared/workspace/settings-store.js';
import type { Workspace } from '../shared/workspace/workspace.js';
import type { WorkspaceSettings } from '../shared/workspace/workspace-settings.js';
import type { ClientPromise } from './client-promise.js';
import { buildOverdueDigest, buildReminderDigest, type PromiseEntry } from './digest-blocks.js';
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
  readonly availabilityOf?: AvailabilityLookup;
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
  return runDueSweep<DuePromise, PromiseEntry>(
    {
      findDue: (at, limit, cursor) => deps.store.findDue(at, limit, cursor),
      plan: (due, settings, summary) => planOne(deps, due, settings, now, summary),
      render: (kind, settings, entries) => renderPromiseMessage(kind, settings, entries, now),
      describe: (due) => ({ promiseId: due.promise.id }),
      deliverer: deps.deliverer,
      settings: deps.settings,
      logger: deps.logger,
      concurrency: deps.concurrency,
      pageSize: deps.pageSize,
    },
    now,
    'promise',
  );
}

const DAY_MS = 24 * 3_600_000;

async function planOne(deps: PromiseSweepDeps, due: DuePromise, settings: WorkspaceSettings, now: Date, summary: StepSummary): Promise<ItemPlan<PromiseEntry>> {
  const { promise, workspace } = due;
  const owner = await availability(deps, workspace, promise.ownerId, now);
  const policy = reminderPolicy(settings, owner);
  const pending = pendingSteps(promise, policy);
  const plan = await planDueSteps(
    promise.id,
    pending,
    promise.stepsDone,
    {
      // A reminder that comes due only after the due time itself (the sweep was down) says nothing new.
      stale: (step) => (step.kind === 'remind' || step.kind === 'snooze') && promise.dueAt.getTime() <= now.getTime(),
      recipientsOf: (step) => recipientsOf(deps, workspace, settings, promise, step, now),
      notBefore: (step, recipient) => stepNotBefore(step, policy, recipient),
      delivery: (step, recipient, id) => {
        const toLeads = step.kind === 'alert' || step.kind === 'escalate';
        return {
          id,
          channel: recipient.channel,
          kind: toLeads ? 'promise_leads' : 'promise_owner',
          purpose: toLeads ? 'alert' : 'reminder',
          urgency: promise.dueAt.getTime(),
          // A reminder means something until the due time; the due notice and the alerts for a day.
          expiresAt: step.kind === 'remind' || step.kind === 'snooze' ? promise.dueAt : new Date(step.at.getTime() + DAY_MS),
          entry: { promise, step, timeZone: recipient.timeZone, owner },
        };
      },
    },
    now,
    summary,
  );

  return {
    deliveries: plan.deliveries,
    async finish(outcomes) {
      const settled = plan.settle(outcomes);
      await deps.store.saveSchedule(due, settled.done, settled.nextAt);
    },
  };
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
  return leadRecipients(settings, workspace, { timeZoneOf: deps.timeZoneOf, availabilityOf: bestEffortAvailability(deps.availabilityOf, deps.logger) }, now);
}

function availability(deps: PromiseSweepDeps, workspace: Workspace, userId: string, now: Date): Promise<Availability> {
  return bestEffortAvailability(deps.availabilityOf, deps.logger)(workspace, userId, now);
}

/** One entry: the message it always was; several: the digest (most urgent first). */
function renderPromiseMessage(kind: string, settings: WorkspaceSettings, entries: readonly PromiseEntry[], now: Date): Omit<OutgoingMessage, 'channel'> {
  const viewer: Viewer = { m: messagesFor(settings.language), timeZone: entries[0]!.timeZone, now };
  if (entries.length > 1) return kind === 'promise_leads' ? buildOverdueDigest(viewer, entries) : buildReminderDigest(viewer, entries);
  const { promise, step, owner } = entries[0]!;
  const metadata = promiseMetadata(kind === 'promise_leads' ? 'kept_promise_overdue' : 'kept_promise_reminder', promise);
  return { ...renderSingle(viewer, promise, step, owner ?? {}), metadata };
}

function renderSingle(viewer: Viewer, promise: ClientPromise, step: PlannedStep, owner: Availability): SlackMessage {
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
