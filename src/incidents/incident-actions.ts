import type { App, BlockAction, webApi } from '@slack/bolt';
import { openNewPromiseModal } from '../promises/promise-slack.js';
import { parseDueDate } from '../shared/dates/parse-due.js';
import { UserFacingError } from '../shared/errors.js';
import { defuseBroadcasts, escapeMrkdwn, mention } from '../shared/slack/block-kit.js';
import { attemptBeforeAck, readMetadata, replyAfterModal, replyEphemeral } from '../shared/slack/modal-submission.js';
import { callerFromBody, type RequestContext, resolveContext } from '../shared/slack/request-context.js';
import { workspaceKey } from '../shared/workspace/workspace.js';
import { LIMITS } from './client-incident.js';
import { buildIncidentCard, INCIDENT_ACTIONS, INCIDENT_VIEWS } from './incident-blocks.js';
import { cadencePolicy } from './incident-cadence.js';
import { incidentChangeEvent, incidentMetadata } from './incident-metadata.js';
import { buildReassignIncidentModal, buildResolveModal, buildUpdateModal, INCIDENT_FIELDS } from './incident-modals.js';
import type { IncidentChange } from './incident-service.js';
import { type IncidentListenerDeps, refreshHomes, syncIncidentMessage, teamViewer } from './incident-slack.js';

type ActionArgs = { ctx: RequestContext; body: BlockAction; client: webApi.WebClient; id: string };
type Values = Record<string, Record<string, { value?: string | null; selected_user?: string | null; selected_options?: unknown[] }>>;

