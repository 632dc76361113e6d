import { randomBytes } from 'node:crypto';
import type { Firestore } from '@google-cloud/firestore';
import { createFirestore } from '../../src/shared/firestore/firestore.js';

/** A fresh workspace id per test keeps tests apart on the shared emulator. */
export function newTeamId(): string {
  return `T${randomBytes(5).toString('hex').toUpperCase()}`;
}

/** The real Firestore client against the emulator the test run started. */
export function testDb(): Firestore {
  return createFirestore(process.env.GOOGLE_CLOUD_PROJECT ?? 'kept-test', process.env.FIRESTORE_EMULATOR_HOST);
}
