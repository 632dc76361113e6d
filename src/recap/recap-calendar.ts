import { FieldPath, type Firestore, Timestamp } from '@google-cloud/firestore';
import { toDate } from '../shared/firestore/firestore.js';
import { type Workspace, workspaceFrom } from '../shared/workspace/workspace.js';

/** A workspace whose recap the job should look at now, with the version its `recapNextAt` update must match. */
export interface DueRecap {
  readonly workspace: Workspace;
  /** `recapNextAt` as found (the page cursor). */
  readonly at: Date;
  readonly version: string;
}

/**
 * When each workspace's recap is next looked at: `recapNextAt` on `teams/{ws}`, which settings
 * saves plan and the recap job moves on. The job finds due workspaces with one range query on it
 * (Firestore's automatic single-field index), never by scanning every workspace.
 */
export interface RecapCalendar {
  findDue(now: Date, limit: number, after?: DueRecap): Promise<DueRecap[]>;
  /** Moves `recapNextAt` on, unless the document changed since it was found (a settings save): false then. */
  reschedule(due: DueRecap, next: Date | null): Promise<boolean>;
}

export class FirestoreRecapCalendar implements RecapCalendar {
  constructor(private readonly db: Firestore) {}

  async findDue(now: Date, limit: number, after?: DueRecap): Promise<DueRecap[]> {
    let query = this.db.collection('teams').where('recapNextAt', '<=', now).orderBy('recapNextAt').orderBy(FieldPath.documentId());
    if (after) query = query.startAfter(after.at, after.workspace.teamId);
    const snapshot = await query.limit(limit).get();
    return snapshot.docs.map((doc) => ({
      workspace: workspaceFrom(doc.id, doc.get('enterpriseId')) ?? { teamId: doc.id },
      at: toDate(doc.get('recapNextAt')),
      version: `${doc.updateTime.seconds}:${doc.updateTime.nanoseconds}`,
    }));
  }

  async reschedule(due: DueRecap, next: Date | null): Promise<boolean> {
    const [seconds = '0', nanos = '0'] = due.version.split(':');
    try {
      await this.db
        .collection('teams')
        .doc(due.workspace.teamId)
        .update({ recapNextAt: next }, { lastUpdateTime: new Timestamp(Number(seconds), Number(nanos)) });
      return true;
    } catch (error) {
      const code = (error as { code?: number }).code;
      if (code === 9 || code === 5) return false;
      throw error;
    }
  }
}
