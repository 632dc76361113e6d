import type { Deliverer, OutgoingMessage } from '../shared/delivery/delivery.js';
import { type ItemPlan, runDueSweep } from '../shared/delivery/due-sweep.js';
import { planDueSteps } from '../shared/delivery/step-plan.js';
import type { StepSummary } from '../shared/delivery/step-summary.js';
import { messagesFor } from '../shared/i18n/index.js';
import type { JsonLogger } from '../shared/logger.js';
import type { Viewer } from '../shared/viewer.js';
import { type AvailabilityLookup, bestEffortAvailability, leadRecipients } from '../shared/workspace/availability.js';
import type { SettingsStore } from '../shared/workspace/settings-store.js';
import { workCalendar } from '../shared/workspace/work-calendar.js';
import type { Workspace } from '../shared/workspace/workspace.js';
import type { WorkspaceSettings } from '../shared/workspace/workspace-settings.js';
import type { ClientIncident } from './client-incident.js';
import { buildCadenceAlert, buildCadenceReminder, buildUnacknowledgedAlert } from './incident-alert-blocks.js';
import type { SlackMessage } from './incident-blocks.js';
import { type CadencePolicy, cadencePolicy } from './incident-cadence.js';
import { buildIncidentDigest, type IncidentEntry } from './incident-digest-blocks.js';
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
  readonly availabilityOf?: AvailabilityLookup;
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
  return runDueSweep<DueIncident, IncidentEntry>(
    {
      findDue: (at, limit, cursor) => deps.store.findDue(at, limit, cursor),
      plan: (due, settings, summary) => planOne(deps, due, settings, now, summary),
      render: (kind, settings, entries) => renderIncidentMessage(kind, settings, entries, now),
      describe: (due) => ({ incidentId: due.incident.id }),
      deliverer: deps.deliverer,
      settings: deps.settings,
      logger: deps.logger,
      concurrency: deps.concurrency,
      pageSize: deps.pageSize,
    },
    now,
    'incident',
  );
}

const DAY_MS = 24 * 3_600_000;
const SEVERITY_RANK = { sev1: 0, sev2: 1, sev3: 2 } as const;

async function planOne(
  deps: IncidentSweepDeps,
  due: DueIncident,
  settings: WorkspaceSettings,
  now: Date,
  summary: StepSummary,
): Promise<ItemPlan<IncidentEntry>> {
  const { incident, workspace } = due;
  const policy = cadencePolicy(settings);
  const plan = await planDueSteps(
    incident.id,
    pendingIncidentSteps(incident, policy),
    incident.stepsDone,
    {
      recipientsOf: (step) => recipientsOf(deps, workspace, settings, incident, step, now),
      notBefore: (step, recipient) => incidentStepNotBefore(step, incident, policy, recipient),
      delivery: (step, recipient, id) => ({
        id,
        channel: recipient.channel,
        threadTs: recipient.threadTs,
        kind: step.kind === 'cadence_owner' ? 'incident_owner' : 'incident_leads',
        purpose: step.kind === 'cadence_owner' ? 'reminder' : 'alert',
        urgency: SEVERITY_RANK[incident.severity] * 1e13 + step.at.getTime(),
        expiresAt: new Date(step.at.getTime() + DAY_MS),
        entry: { incident, step, timeZone: recipient.timeZone, policy },
      }),
    },
    now,
    summary,
  );

  return {
    deliveries: plan.deliveries,
    async finish(outcomes) {
      const posted = plan.deliveries.some(({ id }) => outcomes.get(id)?.status === 'sent');
      const settled = plan.settle(outcomes);
      const saved = await deps.store.saveSchedule(due, settled.done, settled.nextAt);
      if (posted && saved && deps.refreshMessage) {
        const viewer: Viewer = { m: messagesFor(settings.language), timeZone: settings.timeZone, now };
        await deps
          .refreshMessage(workspace, incident, viewer, policy)
          .catch((error) =>
            deps.logger.event('debug', 'incident message not refreshed', { workspace: workspace.teamId, incidentId: incident.id, error: String(error) }),
          );
      }
    },
  };
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
  const availabilityOf = bestEffortAvailability(deps.availabilityOf, deps.logger);
  if (step.kind === 'cadence_owner') {
    const own = await availabilityOf(workspace, incident.ownerId, now);
    return [{ channel: incident.ownerId, timeZone: incident.ownerTimeZone, ...(own.hours ? { hours: workCalendar(settings, own.hours) } : {}) }];
  }
  const leads = await leadRecipients(settings, workspace, { timeZoneOf: deps.timeZoneOf, availabilityOf }, now);
  return leads.length > 0 ? leads : [{ channel: incident.channelId, timeZone: settings.timeZone, threadTs: incident.messageTs }];
}

/** One entry: the message it always was; several: the digest (worst first). */
function renderIncidentMessage(kind: string, settings: WorkspaceSettings, entries: readonly IncidentEntry[], now: Date): Omit<OutgoingMessage, 'channel'> {
  const viewer: Viewer = { m: messagesFor(settings.language), timeZone: entries[0]!.timeZone, now };
  if (entries.length > 1) return buildIncidentDigest(viewer, entries, kind === 'incident_owner' ? 'owner' : 'leads');
  const { incident, step, policy } = entries[0]!;
  return { ...renderSingle(viewer, incident, step, policy), metadata: incidentMetadata('kept_incident_reminder', incident) };
}

function renderSingle(viewer: Viewer, incident: ClientIncident, step: PlannedIncidentStep, policy: CadencePolicy): SlackMessage {
  switch (step.kind) {
    case 'unacknowledged':
      return buildUnacknowledgedAlert(viewer, incident, policy);
    case 'cadence_owner':
      return buildCadenceReminder(viewer, incident, policy);
    case 'cadence_leads':
      return buildCadenceAlert(viewer, incident, policy);
  }
}
