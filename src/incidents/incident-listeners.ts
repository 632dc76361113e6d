import type { App, MessageShortcut, webApi } from '@slack/bolt';
import { splitClient } from '../shared/command-text.js';
import { defuseBroadcasts, escapeMrkdwn, neutraliseUserText, truncate } from '../shared/slack/block-kit.js';
import { attemptBeforeAck, readMetadata, replyAfterModal } from '../shared/slack/modal-submission.js';
import { callerFromBody, type RequestContext, resolveContext } from '../shared/slack/request-context.js';
import { workspaceKey } from '../shared/workspace/workspace.js';
import { isSeverity, LIMITS } from './client-incident.js';
import { registerIncidentActions } from './incident-actions.js';
import { INCIDENT_ACTIONS, INCIDENT_SHORTCUT, INCIDENT_VIEWS } from './incident-blocks.js';
import { cadencePolicy } from './incident-cadence.js';
import { parseIncidentCommand } from './incident-command.js';
import { incidentMetadata } from './incident-metadata.js';
import { buildNewIncidentModal, INCIDENT_FIELDS, type IncidentPrefill, titleFromMessage } from './incident-modals.js';
import { buildIncidentDraftHelp, buildIncidentHelp, buildIncidentList, buildIncidentStats } from './incident-report-blocks.js';
import { type IncidentListenerDeps, notifyIncidentOwner, openIncident, refreshHomes } from './incident-slack.js';

const LIST_LIMIT = 40;
const STATS_DAYS = 30;

