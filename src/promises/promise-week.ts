// The one definition of Kept's weekly numbers: what "the week" is, which promises came due in it,
// how each one did (once per week, by its final outcome there) and the on-time rate. The recap, the
// App Home, the chart and `/incident stats` (for its week) all count through this module.
import { isoWeekKey, isoWeekOf, type WeeklyTime, weeklyMomentAfter, weeklyMomentAtOrBefore } from '../shared/dates/weeks.js';
import type { ClientPromise } from './client-promise.js';

export interface TimeWindow {
  readonly start: Date;
  /** Exclusive. */
  readonly end: Date;
}

/**
 * The team's week: from one recap moment to the next (by default Friday 15:00 to Friday 15:00 on the
 * team's wall clock, so 167–169 h across DST). Everything that happens belongs to exactly one week,
 * and the recap reports the week that ends as it is posted, so the Home's "this week" at 14:59 on
 * Friday is what the recap says at 15:00. Named by the ISO week (team time) its recap is posted in.
 */
export interface TeamWeek extends TimeWindow {
  /** e.g. "2026-W49": the ISO week its end falls in; also the recap's once-only delivery id. */
  readonly key: string;
}

/** Where a workspace's weeks start and end: its recap weekday and time, in its time zone. */
export interface WeekCalendar {
  readonly recap: WeeklyTime;
  readonly timeZone: string;
}

/** The week that ends at `end` (a recap moment). */
export function teamWeekEndingAt(end: Date, calendar: WeekCalendar): TeamWeek {
  const start = weeklyMomentAtOrBefore(new Date(end.getTime() - 1), calendar.recap, calendar.timeZone);
  return { key: isoWeekKey(isoWeekOf(end, calendar.timeZone)), start, end };
}

/** The week `now` falls in: since the last recap moment, up to the next one. */
export function teamWeekAt(now: Date, calendar: WeekCalendar): TeamWeek {
  return teamWeekEndingAt(weeklyMomentAfter(now, calendar.recap, calendar.timeZone), calendar);
}

/** `count` consecutive weeks ending with `week`, oldest first (the chart's x axis). */
export function weeksUpTo(week: TeamWeek, count: number, calendar: WeekCalendar): TeamWeek[] {
  const weeks = [week];
  while (weeks.length < count) weeks.unshift(teamWeekEndingAt(weeks[0]!.start, calendar));
  return weeks;
}

/**
 * How a promise did in a week, once, by its final outcome there. A promise belongs to a week when a
 * due time it had falls in it: its due time in force, or one it was renegotiated away from (a
 * renegotiation belongs to the week of the due time it moved, not the day it was asked for).
 * - `renegotiated_other`: a due time in the week was moved late (after it had passed) or without
 *   telling the client; that outcome stands whatever happened after;
 * - otherwise, with its due time in force in the week: `kept_on_time`, `kept_late`, `cancelled`,
 *   `overdue_open` once that due time has come (at `asOf`), or `pending` before;
 * - otherwise, moved away early with the client informed: `renegotiated_early`;
 * - `none`: nothing was due in the week.
 * A promise renegotiated early and then kept in the same week counts once, as kept.
 */
export type WeekOutcome = 'kept_on_time' | 'kept_late' | 'renegotiated_early' | 'renegotiated_other' | 'overdue_open' | 'cancelled' | 'pending' | 'none';

/** The outcomes that "came due" and make up the on-time rate's denominator. */
export const CAME_DUE: readonly WeekOutcome[] = ['kept_on_time', 'renegotiated_early', 'kept_late', 'renegotiated_other', 'overdue_open'];
/** The good ones: kept on time, or renegotiated early with the client informed. */
export const ON_TIME: readonly WeekOutcome[] = ['kept_on_time', 'renegotiated_early'];

const within = (instant: Date, window: TimeWindow) => instant.getTime() >= window.start.getTime() && instant.getTime() < window.end.getTime();

/** Renegotiations that moved a due time falling in the week. */
export function renegotiationsFrom(promise: ClientPromise, week: TimeWindow) {
  return promise.renegotiations.filter((r) => within(r.previousDueAt, week));
}

/** The outcome by the due time in force alone (what the stored status and due time say); `none` when it is not in the week. */
export function dueTimeOutcome(promise: ClientPromise, week: TimeWindow, asOf: Date): WeekOutcome {
  if (!within(promise.dueAt, week)) return 'none';
  const outcome = promise.outcome;
  if (outcome?.kind === 'cancelled') return 'cancelled';
  if (outcome?.kind === 'kept') return outcome.onTime ? 'kept_on_time' : 'kept_late';
  return promise.dueAt.getTime() <= asOf.getTime() ? 'overdue_open' : 'pending';
}

