import { createJobs } from '../src/jobs/jobs.js';
import { createFirestore } from '../src/shared/firestore/firestore.js';
import { JsonLogger } from '../src/shared/logger.js';
import { counts, installFirestoreCounter, resetCounts } from './support/firestore-counter.js';

/** One job run (a sweep, or the recap) in a process of its own, so its reads, writes and peak memory are its alone. */
const [projectId = '', apiUrl = '', nowIso = '', job = 'reminders', interval = '0'] = process.argv.slice(2);
const db = createFirestore(projectId, process.env.FIRESTORE_EMULATOR_HOST);
installFirestoreCounter(db);
const jobs = createJobs({
  config: { slack: { botToken: 'xoxb-bench', signingSecret: undefined, appToken: undefined, apiUrl } },
  db,
  logger: new JsonLogger('error', (line) => process.stderr.write(`${line}\n`)),
  // 0: no pacing (the history bench); otherwise Kept's own pacing, shared through Firestore.
  channelIntervalMs: Number(interval),
});
// Warm the client (connection, first RPC) outside the measurement.
await db.collection('_warm').doc('x').get();
resetCounts();
const startedAt = Date.now();
const started = performance.now();
const summary = await jobs[job as 'reminders'](new Date(nowIso));
const wallMs = performance.now() - started;
const { reads, writes } = counts;
process.stdout.write(`${JSON.stringify({ startedAt, wallMs, reads, writes, maxRssMb: process.resourceUsage().maxRSS / 1024, summary })}\n`);
await db.terminate();
