import { teamWeekEndingAt, weeksUpTo } from '../promises/promise-week.js';
import { type WeeklyTime, weeklyMomentAfter, weeklyMomentAtOrBefore } from '../shared/dates/weeks.js';
import { isValidTimeZone } from '../shared/dates/zoned.js';
import type { WorkspaceSettings } from '../shared/workspace/workspace-settings.js';
import type { RecapWeek } from './recap-stats.js';

/** A recap found more than this late (every instance was down) is skipped: old news. The next one comes on time. */
export const RECAP_GRACE_MS = 24 * 3_600_000;
/** Weeks on the keeping-rate chart, this one included. */
export const CHART_WEEKS = 8;

export function teamTimeZone(settings: WorkspaceSettings): string {
  return isValidTimeZone(settings.timeZone) ? settings.timeZone : 'UTC';
}

/** The recap week that ends at `end` (a recap moment): the team's week, as promise-week.ts defines it. */
export function recapWeekEndingAt(end: Date, time: WeeklyTime, timeZone: string): RecapWeek {
  return teamWeekEndingAt(end, { recap: time, timeZone });
}

/** The recap due at `now`: the latest recap moment at or before `now`, unless it is more than the grace late. */
export function dueRecapWeek(now: Date, settings: WorkspaceSettings): RecapWeek | undefined {
  const timeZone = teamTimeZone(settings);
  const moment = weeklyMomentAtOrBefore(now, settings.recap, timeZone);
  if (now.getTime() - moment.getTime() > RECAP_GRACE_MS) return undefined;
  return recapWeekEndingAt(moment, settings.recap, timeZone);
}

/** The next moment the recap job should look at this workspace. */
export function nextRecapCheck(now: Date, settings: WorkspaceSettings): Date {
  return weeklyMomentAfter(now, settings.recap, teamTimeZone(settings));
}

/** `count` consecutive recap weeks ending with `week`, oldest first (the chart's x axis). */
export function recapWeeksUpTo(week: RecapWeek, count: number, time: WeeklyTime, timeZone: string): RecapWeek[] {
  return weeksUpTo(week, count, { recap: time, timeZone });
}
