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
import { CHANNEL_INTERVAL_MS, SlackPoster } from '../src/shared/slack/slack-poster.js';
import { FirestoreSettingsStore } from '../src/shared/workspace/settings-store.js';
import { DEFAULT_SETTINGS } from '../src/shared/workspace/workspace-settings.js';
import { type RecordedCall, startFakeSlack } from '../test/support/fake-slack.js';

/**
 * The alert storm of issue 13: one owner with `--overdue` promises overdue for one lead, and 20 other
 * people's reminders due in the same sweep; chat.postMessage answers in `--latency` ms, Kept's pacing on
 * (shared through Firestore). Each sweep runs in a process of its own (bench/sweep-child.ts). Reports
 * messages to the lead and to the owner, the sweep's wall time, how long the others' reminders waited
 * from the sweep's start, and the smallest gap between two posts to one channel: for one sweep, for two
 * overlapping sweeps (the second starting `--overlap` ms after the first), and for the escalation a
 * working day later. The baseline, side by side: the same messages posted one per item (what Kept did
 * before digests) through the same poster and pacing, with no Firestore.
 */
const { values } = parseArgs({
  options: {
    overdue: { type: 'string', default: '100' },
    others: { type: 'string', default: '20' },
    latency: { type: 'string', default: '100' },
    runs: { type: 'string', default: '3' },
    overlap: { type: 'string', default: '1000' },
    baseline: { type: 'string', default: 'on' },
  },
});
const OVERDUE = Number(values.overdue);
const OTHERS = Number(values.others);
const latencyMs = Number(values.latency);
const runs = Number(values.runs);
const overlapMs = Number(values.overlap);

const emulator = process.env.FIRESTORE_EMULATOR_HOST ? undefined : await startFirestoreEmulator();
const host = process.env.FIRESTORE_EMULATOR_HOST ?? emulator!.host;
const fake = await startFakeSlack();
fake.setLatency('chat.postMessage', latencyMs);
fake.addUser({ id: 'ULEAD', tz: 'Europe/Warsaw' });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

// Thursday 3 December 2026, 15:00 in Warsaw: the owner's promises came due at 14:00; the others' are due at 16:00.
const sweepAt = new Date('2026-12-03T14:00:00Z');
const escalationAt = new Date('2026-12-04T13:00:00Z');

async function seed(projectId: string, teamId: string): Promise<void> {
  const db = createFirestore(projectId, host);
  const workspace = { teamId };
  const settings = { ...DEFAULT_SETTINGS, timeZone: 'Europe/Warsaw', leads: ['ULEAD'] };
  await new FirestoreSettingsStore(db).save(workspace, settings);
  const policy = reminderPolicy(settings);
  const writer = db.bulkWriter();
  const collection = db.collection('teams').doc(teamId).collection('promises');
  const add = (i: number, ownerId: string, dueAt: Date, created: Date) => {
    const ref = collection.doc();
    const promise = createPromise(
      { id: ref.id, client: `Client ${i}`, what: `promise ${i}`, ownerId, ownerTimeZone: 'Europe/Warsaw', creatorId: ownerId, dueAt },
      created,
    );
    void writer.create(ref, toStored(workspace, withSchedule(promise, policy)));
  };
  for (let i = 0; i < OVERDUE; i++) add(i, 'UOWNER', new Date('2026-12-03T13:00:00Z'), new Date('2026-12-03T12:30:00Z'));
  for (let i = 0; i < OTHERS; i++) add(OVERDUE + i, `UOTHER${i}`, new Date('2026-12-03T15:00:00Z'), new Date('2026-12-03T10:00:00Z'));
  await writer.close();
  await db.terminate();
}

interface ChildResult {
  startedAt: number;
  wallMs: number;
  reads: number;
  writes: number;
  summary: { sent: number; failed: number };
}

function sweep(projectId: string, at: Date): Promise<ChildResult> {
  return promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', 'bench/sweep-child.ts', projectId, fake.url, at.toISOString(), 'reminders', String(CHANNEL_INTERVAL_MS)],
    { env: { ...process.env, FIRESTORE_EMULATOR_HOST: host }, maxBuffer: 1 << 20 },
  ).then(({ stdout, stderr }) => {
    if (stderr.trim()) process.stderr.write(stderr);
    return JSON.parse(stdout.trim().split('\n').at(-1)!);
  });
}

/** What the posts since `from` show: messages per recipient, the others' wait from `start`, the smallest gap per channel. */
function measure(posts: RecordedCall[], start: number) {
  const to = (channel: string) => posts.filter((c) => c.args.channel === channel);
  const others = posts.filter((c) => String(c.args.channel).startsWith('UOTHER'));
  const byChannel = new Map<string, number[]>();
  for (const c of posts) byChannel.set(c.args.channel, [...(byChannel.get(c.args.channel) ?? []), c.at]);
  const gaps = [...byChannel.values()].flatMap((ats) => {
    const sorted = [...ats].sort((a, b) => a - b);
    return sorted.slice(1).map((t, i) => t - sorted[i]!);
  });
  return {
    lead: to('ULEAD').length,
    owner: to('UOWNER').length,
    othersDelivered: new Set(others.map((c) => c.args.channel)).size,
    othersWaitMs: others.length > 0 ? Math.max(...others.map((c) => c.at)) - start : Number.NaN,
    firstPostMs: posts.length > 0 ? Math.min(...posts.map((c) => c.at)) - start : Number.NaN,
    minGapMs: gaps.length > 0 ? Math.min(...gaps) : Number.NaN,
    under1s: gaps.filter((g) => g < 1_000).length,
    gaps: gaps.length,
  };
}

