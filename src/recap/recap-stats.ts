import type { ClientWeekStats } from '../clients/client-week.js';
import { byUpvotes, type Story } from '../stories/story.js';
import type { IncidentWeekStats } from './incident-week-stats.js';

/** One recap's span: [start, end), end being the recap moment; `key` is the ISO week ("2026-W49") it is posted in. */
export interface RecapWeek {
  readonly key: string;
  readonly start: Date;
  readonly end: Date;
}

/**
 * How the week's promises turned out. Promises are bucketed by their due time in force (kept on time,
 * kept late, still open past it); renegotiations by when they were made, so an honest early one counts
 * in the week it happened even when the promise was due weeks later.
 */
export interface PromiseOutcomes {
  readonly keptOnTime: number;
  readonly keptLate: number;
  /** Renegotiated before the due time, with the client informed: the good kind. */
  readonly renegotiatedEarly: number;
  /** Renegotiated after the due time, or without telling the client. */
  readonly renegotiatedOther: number;
  /** Due in the week and still open. */
  readonly overdueOpen: number;
}

export interface PromiseWeekStats extends PromiseOutcomes {
  /** Logged in the week. */
  readonly made: number;
  /** Due in the week and cancelled (neither kept nor broken: not in the rate). */
  readonly cancelled: number;
  /** Open past their due time at the end of the week, earlier weeks' included. */
  readonly overdueOpenAll: number;
}

export interface WeekOutcomes {
  readonly week: RecapWeek;
  readonly outcomes: PromiseOutcomes;
}

export interface RecapData {
  readonly week: RecapWeek;
  readonly timeZone: string;
  /** The week's stories, most upvoted first. */
  readonly stories: readonly Story[];
  readonly promises: PromiseWeekStats;
  readonly incidents: IncidentWeekStats;
  /** The chart's weeks, oldest first, ending with this one. */
  readonly history: readonly WeekOutcomes[];
  /** Each client's week (requests answered, promises, incidents), when the clients slice is plugged in. */
  readonly clients?: ClientWeekStats | undefined;
}

export const NO_OUTCOMES: PromiseOutcomes = Object.freeze({ keptOnTime: 0, keptLate: 0, renegotiatedEarly: 0, renegotiatedOther: 0, overdueOpen: 0 });

/** Everything that came due or was renegotiated: the rate's denominator. */
export function outcomeCount(o: PromiseOutcomes): number {
  return o.keptOnTime + o.keptLate + o.renegotiatedEarly + o.renegotiatedOther + o.overdueOpen;
}

/** Kept on time + renegotiated early (client informed), over all outcomes; null when nothing came due. */
export function keepingRate(o: PromiseOutcomes): number | null {
  const all = outcomeCount(o);
  return all === 0 ? null : (o.keptOnTime + o.renegotiatedEarly) / all;
}

export function formatPercent(rate: number): string {
  return `${Math.round(rate * 100)}%`;
}

export interface RenegotiationEntry {
  readonly at: Date;
  readonly early: boolean;
  readonly clientInformed: boolean;
}

/** Counts renegotiations into the weeks they were made in: [early with the client informed, the rest] per week. */
export function bucketRenegotiations(entries: readonly RenegotiationEntry[], weeks: readonly RecapWeek[]): { early: number; other: number }[] {
  const counts = weeks.map(() => ({ early: 0, other: 0 }));
  for (const entry of entries) {
    const t = entry.at.getTime();
    const index = weeks.findIndex((w) => w.start.getTime() <= t && t < w.end.getTime());
    if (index === -1) continue;
    if (entry.early && entry.clientInformed) counts[index]!.early++;
    else counts[index]!.other++;
  }
  return counts;
}

/** Stories most upvoted first. */
export function rankStories(stories: readonly Story[]): Story[] {
  return [...stories].sort(byUpvotes);
}

/** Everyone a story featured, once each, in the order the recap shows them. */
export function featuredPeople(stories: readonly Story[]): string[] {
  return [...new Set(stories.flatMap((s) => s.featuredIds))];
}

/** Nothing to report: no story, no promise made or come due, no incident. Such a week gets a short, warm post. */
export function isQuietWeek(data: Pick<RecapData, 'stories' | 'promises' | 'incidents'>): boolean {
  const p = data.promises;
  return (
    data.stories.length === 0 && p.made === 0 && p.cancelled === 0 && outcomeCount(p) === 0 && data.incidents.opened === 0 && data.incidents.resolved === 0
  );
}

/** The median of durations (the incidents slice measures with it); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
