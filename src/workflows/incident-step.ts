import { notifyIncidentOwner, openIncident, refreshHomes } from '../incidents/incident-slack.js';
import { workspaceKey } from '../shared/workspace/workspace.js';
import { readIncidentStep } from './workflow-rules.js';
import { describeProblem, resolveStepContext, type StepArgs, sanitizeStepText, type WorkflowListenerDeps } from './workflow-slack.js';

/**
 * "Open a client incident": posted to the incidents channel and stored as /incident does (nothing is stored
 * when Kept cannot post there). Without an owner input, the first lead owns it. The owner is told by DM.
 */
export function openClientIncidentStep(deps: WorkflowListenerDeps) {
  return async (args: StepArgs): Promise<void> => {
    const ctx = await resolveStepContext(deps, args);
    const { m } = ctx.viewer;
    const read = readIncidentStep(args.inputs, sanitizeStepText);
    if (!read.ok) return void (await args.fail({ error: describeProblem(ctx, read.problem) }));
    const channelId = ctx.settings.channels.incidents;
    if (!channelId) return void (await args.fail({ error: m.workflow.no_incidents_channel }));
    const ownerId = read.value.ownerId ?? ctx.settings.leads[0];
    if (!ownerId) return void (await args.fail({ error: m.workflow.incident_owner_required }));
    const owner = await deps.users.get(args.client, workspaceKey(ctx.workspace), ownerId, ctx.now);
    if (owner.isBot || owner.deleted) return void (await args.fail({ error: m.workflow.owner_not_person }));

    const { client, summary, severity } = read.value;
    const input = { reporterId: ctx.user.id, ownerId, ownerTimeZone: owner.timeZone, client, title: summary, severity };
    const outcome = await openIncident(deps.incidents, args.client, ctx, input, channelId);
    if (!outcome.ok) return void (await args.fail({ error: m.workflow.cannot_post_incident }));
    const { incident } = outcome;
    await args.complete({
      outputs: { incident_id: incident.id, ...(incident.messagePermalink ? { message_link: incident.messagePermalink } : {}) },
    });
    await notifyIncidentOwner(deps, args.client, ctx, incident, m.workflow.incident_for_owner).catch((error: unknown) =>
      deps.logger.event('warn', 'workflow incident opened, but its owner was not told', {
        workspace: ctx.workspace.teamId,
        incidentId: incident.id,
        error: String(error),
      }),
    );
    await refreshHomes(deps.home, args.client, ctx, incident.ownerId);
  };
}
