import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { App, LogLevel } from '@slack/bolt';
import { createApp } from '../src/app.js';
import type { Config } from '../src/config.js';
import { createFirestore } from '../src/shared/firestore/firestore.js';
import { startFirestoreEmulator } from '../src/shared/firestore/firestore-emulator.js';
import { JsonLogger } from '../src/shared/logger.js';
import { startFakeSlack } from '../test/support/fake-slack.js';
import { postSigned, slashCommandBody } from '../test/support/slack-requests.js';
import { counts, installFirestoreCounter, resetCounts } from './support/firestore-counter.js';

/**
 * Ack latency of Kept's slash commands over signed HTTP, side by side with a bare Bolt app that
 * acknowledges a no-op command (same process, same machine, requests interleaved), and the
 * Firestore reads and writes each command costs.
 */
const { values } = parseArgs({ options: { requests: { type: 'string', default: '300' } } });
const N = Number(values.requests);
const SECRET = 'bench-signing-secret';

const emulator = process.env.FIRESTORE_EMULATOR_HOST ? undefined : await startFirestoreEmulator();
const host = process.env.FIRESTORE_EMULATOR_HOST ?? emulator!.host;
const fake = await startFakeSlack();
fake.addUser({ id: 'UBENCH', tz: 'Europe/Warsaw' });
const db = createFirestore('kept-bench-actions', host);
installFirestoreCounter(db);
const config: Config = {
  slack: { botToken: 'xoxb-bench', signingSecret: SECRET, appToken: undefined, apiUrl: fake.url },
  port: 0,
  firestore: { mode: 'emulator', projectId: 'kept-bench-actions', host },
  schedulerEnabled: false,
  logLevel: 'error',
  jobs: { secret: undefined, oidcAudience: undefined, oidcEmail: undefined },
};
const kept = createApp({ config, db, logger: new JsonLogger('error'), clock: () => new Date(), retryConfig: { retries: 0 } });
const keptServer = (await kept.app.start({ port: 0, host: '127.0.0.1' } as never)) as unknown as Server;
const bare = new App({
  token: 'xoxb-bench',
  signingSecret: SECRET,
  logLevel: LogLevel.ERROR,
  clientOptions: { slackApiUrl: fake.url, retryConfig: { retries: 0 } },
});
for (const command of ['/promise', '/incident', '/story', '/kept']) bare.command(command, async ({ ack }) => ack());
const bareServer = (await bare.start({ port: 0, host: '127.0.0.1' } as never)) as unknown as Server;
const urlOf = (server: Server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;

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
    for (const server of [keptServer, bareServer]) {
      const key = `warm${++requestCounter}`;
      await postSigned(urlOf(server), slashCommandBody({ teamId: 'TWARM', userId: 'UBENCH', command, text: text(i), responseUrl: fake.responseUrl(key) }), {
        signingSecret: SECRET,
      });
      if (server === keptServer) await fake.waitForCalls(`response_url:${key}`, 1, 10_000).catch(() => undefined);
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
          [keptServer, keptMs],
          [bareServer, bareMs],
        ] as const)
      : ([
          [bareServer, bareMs],
          [keptServer, keptMs],
        ] as const)) {
      const key = `r${++requestCounter}`;
      const body = slashCommandBody({ teamId, userId: 'UBENCH', command, text: text(i), responseUrl: fake.responseUrl(key) });
      if (sink === keptMs) resetCounts();
      const started = performance.now();
      const res = await postSigned(urlOf(target), body, { signingSecret: SECRET });
      sink.push(performance.now() - started);
      if (res.status !== 200) throw new Error(`${command} answered ${res.status}`);
      if (sink === keptMs) {
        // All the work a command causes after its ack (the reply, channel posts, Home refreshes) finishes
        // before the next request: the counts are this command's, and the next ack competes with nothing.
        await fake.waitForCalls(`response_url:${key}`, 1, 10_000).catch(() => undefined);
        await kept.idle(10_000);
        reads += counts.reads;
        writes += counts.writes;
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
    `Ack latency over signed HTTP, ${N} requests per command, interleaved with a bare Bolt app`,
    '',
    '| command | Kept p50 ms | Kept p99 ms | bare p50 ms | bare p99 ms | ratio p50 | ratio p99 | Firestore reads / command | writes / command |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows,
    '',
  ].join('\n'),
);
await kept.app.stop();
await bare.stop();
await db.terminate();
await fake.close();
await emulator?.stop();
