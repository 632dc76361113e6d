// The production start, as the Dockerfile runs it: `npm run build`, then `node dist/main.js` as the container's
// own process, so Cloud Run's SIGTERM reaches Kept itself. (No container engine runs here: the test drives the
// compiled process directly, which is exactly what the image's exec-form CMD starts.)
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort } from '../src/shared/firestore/firestore-emulator.js';
import { type FakeSlack, startFakeSlack } from './support/fake-slack.js';
import { postSigned, slashCommandBody } from './support/slack-requests.js';
import { isolatedProjectId } from './support/sweep-fixture.js';
import { newTeamId } from './support/test-db.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const JOBS_SECRET = 'production-jobs-secret-0123456789';
const SIGNING_SECRET = 'production-signing-secret';

let fake: FakeSlack;
const started: ChildProcess[] = [];
beforeAll(async () => {
  await promisify(execFile)('npm', ['run', 'build'], { cwd: ROOT });
  fake = await startFakeSlack();
  fake.addUser({ id: 'UANA', tz: 'Europe/Warsaw' });
}, 180_000);
afterAll(async () => {
  for (const child of started.filter((c) => c.exitCode === null && c.signalCode === null)) child.kill('SIGKILL');
  await fake?.close();
});

function startCompiled(env: Record<string, string>) {
  let output = '';
  const child = spawn(process.execPath, ['dist/main.js'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function until<T>(probe: () => T | undefined | Promise<T | undefined>, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

function compiledFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? compiledFiles(path) : path.endsWith('.js') ? [path] : [];
  });
}

describe('node dist/main.js', () => {
  it('needs nothing the image leaves out: every package it imports is a runtime dependency', () => {
    const runtime = new Set(Object.keys(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).dependencies));
    const imported = new Set<string>();
    for (const file of compiledFiles(join(ROOT, 'dist'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(/(?:from\s+|import\s*\(\s*|import\s+|require\s*\(\s*)['"]([^'"./][^'"]*)['"]/g)) {
        const specifier = m[1]!;
        if (specifier.startsWith('node:') || builtinModules.includes(specifier)) continue;
        imported.add(specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!);
      }
    }
    expect(imported.size).toBeGreaterThan(3);
    expect([...imported].filter((name) => !runtime.has(name))).toEqual([]);
  });

  it('on SIGTERM answers /jobs and /healthz with 503, finishes the request in flight, and exits 0 within 10 s', async () => {
    const port = await findFreePort();
    const run = startCompiled({
      SLACK_BOT_TOKEN: 'xoxb-production',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.url,
      PORT: String(port),
      FIRESTORE_EMULATOR_HOST: process.env.FIRESTORE_EMULATOR_HOST ?? '',
      GOOGLE_CLOUD_PROJECT: isolatedProjectId(),
      KEPT_SCHEDULER: 'off',
      KEPT_JOBS_SECRET: JOBS_SECRET,
    });
    const base = `http://127.0.0.1:${port}`;
    await until(
      () =>
        fetch(`${base}/healthz`).then(
          (r) => r.ok,
          () => false,
        ),
      `Kept to start:\n${run.output()}`,
      60_000,
    );
    const jobs = () => fetch(`${base}/jobs/reminders`, { method: 'POST', headers: { 'x-kept-jobs-secret': JOBS_SECRET } }).then((r) => r.status);
    expect(await jobs()).toBe(200);

    // A /promise whose reply to Slack takes 3 s: the work is still under way when the stop comes.
    fake.injectFault('response_url:slow', { kind: 'delay', ms: 3_000 });
    const ack = await postSigned(
      `${base}/slack/events`,
      slashCommandBody({
        teamId: newTeamId(),
        userId: 'UANA',
        command: '/promise',
        text: 'ACME: send the quote 2099-12-03 10:00',
        responseUrl: fake.responseUrl('slow'),
      }),
      { signingSecret: SIGNING_SECRET },
    );
    expect(ack.status).toBe(200);
    await until(() => fake.calls.find((c) => c.method === 'response_url:slow'), 'the reply to reach Slack');

    const stopAt = Date.now();
    run.child.kill('SIGTERM');
    await until(() => run.output().includes('"message":"stopping"'), 'the stop to begin');
    expect(await jobs()).toBe(503);
    expect((await fetch(`${base}/healthz`)).status).toBe(503);

    expect(await run.exited).toBe(0);
    expect(Date.now() - stopAt).toBeLessThan(10_000);
    // The reply that was in flight went out whole before the process left.
    expect(fake.callsTo('response_url:slow')).toHaveLength(1);
    expect(run.output()).toContain('"message":"stopped"');
    expect(run.output()).not.toContain('xoxb-production');
  }, 90_000);
});
