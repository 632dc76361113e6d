import { DocumentReference, type Firestore, Query, WriteBatch } from '@google-cloud/firestore';

/**
 * Counts Firestore reads and writes the way Firestore bills them: a document get is one read, a
 * query reads the documents it returns (at least one, even when empty), an aggregation such as
 * count() one read per up to 1000 index entries (at least one); every document written is one write.
 * Patches the client's prototypes, so it sees every call the app makes; benches only.
 */
export interface FirestoreCounts {
  reads: number;
  writes: number;
}

export const counts: FirestoreCounts = { reads: 0, writes: 0 };

export function resetCounts(): FirestoreCounts {
  const snapshot = { ...counts };
  counts.reads = 0;
  counts.writes = 0;
  return snapshot;
}

let installed = false;

export function installFirestoreCounter(db: Firestore): void {
  if (installed) return;
  installed = true;
  const docGet = DocumentReference.prototype.get;
  DocumentReference.prototype.get = async function (this: DocumentReference) {
    counts.reads += 1;
    return docGet.call(this);
  } as typeof docGet;

  const queryGet = Query.prototype.get;
  Query.prototype.get = async function (this: Query) {
    const snapshot = await queryGet.call(this);
    counts.reads += Math.max(1, snapshot.size);
    return snapshot;
  } as typeof queryGet;

  // AggregateQuery is not exported; reach its prototype through an instance.
  const aggregateProto = Object.getPrototypeOf(db.collection('_').count()) as { get: (...args: unknown[]) => Promise<{ data(): Record<string, number> }> };
  const aggregateGet = aggregateProto.get;
  aggregateProto.get = async function (this: unknown, ...args: unknown[]) {
    const snapshot = await aggregateGet.apply(this, args);
    const total = Object.values(snapshot.data()).reduce((n, v) => n + (typeof v === 'number' ? v : 0), 0);
    counts.reads += Math.max(1, Math.ceil(total / 1000));
    return snapshot;
  };

  const commit = WriteBatch.prototype.commit;
  WriteBatch.prototype.commit = async function (this: WriteBatch & { _opCount: number }) {
    counts.writes += this._opCount;
    return commit.call(this);
  } as typeof commit;
}
