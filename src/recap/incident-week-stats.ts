import type { IncidentStats } from '../incidents/incident-metrics.js';
import type { Workspace } from '../shared/workspace/workspace.js';

/**
 * What the recap shows of a week's incidents: the incidents slice's own stats over the week (the same
 * figures, words and explanations as `/incident stats`), plugged in at the composition root.
 */
export type IncidentWeekStats = IncidentStats;

/** Week bounds are [weekStart, weekEnd): instants, already in the team's time zone sense. */
export type IncidentWeekStatsProvider = (workspace: Workspace, weekStart: Date, weekEnd: Date) => Promise<IncidentWeekStats>;

export const NO_INCIDENTS: IncidentWeekStats = Object.freeze({
  opened: 0,
  resolved: 0,
  open: 0,
  unacknowledged: [],
  acknowledged: 0,
  updatesSent: 0,
  updatesDue: 0,
});

/** The provider for a recap without incidents: nothing to report. */
export const noIncidentStats: IncidentWeekStatsProvider = async () => NO_INCIDENTS;
