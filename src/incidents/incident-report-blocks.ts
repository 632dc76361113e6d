import type { KnownBlock } from '@slack/types';
import { formatDuration, formatRelative } from '../shared/dates/format.js';
import type { Messages } from '../shared/i18n/index.js';
import { button, context, mention, plain, SLACK_LIMITS, section, truncate } from '../shared/slack/block-kit.js';
import type { Viewer } from '../shared/viewer.js';
import type { ClientIncident } from './client-incident.js';
import { clientHeardLine, INCIDENT_ACTIONS, incidentHeadline } from './incident-blocks.js';
import type { CadencePolicy } from './incident-cadence.js';
import type { IncidentDraft, IncidentDraftProblem } from './incident-command.js';
import type { IncidentStats } from './incident-metrics.js';
import type { IncidentPage } from './incident-store.js';

const LIST_CAP = 40;

/** `/incident list`: open incidents, worst first, each with owner, status, age and the client's last news. */
export function buildIncidentList(viewer: Viewer, page: IncidentPage, policy: CadencePolicy): KnownBlock[] {
  const { m } = viewer;
  if (page.incidents.length === 0) return [section(m.incident.list_empty)];
  const blocks: KnownBlock[] = [{ type: 'header', text: plain(m.incident.list_title(page.total), 150) }];
  for (const incident of page.incidents.slice(0, LIST_CAP)) blocks.push(section(incidentListText(viewer, incident, policy)));
  const shown = Math.min(page.incidents.length, LIST_CAP);
  if (page.total > shown) blocks.push(context(m.incident.list_more(page.total - shown)));
  return blocks;
}

/**
 * One incident in a list (`/incident list`, the App Home): its headline; owner (unless `withOwner` is
 * false), status, age and a link to the message; when the client last heard from us.
 */
export function incidentListText(viewer: Viewer, incident: ClientIncident, policy: CadencePolicy, withOwner = true): string {
  const { m } = viewer;
  const age = formatDuration(viewer.now.getTime() - incident.createdAt.getTime(), m.locale);
  const link = incident.messagePermalink ? ` · <${incident.messagePermalink}|${m.incident.button_open}>` : '';
  const heard = clientHeardLine(viewer, incident, policy).replace('\n', ' · ');
  const facts = [...(withOwner ? [mention(incident.ownerId)] : []), m.incident.status_names[incident.status], `${m.incident.field_open_for}: ${age}`];
  return `${incidentHeadline(viewer, incident)}\n${facts.join(' · ')}${link}\n${m.incident.field_client_heard}: ${heard}`;
}

/** Unacknowledged incidents listed by name in the stats; the rest are counted. */
const UNACKNOWLEDGED_SHOWN = 3;

/**
 * The figures of a range of incidents, in words, as `/incident stats` and the weekly recap both show
 * them: counts; what is still open and unacknowledged (by name: a median cannot show it); the medians
 * with what they stand on; client updates on time. `hints` explain the figures in words.
 */
export function incidentStatsText(m: Messages, stats: IncidentStats, asOf: Date): { lines: string[]; hints: string[] } {
  const median = (ms: number | undefined) => (ms === undefined ? m.incident.stats_none : formatDuration(ms, m.locale));
  const lines = [m.incident.stats_counts(stats.opened, stats.resolved, stats.open)];
  if (stats.unacknowledged.length > 0) {
    lines.push(m.incident.stats_unacknowledged(stats.unacknowledged.length));
    for (const i of stats.unacknowledged.slice(0, UNACKNOWLEDGED_SHOWN)) {
      const when = formatRelative(i.createdAt, asOf, m.locale);
      lines.push(m.incident.stats_unacknowledged_item(m.incident.severity_names[i.severity], truncate(i.client, 80), truncate(i.title, 150), when));
    }
    const more = stats.unacknowledged.length - UNACKNOWLEDGED_SHOWN;
    if (more > 0) lines.push(m.incident.stats_unacknowledged_more(more, m.home.incident_list_command));
  }
  lines.push(m.incident.stats_acknowledge(median(stats.medianAcknowledgeMs), stats.acknowledged), m.incident.stats_resolve(median(stats.medianResolveMs)));
  lines.push(
    stats.updatesDue === 0
      ? m.incident.stats_cadence_none
      : m.incident.stats_cadence(stats.updatesSent, stats.updatesDue, Math.round((100 * stats.updatesSent) / stats.updatesDue)),
  );
  return { lines, hints: [m.incident.stats_hint, ...(stats.updatesDue > 0 ? [m.incident.stats_cadence_hint] : [])] };
}

/** `/incident stats`: the last 30 days. */
export function buildIncidentStats(viewer: Viewer, stats: IncidentStats): KnownBlock[] {
  const { lines, hints } = incidentStatsText(viewer.m, stats, viewer.now);
  return [{ type: 'header', text: plain(viewer.m.incident.stats_title, 150) }, section(lines.join('\n')), context(hints.join(' '))];
}

export function buildIncidentHelp(viewer: Viewer): KnownBlock[] {
  return [section(viewer.m.incident.help_title), section(viewer.m.incident.examples.join('\n'))];
}

/** The reply to `/incident …` text that could not be read whole: what is missing, what was understood, the form. */
export function buildIncidentDraftHelp(viewer: Viewer, draft: IncidentDraft, problems: IncidentDraftProblem[]): KnownBlock[] {
  const { m } = viewer;
  const problemText = problems.map((p) => `• ${p === 'client' ? m.incident.problem_client : m.incident.problem_title}`);
  const understood = [
    m.incident.severity_names[draft.severity],
    ...(draft.client ? [`*${truncate(draft.client, 200)}*`] : []),
    ...(draft.title ? [truncate(draft.title, 500)] : []),
    ...(draft.ownerId ? [`${m.incident.field_owner}: ${mention(draft.ownerId)}`] : []),
  ];
  const blocks: KnownBlock[] = [
    section(problemText.join('\n')),
    section(`${m.incident.understood} ${understood.join(' · ')}`),
    section(m.incident.examples.join('\n')),
  ];
  const value = JSON.stringify(draft);
  if (value.length <= SLACK_LIMITS.buttonValue) {
    blocks.push({ type: 'actions', elements: [button(m.incident.finish_in_form, INCIDENT_ACTIONS.finishInForm, value, 'primary')] });
  }
  return blocks;
}
