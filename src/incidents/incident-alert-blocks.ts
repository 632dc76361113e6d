import { formatDuration } from '../shared/dates/format.js';
import { mention, truncate } from '../shared/slack/block-kit.js';
import { formatAt, type Viewer } from '../shared/viewer.js';
import type { ClientIncident, TimelineEntry } from './client-incident.js';
import { buildIncidentCard, cadenceText, incidentName, type SlackMessage } from './incident-blocks.js';
import { type CadencePolicy, cadenceClockStart, nextClientUpdateDue } from './incident-cadence.js';
import { UNACKNOWLEDGED_ALERT_MINUTES } from './incident-schedule.js';

/** "2 h 5 min": how long the client has waited, for a digest line. */
export const silence = (viewer: Viewer, incident: ClientIncident) => formatDuration(silenceMs(viewer, incident), viewer.m.locale);
const silenceMs = (viewer: Viewer, incident: ClientIncident) => Math.max(0, viewer.now.getTime() - cadenceClockStart(incident).getTime());

/** To the owner: the client has not heard from us for longer than the cadence. */
export function buildCadenceReminder(viewer: Viewer, incident: ClientIncident, policy: CadencePolicy): SlackMessage {
  const { m } = viewer;
  const title = m.incident.remind_title(silenceMs(viewer, incident), cadenceText(viewer, policy, incident.severity));
  const text = m.incident.remind_text(incidentName(viewer, incident), silenceMs(viewer, incident));
  return buildIncidentCard(viewer, incident, policy, title, m.incident.remind_hint, text);
}

/** To the leads: twice the cadence without a word to the client. */
export function buildCadenceAlert(viewer: Viewer, incident: ClientIncident, policy: CadencePolicy): SlackMessage {
  const title = viewer.m.incident.alert_title(mention(incident.ownerId), silenceMs(viewer, incident));
  const text = viewer.m.incident.alert_text(incidentName(viewer, incident), mention(incident.ownerId), silenceMs(viewer, incident));
  return buildIncidentCard(viewer, incident, policy, title, undefined, text);
}

/** To the leads: a sev1 nobody acknowledged in 15 minutes. */
export function buildUnacknowledgedAlert(viewer: Viewer, incident: ClientIncident, policy: CadencePolicy): SlackMessage {
  const { m } = viewer;
  const text = m.incident.unacknowledged_text(incidentName(viewer, incident), UNACKNOWLEDGED_ALERT_MINUTES);
  return buildIncidentCard(viewer, incident, policy, m.incident.unacknowledged_title(UNACKNOWLEDGED_ALERT_MINUTES), undefined, text);
}

/** The thread reply for one timeline entry (the opening is the message itself). */
export function threadText(viewer: Viewer, incident: ClientIncident, entry: TimelineEntry, policy: CadencePolicy): string | undefined {
  const { m } = viewer;
  const by = mention(entry.by);
  switch (entry.kind) {
    case 'opened':
      return undefined;
    case 'acknowledged':
      return m.incident.thread_acknowledged(by);
    case 'update':
      return m.incident.thread_update(by, truncate(entry.text, 2900), entry.clientTold);
    case 'client_updated': {
      const due = nextClientUpdateDue(incident, policy);
      return m.incident.thread_client_updated(by, due ? formatAt(viewer, due) : '—');
    }
    case 'reassigned':
      return m.incident.thread_reassigned(by, mention(entry.to));
    case 'resolved':
      return m.incident.thread_resolved(by, truncate(entry.note, 2000), entry.clientConfirmed);
    case 'reopened':
      return m.incident.thread_reopened(by);
  }
}
