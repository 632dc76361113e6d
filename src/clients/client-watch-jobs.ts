import { nextWorkingMomentAtOrAfter } from '../shared/dates/working-hours.js';
import type { Deliverer } from '../shared/delivery/delivery.js';
import { type ItemPlan, runDueSweep } from '../shared/delivery/due-sweep.js';
import { planDueSteps } from '../shared/delivery/step-plan.js';
import type { StepSummary } from '../shared/delivery/step-summary.js';
import { messagesFor } from '../shared/i18n/index.js';
import type { JsonLogger } from '../shared/logger.js';
import type { Viewer } from '../shared/viewer.js';
import { type Addressee, type AvailabilityLookup, bestEffortAvailability, leadRecipients } from '../shared/workspace/availability.js';
import type { SettingsStore } from '../shared/workspace/settings-store.js';
import { workCalendar } from '../shared/workspace/work-calendar.js';
import { type Workspace, workspaceKey } from '../shared/workspace/workspace.js';
import type { WorkspaceSettings } from '../shared/workspace/workspace-settings.js';
import { availableResponder, type Client, firstResponder, type Responder } from './client-record.js';
import type { ClientStore } from './client-store.js';
import { planWatchSteps, type WatchStep } from './client-watch.js';
import { buildWatchMessage, type WatchItem } from './client-watch-blocks.js';
import type { DueWatch, WatchStore } from './client-watch-store.js';

export interface WatchSweepDeps {
  readonly watches: WatchStore;
  readonly clients: ClientStore;
  readonly settings: SettingsStore;
  readonly deliverer: Deliverer;
  /** A person's Slack time zone, for their working hours. */
  readonly timeZoneOf: (workspace: Workspace, userId: string) => Promise<string>;
  /** A person's own hours, absence and backup; absent, everyone keeps the team's hours and nobody is away. */
  readonly availabilityOf?: AvailabilityLookup | undefined;
  readonly logger: JsonLogger;
  readonly concurrency?: number | undefined;
  readonly pageSize?: number | undefined;
}

/** A request older than this is no longer chased: the watch ends, whatever happened. */
export const WATCH_GIVE_UP_MS = 30 * 86_400_000;

/** What one waiting request carries to its rendering: the item, and the recipient's zone. */
interface WatchEntry extends WatchItem {
  readonly timeZone: string;
}

const DAY_MS = 86_400_000;

/**
 * One pass over the client messages whose clock has come (one indexed range query on `nextStepAt` a
 * page): the account owner (else the backup, else the leads) at the standard, the leads at twice the
 * standard, each inside the recipient's working hours and once, through the delivery ledger. The standard
 * counts the team's working time (holidays and company days off excluded); an owner who is away is
 * stood in for by the client's backup or their own, else the leads hear at the standard.
 */
export function sweepWatchSteps(deps: WatchSweepDeps, now: Date): Promise<StepSummary> {
  // Many waiting messages belong to a few clients: each client is read once per sweep.
  const clients = new Map<string, Promise<Client | undefined>>();
  const clientOf = (workspace: Workspace, id: string) => {
    const key = `${workspaceKey(workspace)}:${id}`;
    if (!clients.has(key)) clients.set(key, deps.clients.get(workspace, id));
    return clients.get(key)!;
  };
  return runDueSweep<DueWatch, WatchEntry>(
    {
      findDue: (at, limit, cursor) => deps.watches.findDue(at, limit, cursor),
      plan: (due, settings, summary) => planOne(deps, due, settings, now, summary, clientOf),
      // Everything waiting for one person in this sweep is one DM (one question reads as it always did).
      render: (_kind, settings, entries) => {
        const viewer: Viewer = { m: messagesFor(settings.language), timeZone: entries[0]!.timeZone, now };
        return buildWatchMessage(viewer, entries);
      },
      deliverer: deps.deliverer,
      describe: (due) => ({ watchId: due.message.id }),
      settings: deps.settings,
      logger: deps.logger,
      concurrency: deps.concurrency,
      pageSize: deps.pageSize,
    },
    now,
    'client watch',
  );
}

async function planOne(
  deps: WatchSweepDeps,
  due: DueWatch,
  settings: WorkspaceSettings,
  now: Date,
  summary: StepSummary,
  clientOf: (workspace: Workspace, id: string) => Promise<Client | undefined>,
): Promise<ItemPlan<WatchEntry>> {
  const { workspace, message } = due;
  const client = await clientOf(workspace, message.clientId);
  // A watch always ends: its client gone, the request answered, or a month old.
  if (!client || message.status !== 'waiting' || now.getTime() - message.messageAt.getTime() > WATCH_GIVE_UP_MS) {
    summary.skipped++;
    return { deliveries: [], finish: async () => void (await deps.watches.saveSchedule(due, message.stepsDone, null)) };
  }
  // The client's clock runs in the first responder's zone; who hears at the standard is whoever is not away.
  const first = firstResponder(client);
  const ownerZone = first ? await deps.timeZoneOf(workspace, first) : settings.timeZone;
  const availability = bestEffortAvailability(deps.availabilityOf, deps.logger);
  const { responder, away } = await availableResponder(client, (userId) => availability(workspace, userId, now));
  const awayUntil = away?.availability.away?.until;
  const standingIn = away && awayUntil ? { forId: away.id, until: awayUntil } : undefined;
  const policy = { standardMinutes: client.responseMinutes ?? settings.responseMinutes, workingHours: workCalendar(settings), timeZone: ownerZone };
  const plan = await planDueSteps(
    message.id,
    planWatchSteps(message, policy).map((s) => ({ ...s, key: s.step })),
    message.stepsDone,
    {
      recipientsOf: (step) => recipientsOf(deps, workspace, settings, { responder, first, ownerZone }, step.step, now),
      notBefore: (step, recipient) => nextWorkingMomentAtOrAfter(step.at, recipient.hours ?? workCalendar(settings), recipient.timeZone),
      delivery: (step, recipient, id) => ({
        id,
        channel: recipient.channel,
        kind: 'client_watch',
        purpose: 'alert',
        urgency: message.messageAt.getTime(),
        expiresAt: new Date(step.at.getTime() + DAY_MS),
        entry: { client, message, toLeads: step.step === 'leads', timeZone: recipient.timeZone, standingIn: step.step === 'owner' ? standingIn : undefined },
      }),
    },
    now,
    summary,
  );
  return {
    deliveries: plan.deliveries,
    async finish(outcomes) {
      const settled = plan.settle(outcomes);
      await deps.watches.saveSchedule(due, settled.done, settled.nextAt);
    },
  };
}

/** At the standard: who answers for the client (the leads when nobody can). At twice the standard: the leads (their channel, or each by DM). */
async function recipientsOf(
  deps: WatchSweepDeps,
  workspace: Workspace,
  settings: WorkspaceSettings,
  who: { responder: Responder | undefined; first: string | undefined; ownerZone: string },
  step: WatchStep,
  now: Date,
): Promise<Addressee[]> {
  const { responder } = who;
  if (step === 'owner' && responder) {
    const timeZone = responder.id === who.first ? who.ownerZone : await deps.timeZoneOf(workspace, responder.id);
    return [{ channel: responder.id, timeZone, ...(responder.availability.hours ? { hours: workCalendar(settings, responder.availability.hours) } : {}) }];
  }
  return leadRecipients(settings, workspace, { timeZoneOf: deps.timeZoneOf, availabilityOf: bestEffortAvailability(deps.availabilityOf, deps.logger) }, now);
}
