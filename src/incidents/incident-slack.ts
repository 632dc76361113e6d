import type { webApi } from '@slack/bolt';
import { mention } from '../shared/slack/block-kit.js';
import type { HomeRefresher } from '../shared/slack/home-refresher.js';
import type { ContextDeps, RequestContext } from '../shared/slack/request-context.js';
import type { Viewer } from '../shared/viewer.js';
import { workspaceKey } from '../shared/workspace/workspace.js';
import type { ClientIncident } from './client-incident.js';
import { threadText } from './incident-alert-blocks.js';
import { buildIncidentCard, buildIncidentMessage } from './incident-blocks.js';
import { type CadencePolicy, cadencePolicy } from './incident-cadence.js';
import { incidentChangeEvent, incidentMetadata } from './incident-metadata.js';
import type { IncidentChange, IncidentService, OpenIncidentInput, PublishedMessage } from './incident-service.js';

/** What every incident listener needs. */
export interface IncidentListenerDeps extends ContextDeps {
  readonly incidents: IncidentService;
  /** Republishes the App Home of the people an incident change concerns; absent, nothing is refreshed. */
  readonly home?: HomeRefresher;
}

/** Slack answers that mean Kept cannot post in that channel until someone invites it or picks another. */
const CANNOT_POST = new Set(['not_in_channel', 'channel_not_found', 'is_archived', 'restricted_action']);

class CannotPostError extends Error {
  constructor(readonly channelId: string) {
    super(`cannot post in ${channelId}`);
  }
}

function slackErrorCode(error: unknown): string | undefined {
  return (error as { data?: { error?: string } }).data?.error;
}

/** The channel message is read by the whole team: its times are in the team time zone. */
export function teamViewer(ctx: RequestContext): Viewer {
  return { ...ctx.viewer, timeZone: ctx.settings.timeZone };
}

export type OpenOutcome = { ok: true; incident: ClientIncident } | { ok: false; channelId: string };

/**
 * Posts the incident message, then stores the incident. When Kept cannot post in the channel nothing is
 * stored (the caller tells the reporter how to fix it); when storing fails after the post, the post is
 * taken back so no message is left with buttons that lead nowhere.
 */
export async function openIncident(
  incidents: IncidentService,
  client: webApi.WebClient,
  ctx: RequestContext,
  input: OpenIncidentInput,
  channelId: string,
): Promise<OpenOutcome> {
  const policy = cadencePolicy(ctx.settings);
  let posted: PublishedMessage | undefined;
  try {
    const incident = await incidents.open(ctx.workspace, input, ctx.now, async (draft) => {
      posted = await postIncidentMessage(client, teamViewer(ctx), draft, policy, channelId);
      return posted;
    });
    return { ok: true, incident };
  } catch (error) {
    if (error instanceof CannotPostError) return { ok: false, channelId };
    if (posted) await client.chat.delete({ channel: posted.channelId, ts: posted.messageTs }).catch(() => undefined);
    throw error;
  }
}

async function postIncidentMessage(
  client: webApi.WebClient,
  viewer: Viewer,
  incident: ClientIncident,
  policy: CadencePolicy,
  channelId: string,
): Promise<PublishedMessage> {
  let response;
  try {
    response = await client.chat.postMessage({
      channel: channelId,
      ...buildIncidentMessage(viewer, incident, policy),
      metadata: incidentMetadata('kept_incident_opened', incident),
    });
  } catch (error) {
    if (CANNOT_POST.has(slackErrorCode(error) ?? '')) throw new CannotPostError(channelId);
    throw error;
  }
  const channel = response.channel ?? channelId;
  const ts = response.ts!;
  // The permalink only makes links in DMs and lists nicer; its absence changes nothing else.
  const permalink = await client.chat
    .getPermalink({ channel, message_ts: ts })
    .then((r) => r.permalink)
    .catch(() => undefined);
  return { channelId: channel, messageTs: ts, messagePermalink: permalink };
}

/**
 * Brings the channel message up to date and posts each new timeline entry in its thread.
 * False when Slack refused any of it (the change itself is saved either way).
 */
export async function syncIncidentMessage(client: webApi.WebClient, viewer: Viewer, change: IncidentChange, policy: CadencePolicy): Promise<boolean> {
  const { before, after } = change;
  if (!change.changed || !after.channelId || !after.messageTs) return true;
  let ok = true;
  const metadata = incidentMetadata(incidentChangeEvent(after), after);
  await client.chat
    .update({ channel: after.channelId, ts: after.messageTs, ...buildIncidentMessage(viewer, after, policy), metadata })
    .catch(() => (ok = false));
  for (const entry of after.timeline.slice(before.timeline.length)) {
    const text = threadText(viewer, after, entry, policy);
    if (!text) continue;
    await client.chat.postMessage({ channel: after.channelId, thread_ts: after.messageTs, text, metadata }).catch(() => (ok = false));
  }
  return ok;
}

/** The incident message alone, refreshed (the sweep does this when a cadence step comes due). */
export async function refreshIncidentMessage(client: webApi.WebClient, viewer: Viewer, incident: ClientIncident, policy: CadencePolicy): Promise<void> {
  if (!incident.channelId || !incident.messageTs) return;
  await client.chat.update({
    channel: incident.channelId,
    ts: incident.messageTs,
    ...buildIncidentMessage(viewer, incident, policy),
    metadata: incidentMetadata(incidentChangeEvent(incident), incident),
  });
}

/** After a change made through Kept: the Home of whoever made it (a person, not a workflow) and of the owners it concerns shows it. */
export async function refreshHomes(home: HomeRefresher | undefined, client: webApi.WebClient, ctx: RequestContext, ...ownerIds: string[]): Promise<void> {
  await home?.refresh(client, ctx.workspace, [...(ctx.user.isBot ? [] : [ctx.user.id]), ...ownerIds]);
}

/**
 * When someone else opened the incident (a teammate, a workflow), its owner hears it from Kept, in their own
 * time zone. `title` says who; by default the reporter.
 */
export async function notifyIncidentOwner(
  deps: IncidentListenerDeps,
  client: webApi.WebClient,
  ctx: RequestContext,
  incident: ClientIncident,
  title = ctx.viewer.m.incident.opened_for_owner(mention(ctx.user.id)),
): Promise<void> {
  if (incident.ownerId === ctx.user.id) return;
  const owner = await deps.users.get(client, workspaceKey(ctx.workspace), incident.ownerId, ctx.now);
  const card = buildIncidentCard({ ...ctx.viewer, timeZone: owner.timeZone }, incident, cadencePolicy(ctx.settings), title);
  await client.chat.postMessage({ channel: incident.ownerId, ...card, metadata: incidentMetadata('kept_incident_opened', incident) });
}
