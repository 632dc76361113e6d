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
import type { ClientIncident } from './client-incident.js';
import { buildCadenceAlert, buildCadenceReminder, buildUnacknowledgedAlert } from './incident-alert-blocks.js';
import type { SlackMessage } from './incident-blocks.js';
import { type CadencePolicy, cadencePolicy } from './incident-cadence.js';
import { incidentMetadata } from './incident-metadata.js';
import { type IncidentStepRecipient, incidentStepNotBefore, type PlannedIncidentStep, pendingIncidentSteps } from './incident-schedule.js';
import type { DueIncident, IncidentStore } from './incident-store.js';

export interface IncidentSweepDeps {
  readonly store: IncidentStore;
  readonly settings: SettingsStore;
  readonly deliverer: Deliverer;
  /** A lead's Slack time zone, for their working hours. */
  readonly timeZoneOf: (workspace: Workspace, userId: string) => Promise<string>;
  /** A person's own hours; absent, everyone keeps the team's hours. */
  readonly availabilityOf?: (workspace: Workspace, userId: string, now: Date) => Promise<Availability>;
  readonly logger: JsonLogger;
  /** Re-renders the incident message (age, "client last heard") after a step went out; best effort. */
  readonly refreshMessage?: (workspace: Workspace, incident: ClientIncident, viewer: Viewer, policy: CadencePolicy) => Promise<void>;
  readonly concurrency?: number;
  readonly pageSize?: number;
}

interface Recipient extends IncidentStepRecipient {
  channel: string;
  threadTs?: string;
}

/**
 * One pass over every unresolved incident with a step due at `now`: the owner's cadence reminder, the
 * leads' alert at twice the cadence, and the unacknowledged-sev1 alert. Reads only what is due (one
 * indexed range query a page); each message goes out once per cadence window through the delivery ledger.
 */
export function sweepIncidentSteps(deps: IncidentSweepDeps, now: Date): Promise<StepSummary> {
  return runDueSweep<DueIncident>(
    {
      findDue: (at, limit, cursor) => deps.store.findDue(at, limit, cursor),
      handle: (due, settings, summary, state) => sweepOne(deps, due, settings, now, summary, state),
      describe: (due) => ({ incidentId: due.incident.id }),
      settings: deps.settings,
      logger: deps.logger,
      concurrency: deps.concurrency,
      pageSize: deps.pageSize,
    },
    now,
    'incident',
  );
}

async function sweepOne(
  deps: IncidentSweepDeps,
  due: DueIncident,
  settings: WorkspaceSettings,
  now: Date,
  summary: StepSummary,
  state: SweepState,
): Promise<void> {
  const { incident, workspace } = due;
  const policy = cadencePolicy(settings);
  const pending = pendingIncidentSteps(incident, policy);
  const done = [...incident.stepsDone];
  const waits: number[] = [];
  const isDue = (s: PlannedIncidentStep) => s.at.getTime() <= now.getTime();
  let posted = false;

  for (const step of pending.filter(isDue)) {
    let complete = true;
    for (const recipient of await recipientsOf(deps, workspace, settings, incident, step, now)) {
      const notBefore = incidentStepNotBefore(step, incident, policy, recipient);
      const wait = notBefore && notBefore.getTime() > now.getTime() ? notBefore : state.rateLimitedUntil;
      if (wait) {
        complete = false;
        waits.push(wait.getTime());
        summary.deferred++;
        continue;
      }
      const viewer: Viewer = { m: messagesFor(settings.language), timeZone: recipient.timeZone, now };
      const message = {
        channel: recipient.channel,
        ...render(viewer, incident, step, policy),
        ...(recipient.threadTs ? { threadTs: recipient.threadTs } : {}),
        metadata: incidentMetadata('kept_incident_reminder', incident),
      };
      const outcome = await deps.deliverer.deliver(workspace, deliveryId(incident.id, step.key, recipient.channel), message, now);
      if (outcome.status === 'sent') posted = true;
      if (!countDelivery(outcome, summary, waits)) complete = false;
      if (outcome.status === 'retry_later' && outcome.rateLimited) state.rateLimitedUntil = outcome.retryAt;
      if (outcome.status === 'retry_later' || outcome.status === 'gave_up') {
        deps.logger.event(
          outcome.status === 'gave_up' ? 'error' : 'warn',
          `incident reminder ${outcome.status === 'gave_up' ? 'given up' : 'will be retried'}`,
          {
            workspace: workspace.teamId,
            incidentId: incident.id,
            step: step.key,
            error: outcome.error,
          },
        );
      }
    }
    if (complete) done.push(step.key);
  }

  const doneSet = new Set(done);
  const nextPlanned = pending.find((s) => !doneSet.has(s.key) && !isDue(s))?.at.getTime();
  const candidates = [...waits, ...(nextPlanned !== undefined ? [nextPlanned] : [])];
  const saved = await deps.store.saveSchedule(due, done, candidates.length > 0 ? new Date(Math.min(...candidates)) : null);
  if (posted && saved && deps.refreshMessage) {
    const viewer: Viewer = { m: messagesFor(settings.language), timeZone: settings.timeZone, now };
    await deps
      .refreshMessage(workspace, incident, viewer, policy)
      .catch((error) =>
        deps.logger.event('debug', 'incident message not refreshed', { workspace: workspace.teamId, incidentId: incident.id, error: String(error) }),
      );
  }
}

/** The owner by DM; the leads in their channel, or each by DM, or (with no leads set) the incident's own thread. */
async function recipientsOf(
  deps: IncidentSweepDeps,
  workspace: Workspace,
  settings: WorkspaceSettings,
  incident: ClientIncident,
  step: PlannedIncidentStep,
  now: Date,
): Promise<Recipient[]> {
  const ownHours = async (userId: string) => {
    const own = deps.availabilityOf ? await deps.availabilityOf(workspace, userId, now).catch(() => undefined) : undefined;
    return own?.hours ? { hours: workCalendar(settings, own.hours) } : {};
  };
  if (step.kind === 'cadence_owner') return [{ channel: incident.ownerId, timeZone: incident.ownerTimeZone, ...(await ownHours(incident.ownerId)) }];
  if (settings.channels.leads) return [{ channel: settings.channels.leads, timeZone: settings.timeZone }];
  if (settings.leads.length > 0) {
    return Promise.all(settings.leads.map(async (lead) => ({ channel: lead, timeZone: await deps.timeZoneOf(workspace, lead), ...(await ownHours(lead)) })));
  }
  return [{ channel: incident.channelId, timeZone: settings.timeZone, threadTs: incident.messageTs }];
}

function render(viewer: Viewer, incident: ClientIncident, step: PlannedIncidentStep, policy: CadencePolicy): SlackMessage {
  switch (step.kind) {
    case 'unacknowledged':
      return buildUnacknowledgedAlert(viewer, incident, policy);
    case 'cadence_owner':
      return buildCadenceReminder(viewer, incident, policy);
    case 'cadence_leads':
      return buildCadenceAlert(viewer, incident, policy);
  }
}
