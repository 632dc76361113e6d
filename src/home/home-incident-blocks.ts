import type { KnownBlock } from '@slack/types';
import { byUrgency } from '../incidents/client-incident.js';
import { incidentCardButtons } from '../incidents/incident-blocks.js';
import type { CadencePolicy } from '../incidents/incident-cadence.js';
import { incidentListText } from '../incidents/incident-report-blocks.js';
import type { IncidentPage } from '../incidents/incident-store.js';
import { context, plain, section } from '../shared/slack/block-kit.js';
import type { Viewer } from '../shared/viewer.js';

/** Blocks a "my incidents" part needs besides its items: a title and the "more" line. */
const MY_FIXED_BLOCKS = 2;
const BLOCKS_PER_ITEM = 2;

/** How many incidents fit a "my incidents" part of `maxBlocks`. */
export function myIncidentsCapacity(maxBlocks: number): number {
  return Math.max(0, Math.floor((maxBlocks - MY_FIXED_BLOCKS) / BLOCKS_PER_ITEM));
}

/**
 * The incidents I own that are not resolved, worst first: status, age, when the client last heard from us
 * (as `/incident list` shows them), each with the buttons of its DM card; past the cap, a count and the command.
 */
export function buildMyIncidents(viewer: Viewer, page: IncidentPage, policy: CadencePolicy, maxBlocks: number): KnownBlock[] {
  const { m } = viewer;
  const header: KnownBlock = { type: 'header', text: plain(m.home.incidents_title(page.total), 150) };
  if (page.incidents.length === 0) return [header, context(m.home.incidents_empty)];
  const shown = [...page.incidents].sort(byUrgency).slice(0, myIncidentsCapacity(maxBlocks));
  const blocks: KnownBlock[] = [header];
  for (const incident of shown) {
    blocks.push(section(incidentListText(viewer, incident, policy, false)));
    blocks.push({ type: 'actions', block_id: `home-incident:${incident.id}`, elements: incidentCardButtons(viewer, incident) });
  }
  const more = page.total - shown.length;
  if (more > 0) blocks.push(context(m.home.incidents_more(more, m.home.incident_list_command)));
  return blocks;
}

/** Blocks of the team's incidents besides one per incident: its title and the "more" line. */
const TEAM_FIXED_BLOCKS = 2;

/** How many incidents fit the team's incidents part of `maxBlocks`. */
export function teamIncidentsCapacity(maxBlocks: number): number {
  return Math.max(0, maxBlocks - TEAM_FIXED_BLOCKS);
}

/** Every unresolved incident of the team, worst first, with its owner and age; capped with a count and the command. */
export function buildTeamIncidents(viewer: Viewer, page: IncidentPage, policy: CadencePolicy, maxBlocks: number): KnownBlock[] {
  const { m } = viewer;
  if (page.total === 0) return [section(`${m.home.team_incidents_title(0)}\n${m.home.team_incidents_none}`)];
  const shown = [...page.incidents].sort(byUrgency).slice(0, teamIncidentsCapacity(maxBlocks));
  const blocks: KnownBlock[] = [section(m.home.team_incidents_title(page.total))];
  for (const incident of shown) blocks.push(section(incidentListText(viewer, incident, policy)));
  const more = page.total - shown.length;
  if (more > 0) blocks.push(context(m.home.team_incidents_more(more, m.home.incident_list_command)));
  return blocks;
}
