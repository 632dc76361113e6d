import type { Button, KnownBlock } from '@slack/types';
import { formatDuration, spokenEvery } from '../shared/dates/format.js';
import { button, context, mention, plain, section, truncate } from '../shared/slack/block-kit.js';
import { nominateStoryButton } from '../shared/slack/story-nomination.js';
import { formatAt, formatWhen, type Viewer } from '../shared/viewer.js';
import { type ClientIncident, lastResolution, type Severity } from './client-incident.js';
import { type CadencePolicy, lastClientUpdateAt, nextClientUpdateDue } from './incident-cadence.js';
import { incidentMetrics } from './incident-metrics.js';

export const INCIDENT_ACTIONS = {
  acknowledge: 'incident_acknowledge',
  update: 'incident_update',
  clientUpdated: 'incident_client_updated',
  resolve: 'incident_resolve',
  reopen: 'incident_reopen',
  reassign: 'incident_reassign',
  promise: 'incident_promise',
  finishInForm: 'incident_finish_in_form',
  /** A link button: Slack still sends the click, which only needs an ack. */
  openLink: 'incident_open_link',
} as const;

export const INCIDENT_VIEWS = {
  create: 'incident_create',
  update: 'incident_post_update',
  resolve: 'incident_resolve_submit',
  reassign: 'incident_reassign_submit',
} as const;

/** The message shortcut "Log as incident" (declared in slack-manifest.yml). */
export const INCIDENT_SHORTCUT = 'log_incident';

export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

export const SEVERITY_EMOJI: Record<Severity, string> = { sev1: ':red_circle:', sev2: ':large_orange_circle:', sev3: ':large_yellow_circle:' };

const duration = (viewer: Viewer, ms: number) => formatDuration(Math.max(0, ms), viewer.m.locale);

export function incidentHeadline(viewer: Viewer, incident: ClientIncident): string {
  return `${SEVERITY_EMOJI[incident.severity]} *${viewer.m.incident.severity_names[incident.severity]} · ${truncate(incident.client, 200)}*: ${truncate(incident.title, 500)}`;
}

export function cadenceText(viewer: Viewer, policy: CadencePolicy, severity: Severity): string {
  const minutes = policy.cadenceMinutes[severity];
  return minutes === null ? viewer.m.settings.cadence_working_day : spokenEvery(minutes * 60_000, viewer.m.locale);
}

/** "2 h ago · next update due Tue 1 Dec 2026, 11:00", or how late the update is. */
export function clientHeardLine(viewer: Viewer, incident: ClientIncident, policy: CadencePolicy): string {
  const { m } = viewer;
  const last = lastClientUpdateAt(incident);
  const since = last ? viewer.now.getTime() - last.getTime() : 0;
  const heard = !last ? m.incident.heard_never : since < 60_000 ? m.incident.heard_just_now : m.incident.heard_ago(since);
  const due = nextClientUpdateDue(incident, policy);
  if (!due) return heard;
  const late = viewer.now.getTime() - due.getTime();
  return `${heard}\n${late > 0 ? m.incident.update_overdue(late) : m.incident.next_update_due(formatAt(viewer, due))}`;
}

function ageField(viewer: Viewer, incident: ClientIncident): { type: 'mrkdwn'; text: string } {
  const { m } = viewer;
  const since = m.incident.since(formatWhen(viewer, incident.createdAt));
  if (incident.resolvedAt) {
    return {
      type: 'mrkdwn',
      text: `*${m.incident.field_resolved_in}*\n${duration(viewer, incident.resolvedAt.getTime() - incident.createdAt.getTime())} (${since})`,
    };
  }
  return { type: 'mrkdwn', text: `*${m.incident.field_open_for}*\n${duration(viewer, viewer.now.getTime() - incident.createdAt.getTime())} (${since})` };
}

/** Status, owner, age and when the client last heard from us: the facts every view of an incident shows. */
export function incidentFacts(viewer: Viewer, incident: ClientIncident, policy: CadencePolicy): KnownBlock {
  const { m } = viewer;
  return {
    type: 'section',
    fields: [
      { type: 'mrkdwn', text: `*${m.incident.field_status}*\n${m.incident.status_names[incident.status]}` },
      { type: 'mrkdwn', text: `*${m.incident.field_owner}*\n${mention(incident.ownerId)}` },
      ageField(viewer, incident),
      { type: 'mrkdwn', text: `*${m.incident.field_client_heard}*\n${clientHeardLine(viewer, incident, policy)}` },
    ],
  };
}

