import type { ClientWeekStats } from '../clients/client-week.js';
import { cameDue, EMPTY_TALLY, rateOf, type TeamWeek, type WeekTally } from '../promises/promise-week.js';
import { byUpvotes, type Story } from '../stories/story.js';
import type { IncidentWeekStats } from './incident-week-stats.js';

/** One recap's span: the team's week (promise-week.ts) that ends as the recap is posted. */
export type RecapWeek = TeamWeek;

/** How the week's promises turned out, each counted once (promise-week.ts says how). */
export type PromiseOutcomes = WeekTally;

export interface PromiseWeekStats extends PromiseOutcomes {
  /** Logged in the week. */
  readonly made: number;
  /** Open past their due time at the end of the week, earlier weeks' included. */
  readonly overdueOpenAll: number;
  /** True when the week had more renegotiated promises than the recap reads, so the counts may be short. */
  readonly partial?: boolean;
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

/** The most promises renegotiated away from one week's due times that the recap reads whole (the rest are counted by due time). */
export const RECAP_RENEGOTIATED_READ = 500;

export const NO_OUTCOMES: PromiseOutcomes = EMPTY_TALLY;

/** Everything that came due (renegotiated early included): the rate's denominator. */
export function outcomeCount(o: PromiseOutcomes): number {
  return cameDue(o);
}

/** Kept on time + renegotiated early (client informed), over all that came due; null when nothing came due. */
export function keepingRate(o: PromiseOutcomes): number | null {
  return rateOf(o).rate;
}

export function formatPercent(rate: number): string {
  return `${Math.round(rate * 100)}%`;
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
    data.stories.length === 0 &&
    p.made === 0 &&
    p.cancelled === 0 &&
    outcomeCount(p) === 0 &&
    data.incidents.opened === 0 &&
    data.incidents.resolved === 0 &&
    data.incidents.unacknowledged.length === 0
  );
}

/** The median of durations (the incidents slice measures with it); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
