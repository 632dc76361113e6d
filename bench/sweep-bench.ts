import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { parseArgs, promisify } from 'node:util';
import { webApi } from '@slack/bolt';
import { createPromise } from '../src/promises/client-promise.js';
import { reminderPolicy, withSchedule } from '../src/promises/promise-schedule.js';
import { toStored } from '../src/promises/promise-store.js';
import { inPool } from '../src/shared/delivery/step-summary.js';
import { createFirestore } from '../src/shared/firestore/firestore.js';
import { startFirestoreEmulator } from '../src/shared/firestore/firestore-emulator.js';
import { FirestoreSettingsStore } from '../src/shared/workspace/settings-store.js';
import { DEFAULT_SETTINGS } from '../src/shared/workspace/workspace-settings.js';
import { startFakeSlack } from '../test/support/fake-slack.js';

/**
 * The reminder sweep at growing history: N promises stored, D of them due now. Reports reads per
 * sweep (goal: D + a constant, flat in N), wall time against a baseline that only posts the same D
 * messages at the same concurrency to the same fake Slack (goal ≤ 1.3×), and peak RSS.
 */
const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000,100000' },
    due: { type: 'string', default: '100' },
    latency: { type: 'string', default: '100' },
    runs: { type: 'string', default: '5' },
  },
});
const sizes = values.sizes.split(',').map(Number);
const D = Number(values.due);
const latencyMs = Number(values.latency);
const runs = Number(values.runs);
const CONCURRENCY = 16;

const emulator = process.env.FIRESTORE_EMULATOR_HOST ? undefined : await startFirestoreEmulator();
const host = process.env.FIRESTORE_EMULATOR_HOST ?? emulator!.host;
process.env.FIRESTORE_EMULATOR_HOST = host;
const fake = await startFakeSlack();
fake.setLatency('chat.postMessage', latencyMs);
const projectId = `kept-bench-${randomBytes(3).toString('hex')}`;
const db = createFirestore(projectId, host);
const settings = new FirestoreSettingsStore(db);
const now = new Date('2026-12-03T14:00:00Z');
// Logged half an hour before the due time: the due notice is the one step a due promise has now.
const created = new Date('2026-12-03T13:30:00Z');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

let stored = 0;
let workspaceCounter = 0;
async function seed(count: number, dueAt: Date): Promise<void> {
  const workspace = { teamId: `TBENCH${++workspaceCounter}` };
  await settings.save(workspace, DEFAULT_SETTINGS);
  const policy = reminderPolicy(DEFAULT_SETTINGS);
  const writer = db.bulkWriter();
  const collection = db.collection('teams').doc(workspace.teamId).collection('promises');
  for (let i = 0; i < count; i++) {
    const ref = collection.doc();
    const p = withSchedule(
      createPromise(
        { id: ref.id, client: `Client ${i % 500}`, what: `promise ${i}`, ownerId: `U${i % 2000}`, ownerTimeZone: 'Europe/Warsaw', creatorId: 'UBENCH', dueAt },
        created,
      ),
      policy,
    );
    void writer.create(ref, toStored(workspace, p));
  }
  await writer.close();
  stored += count;
}

async function childSweep(
  job = 'reminders',
  at = now,
): Promise<{ wallMs: number; reads: number; writes: number; maxRssMb: number; summary: { sent: number } }> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'bench/sweep-child.ts', projectId, fake.url, at.toISOString(), job], {
    env: { ...process.env, FIRESTORE_EMULATOR_HOST: host },
    maxBuffer: 1 << 20,
  });
  return JSON.parse(stdout.trim().split('\n').at(-1)!);
}

/** The floor: the same D posts, same client settings and concurrency, no Firestore. */
async function baseline(): Promise<number> {
  const client = new webApi.WebClient('xoxb-bench', { slackApiUrl: fake.url, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true });
  const started = performance.now();
  await inPool(
    Array.from({ length: D }, (_, i) => i),
    CONCURRENCY,
    async (i) => {
      await client.chat.postMessage({ channel: `U${i}`, text: 'baseline' });
    },
  );
  return performance.now() - started;
}

