import type { Firestore } from '@google-cloud/firestore';
import type { KnownBlock } from '@slack/types';
import { toDate } from '../shared/firestore/firestore.js';
import { type Workspace, workspaceKey } from '../shared/workspace/workspace.js';
import type { DrawnHome, HomeDrawings } from './home-drawings.js';

/**
 * The last drawing of each person's Home in `teams/{ws}/homes/{userId}` (one read to reuse it, one write
 * per publish), so a partial refresh on any instance starts from what the person last saw. The parts are
 * one JSON string, exempt from indexing (firestore.indexes.json).
 */
export class FirestoreHomeDrawings implements HomeDrawings {
  constructor(private readonly db: Firestore) {}

  private doc(workspace: Workspace, userId: string) {
    return this.db.collection('teams').doc(workspaceKey(workspace)).collection('homes').doc(userId);
  }

  async get(workspace: Workspace, userId: string): Promise<DrawnHome | undefined> {
    const snapshot = await this.doc(workspace, userId).get();
    const parts = snapshot.get('parts');
    const shape = snapshot.get('shape');
    if (!snapshot.exists || typeof parts !== 'string' || typeof shape !== 'string') return undefined;
    try {
      return { at: toDate(snapshot.get('at')), shape, parts: new Map(JSON.parse(parts) as [string, KnownBlock[]][]) };
    } catch {
      return undefined;
    }
  }

  async save(workspace: Workspace, userId: string, drawn: DrawnHome): Promise<void> {
    await this.doc(workspace, userId).set({ at: drawn.at, shape: drawn.shape, parts: JSON.stringify([...drawn.parts]) });
  }
}
