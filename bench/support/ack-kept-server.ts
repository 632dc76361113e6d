import type { AddressInfo } from 'node:net';
import { createFirestore } from '../../src/shared/firestore/firestore.js';
import { startBenchKept } from './bench-kept.js';
import { installFirestoreCounter, resetCounts } from './firestore-counter.js';

const host = process.env.FIRESTORE_EMULATOR_HOST!;
const projectId = process.env.GOOGLE_CLOUD_PROJECT!;
const db = createFirestore(projectId, host);
installFirestoreCounter(db);
const { kept, server } = await startBenchKept({
  db,
  projectId,
  host,
  slackApiUrl: process.env.SLACK_API_URL,
  signingSecret: process.env.SLACK_SIGNING_SECRET!,
  clock: () => new Date(),
});

process.on('message', (message: { type: string }) => {
  if (message.type === 'counts') {
    void kept.idle(10_000).then(() => process.send!({ type: 'counts', ...resetCounts() }));
  } else if (message.type === 'stop') {
    void kept.app
      .stop()
      .then(() => db.terminate())
      .then(() => process.exit(0));
  }
});
process.send!({ type: 'ready', port: (server.address() as AddressInfo).port });