/**
 * The Firestore floor: the writes once-only delivery needs for D reminders (claim, then "sent" and the
 * promise's progress side by side), at the same concurrency, with no Slack and no logic.
 */
async function firestoreFloor(): Promise<number> {
  const scratch = db.collection('bench-floor');
  const started = performance.now();
  await inPool(
    Array.from({ length: D }, (_, i) => i),
    CONCURRENCY,
    async () => {
      const claim = scratch.doc();
      const progress = scratch.doc();
      await Promise.all([claim.create({ state: 'claimed', at: now }), progress.create({ nextStepAt: now })]);
      await Promise.all([claim.update({ state: 'sent' }), progress.update({ nextStepAt: null })]);
    },
  );
  return performance.now() - started;
}

const rows: string[] = [];
const far = new Date('2027-06-01T10:00:00Z');
for (const n of sizes) {
  if (stored < n) await seed(n - stored, far);
  const sweeps: Awaited<ReturnType<typeof childSweep>>[] = [];
  const bases: number[] = [];
  const floors: number[] = [];
  const empties: number[] = [];
  for (let r = 0; r < runs; r++) {
    empties.push((await childSweep()).reads);
    await seed(D, now);
    // Side by side: baseline and sweep alternate, so load on the machine hits both alike.
    bases.push(await baseline());
    floors.push(await firestoreFloor());
    const sweep = await childSweep();
    if (sweep.summary.sent !== D) throw new Error(`expected ${D} posts, got ${sweep.summary.sent}`);
    sweeps.push(sweep);
  }
  const wall = median(sweeps.map((s) => s.wallMs));
  const base = median(bases);
  const floor = median(floors);
  rows.push(
    `| ${n.toLocaleString('en')} | ${D} | ${median(empties)} | ${median(sweeps.map((s) => s.reads))} | ${median(sweeps.map((s) => s.writes))} | ${Math.round(wall)} | ${Math.round(base)} | ${(wall / base).toFixed(2)}× | ${Math.round(floor)} | ${(wall / (base + floor)).toFixed(2)}× | ${Math.round((D * latencyMs) / CONCURRENCY)} | ${Math.round(Math.max(...sweeps.map((s) => s.maxRssMb)))} |`,
  );
  process.stderr.write(`${rows.at(-1)}\n`);
}

// The weekly recap of the workspace holding the largest history: what it reads must not grow with it.
const recapAt = new Date('2026-12-04T14:05:00Z'); // Friday 15:05 in Warsaw, just after the default recap time
// Saved that morning, so the recap is due at 15:00 that day.
await new FirestoreSettingsStore(db, () => new Date('2026-12-04T08:00:00Z')).save(
  { teamId: 'TBENCH1' },
  { ...DEFAULT_SETTINGS, timeZone: 'Europe/Warsaw', channels: { recap: 'CRECAP' } },
);
const recap = await childSweep('recap', recapAt);
if (recap.summary.sent < 1) throw new Error('the recap did not post');
const recapLine = `Weekly recap of a workspace with ${stored.toLocaleString('en')} promises stored in all: ${recap.reads} reads, ${recap.writes} writes, ${Math.round(recap.wallMs)} ms (chart rendered and uploaded), peak RSS ${Math.round(recap.maxRssMb)} MB.`;

process.stdout.write(
  [
    `Reminder sweep, Slack latency ${latencyMs} ms, concurrency ${CONCURRENCY}, median of ${runs} runs`,
    '',
    '| promises stored (N) | due now (D) | reads, nothing due | reads per sweep | writes per sweep | sweep wall ms | Slack baseline ms | sweep ÷ Slack baseline | Firestore floor ms | sweep ÷ (Slack + Firestore) | D×latency÷concurrency ms | peak RSS MB |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows,
    '',
    recapLine,
    '',
  ].join('\n'),
);
await db.terminate();
await fake.close();
await emulator?.stop();
