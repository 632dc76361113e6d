import { nextWorkingMomentAtOrAfter } from '../shared/dates/working-hours.js';
import { type Deliverer, deliveryId } from '../shared/delivery/delivery.js';
import { runDueSweep, type SweepState } from '../shared/delivery/due-sweep.js';
import { countDelivery, type StepSummary } from '../shared/delivery/step-summary.js';
import { messagesFor } from '../shared/i18n/index.js';
import type { JsonLogger } from '../shared/logger.js';
import type { Viewer } from '../shared/viewer.js';
import type { SettingsStore } from '../shared/workspace/settings-store.js';
import { type Workspace, workspaceKey } from '../shared/workspace/workspace.js';
import type { WorkspaceSettings } from '../shared/workspace/workspace-settings.js';
import { type Client, firstResponder } from './client-record.js';
import type { ClientStore } from './client-store.js';
import { planWatchSteps, type WatchStep } from './client-watch.js';
import { buildWatchDm } from './client-watch-blocks.js';
import type { DueWatch, WatchStore } from './client-watch-store.js';

export interface WatchSweepDeps {
  readonly watches: WatchStore;
  readonly clients: ClientStore;
  readonly settings: SettingsStore;
  readonly deliverer: Deliverer;
  /** A person's Slack time zone, for their working hours. */
  readonly timeZoneOf: (workspace: Workspace, userId: string) => Promise<string>;
  readonly logger: JsonLogger;
  readonly concurrency?: number | undefined;
  readonly pageSize?: number | undefined;
}

/** A request older than this is no longer chased: the watch ends, whatever happened. */
export const WATCH_GIVE_UP_MS = 30 * 86_400_000;

interface Recipient {
  readonly channel: string;
  readonly timeZone: string;
}

/**
 * One pass over the client messages whose clock has come (one indexed range query on `nextStepAt` a
 * page): the account owner (else the backup, else the leads) at the standard, the leads at twice the
 * standard, each inside the recipient's working hours and once, through the delivery ledger.
 */
export function sweepWatchSteps(deps: WatchSweepDeps, now: Date): Promise<StepSummary> {
  // Many waiting messages belong to a few clients: each client is read once per sweep.
  const clients = new Map<string, Promise<Client | undefined>>();
  const clientOf = (workspace: Workspace, id: string) => {
    const key = `${workspaceKey(workspace)}:${id}`;
    if (!clients.has(key)) clients.set(key, deps.clients.get(workspace, id));
    return clients.get(key)!;
  };
  return runDueSweep<DueWatch>(
    {
      findDue: (at, limit, cursor) => deps.watches.findDue(at, limit, cursor),
      handle: (due, settings, summary, state) => sweepOne(deps, due, settings, now, summary, state, clientOf),
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

async function sweepOne(
  deps: WatchSweepDeps,
  due: DueWatch,
  settings: WorkspaceSettings,
  now: Date,
  summary: StepSummary,
  state: SweepState,
  clientOf: (workspace: Workspace, id: string) => Promise<Client | undefined>,
): Promise<void> {
  const { workspace, message } = due;
  const client = await clientOf(workspace, message.clientId);
  // A watch always ends: its client gone, the request answered, or a month old.
  if (!client || message.status !== 'waiting' || now.getTime() - message.messageAt.getTime() > WATCH_GIVE_UP_MS) {
    summary.skipped++;
    await deps.watches.saveSchedule(due, message.stepsDone, null);
    return;
  }
  const responder = firstResponder(client);
  const ownerZone = responder ? await deps.timeZoneOf(workspace, responder) : settings.timeZone;
  const policy = { standardMinutes: client.responseMinutes ?? settings.responseMinutes, workingHours: settings.workingHours, timeZone: ownerZone };
  const pending = planWatchSteps(message, policy);
  const done: WatchStep[] = [...message.stepsDone];
  const waits: number[] = [];
  for (const step of pending.filter((s) => s.at.getTime() <= now.getTime())) {
    let complete = true;
    for (const recipient of await recipientsOf(deps, workspace, settings, responder, ownerZone, step.step)) {
      const notBefore = nextWorkingMomentAtOrAfter(step.at, settings.workingHours, recipient.timeZone);
      const wait = notBefore && notBefore.getTime() > now.getTime() ? notBefore : state.rateLimitedUntil;
      if (wait) {
        complete = false;
        waits.push(wait.getTime());
        summary.deferred++;
        continue;
      }
      const viewer: Viewer = { m: messagesFor(settings.language), timeZone: recipient.timeZone, now };
      const dm = { channel: recipient.channel, ...buildWatchDm(viewer, client, message, step.step === 'leads') };
      const outcome = await deps.deliverer.deliver(workspace, deliveryId(message.id, step.step, recipient.channel), dm, now);
      if (!countDelivery(outcome, summary, waits)) complete = false;
      if (outcome.status === 'retry_later' && outcome.rateLimited) state.rateLimitedUntil = outcome.retryAt;
      if (outcome.status === 'retry_later' || outcome.status === 'gave_up') {
        deps.logger.event(outcome.status === 'gave_up' ? 'error' : 'warn', `client watch DM ${outcome.status === 'gave_up' ? 'given up' : 'will be retried'}`, {
          workspace: workspace.teamId,
          watchId: message.id,
          step: step.step,
          error: outcome.error,
        });
      }
    }
    if (complete) done.push(step.step);
  }
  const next = pending.find((s) => !done.includes(s.step) && s.at.getTime() > now.getTime())?.at.getTime();
  const candidates = [...waits, ...(next !== undefined ? [next] : [])];
  await deps.watches.saveSchedule(due, done, candidates.length > 0 ? new Date(Math.min(...candidates)) : null);
}

/** At the standard: the owner, else the backup, else the leads. At twice the standard: the leads (their channel, or each by DM). */
async function recipientsOf(
  deps: WatchSweepDeps,
  workspace: Workspace,
  settings: WorkspaceSettings,
  responder: string | undefined,
  responderZone: string,
  step: WatchStep,
): Promise<Recipient[]> {
  if (step === 'owner' && responder) return [{ channel: responder, timeZone: responderZone }];
  if (settings.channels.leads) return [{ channel: settings.channels.leads, timeZone: settings.timeZone }];
  return Promise.all(settings.leads.map(async (lead) => ({ channel: lead, timeZone: await deps.timeZoneOf(workspace, lead) })));
}