const rows: string[] = [];
const row = (cells: Array<string | number>) => rows.push(`| ${cells.join(' | ')} |`);
const fmt = (n: number) => (Number.isNaN(n) ? '—' : String(Math.round(n)));

// Baseline: the same 2 × OVERDUE + OTHERS messages, one per item, through Kept's poster and pacing (this process only).
if (values.baseline !== 'off') {
  fake.reset();
  fake.setLatency('chat.postMessage', latencyMs);
  const web = new webApi.WebClient('xoxb-bench', { slackApiUrl: fake.url, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true });
  const poster = new SlackPoster(async () => web);
  const messages = [
    ...Array.from({ length: OVERDUE }, (_, i) => ({ channel: 'UOWNER', text: `due ${i}` })),
    ...Array.from({ length: OVERDUE }, (_, i) => ({ channel: 'ULEAD', text: `alert ${i}` })),
    ...Array.from({ length: OTHERS }, (_, i) => ({ channel: `UOTHER${i}`, text: 'reminder' })),
  ];
  // The order the old sweep met them in: oldest due first, so the storm came before the others.
  const started = Date.now();
  await inPool(messages, 16, async (message) => void (await poster.post({ teamId: 'TBASE' }, message)));
  const wall = Date.now() - started;
  const m = measure(fake.callsTo('chat.postMessage'), started);
  row(['one message per item (before digests), one sweep', m.lead, m.owner, fmt(wall), fmt(m.othersWaitMs), fmt(m.minGapMs), `${m.under1s} of ${m.gaps}`]);
  process.stderr.write(`${rows.at(-1)}\n`);
}

const single: ReturnType<typeof measure>[] = [];
const walls: number[] = [];
const overlapped: ReturnType<typeof measure>[] = [];
const escalations: ReturnType<typeof measure>[] = [];
const costs: ChildResult[] = [];
for (let r = 0; r < runs; r++) {
  const projectId = `kept-storm-${randomBytes(3).toString('hex')}`;
  await seed(projectId, `TSTORM${r}`);
  fake.reset();
  fake.setLatency('chat.postMessage', latencyMs);
  const result = await sweep(projectId, sweepAt);
  if (result.summary.sent !== 2 * OVERDUE + OTHERS) throw new Error(`expected ${2 * OVERDUE + OTHERS} items sent, got ${JSON.stringify(result.summary)}`);
  single.push(measure(fake.callsTo('chat.postMessage'), result.startedAt));
  process.stderr.write(`one sweep: ${JSON.stringify(single.at(-1))}, wall ${Math.round(result.wallMs)} ms\n`);
  walls.push(result.wallMs);
  costs.push(result);

  // Two sweeps overlapping over a fresh storm: the second starts while the first is posting.
  const overlapProject = `kept-storm-${randomBytes(3).toString('hex')}`;
  await seed(overlapProject, `TOVER${r}`);
  fake.reset();
  fake.setLatency('chat.postMessage', latencyMs);
  const first = sweep(overlapProject, sweepAt);
  await new Promise((resolve) => setTimeout(resolve, overlapMs));
  const second = sweep(overlapProject, new Date(sweepAt.getTime() + 60_000));
  const [a, b] = await Promise.all([first, second]);
  if (a.summary.sent + b.summary.sent !== 2 * OVERDUE + OTHERS) throw new Error(`overlap: ${a.summary.sent} + ${b.summary.sent} items sent`);
  overlapped.push(measure(fake.callsTo('chat.postMessage'), a.startedAt));

  // A working day later: the escalations of the storm that is still open.
  fake.reset();
  fake.setLatency('chat.postMessage', latencyMs);
  const escalation = await sweep(projectId, escalationAt);
  escalations.push(measure(fake.callsTo('chat.postMessage'), escalation.startedAt));
}
const med = (xs: ReturnType<typeof measure>[], key: keyof ReturnType<typeof measure>) => median(xs.map((x) => x[key]));
row([
  'digests, one sweep',
  med(single, 'lead'),
  med(single, 'owner'),
  fmt(median(walls)),
  fmt(med(single, 'othersWaitMs')),
  fmt(med(single, 'minGapMs')),
  `${med(single, 'under1s')} of ${med(single, 'gaps')}`,
]);
row([
  `digests, two sweeps, the second ${overlapMs} ms after the first`,
  med(overlapped, 'lead'),
  med(overlapped, 'owner'),
  '—',
  fmt(med(overlapped, 'othersWaitMs')),
  fmt(med(overlapped, 'minGapMs')),
  `${med(overlapped, 'under1s')} of ${med(overlapped, 'gaps')}`,
]);
row([
  'digests, the escalation a working day later',
  med(escalations, 'lead'),
  med(escalations, 'owner'),
  '—',
  '—',
  fmt(med(escalations, 'minGapMs')),
  `${med(escalations, 'under1s')} of ${med(escalations, 'gaps')}`,
]);

process.stdout.write(
  [
    `Alert storm: ${OVERDUE} promises of one owner overdue for one lead, ${OTHERS} other people's reminders in the same sweep; chat.postMessage ${latencyMs} ms, pacing ${CHANNEL_INTERVAL_MS} ms a channel; median of ${runs} runs (baseline: one run)`,
    '',
    '| delivery | messages to the lead | messages to the owner | sweep wall ms | others’ reminders waited ms | smallest gap, one channel, ms | gaps under 1 s |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...rows,
    '',
    `Firestore per digest sweep (median): ${median(costs.map((c) => c.reads))} reads, ${median(costs.map((c) => c.writes))} writes for ${2 * OVERDUE + OTHERS} items.`,
    '',
  ].join('\n'),
);
await fake.close();
await emulator?.stop();
