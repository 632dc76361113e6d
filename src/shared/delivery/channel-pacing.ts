import type { Firestore } from '@google-cloud/firestore';
import { toDate } from '../firestore/firestore.js';
import { isWriteConflict } from '../firestore/firestore-docs.js';
import { type Workspace, workspaceKey } from '../workspace/workspace.js';

/** Spaces posts to one channel across every instance: how long to wait before posting to it now. */
export interface ChannelPacer {
  reserve(workspace: Workspace, channel: string, intervalMs: number): Promise<number>;
}

/** Pacing slots outlive their use by this much, then a TTL policy on `expireAt` may drop them. */
const SLOT_TTL_MS = 24 * 3_600_000;

const MAX_ATTEMPTS = 20;
/** How late after its slot a post may still go. */
const LATE_MS = 40;

/**
 * The next free slot of each channel in Firestore (`teams/{workspace}/pacing/{channel}`), taken with an
 * optimistic write (created if absent, else updated only if nobody wrote since the read; no locks held):
 * two instances posting to one channel at the same moment get slots an interval apart. One read and one
 * write per post; with digests a channel gets a post or two a sweep, so this stays cheap. Wall time, not
 * the sweep's `now`: it paces real requests to Slack. After repeated contention it answers with one
 * interval's wait rather than give up.
 */
export class FirestoreChannelPacer implements ChannelPacer {
  constructor(
    private readonly db: Firestore,
    private readonly clock: () => number = Date.now,
  ) {}

  async reserve(workspace: Workspace, channel: string, intervalMs: number): Promise<number> {
    const ref = this.db.collection('teams').doc(workspaceKey(workspace)).collection('pacing').doc(channel.replace(/\//g, '_'));
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const snapshot = await ref.get();
      const now = this.clock();
      const slot = Math.max(now, snapshot.exists ? toDate(snapshot.get('nextAt')).getTime() : 0);
      const data = { nextAt: new Date(slot + intervalMs), expireAt: new Date(slot + SLOT_TTL_MS) };
      try {
        if (snapshot.exists) await ref.update(data, { lastUpdateTime: snapshot.updateTime! });
        else await ref.create(data);
        // The slot is a moment on the wall clock. A write that came back well after it would post late, close to
        // the next slot's owner: take a later slot instead.
        const wait = slot - this.clock();
        if (wait >= -LATE_MS) return Math.max(0, wait);
      } catch (error) {
        if (!isWriteConflict(error)) throw error;
      }
    }
    return intervalMs;
  }
}
