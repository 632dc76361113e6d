import type { KnownBlock } from '@slack/types';
import { context, mention, section, truncate } from '../shared/slack/block-kit.js';
import { type KeptMetadata, keptMetadata } from '../shared/slack/message-metadata.js';
import type { Viewer } from '../shared/viewer.js';
import type { ClientIncident } from './client-incident.js';
import { silence } from './incident-alert-blocks.js';
import { incidentCardButtons, incidentHeadline } from './incident-blocks.js';
import type { CadencePolicy } from './incident-cadence.js';
import { type PlannedIncidentStep, UNACKNOWLEDGED_ALERT_MINUTES } from './incident-schedule.js';

/** One incident in a digest: the step due, the recipient's time zone and the cadences in force. */
export interface IncidentEntry {
  readonly incident: ClientIncident;
  readonly step: PlannedIncidentStep;
  readonly timeZone: string;
  readonly policy: CadencePolicy;
}

/** Incidents a digest shows with their buttons; the rest are counted, with the command that lists them. */
export const INCIDENT_DIGEST_SHOWN = 15;

/**
 * Several incidents for one recipient in one sweep: the leads' alerts (unacknowledged sev1s, clients
 * waiting twice the cadence) or the owner's cadence reminders, worst first, each with the buttons its
 * card carries (a click updates the incident's own message, so the digest stays as it is).
 */
export function buildIncidentDigest(
  viewer: Viewer,
  entries: readonly IncidentEntry[],
  audience: 'leads' | 'owner',
): { text: string; blocks: KnownBlock[]; metadata: KeptMetadata } {
  const { m } = viewer;
  const first = entries[0]!.incident;
  const firstLine = `${truncate(first.client, 80)} – ${truncate(first.title, 120)}`;
  const rest = entries.length - 1;
  const text =
    audience === 'leads' ? m.digest.incidents_leads_push(entries.length, firstLine, rest) : m.digest.incidents_owner_push(entries.length, firstLine, rest);
  const title = audience === 'leads' ? m.digest.incidents_leads_title(entries.length) : m.digest.incidents_owner_title(entries.length);
  const blocks: KnownBlock[] = [section(`*${title}*`)];
  for (const { incident, step } of entries.slice(0, INCIDENT_DIGEST_SHOWN)) {
    const fact =
      step.kind === 'unacknowledged'
        ? m.digest.incident_unacknowledged(UNACKNOWLEDGED_ALERT_MINUTES)
        : m.digest.incident_silent(mention(incident.ownerId), silence(viewer, incident));
    blocks.push({ ...section(`${incidentHeadline(viewer, incident)}\n${fact}`), block_id: `digest:${incident.id}` });
    blocks.push({ type: 'actions', block_id: `digest:${incident.id}:actions`, elements: incidentCardButtons(viewer, incident) });
  }
  const hidden = entries.length - INCIDENT_DIGEST_SHOWN;
  if (hidden > 0) blocks.push(context(m.digest.more(hidden, '`/incident list`')));
  return { text: truncate(text, 3000), blocks, metadata: keptMetadata('kept_incident_digest', { count: entries.length }) };
}
