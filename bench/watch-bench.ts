import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs, promisify } from 'node:util';
import { App, LogLevel, webApi } from '@slack/bolt';
import { newClient } from '../src/clients/client-record.js';
import { toStored as clientToStored } from '../src/clients/client-store.js';
import { type WatchedMessage, watchId } from '../src/clients/client-watch.js';
import { toStored as watchToStored } from '../src/clients/client-watch-store.js';
import { inPool } from '../src/shared/delivery/step-summary.js';
import { createFirestore } from '../src/shared/firestore/firestore.js';
import { startFirestoreEmulator } from '../src/shared/firestore/firestore-emulator.js';
import { FirestoreSettingsStore } from '../src/shared/workspace/settings-store.js';
import { DEFAULT_SETTINGS } from '../src/shared/workspace/workspace-settings.js';
import { startFakeSlack } from '../test/support/fake-slack.js';
import { eventBody, postSigned } from '../test/support/slack-requests.js';
import { startBenchKept } from './support/bench-kept.js';
import { counts, installFirestoreCounter, resetCounts } from './support/firestore-counter.js';

/**
 * The first-response watch at scale: N watched client messages stored, D of them waiting past their
 * standard. Reports the sweep's reads (goal: D + a constant), the reads and writes one incoming
 * message costs (goal: a constant, at most 3), and how fast message events are acknowledged while a
 * sweep runs, side by side with a bare Bolt app acknowledging the same events.
 */
const { values } = parseArgs({
  options: {
    stored: { type: 'string', default: '10000' },
    due: { type: 'string', default: '100' },
    events: { type: 'string', default: '200' },
    latency: { type: 'string', default: '100' },
  },
});
const N = Number(values.stored);
const D = Number(values.due);
const EVENTS = Number(values.events);
const latencyMs = Number(values.latency);
const SECRET = 'bench-signing-secret';
const TEAM = 'TBENCHWATCH';
const CHANNEL = 'CBENCHACME';

const emulator = process.env.FIRESTORE_EMULATOR_HOST ? undefined : await startFirestoreEmulator();
const host = process.env.FIRESTORE_EMULATOR_HOST ?? emulator!.host;
process.env.FIRESTORE_EMULATOR_HOST = host;
const fake = await startFakeSlack();
fake.setTeam(TEAM);
fake.setLatency('chat.postMessage', latencyMs);
fake.addUser({ id: 'UOWNER', tz: 'Europe/Warsaw' });
const projectId = `kept-bench-watch-${randomBytes(3).toString('hex')}`;
const db = createFirestore(projectId, host);
installFirestoreCounter(db);
const workspace = { teamId: TEAM };
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

// Tue 1 Dec 2026, 13:00 in Warsaw: the D waiting questions were asked at 10:00, the standard is two hours.
const now = new Date('2026-12-01T12:00:00Z');
const asked = new Date('2026-12-01T09:00:00Z');
const later = new Date('2026-12-01T11:30:00Z');
const answered = new Date('2026-11-30T09:00:00Z');

/** Round 0 stores N messages (D due); a later round adds D more due ones, for the sweep the events race. */
async function seed(round = 0): Promise<void> {
  await new FirestoreSettingsStore(db).save(workspace, { ...DEFAULT_SETTINGS, timeZone: 'Europe/Warsaw' });
  const client = { ...newClient({ id: 'acme', name: 'ACME', createdBy: 'UOWNER' }, answered), ownerId: 'UOWNER', responseMinutes: 120, channelIds: [CHANNEL] };
  const team = db.collection('teams').doc(TEAM);
  await team.collection('clients').doc(client.id).set(clientToStored(workspace, client));
  await team.collection('clientChannels').doc(CHANNEL).set({ teamId: TEAM, clientId: client.id, responseMinutes: 120 });
  const writer = db.bulkWriter();
  for (let i = 0; i < (round === 0 ? N : D); i++) {
    // D due now; a tenth still within the standard; the rest answered long ago.
    const kind = i < D ? 'due' : i < D + N / 10 ? 'waiting' : 'answered';
    const at = kind === 'due' ? asked : kind === 'waiting' ? later : answered;
    const ts = `${Math.floor(at.getTime() / 1000) + (i % 1000) + round}.${String(i + round * N).padStart(7, '0')}`;
    const message: WatchedMessage = {
      id: watchId(CHANNEL, ts),
      clientId: client.id,
      channelId: CHANNEL,
      ts,
      authorId: `UEXT${i % 50}`,
      text: `Question number ${i}`.padEnd(200, '.'),
      messageAt: at,
      status: kind === 'answered' ? 'answered' : 'waiting',
      ...(kind === 'answered' ? { answeredAt: new Date(at.getTime() + 30 * 60_000), answeredBy: 'UOWNER' } : {}),
      stepsDone: [],
      nextStepAt: kind === 'answered' ? null : new Date(at.getTime() + 120 * 60_000),
    };
    void writer.create(team.collection('watches').doc(message.id), watchToStored(workspace, message));
  }
  await writer.close();
}

