import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { findFreePort, startFirestoreEmulator } from '../src/shared/firestore/firestore-emulator.js';
import { startFakeSlack } from '../test/support/fake-slack.js';

/**
 * Start-up time to ready: from spawning the process as `npm start` runs it to the first 200 on
 * /healthz, with an emulator already running (as in production with Firestore) and with the
 * embedded emulator started by Kept itself. Median of N.
 */
const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const runs = Number(values.runs);
const fake = await startFakeSlack();
const emulator = await startFirestoreEmulator();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function timeToReady(extraEnv: Record<string, string>): Promise<{ ms: number; rssMb: number }> {
  const port = await findFreePort();
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      SLACK_BOT_TOKEN: 'xoxb-bench',
      SLACK_SIGNING_SECRET: 'bench',
      SLACK_API_URL: fake.url,
      PORT: String(port),
      KEPT_SCHEDULER: 'off',
      LOG_LEVEL: 'warn',
      ...extraEnv,
    },
    stdio: 'ignore',
  });
  const exited = new Promise((r) => child.once('exit', r));
  for (;;) {
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (performance.now() - started > 120_000) throw new Error('not ready in 2 minutes');
    await new Promise((r) => setTimeout(r, 20));
  }
  const ms = performance.now() - started;
  const rssKb = Number((await import('node:fs')).readFileSync(`/proc/${child.pid}/status`, 'utf8').match(/VmHWM:\s+(\d+)/)?.[1] ?? 0);
  child.kill('SIGTERM');
  await exited;
  return { ms, rssMb: rssKb / 1024 };
}

const withEmulator: Array<{ ms: number; rssMb: number }> = [];
const embedded: Array<{ ms: number; rssMb: number }> = [];
for (let i = 0; i < runs; i++) {
  withEmulator.push(await timeToReady({ FIRESTORE_EMULATOR_HOST: emulator.host, GOOGLE_CLOUD_PROJECT: 'kept-bench-start' }));
  const dataDir = mkdtempSync(join(tmpdir(), 'kept-start-'));
  embedded.push(await timeToReady({ KEPT_DATA_DIR: dataDir }));
  rmSync(dataDir, { recursive: true, force: true });
}
process.stdout.write(
  [
    `Start-up to ready (/healthz 200), median of ${runs}`,
    '',
    '| Firestore | ms to ready | peak RSS MB of the Node process |',
    '|---|---:|---:|',
    `| already running (production, or FIRESTORE_EMULATOR_HOST) | ${Math.round(median(withEmulator.map((r) => r.ms)))} | ${Math.round(median(withEmulator.map((r) => r.rssMb)))} |`,
    `| embedded emulator started by \`npm start\` | ${Math.round(median(embedded.map((r) => r.ms)))} | ${Math.round(median(embedded.map((r) => r.rssMb)))} |`,
    '',
  ].join('\n'),
);
await fake.close();
await emulator.stop();
