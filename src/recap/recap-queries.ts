import type { Firestore, Query } from '@google-cloud/firestore';
import { fromStored } from '../promises/promise-store.js';
import { readWeekTally } from '../promises/promise-week-store.js';
import { type Workspace, workspaceKey } from '../shared/workspace/workspace.js';
import type { Story } from '../stories/story.js';
import { storyFromStored } from '../stories/story-store.js';
import { type PromiseWeekStats, RECAP_RENEGOTIATED_READ, type RecapWeek, type WeekOutcomes } from './recap-stats.js';

/** The reads the recap makes: every one bounded to its weeks, counts by aggregation where a count is all it needs. */
export interface RecapQueries {
  /** The week's stories (unordered). */
  stories(workspace: Workspace, week: RecapWeek): Promise<Story[]>;
  /** Promise outcomes for each week, oldest first (the chart), and this week's made / overdue counts. */
  promises(workspace: Workspace, weeks: readonly RecapWeek[]): Promise<{ history: WeekOutcomes[]; week: PromiseWeekStats }>;
}

/**
 * Firestore reads, all within `teams/{ws}`. Each week's outcomes come from promise-week-store.ts (count()
 * by due time in force, plus the week's renegotiated promises), judged as of the week's end: the same
 * tally the Home shows for the week under way. Ranges on a single field (createdAt; stories' createdAt)
 * use Firestore's automatic single-field indexes.
 */
export class FirestoreRecapQueries implements RecapQueries {
  constructor(private readonly db: Firestore) {}

  private team(workspace: Workspace) {
    return this.db.collection('teams').doc(workspaceKey(workspace));
  }

  async stories(workspace: Workspace, week: RecapWeek): Promise<Story[]> {
    const snapshot = await this.team(workspace).collection('stories').where('createdAt', '>=', week.start).where('createdAt', '<', week.end).get();
    return snapshot.docs.map((doc) => storyFromStored(doc.id, doc.data()));
  }

  async promises(workspace: Workspace, weeks: readonly RecapWeek[]): Promise<{ history: WeekOutcomes[]; week: PromiseWeekStats }> {
    const promises = this.team(workspace).collection('promises');
    const count = async (query: Query) => (await query.count().get()).data().count;
    const current = weeks.at(-1)!;
    const [tallies, made, overdueOpenAll] = await Promise.all([
      Promise.all(weeks.map((week) => readWeekTally(promises, fromStored, { week, asOf: week.end, limit: RECAP_RENEGOTIATED_READ }))),
      count(promises.where('createdAt', '>=', current.start).where('createdAt', '<', current.end)),
      count(promises.where('status', '==', 'open').where('dueAt', '<', current.end)),
    ]);
    const history = weeks.map((week, i) => ({ week, outcomes: tallies[i]!.tally }));
    const partial = tallies.at(-1)!.truncated;
    return { history, week: { ...history.at(-1)!.outcomes, made, overdueOpenAll, ...(partial ? { partial } : {}) } };
  }
}
