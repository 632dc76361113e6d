import type { CollectionReference, DocumentData, Query } from '@google-cloud/firestore';
import type { ClientPromise } from './client-promise.js';
import { type TimeWindow, tallyFromCounts, utcDaysOf, type WeekTally } from './promise-week.js';

export interface StoredWeekTally {
  readonly tally: WeekTally;
  /** True when more promises were renegotiated away from a due time in the week than were read. */
  readonly truncated: boolean;
}

const count = async (query: Query) => (await query.count().get()).data().count;

/**
 * A week's tally (promise-week.ts) from Firestore without reading the week's promises: four count()
 * aggregations by the due time in force (status, outcome.onTime, dueAt: indexes in
 * firestore.indexes.json), and the few promises renegotiated away from a due time in the week, read
 * whole (`movedDueDays` array-contains-any the week's UTC days; at most `limit`) to correct them.
 * Costs 4 reads plus one per renegotiated promise, whatever the history.
 */
export async function readWeekTally(
  promises: CollectionReference,
  decode: (id: string, data: DocumentData) => ClientPromise,
  query: { week: TimeWindow; asOf: Date; limit: number },
): Promise<StoredWeekTally> {
  const { week, asOf, limit } = query;
  const dueIn = (query: Query, end = week.end) => query.where('dueAt', '>=', week.start).where('dueAt', '<', end);
  const kept = (onTime: boolean) => dueIn(promises.where('status', '==', 'kept').where('outcome.onTime', '==', onTime));
  // "Overdue" once the due time has come: dueAt <= asOf, so the range ends just after it.
  const cameUntil = new Date(Math.min(week.end.getTime(), asOf.getTime() + 1));
  const overdue = cameUntil.getTime() > week.start.getTime() ? count(dueIn(promises.where('status', '==', 'open'), cameUntil)) : Promise.resolve(0);
  const [keptOnTime, keptLate, overdueOpen, cancelled, moved] = await Promise.all([
    count(kept(true)),
    count(kept(false)),
    overdue,
    count(dueIn(promises.where('status', '==', 'cancelled'))),
    promises.where('movedDueDays', 'array-contains-any', utcDaysOf(week)).limit(limit).get(),
  ]);
  const byDueTime: WeekTally = { keptOnTime, keptLate, overdueOpen, cancelled, renegotiatedEarly: 0, renegotiatedOther: 0 };
  const renegotiated: ClientPromise[] = moved.docs.map((doc) => decode(doc.id, doc.data()));
  return { tally: tallyFromCounts(byDueTime, renegotiated, week, asOf), truncated: moved.size >= limit };
}
