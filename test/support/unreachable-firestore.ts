import { Firestore } from '@google-cloud/firestore';

/**
 * A Firestore client pointed at a port where nothing listens: every call fails as UNAVAILABLE, late.
 * The file using it must delete FIRESTORE_EMULATOR_HOST first (the variable would override the host).
 */
export function unreachableFirestore(): Firestore {
  return new Firestore({
    projectId: 'kept-outage',
    host: '127.0.0.1:1',
    ssl: false,
    credentials: { client_email: 'outage@kept.local', private_key: 'unused' },
  });
}
