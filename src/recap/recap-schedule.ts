import { isoWeekKey, isoWeekOf, type WeeklyTime, weeklyMomentAfter, weeklyMomentAtOrBefore } from '../shared/dates/weeks.js';
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

/**
 * The recap week that ends at `end` (a recap moment): from the previous recap moment up to this one,
 * both at the configured weekday and time on the team's wall clock (so 167–169 h across DST).
 * Everything from one recap to the next is in exactly one recap; the week is named by the ISO week
 * (team time) its recap is posted in, which is also its once-only delivery id.
 */
export function recapWeekEndingAt(end: Date, time: WeeklyTime, timeZone: string): RecapWeek {
  const start = weeklyMomentAtOrBefore(new Date(end.getTime() - 1), time, timeZone);
  return { key: isoWeekKey(isoWeekOf(end, timeZone)), start, end };
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
  const weeks = [week];
  while (weeks.length < count) weeks.unshift(recapWeekEndingAt(weeks[0]!.start, time, timeZone));
  return weeks;
}
