import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort } from '../src/shared/firestore/firestore-emulator.js';
import { type FakeSlack, startFakeSlack } from './support/fake-slack.js';
import { postSigned, slashCommandBody } from './support/slack-requests.js';
import { newTeamId } from './support/test-db.js';

const started: ChildProcess[] = [];
afterAll(async () => {
  // A failed assertion must not leave a Kept (and its emulator) running: SIGTERM stops both.
  for (const child of started.filter((c) => c.exitCode === null)) {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
});

/** The whole process, as `npm start` runs it. */
function startProcess(env: Record<string, string>): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitForReady(port: number, output: () => string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`Kept did not become ready:\n${output()}`);
}

describe('npm start', () => {
  it('without Slack credentials exits with set-up instructions, not a stack trace', async () => {
    const run = startProcess({ KEPT_DATA_DIR: mkdtempSync(join(tmpdir(), 'kept-')) });
    const code = await run.exited;
    expect(code).toBe(1);
    expect(run.output()).toContain('slack-manifest.yml');
    expect(run.output()).toContain('SLACK_BOT_TOKEN');
    expect(run.output()).not.toMatch(/\n\s+at /);
  });

  describe('with the embedded Firestore', () => {
    let fake: FakeSlack;
    let dataDir: string;
    beforeAll(async () => {
      fake = await startFakeSlack();
      fake.addUser({ id: 'UANA', tz: 'Europe/Warsaw' });
      dataDir = mkdtempSync(join(tmpdir(), 'kept-data-'));
    });
    afterAll(async () => {
      await fake.close();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('serves signed Slack requests and keeps its data across a restart', async () => {
      const port = await findFreePort();
      const env = {
        SLACK_BOT_TOKEN: 'xoxb-e2e',
        SLACK_SIGNING_SECRET: 'e2e-secret',
        SLACK_API_URL: fake.url,
        PORT: String(port),
        KEPT_DATA_DIR: dataDir,
        KEPT_SCHEDULER: 'off',
      };
      const teamId = newTeamId();
      const send = (text: string, key: string) =>
        postSigned(
          `http://127.0.0.1:${port}/slack/events`,
          slashCommandBody({ teamId, userId: 'UANA', command: '/promise', text, responseUrl: fake.responseUrl(key) }),
          { signingSecret: 'e2e-secret' },
        );

      const first = startProcess(env);
      await waitForReady(port, first.output);
      expect((await send('ACME: send the revised quote 2099-12-03 10:00', 'log')).status).toBe(200);
      await fake.waitForCalls('response_url:log', 1, 10_000);
      first.child.kill('SIGTERM');
      expect(await first.exited).toBe(0);
      expect(readdirSync(dataDir).length).toBeGreaterThan(0);

      const second = startProcess(env);
      await waitForReady(port, second.output);
      await send('list', 'list');
      const [reply] = await fake.waitForCalls('response_url:list', 1, 10_000);
      expect(JSON.stringify(reply!.args.blocks)).toContain('send the revised quote');
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);
      expect(first.output() + second.output()).not.toContain('xoxb-e2e');
      expect(first.output() + second.output()).not.toContain('e2e-secret');
    }, 120_000);
  });
});
