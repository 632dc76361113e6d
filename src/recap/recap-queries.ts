import type { Firestore, Query } from '@google-cloud/firestore';
import { toDate } from '../shared/firestore/firestore.js';
import { type Workspace, workspaceKey } from '../shared/workspace/workspace.js';
import type { Story } from '../stories/story.js';
import { storyFromStored } from '../stories/story-store.js';
import { bucketRenegotiations, type PromiseWeekStats, type RecapWeek, type RenegotiationEntry, type WeekOutcomes } from './recap-stats.js';

/** The reads the recap makes: every one bounded to its weeks, counts by aggregation where a count is all it needs. */
export interface RecapQueries {
  /** The week's stories (unordered). */
  stories(workspace: Workspace, week: RecapWeek): Promise<Story[]>;
  /** Promise outcomes for each week, oldest first (the chart), and this week's made / cancelled / overdue counts. */
  promises(workspace: Workspace, weeks: readonly RecapWeek[]): Promise<{ history: WeekOutcomes[]; week: PromiseWeekStats }>;
}

/**
 * Firestore reads, all within `teams/{ws}`. Composite indexes (firestore.indexes.json):
 * promises (status, outcome.onTime, dueAt) and (status, dueAt). Ranges on a single field
 * (createdAt, lastRenegotiatedAt; stories' createdAt) use Firestore's automatic single-field indexes.
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
    const dueIn = (query: Query, week: RecapWeek) => query.where('dueAt', '>=', week.start).where('dueAt', '<', week.end);
    const kept = (onTime: boolean) => promises.where('status', '==', 'kept').where('outcome.onTime', '==', onTime);
    const open = promises.where('status', '==', 'open');
    const current = weeks.at(-1)!;

    const [perWeek, renegotiated, made, cancelled, overdueOpenAll] = await Promise.all([
      Promise.all(weeks.map((week) => Promise.all([count(dueIn(kept(true), week)), count(dueIn(kept(false), week)), count(dueIn(open, week))]))),
      this.renegotiationsSince(workspace, weeks[0]!.start),
      count(promises.where('createdAt', '>=', current.start).where('createdAt', '<', current.end)),
      count(dueIn(promises.where('status', '==', 'cancelled'), current)),
      count(open.where('dueAt', '<', current.end)),
    ]);
    const renegotiations = bucketRenegotiations(renegotiated, weeks);
    const history = weeks.map((week, i) => {
      const [keptOnTime = 0, keptLate = 0, overdueOpen = 0] = perWeek[i]!;
      const { early, other } = renegotiations[i]!;
      return { week, outcomes: { keptOnTime, keptLate, overdueOpen, renegotiatedEarly: early, renegotiatedOther: other } };
    });
    return { history, week: { ...history.at(-1)!.outcomes, made, cancelled, overdueOpenAll } };
  }

  /**
   * Every renegotiation made since `since`: only promises renegotiated since then are read (a range on
   * `lastRenegotiatedAt`), and only their renegotiation history is fetched.
   */
  private async renegotiationsSince(workspace: Workspace, since: Date): Promise<RenegotiationEntry[]> {
    const snapshot = await this.team(workspace).collection('promises').where('lastRenegotiatedAt', '>=', since).select('renegotiations').get();
    return snapshot.docs.flatMap((doc) =>
      ((doc.get('renegotiations') ?? []) as { at: unknown; early?: unknown; clientInformed?: unknown }[]).map((r) => ({
        at: toDate(r.at),
        early: Boolean(r.early),
        clientInformed: Boolean(r.clientInformed),
      })),
    );
  }
}
