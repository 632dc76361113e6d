import { type CollectionReference, type DocumentData, type DocumentReference, FieldPath, type Firestore, Timestamp } from '@google-cloud/firestore';
import { UserFacingError } from '../errors.js';
import type { Messages } from '../i18n/index.js';
import { type Workspace, workspaceFrom } from '../workspace/workspace.js';

/**
 * Firestore mechanics the stores share: optimistic read-modify-write (promises, incidents, stories),
 * and the sweep's due query and progress write (promises, incidents).
 */

type NotFoundKey = keyof Messages['errors'];

/** FAILED_PRECONDITION: somebody else wrote between our read and our write. */
const FAILED_PRECONDITION = 9;
/** ALREADY_EXISTS: `create` found the document there already (a claim taken, an id in use). */
export const ALREADY_EXISTS = 6;

export function isAlreadyExists(error: unknown): boolean {
  return (error as { code?: number } | undefined)?.code === ALREADY_EXISTS;
}

/** Runs a create (one document, or a transaction of creates): false, with nothing written, when one existed already. */
export async function createUnlessExists(create: () => Promise<unknown>): Promise<boolean> {
  try {
    await create();
    return true;
  } catch (error) {
    if (isAlreadyExists(error)) return false;
    throw error;
  }
}

/** Somebody else wrote the document between our read and our write (or created it first). */
export function isWriteConflict(error: unknown): boolean {
  const code = (error as { code?: number } | undefined)?.code;
  return code === FAILED_PRECONDITION || code === ALREADY_EXISTS;
}
const NOT_FOUND = 5;
const DEFAULT_WRITE_ATTEMPTS = 5;

/** Ids arrive from button values and modal metadata, so check them before use. */
export function isValidDocId(id: string): boolean {
  return /^[A-Za-z0-9_-]{1,64}$/.test(id);
}

/**
 * Optimistic read-modify-write: the write lands only if nobody wrote since the read (`lastUpdateTime`
 * precondition), otherwise it reads again. No locks are held, so a double click costs one extra read
 * instead of a lock wait. `change` may run more than once; returning `before` itself writes nothing.
 */
export async function updateOptimistically<T>(
  collection: CollectionReference,
  id: string,
  notFound: NotFoundKey,
  codec: { read: (id: string, data: DocumentData) => T; write: (value: T) => DocumentData },
  change: (current: T) => T,
  maxAttempts = DEFAULT_WRITE_ATTEMPTS,
): Promise<{ before: T; after: T }> {
  if (!isValidDocId(id)) throw new UserFacingError(notFound);
  const ref = collection.doc(id);
  for (let attempt = 1; ; attempt++) {
    const snapshot = await ref.get();
    if (!snapshot.exists) throw new UserFacingError(notFound);
    const before = codec.read(snapshot.id, snapshot.data()!);
    const after = change(before);
    if (after === before) return { before, after };
    try {
      await ref.update(codec.write(after), { lastUpdateTime: snapshot.updateTime! });
      return { before, after };
    } catch (error) {
      if ((error as { code?: number }).code !== FAILED_PRECONDITION || attempt >= maxAttempts) throw error;
    }
  }
}

/** A document the sweep found due: its workspace, its id, its data and the version its progress write must match. */
export interface DueDoc {
  readonly workspace: Workspace;
  readonly id: string;
  readonly data: DocumentData;
  readonly version: string;
}

/**
 * One page of the documents of a collection group (in every workspace) whose `nextStepAt` has come,
 * oldest first: one indexed range query (a collection-group index on `nextStepAt`).
 */
export async function findDueDocs(
  db: Firestore,
  group: string,
  now: Date,
  limit: number,
  after?: { ref: DocumentReference; nextStepAt: Date | null },
): Promise<DueDoc[]> {
  let query = db.collectionGroup(group).where('nextStepAt', '<=', now).orderBy('nextStepAt').orderBy(FieldPath.documentId());
  if (after) query = query.startAfter(after.nextStepAt, after.ref.path);
  const snapshot = await query.limit(limit).get();
  return snapshot.docs.map((doc) => {
    const data = doc.data();
    const workspace = workspaceFrom(data.teamId, data.enterpriseId) ?? { teamId: doc.ref.parent.parent!.id };
    return { workspace, id: doc.id, data, version: `${doc.updateTime.seconds}:${doc.updateTime.nanoseconds}` };
  });
}

/** Records sweep progress unless the document changed since it was read; false when it did (or is gone). */
export async function saveScheduleIfUnchanged(
  collection: CollectionReference,
  id: string,
  version: string,
  stepsDone: readonly string[],
  nextStepAt: Date | null,
): Promise<boolean> {
  const [seconds = '0', nanos = '0'] = version.split(':');
  try {
    await collection.doc(id).update({ stepsDone: [...stepsDone], nextStepAt }, { lastUpdateTime: new Timestamp(Number(seconds), Number(nanos)) });
    return true;
  } catch (error) {
    const code = (error as { code?: number }).code;
    if (code === FAILED_PRECONDITION || code === NOT_FOUND) return false;
    throw error;
  }
}