/** Buttons on the incident message (and on DMs about it), and the modals they open. */
export function registerIncidentActions(app: App, deps: IncidentListenerDeps): void {
  const onAction = (actionId: string, handle: (args: ActionArgs) => Promise<void>) =>
    app.action<BlockAction>(actionId, async ({ ack, body, client, action }) => {
      await ack();
      const ctx = await resolveContext(deps, client, callerFromBody(body));
      await handle({ ctx, body, client, id: 'value' in action ? (action.value ?? '') : '' });
    });

  /**
   * The message and its thread show what happened (updated through the incident's stored channel and ts,
   * wherever the click came from); a click elsewhere (a DM) also gets a short reply, and the Homes of the
   * actor and the owners are republished (a click on the Home has no reply to give: the Home shows it).
   */
  const afterChange = async (
    ctx: RequestContext,
    client: webApi.WebClient,
    change: IncidentChange,
    origin: { responseUrl?: string | undefined; fromMessage: boolean },
  ) => {
    if (!change.changed) return;
    const { m } = ctx.viewer;
    const ok = await syncIncidentMessage(client, teamViewer(ctx), change, cadencePolicy(ctx.settings));
    if (!ok) {
      // Worth knowing even after a Home click, which has no conversation to answer in: then by DM.
      await replyAfterModal(client, ctx.user.id, origin.responseUrl, {
        text: m.incident.message_not_updated(`<#${change.after.channelId}>`),
        metadata: incidentMetadata(incidentChangeEvent(change.after), change.after),
      });
    } else if (!origin.fromMessage) {
      await replyEphemeral(origin.responseUrl, {
        text: m.incident.done_reply(change.after.client, m.incident.status_names[change.after.status]),
        metadata: incidentMetadata(incidentChangeEvent(change.after), change.after),
      });
    }
    await refreshHomes(deps.home, client, ctx, change.before.ownerId, change.after.ownerId);
  };
  const origin = (body: BlockAction, messageTs: string) => ({ responseUrl: body.response_url, fromMessage: body.container?.message_ts === messageTs });
  /** What the modal's submission needs to answer where the click came from. */
  const metadataFor = (body: BlockAction, id: string, messageTs: string) => {
    const { responseUrl, fromMessage } = origin(body, messageTs);
    return JSON.stringify({ id, responseUrl, fromMessage: String(fromMessage) });
  };

  onAction(INCIDENT_ACTIONS.acknowledge, async ({ ctx, body, client, id }) => {
    const change = await deps.incidents.acknowledge(ctx.workspace, id, ctx.user, ctx.now);
    await afterChange(ctx, client, change, origin(body, change.after.messageTs));
  });
  onAction(INCIDENT_ACTIONS.clientUpdated, async ({ ctx, body, client, id }) => {
    const change = await deps.incidents.clientUpdated(ctx.workspace, id, ctx.user, ctx.now);
    await afterChange(ctx, client, change, origin(body, change.after.messageTs));
  });
  onAction(INCIDENT_ACTIONS.reopen, async ({ ctx, body, client, id }) => {
    const change = await deps.incidents.reopen(ctx.workspace, id, ctx.user, ctx.now);
    await afterChange(ctx, client, change, origin(body, change.after.messageTs));
  });
  onAction(INCIDENT_ACTIONS.update, async ({ ctx, body, client, id }) => {
    const incident = await deps.incidents.getExisting(ctx.workspace, id);
    if (incident.status === 'resolved') throw new UserFacingError('incident_resolved');
    await client.views.open({ trigger_id: body.trigger_id, view: buildUpdateModal(ctx.viewer, incident, metadataFor(body, id, incident.messageTs)) });
  });
  onAction(INCIDENT_ACTIONS.resolve, async ({ ctx, body, client, id }) => {
    const incident = await deps.incidents.getManageable(ctx.workspace, id, ctx.user);
    if (incident.status === 'resolved') throw new UserFacingError('incident_resolved');
    await client.views.open({ trigger_id: body.trigger_id, view: buildResolveModal(ctx.viewer, incident, metadataFor(body, id, incident.messageTs)) });
  });
  onAction(INCIDENT_ACTIONS.reassign, async ({ ctx, body, client, id }) => {
    const incident = await deps.incidents.getManageable(ctx.workspace, id, ctx.user);
    if (incident.status === 'resolved') throw new UserFacingError('incident_resolved');
    await client.views.open({ trigger_id: body.trigger_id, view: buildReassignIncidentModal(ctx.viewer, incident, metadataFor(body, id, incident.messageTs)) });
  });
  onAction(INCIDENT_ACTIONS.promise, async ({ ctx, body, client, id }) => {
    const incident = await deps.incidents.getExisting(ctx.workspace, id);
    // A due time in the title ("fix promised by Friday 3pm") is read as /promise reads it; "since 9:00" is not one.
    const due = parseDueDate(incident.title, { now: ctx.now, timeZone: ctx.user.timeZone, locale: ctx.settings.language });
    const dueAt = due && due.dueAt.getTime() > ctx.now.getTime() ? due.dueAt : undefined;
    const prefill = { client: incident.client, what: ctx.viewer.m.incident.fix_for(incident.title), ownerId: ctx.user.id, ...(dueAt ? { dueAt } : {}) };
    await openNewPromiseModal(client, body.trigger_id, ctx, prefill, { responseUrl: body.response_url });
  });
  // A link button still reports its click; there is nothing to do but acknowledge it.
  app.action(INCIDENT_ACTIONS.openLink, async ({ ack }) => ack());

  /** `prepare` checks the form and answers either an inline problem or the change to make before acknowledging. */
  const onView = (
    callbackId: string,
    errorBlock: string,
    prepare: (ctx: RequestContext, client: webApi.WebClient, values: Values, id: string) => Promise<string | (() => Promise<IncidentChange>)>,
  ) =>
    app.view(callbackId, async ({ ack, body, view, client, logger }) => {
      const ctx = await resolveContext(deps, client, callerFromBody(body));
      const metadata = readMetadata(view);
      const work = await prepare(ctx, client, view.state.values as Values, metadata.id ?? '');
      if (typeof work === 'string') return void (await ack({ response_action: 'errors', errors: { [errorBlock]: work } }));
      const change = await attemptBeforeAck(ctx, ack, logger, errorBlock, work);
      if (!change) return;
      await ack();
      await afterChange(ctx, client, change, { responseUrl: metadata.responseUrl, fromMessage: metadata.fromMessage === 'true' });
      if (callbackId === INCIDENT_VIEWS.reassign && change.changed) await tellNewOwner(ctx, client, change, metadata.responseUrl);
    });
  const text = (values: Values, block: string) => defuseBroadcasts(escapeMrkdwn((values[block]?.[INCIDENT_FIELDS.value]?.value ?? '').trim()));
  const checked = (values: Values, block: string) => (values[block]?.[INCIDENT_FIELDS.value]?.selected_options ?? []).length > 0;
  const tooLong = (ctx: RequestContext, max: number) => ctx.viewer.m.incident.error_too_long(max);

  onView(INCIDENT_VIEWS.update, INCIDENT_FIELDS.text, async (ctx, _client, values, id) => {
    const update = { text: text(values, INCIDENT_FIELDS.text), clientTold: checked(values, INCIDENT_FIELDS.told) };
    if (!update.text) return ctx.viewer.m.incident.error_text_required;
    if (update.text.length > LIMITS.update) return tooLong(ctx, LIMITS.update);
    return () => deps.incidents.postUpdate(ctx.workspace, id, ctx.user, update, ctx.now);
  });
  onView(INCIDENT_VIEWS.resolve, INCIDENT_FIELDS.note, async (ctx, _client, values, id) => {
    const resolution = { note: text(values, INCIDENT_FIELDS.note), clientConfirmed: checked(values, INCIDENT_FIELDS.confirmed) };
    if (!resolution.note) return ctx.viewer.m.incident.error_note_required;
    if (resolution.note.length > LIMITS.note) return tooLong(ctx, LIMITS.note);
    return () => deps.incidents.resolve(ctx.workspace, id, ctx.user, resolution, ctx.now);
  });
  onView(INCIDENT_VIEWS.reassign, INCIDENT_FIELDS.owner, async (ctx, client, values, id) => {
    const ownerId = values[INCIDENT_FIELDS.owner]?.[INCIDENT_FIELDS.value]?.selected_user;
    const owner = ownerId ? await deps.users.get(client, workspaceKey(ctx.workspace), ownerId, ctx.now) : undefined;
    if (!owner || owner.isBot || owner.deleted) return ctx.viewer.m.incident.error_owner_bot;
    return () => deps.incidents.reassign(ctx.workspace, id, ctx.user, { id: owner.id, timeZone: owner.timeZone }, ctx.now);
  });

  async function tellNewOwner(ctx: RequestContext, client: webApi.WebClient, change: IncidentChange, responseUrl: string | undefined) {
    const incident = change.after;
    const owner = await deps.users.get(client, workspaceKey(ctx.workspace), incident.ownerId, ctx.now);
    const title = ctx.viewer.m.incident.reassigned_dm(mention(ctx.user.id));
    await client.chat.postMessage({
      channel: incident.ownerId,
      ...buildIncidentCard({ ...ctx.viewer, timeZone: owner.timeZone }, incident, cadencePolicy(ctx.settings), title),
      metadata: incidentMetadata('kept_incident_updated', incident),
    });
    await replyEphemeral(responseUrl, { text: ctx.viewer.m.incident.reassigned_reply(mention(incident.ownerId)) });
  }
}