/** The sweep's own figures, and the DMs Slack received from it (`summary.sent` counts each question of a digest). */
async function childSweep(at: Date): Promise<{ wallMs: number; reads: number; writes: number; summary: { sent: number }; dms: number }> {
  const before = fake.callsTo('chat.postMessage').length;
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', 'bench/sweep-child.ts', projectId, fake.url, at.toISOString(), 'reminders'],
    {
      env: { ...process.env, FIRESTORE_EMULATOR_HOST: host },
      maxBuffer: 1 << 20,
    },
  );
  return { ...JSON.parse(stdout.trim().split('\n').at(-1)!), dms: fake.callsTo('chat.postMessage').length - before };
}

async function slackBaseline(): Promise<number> {
  const client = new webApi.WebClient('xoxb-bench', { slackApiUrl: fake.url, retryConfig: { retries: 0 } });
  const started = performance.now();
  await inPool(
    Array.from({ length: D }, (_, i) => i),
    16,
    async (i) => void (await client.chat.postMessage({ channel: `U${i}`, text: 'baseline' })),
  );
  return performance.now() - started;
}

await seed();
const { kept, server: keptServer } = await startBenchKept({ db, projectId, host, slackApiUrl: fake.url, signingSecret: SECRET, clock: () => now });
const bare = new App({
  token: 'xoxb-bench',
  signingSecret: SECRET,
  logLevel: LogLevel.ERROR,
  clientOptions: { slackApiUrl: fake.url, retryConfig: { retries: 0 } },
});
bare.event('message', async () => undefined);
const bareServer = (await bare.start({ port: 0, host: '127.0.0.1' } as never)) as unknown as Server;
const urlOf = (server: Server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;

let eventCounter = 0;
type EventKind = 'client' | 'thread' | 'team' | 'elsewhere';
function messageEvent(kind: EventKind): string {
  const n = ++eventCounter;
  const ts = `${Math.floor(now.getTime() / 1000) - 600 + n}.${String(n).padStart(6, '0')}`;
  const channel = kind === 'elsewhere' ? 'CBENCHOTHER' : CHANNEL;
  const author = kind === 'team' ? { user: 'UOWNER', user_team: TEAM } : { user: `UEXT${n % 50}`, user_team: 'TCLIENTORG' };
  const thread = kind === 'thread' ? { thread_ts: `${Math.floor(now.getTime() / 1000) - 86_400}.000001` } : {};
  return eventBody({ teamId: TEAM, event: { type: 'message', channel, channel_type: 'channel', ...author, ...thread, text: `Event ${n}`, ts, event_ts: ts } });
}

/** One event at a time: acknowledgement time, and (after Kept is idle) the Firestore reads and writes it cost. */
async function costOf(kind: EventKind, n: number): Promise<{ reads: number; writes: number; p50: number; bareP50: number }> {
  const keptMs: number[] = [];
  const bareMs: number[] = [];
  let reads = 0;
  let writes = 0;
  for (let i = 0; i < n; i++) {
    const body = messageEvent(kind);
    await kept.idle(10_000);
    resetCounts();
    let started = performance.now();
    const res = await postSigned(urlOf(keptServer), body, { signingSecret: SECRET });
    keptMs.push(performance.now() - started);
    if (res.status !== 200) throw new Error(`Kept answered ${res.status}`);
    await kept.idle(10_000);
    reads += counts.reads;
    writes += counts.writes;
    started = performance.now();
    await postSigned(urlOf(bareServer), body, { signingSecret: SECRET });
    bareMs.push(performance.now() - started);
  }
  return { reads: reads / n, writes: writes / n, p50: median(keptMs), bareP50: median(bareMs) };
}

// Warm-up, then the sweep with nothing due yet (10:30 in Warsaw) and with D due.
await costOf('elsewhere', 10);
const empty = await childSweep(new Date('2026-12-01T09:30:00Z'));
const base = await slackBaseline();
const sweep = await childSweep(now);
if (sweep.summary.sent !== D) throw new Error(`expected ${D} questions delivered, got ${sweep.summary.sent}`);

const perEvent = {
  client: await costOf('client', EVENTS),
  thread: await costOf('thread', EVENTS),
  team: await costOf('team', EVENTS),
  elsewhere: await costOf('elsewhere', EVENTS),
};

// Events acknowledged while a sweep with D due posts its DMs (a fresh set of D due questions).
await seed(1);
const during: number[] = [];
const sweeping = childSweep(new Date(now.getTime() + 60_000));
let sweepDone = false;
void sweeping.then(() => {
  sweepDone = true;
});
while (!sweepDone || during.length < 50) {
  const started = performance.now();
  const res = await postSigned(urlOf(keptServer), messageEvent('client'), { signingSecret: SECRET });
  during.push(performance.now() - started);
  if (res.status !== 200) throw new Error(`Kept answered ${res.status}`);
  if (during.length > 5_000) break;
}
const duringSweep = await sweeping;

const row = (name: string, c: { reads: number; writes: number; p50: number; bareP50: number }) =>
  `| ${name} | ${c.reads.toFixed(1)} | ${c.writes.toFixed(1)} | ${c.p50.toFixed(1)} | ${c.bareP50.toFixed(1)} | ${(c.p50 / c.bareP50).toFixed(2)}× |`;
process.stdout.write(
  [
    `First-response watch: ${N.toLocaleString('en')} watched messages stored, ${D} past their standard, Slack latency ${latencyMs} ms`,
    '',
    `| sweep | reads | writes | questions delivered | DMs posted | wall ms | Slack-only baseline ms (${D} DMs, one per question) |`,
    '|---|---:|---:|---:|---:|---:|---:|',
    `| nothing due | ${empty.reads} | ${empty.writes} | ${empty.summary.sent} | ${empty.dms} | ${Math.round(empty.wallMs)} | — |`,
    `| ${D} due | ${sweep.reads} | ${sweep.writes} | ${sweep.summary.sent} | ${sweep.dms} | ${Math.round(sweep.wallMs)} | ${Math.round(base)} |`,
    '',
    `| one message event (${EVENTS} each, one at a time) | Firestore reads | writes | Kept ack p50 ms | bare Bolt ack p50 ms | ratio |`,
    '|---|---:|---:|---:|---:|---:|',
    row('a client asks in a linked channel', perEvent.client),
    row('a client replies in a thread', perEvent.thread),
    row('a teammate answers at the top level', perEvent.team),
    row('a message in a channel no client claims', perEvent.elsewhere),
    '',
    `While a sweep delivered ${duringSweep.summary.sent} questions in ${duringSweep.dms} ${duringSweep.dms === 1 ? 'DM' : 'DMs'} (${Math.round(duringSweep.wallMs)} ms): ${during.length} client message events acknowledged, p50 ${median(during).toFixed(1)} ms, p99 ${pct(during, 99).toFixed(1)} ms, max ${Math.max(...during).toFixed(1)} ms (Slack allows 3000 ms).`,
    '',
  ].join('\n'),
);
await kept.idle(30_000);
await kept.app.stop();
await kept.idle(30_000);
await bare.stop();
await db.terminate();
await fake.close();
await emulator?.stop();