/** See WeekOutcome. `asOf`: now for the week under way, the week's end for a finished one. */
export function weekOutcome(promise: ClientPromise, week: TimeWindow, asOf: Date): WeekOutcome {
  const moved = renegotiationsFrom(promise, week);
  if (moved.some((r) => !r.early || !r.clientInformed)) return 'renegotiated_other';
  const byDueTime = dueTimeOutcome(promise, week, asOf);
  if (byDueTime !== 'none') return byDueTime;
  return moved.length > 0 ? 'renegotiated_early' : 'none';
}

/** A week's promises, each counted once in one of these. */
export interface WeekTally {
  readonly keptOnTime: number;
  /** Renegotiated before the due time, with the client informed: the good kind. */
  readonly renegotiatedEarly: number;
  readonly keptLate: number;
  /** Renegotiated after the due time, or without telling the client. */
  readonly renegotiatedOther: number;
  /** Due in the week, that due time has come, and still open. */
  readonly overdueOpen: number;
  /** Due in the week and cancelled: neither kept nor broken, so not in the rate. */
  readonly cancelled: number;
}

export const EMPTY_TALLY: WeekTally = Object.freeze({ keptOnTime: 0, renegotiatedEarly: 0, keptLate: 0, renegotiatedOther: 0, overdueOpen: 0, cancelled: 0 });

const FIELD: Partial<Record<WeekOutcome, keyof WeekTally>> = {
  kept_on_time: 'keptOnTime',
  renegotiated_early: 'renegotiatedEarly',
  kept_late: 'keptLate',
  renegotiated_other: 'renegotiatedOther',
  overdue_open: 'overdueOpen',
  cancelled: 'cancelled',
};

function add(tally: WeekTally, outcome: WeekOutcome, by: number): WeekTally {
  const field = FIELD[outcome];
  return field ? { ...tally, [field]: tally[field] + by } : tally;
}

/** The tally from whole promises (each id once): the reference the count-based tally must equal. */
export function tallyWeek(promises: readonly ClientPromise[], week: TimeWindow, asOf: Date): WeekTally {
  const unique = new Map(promises.map((p) => [p.id, p]));
  let tally = EMPTY_TALLY;
  for (const promise of unique.values()) tally = add(tally, weekOutcome(promise, week, asOf), 1);
  return tally;
}

/**
 * The tally from counts by due time in force (what a count() query can see: status, onTime and
 * `dueAt` in the week), corrected by the promises renegotiated away from a due time in the week,
 * read whole: for each of those, its count by due time is replaced by its week outcome. Equal to
 * tallyWeek over every promise when `renegotiated` holds all of them (extras are ignored).
 */
export function tallyFromCounts(byDueTime: WeekTally, renegotiated: readonly ClientPromise[], week: TimeWindow, asOf: Date): WeekTally {
  let tally = byDueTime;
  const seen = new Set<string>();
  for (const promise of renegotiated) {
    if (seen.has(promise.id) || renegotiationsFrom(promise, week).length === 0) continue;
    seen.add(promise.id);
    const counted = dueTimeOutcome(promise, week, asOf);
    const actual = weekOutcome(promise, week, asOf);
    if (counted !== actual) tally = add(add(tally, counted, -1), actual, 1);
  }
  return tally;
}

/** How many came due: every counted outcome but cancelled. */
export function cameDue(tally: WeekTally): number {
  return tally.keptOnTime + tally.renegotiatedEarly + tally.keptLate + tally.renegotiatedOther + tally.overdueOpen;
}

export interface OnTimeRate {
  /** Kept on time + renegotiated early with the client informed. */
  readonly good: number;
  /** Every promise that came due in the week (see cameDue). */
  readonly due: number;
  /** good / due, or null when nothing came due. */
  readonly rate: number | null;
}

/** The on-time rate ("terminowość"): kept on time or renegotiated early with the client informed, over all that came due. */
export function rateOf(tally: WeekTally): OnTimeRate {
  const good = tally.keptOnTime + tally.renegotiatedEarly;
  const due = cameDue(tally);
  return { good, due, rate: due === 0 ? null : good / due };
}

/** The on-time rate of a week, from whole promises (each id once). */
export function onTimeRate(promises: readonly ClientPromise[], week: TimeWindow, asOf: Date): OnTimeRate {
  return rateOf(tallyWeek(promises, week, asOf));
}

/** The UTC calendar days (days since 1970-01-01) a window touches: what `movedDueDays` is searched by. */
export function utcDaysOf(window: TimeWindow): number[] {
  const first = Math.floor(window.start.getTime() / 86_400_000);
  const last = Math.floor((window.end.getTime() - 1) / 86_400_000);
  const days: number[] = [];
  for (let day = first; day <= last; day++) days.push(day);
  return days;
}

/** The UTC days of the due times a promise was renegotiated away from (stored, so a week finds them). */
export function movedDueDays(promise: ClientPromise): number[] {
  return [...new Set(promise.renegotiations.map((r) => Math.floor(r.previousDueAt.getTime() / 86_400_000)))];
}
