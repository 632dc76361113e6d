import { Firestore, Timestamp } from '@google-cloud/firestore';

export function createFirestore(projectId: string, emulatorHost?: string): Firestore {
  if (emulatorHost) process.env.FIRESTORE_EMULATOR_HOST = emulatorHost;
  const usingEmulator = Boolean(process.env.FIRESTORE_EMULATOR_HOST);
  return new Firestore({
    projectId,
    ignoreUndefinedProperties: true,
    // The emulator ignores credentials; placeholder ones stop the client probing for a cloud
    // metadata server first (a second of start-up and a warning on every machine off Google Cloud).
    ...(usingEmulator ? { credentials: { client_email: 'emulator@kept.local', private_key: 'unused' } } : {}),
  });
}

/** Timestamps stop at the store boundary: domain code sees Date only. */
export function toDate(value: unknown): Date {
  if (value instanceof Timestamp) return value.toDate();
  if (value instanceof Date) return value;
  throw new TypeError('expected a Firestore Timestamp');
}

export function toOptionalDate(value: unknown): Date | undefined {
  return value === undefined || value === null ? undefined : toDate(value);
}

/** Cheap liveness probe for /healthz: one read of a document that need not exist. */
export async function pingFirestore(db: Firestore, timeoutMs = 2_000): Promise<boolean> {
  try {
    await Promise.race([
      db.collection('_health').doc('ping').get(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), timeoutMs).unref()),
    ]);
    return true;
  } catch {
    return false;
  }
}
