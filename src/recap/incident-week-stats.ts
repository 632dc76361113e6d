import type { Workspace } from '../shared/workspace/workspace.js';

/**
 * What the recap needs to know about a week's incidents. The incidents slice provides it (plugged in
 * at the composition root); until then the recap shows "no incidents this week".
 */
export interface IncidentWeekStats {
  /** Incidents opened in the week. */
  readonly opened: number;
  /** Incidents resolved in the week. */
  readonly resolved: number;
  /** Median time from opening to acknowledgement, of incidents acknowledged in the week; null when none. */
  readonly medianAckMs: number | null;
  /** Median time from opening to resolution, of incidents resolved in the week; null when none. */
  readonly medianResolveMs: number | null;
  /** Share (0..1) of client updates due in the week that went out within the severity's cadence; null when none were due. */
  readonly cadenceKept: number | null;
}

/** Week bounds are [weekStart, weekEnd): instants, already in the team's time zone sense. */
export type IncidentWeekStatsProvider = (workspace: Workspace, weekStart: Date, weekEnd: Date) => Promise<IncidentWeekStats>;

export const NO_INCIDENTS: IncidentWeekStats = Object.freeze({ opened: 0, resolved: 0, medianAckMs: null, medianResolveMs: null, cadenceKept: null });

/** The provider until /incident lands: nothing to report. */
export const noIncidentStats: IncidentWeekStatsProvider = async () => NO_INCIDENTS;
