// The Kept side of bench/actions-bench.ts, in a process of its own (as Slack reaches Kept from another machine):
// the real app over HTTP against the emulator and the driver's fake Slack, counting Firestore reads and writes.
// The driver asks over IPC for `counts` (reset after each reply) once Kept is idle.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../src/app.js';
import type { Config } from '../../src/config.js';
import { createFirestore } from '../../src/shared/firestore/firestore.js';
import { JsonLogger } from '../../src/shared/logger.js';
import { installFirestoreCounter, resetCounts } from './firestore-counter.js';

const host = process.env.FIRESTORE_EMULATOR_HOST!;
const projectId = process.env.GOOGLE_CLOUD_PROJECT!;
const db = createFirestore(projectId, host);
installFirestoreCounter(db);
const config: Config = {
  slack: { botToken: 'xoxb-bench', signingSecret: process.env.SLACK_SIGNING_SECRET!, appToken: undefined, apiUrl: process.env.SLACK_API_URL },
  port: 0,
  firestore: { mode: 'emulator', projectId, host },
  schedulerEnabled: false,
  logLevel: 'error',
  jobs: { secret: undefined, oidcAudience: undefined, oidcEmail: undefined },
};
const kept = createApp({ config, db, logger: new JsonLogger('error'), clock: () => new Date(), retryConfig: { retries: 0 } });
const server = (await kept.app.start({ port: 0, host: '127.0.0.1' } as never)) as unknown as Server;

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
