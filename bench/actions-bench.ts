import { type ChildProcess, fork } from 'node:child_process';
import { createServer } from 'node:net';
import { parseArgs } from 'node:util';
import { startFirestoreEmulator } from '../src/shared/firestore/firestore-emulator.js';
import { startFakeSlack } from '../test/support/fake-slack.js';
import { postSigned, slashCommandBody } from '../test/support/slack-requests.js';
import type { FirestoreCounts } from './support/firestore-counter.js';

/**
 * Ack latency of Kept's slash commands over signed HTTP, side by side with a bare Bolt app that
 * acknowledges a no-op command (requests interleaved), and the Firestore reads and writes each command costs.
 * Each app runs in a process of its own and this one plays Slack (the driver and the fake Web API), as
 * Slack reaches Kept from another machine: the work Kept does after its ack cannot delay the driver's own
 * reading of the answer, which it did when all three shared one event loop.
 */
const { values } = parseArgs({ options: { requests: { type: 'string', default: '300' } } });
const N = Number(values.requests);
const SECRET = 'bench-signing-secret';
const PROJECT = 'kept-bench-actions';

const emulator = process.env.FIRESTORE_EMULATOR_HOST ? undefined : await startFirestoreEmulator();
const host = process.env.FIRESTORE_EMULATOR_HOST ?? emulator!.host;
const fake = await startFakeSlack();
fake.addUser({ id: 'UBENCH', tz: 'Europe/Warsaw' });
const childEnv = {
  ...process.env,
  FIRESTORE_EMULATOR_HOST: host,
  GOOGLE_CLOUD_PROJECT: PROJECT,
  SLACK_API_URL: fake.url,
  SLACK_SIGNING_SECRET: SECRET,
  SLACK_BOT_TOKEN: 'xoxb-bench',
};

const keptChild = fork(new URL('./support/ack-kept-server.ts', import.meta.url), { env: childEnv, execArgv: ['--import', 'tsx'] });
const reply = <T>(child: ChildProcess, type: string) =>
  new Promise<T>((resolve) => {
    const on = (message: { type: string }) => {
      if (message.type !== type) return;
      child.off('message', on);
      resolve(message as T);
    };
    child.on('message', on);
  });
const keptPort = (await reply<{ port: number }>(keptChild, 'ready')).port;
/** Waits until Kept is idle (reply, posts and Home refreshes done) and takes its Firestore counts since the last call. */
const keptCounts = () => {
  const answer = reply<FirestoreCounts>(keptChild, 'counts');
  keptChild.send({ type: 'counts' });
  return answer;
};

const barePort = await new Promise<number>((resolve) => {
  const probe = createServer().listen(0, '127.0.0.1', () => {
    const { port } = probe.address() as { port: number };
    probe.close(() => resolve(port));
  });
});
const bareChild = fork(new URL('./support/bare-bolt-app.mjs', import.meta.url), { env: { ...childEnv, PORT: String(barePort) } });
const keptUrl = `http://127.0.0.1:${keptPort}/slack/events`;
const bareUrl = `http://127.0.0.1:${barePort}/slack/events`;
for (let i = 0; ; i++) {
  const up = await fetch(bareUrl.replace('/slack/events', '/'), { method: 'GET' }).then(
    () => true,
    () => false,
  );
  if (up) break;
  if (i > 200) throw new Error('the bare Bolt app did not start');
  await new Promise((r) => setTimeout(r, 50));
}

const COMMANDS: Array<[string, (i: number) => string]> = [
  ['/promise', (i) => `ACME ${i % 50}: send the revised quote by Friday 3pm`],
  ['/incident', (i) => `ACME ${i % 50} sev2: checkout returns 500 since 9:00`],
  ['/story', () => '<@UBENCH> stayed late to walk ACME through the migration'],
  ['/promise', () => 'list'],
  ['/kept', () => ''],
];

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const rows: string[] = [];
let requestCounter = 0;
// Warm both apps (JIT, connections, first Firestore calls) before anything is measured.
for (let i = 0; i < 10; i++) {
  for (const [command, text] of COMMANDS) {
    for (const url of [keptUrl, bareUrl]) {
      const key = `warm${++requestCounter}`;
      await postSigned(url, slashCommandBody({ teamId: 'TWARM', userId: 'UBENCH', command, text: text(i), responseUrl: fake.responseUrl(key) }), {
        signingSecret: SECRET,
      });
      if (url === keptUrl) {
        await fake.waitForCalls(`response_url:${key}`, 1, 10_000).catch(() => undefined);
        await keptCounts();
      }
    }
  }
}
for (const [command, text] of COMMANDS) {
  const keptMs: number[] = [];
  const bareMs: number[] = [];
  let reads = 0;
  let writes = 0;
  for (let i = 0; i < N; i++) {
    const teamId = `TACK${i % 20}`;
    for (const [target, sink] of i % 2 === 0
      ? ([
          [keptUrl, keptMs],
          [bareUrl, bareMs],
        ] as const)
      : ([
          [bareUrl, bareMs],
          [keptUrl, keptMs],
        ] as const)) {
      const key = `r${++requestCounter}`;
      const body = slashCommandBody({ teamId, userId: 'UBENCH', command, text: text(i), responseUrl: fake.responseUrl(key) });
      const started = performance.now();
      const res = await postSigned(target, body, { signingSecret: SECRET });
      sink.push(performance.now() - started);
      if (res.status !== 200) throw new Error(`${command} answered ${res.status}`);
      if (sink === keptMs) {
        // All the work a command causes after its ack (the reply, channel posts, Home refreshes) finishes
        // before the next request: the counts are this command's, and the next ack competes with nothing.
        await fake.waitForCalls(`response_url:${key}`, 1, 10_000).catch(() => undefined);
        const spent = await keptCounts();
        reads += spent.reads;
        writes += spent.writes;
      }
    }
  }
  const p50 = pct(keptMs, 50);
  const p99 = pct(keptMs, 99);
  const b50 = pct(bareMs, 50);
  const b99 = pct(bareMs, 99);
  rows.push(
    `| \`${command} ${text(0)}\` | ${p50.toFixed(1)} | ${p99.toFixed(1)} | ${b50.toFixed(1)} | ${b99.toFixed(1)} | ${(p50 / b50).toFixed(2)}× | ${(p99 / b99).toFixed(2)}× | ${(reads / N).toFixed(1)} | ${(writes / N).toFixed(1)} |`,
  );
  process.stderr.write(`${rows.at(-1)}\n`);
}
process.stdout.write(
  [
    `Ack latency over signed HTTP, ${N} requests per command, interleaved with a bare Bolt app (each app in a process of its own)`,
    '',
    '| command | Kept p50 ms | Kept p99 ms | bare p50 ms | bare p99 ms | ratio p50 | ratio p99 | Firestore reads / command | writes / command |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows,
    '',
  ].join('\n'),
);
const keptExit = new Promise((resolve) => keptChild.once('exit', resolve));
keptChild.send({ type: 'stop' });
await keptExit;
bareChild.kill('SIGTERM');
await fake.close();
await emulator?.stop();