export function incidentButtons(viewer: Viewer, incident: ClientIncident): Button[] {
  const { m } = viewer;
  const b = (text: string, action: string, style?: 'primary' | 'danger') => button(text, action, incident.id, style);
  if (incident.status === 'resolved') {
    return [
      b(m.incident.button_reopen, INCIDENT_ACTIONS.reopen),
      b(m.incident.button_promise, INCIDENT_ACTIONS.promise),
      nominateStoryButton(m.promise.button_nominate, { kind: 'incident', id: incident.id }),
    ];
  }
  return [
    ...(incident.status === 'open' ? [b(m.incident.button_acknowledge, INCIDENT_ACTIONS.acknowledge, 'primary')] : []),
    b(m.incident.button_update, INCIDENT_ACTIONS.update),
    b(m.incident.button_client_updated, INCIDENT_ACTIONS.clientUpdated),
    b(m.incident.button_resolve, INCIDENT_ACTIONS.resolve, incident.status === 'acknowledged' ? 'primary' : undefined),
    b(m.incident.button_reassign, INCIDENT_ACTIONS.reassign),
    b(m.incident.button_promise, INCIDENT_ACTIONS.promise),
  ];
}

/** The incident message in the channel, rendered again after every change (times in the team time zone). */
export function buildIncidentMessage(viewer: Viewer, incident: ClientIncident, policy: CadencePolicy): SlackMessage {
  const { m } = viewer;
  const blocks: KnownBlock[] = [section(incidentHeadline(viewer, incident))];
  if (incident.description) blocks.push(section(truncate(incident.description, 2900)));
  blocks.push(incidentFacts(viewer, incident, policy));
  const resolution = lastResolution(incident);
  if (resolution) {
    const confirmed = resolution.clientConfirmed ? m.incident.client_confirmed : m.incident.client_not_confirmed;
    blocks.push(section(`*${m.incident.field_resolution}* (${mention(resolution.by)})\n${truncate(resolution.note, 2000)}\n${confirmed}`));
    blocks.push(context(metricsLine(viewer, incident, policy)));
  }
  const notes = [m.incident.reported_by(mention(incident.reporterId)), m.incident.cadence_line(cadenceText(viewer, policy, incident.severity))];
  if (incident.sourcePermalink) notes.push(m.incident.source_link(incident.sourcePermalink));
  notes.push(m.incident.as_of(formatWhen(viewer, viewer.now)));
  blocks.push(context(...notes));
  blocks.push({ type: 'actions', block_id: `incident:${incident.id}`, elements: incidentButtons(viewer, incident) });
  const text = `${m.incident.severity_names[incident.severity]} · ${incident.client}: ${incident.title}`;
  return { text: truncate(text, 3000), blocks };
}

/** What the incident measured, shown once it is resolved. */
function metricsLine(viewer: Viewer, incident: ClientIncident, policy: CadencePolicy): string {
  const metrics = incidentMetrics(incident, policy, viewer.now);
  return viewer.m.incident.metrics_line(metrics.timeToAcknowledgeMs, metrics.timeToResolveMs, `${metrics.updatesSent}/${metrics.updatesDue}`);
}

/** A link to the incident message, for DMs and lists. */
export function openIncidentButton(viewer: Viewer, incident: ClientIncident): Button | undefined {
  if (!incident.messagePermalink) return undefined;
  return { ...button(viewer.m.incident.button_open, INCIDENT_ACTIONS.openLink, incident.id), url: incident.messagePermalink };
}

/** "SEV1 · ACME: checkout returns 500": the incident as a push text names it. */
export function incidentName(viewer: Viewer, incident: ClientIncident): string {
  return `${viewer.m.incident.severity_names[incident.severity]} · ${truncate(incident.client, 80)}: ${truncate(incident.title, 150)}`;
}

/**
 * The incident as a DM shows it (owner notices, cadence reminders): its facts and the buttons that fit.
 * `text` is what a phone shows; without it, the title and the incident's name.
 */
export function buildIncidentCard(viewer: Viewer, incident: ClientIncident, policy: CadencePolicy, title: string, hint?: string, text?: string): SlackMessage {
  const blocks: KnownBlock[] = [section(`*${title}*`), section(incidentHeadline(viewer, incident)), incidentFacts(viewer, incident, policy)];
  if (hint) blocks.push(context(hint));
  blocks.push({ type: 'actions', block_id: `incident-card:${incident.id}`, elements: incidentCardButtons(viewer, incident) });
  return { text: truncate(text ?? `${title} ${incidentName(viewer, incident)}`, 3000), blocks };
}

/**
 * The buttons an incident carries away from its channel message (DMs, the App Home): the message's own,
 * but for "Log a promise", and a link to the message. Each works without a response_url: a change
 * updates the channel message through the incident's stored channel and ts.
 */
export function incidentCardButtons(viewer: Viewer, incident: ClientIncident): Button[] {
  const link = openIncidentButton(viewer, incident);
  const buttons = incidentButtons(viewer, incident).filter((b) => b.action_id !== INCIDENT_ACTIONS.promise);
  return [...buttons, ...(link ? [link] : [])];
}

export function severityOption(viewer: Viewer, severity: Severity) {
  return { text: plain(viewer.m.incident.severity_options[severity], 75), value: severity };
}
