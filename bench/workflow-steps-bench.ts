import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { App, LogLevel } from '@slack/bolt';
import { createFirestore } from '../src/shared/firestore/firestore.js';
import { startFirestoreEmulator } from '../src/shared/firestore/firestore-emulator.js';
import { startFakeSlack } from '../test/support/fake-slack.js';
import { eventBody, functionExecutedEvent, postSigned } from '../test/support/slack-requests.js';
import { startBenchKept } from './support/bench-kept.js';

/**
 * Workflow Builder steps over signed HTTP: how soon Kept acknowledges `function_executed` (Slack waits 5 s at
 * most) and how soon the step is completed (functions.completeSuccess received), side by side with a bare Bolt
 * app whose step completes at once (same process, requests interleaved), with every Slack call `--latency` ms.
 */
const { values } = parseArgs({ options: { requests: { type: 'string', default: '100' }, latency: { type: 'string', default: '100' } } });
const N = Number(values.requests);
const LATENCY = Number(values.latency);
const SECRET = 'bench-signing-secret';

const emulator = process.env.FIRESTORE_EMULATOR_HOST ? undefined : await startFirestoreEmulator();
const host = process.env.FIRESTORE_EMULATOR_HOST ?? emulator!.host;
const fake = await startFakeSlack();
fake.addUser({ id: 'UBENCH', tz: 'Europe/Warsaw' });
const db = createFirestore('kept-bench-steps', host);
const { kept, server: keptServer } = await startBenchKept({
  db,
  projectId: 'kept-bench-steps',
  host,
  slackApiUrl: fake.url,
  signingSecret: SECRET,
  clock: () => new Date(),
});
const bare = new App({
  token: 'xoxb-bench',
  signingSecret: SECRET,
  logLevel: LogLevel.ERROR,
  clientOptions: { slackApiUrl: fake.url, retryConfig: { retries: 0 } },
});
bare.function('log_client_promise', async ({ complete }) => void (await complete({ outputs: { promise_id: 'x' } })));
const bareServer = (await bare.start({ port: 0, host: '127.0.0.1' } as never)) as unknown as Server;
const urlOf = (server: Server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;

let counter = 0;
async function runOnce(server: Server): Promise<{ ack: number; complete: number }> {
  const executionId = `FxBENCH${++counter}`;
  const inputs = { client: `ACME ${counter % 50}`, what: 'send the revised quote', owner: 'UBENCH', due: Math.floor(Date.now() / 1000) + 86_400 };
  const body = eventBody({ teamId: `TSTEP${counter % 20}`, event: functionExecutedEvent({ callbackId: 'log_client_promise', inputs, executionId }) });
  const started = performance.now();
  const wallStart = Date.now();
  const res = await postSigned(urlOf(server), body, { signingSecret: SECRET });
  const ack = performance.now() - started;
  if (res.status !== 200) throw new Error(`step answered ${res.status}`);
  for (;;) {
    const done = fake.calls.find((c) => c.method.startsWith('functions.complete') && c.args.function_execution_id === executionId && c.ok);
    if (done) {
      if (done.method !== 'functions.completeSuccess') throw new Error(`step failed: ${done.args.error}`);
      const complete = done.at - wallStart;
      await kept.idle(10_000);
      return { ack, complete: Math.max(complete, ack) };
    }
    await new Promise((r) => setTimeout(r, 2));
  }
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
for (let i = 0; i < 10; i++) for (const s of [keptServer, bareServer]) await runOnce(s);
fake.setLatency('*', LATENCY);
const results = { kept: { ack: [] as number[], complete: [] as number[] }, bare: { ack: [] as number[], complete: [] as number[] } };
for (let i = 0; i < N; i++) {
  const order = i % 2 === 0 ? (['kept', 'bare'] as const) : (['bare', 'kept'] as const);
  for (const name of order) {
    const r = await runOnce(name === 'kept' ? keptServer : bareServer);
    results[name].ack.push(r.ack);
    results[name].complete.push(r.complete);
  }
  fake.calls.length = 0;
}
const row = (label: string, k: number[], b: number[]) =>
  `| ${label} | ${pct(k, 50).toFixed(0)} | ${pct(k, 99).toFixed(0)} | ${pct(b, 50).toFixed(0)} | ${pct(b, 99).toFixed(0)} | ${(pct(k, 50) / pct(b, 50)).toFixed(2)}× |`;
process.stdout.write(
  [
    `log_client_promise over signed HTTP, ${N} executions each, Slack answering every call in ${LATENCY} ms, interleaved with a bare Bolt step`,
    '',
    '| measure | Kept p50 ms | Kept p99 ms | bare p50 ms | bare p99 ms | ratio p50 |',
    '|---|---:|---:|---:|---:|---:|',
    row('acknowledged', results.kept.ack, results.bare.ack),
    row('completed', results.kept.complete, results.bare.complete),
    '',
  ].join('\n'),
);
await kept.app.stop();
await bare.stop();
await kept.idle(10_000);
await db.terminate();
await fake.close();
await emulator?.stop();
