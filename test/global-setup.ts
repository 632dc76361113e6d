import { type RunningEmulator, startFirestoreEmulator } from '../src/shared/firestore/firestore-emulator.js';

let emulator: RunningEmulator | undefined;

/** Starts one Firestore emulator for the whole run unless FIRESTORE_EMULATOR_HOST is already set. */
export async function setup(): Promise<void> {
  process.env.GOOGLE_CLOUD_PROJECT ??= 'kept-test';
  if (process.env.FIRESTORE_EMULATOR_HOST) return;
  emulator = await startFirestoreEmulator();
  process.env.FIRESTORE_EMULATOR_HOST = emulator.host;
}

export async function teardown(): Promise<void> {
  await emulator?.stop();
}