export function registerIncidentListeners(app: App, deps: IncidentListenerDeps): void {
  app.command('/incident', async ({ command, ack, respond, client }) => {
    await ack();
    const ctx = await resolveContext(deps, client, callerFromBody(command));
    const { m } = ctx.viewer;
    const text = neutraliseUserText(command.text ?? '');
    const parsed = parseIncidentCommand(text);
    switch (parsed.kind) {
      case 'open_modal':
        return openNewIncidentModal(
          client,
          command.trigger_id,
          ctx,
          { ownerId: ctx.user.id },
          { channelId: command.channel_id, responseUrl: command.response_url },
        );
      case 'help':
        return void (await respond({ response_type: 'ephemeral', text: m.incident.help_title, blocks: buildIncidentHelp(ctx.viewer) }));
      case 'list': {
        const page = await deps.incidents.listOpen(ctx.workspace, LIST_LIMIT);
        const blocks = buildIncidentList(ctx.viewer, page, cadencePolicy(ctx.settings));
        return void (await respond({ response_type: 'ephemeral', text: m.incident.list_title(page.total), blocks }));
      }
      case 'stats': {
        const stats = await deps.incidents.stats(ctx.workspace, { from: new Date(ctx.now.getTime() - STATS_DAYS * 86_400_000), to: ctx.now });
        return void (await respond({ response_type: 'ephemeral', text: m.incident.stats_title, blocks: buildIncidentStats(ctx.viewer, stats) }));
      }
      case 'open': {
        const { draft, problems } = parsed;
        if (problems.length > 0 || !draft.client || !draft.title) {
          return void (await respond({ response_type: 'ephemeral', text: m.incident.help_title, blocks: buildIncidentDraftHelp(ctx.viewer, draft, problems) }));
        }
        const ownerId = draft.ownerId ?? ctx.user.id;
        const owner = ownerId === ctx.user.id ? ctx.user : await deps.users.get(client, workspaceKey(ctx.workspace), ownerId, ctx.now);
        if (owner.isBot || owner.deleted) return void (await respond({ response_type: 'ephemeral', text: m.incident.problem_owner_bot }));
        const channelId = ctx.settings.channels.incidents ?? command.channel_id;
        const input = { reporterId: ctx.user.id, ownerId, ownerTimeZone: owner.timeZone, client: draft.client, title: draft.title, severity: draft.severity };
        const outcome = await openIncident(deps.incidents, client, ctx, input, channelId);
        if (!outcome.ok) {
          const reply = `${m.incident.cannot_post(`<#${outcome.channelId}>`)}\n${m.incident.you_typed(`/incident ${truncate(command.text ?? '', 2000)}`)}`;
          return void (await respond({ response_type: 'ephemeral', text: reply }));
        }
        await respond({
          response_type: 'ephemeral',
          text: m.incident.opened_reply(`<#${outcome.incident.channelId}>`),
          metadata: incidentMetadata('kept_incident_opened', outcome.incident),
        });
        await notifyIncidentOwner(deps, client, ctx, outcome.incident);
        return refreshHomes(deps.home, client, ctx, outcome.incident.ownerId);
      }
    }
  });

  app.shortcut<MessageShortcut>({ callback_id: INCIDENT_SHORTCUT, type: 'message_action' }, async ({ ack, shortcut, client }) => {
    await ack();
    const ctx = await resolveContext(deps, client, callerFromBody(shortcut));
    const source = await client.chat
      .getPermalink({ channel: shortcut.channel.id, message_ts: shortcut.message.ts })
      .then((r) => r.permalink)
      .catch(() => undefined);
    const text = neutraliseUserText(shortcut.message.text ?? '');
    const firstLine = titleFromMessage(text);
    const split = splitClient(firstLine, LIMITS.client);
    const prefill: IncidentPrefill = {
      client: split.client,
      title: split.client ? split.rest : firstLine,
      description: truncate(text, LIMITS.description),
      ownerId: ctx.user.id,
    };
    await openNewIncidentModal(client, shortcut.trigger_id, ctx, prefill, { channelId: shortcut.channel.id, responseUrl: shortcut.response_url, source });
  });

  app.action(INCIDENT_ACTIONS.finishInForm, async ({ ack, body, client, action }) => {
    await ack();
    const ctx = await resolveContext(deps, client, callerFromBody(body));
    const raw = 'value' in action && typeof action.value === 'string' ? action.value : '{}';
    const draft = parseDraft(raw);
    const b = body as { trigger_id: string; channel?: { id?: string }; response_url?: string };
    await openNewIncidentModal(
      client,
      b.trigger_id,
      ctx,
      { ...draft, ownerId: draft.ownerId ?? ctx.user.id },
      { channelId: b.channel?.id, responseUrl: b.response_url },
    );
  });

  app.view(INCIDENT_VIEWS.create, async ({ ack, body, view, client, logger }) => {
    const ctx = await resolveContext(deps, client, callerFromBody(body));
    const { m } = ctx.viewer;
    const f = INCIDENT_FIELDS;
    const values = view.state.values;
    const text = (block: string) => (values[block]?.[f.value]?.value ?? '').trim();
    const clientName = escapeMrkdwn(text(f.client));
    const title = defuseBroadcasts(escapeMrkdwn(text(f.title)));
    const description = defuseBroadcasts(escapeMrkdwn(text(f.description)));
    const selected = values[f.severity]?.[f.value]?.selected_option?.value;
    const severity = isSeverity(selected) ? selected : 'sev2';
    const ownerId = values[f.owner]?.[f.value]?.selected_user ?? ctx.user.id;
    const errors: Record<string, string> = {};
    if (!clientName) errors[f.client] = m.incident.error_client_required;
    else if (clientName.length > LIMITS.client) errors[f.client] = m.incident.error_too_long(LIMITS.client);
    if (!title) errors[f.title] = m.incident.error_title_required;
    else if (title.length > LIMITS.title) errors[f.title] = m.incident.error_too_long(LIMITS.title);
    if (description.length > LIMITS.description) errors[f.description] = m.incident.error_too_long(LIMITS.description);
    const owner = await deps.users.get(client, workspaceKey(ctx.workspace), ownerId, ctx.now);
    if (owner.isBot || owner.deleted) errors[f.owner] = m.incident.error_owner_bot;
    const metadata = readMetadata(view);
    const channelId = ctx.settings.channels.incidents ?? metadata.channelId;
    if (!channelId && Object.keys(errors).length === 0) errors[f.title] = m.incident.cannot_post_modal;
    if (Object.keys(errors).length > 0) return void (await ack({ response_action: 'errors', errors }));

    const input = {
      reporterId: ctx.user.id,
      ownerId,
      ownerTimeZone: owner.timeZone,
      client: clientName,
      title,
      description,
      severity,
      sourcePermalink: metadata.source,
    };
    const outcome = await attemptBeforeAck(ctx, ack, logger, f.title, () => openIncident(deps.incidents, client, ctx, input, channelId!));
    if (!outcome) return;
    if (!outcome.ok) return void (await ack({ response_action: 'errors', errors: { [f.title]: m.incident.cannot_post_modal } }));
    await ack();
    await replyAfterModal(client, ctx.user.id, metadata.responseUrl, {
      text: m.incident.opened_reply(`<#${outcome.incident.channelId}>`),
      metadata: incidentMetadata('kept_incident_opened', outcome.incident),
    });
    await notifyIncidentOwner(deps, client, ctx, outcome.incident);
    await refreshHomes(deps.home, client, ctx, outcome.incident.ownerId);
  });

  registerIncidentActions(app, deps);
}

async function openNewIncidentModal(
  client: webApi.WebClient,
  triggerId: string,
  ctx: RequestContext,
  prefill: IncidentPrefill,
  metadata: { channelId?: string | undefined; responseUrl?: string | undefined; source?: string | undefined },
): Promise<void> {
  await client.views.open({ trigger_id: triggerId, view: buildNewIncidentModal(ctx.viewer, prefill, JSON.stringify(metadata)) });
}

function parseDraft(value: string): IncidentPrefill {
  try {
    const raw = JSON.parse(value);
    const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
    return { client: str(raw.client), title: str(raw.title), severity: isSeverity(raw.severity) ? raw.severity : undefined, ownerId: str(raw.ownerId) };
  } catch {
    return {};
  }
}
