import { type ChildProcess, spawn } from 'node:child_process';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { installationStoreFor } from '../../src/shared/slack/installation-store.js';
import { FirestorePeopleStore } from '../../src/shared/workspace/people-store.js';
import { type FakeSlack, startFakeSlack } from '../support/fake-slack.js';
import { isolatedProjectId, type SweepWorld, sweepWorld } from '../support/sweep-fixture.js';

const TOKEN_KEY = Buffer.alloc(32, 7).toString('base64');

let fake: FakeSlack;
beforeAll(async () => {
  fake = await startFakeSlack();
});
const worlds: SweepWorld[] = [];
const children: ChildProcess[] = [];
afterAll(async () => {
  for (const child of children.filter((c) => c.exitCode === null && c.signalCode === null)) child.kill('SIGKILL');
  await Promise.all(worlds.map((w) => w.db.terminate()));
  await fake.close();
});

let projectId: string;
let world: SweepWorld;
beforeEach(() => {
  fake.reset();
  projectId = isolatedProjectId();
  world = sweepWorld(fake, projectId);
  worlds.push(world);
});

interface Run {
  child: ChildProcess;
  done: Promise<{ code: number | null; stdout: string; stderr: string }>;
}

/** `npm run job -- …` as an operator or an external scheduler runs it. */
function job(args: string[], env: Record<string, string> = {}): Run {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/jobs/job-cli.ts', ...args], {
    env: {
      PATH: process.env.PATH ?? '',
      SLACK_BOT_TOKEN: 'xoxb-cli',
      SLACK_API_URL: fake.url,
      FIRESTORE_EMULATOR_HOST: process.env.FIRESTORE_EMULATOR_HOST ?? '',
      GOOGLE_CLOUD_PROJECT: projectId,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
  return { child, done };
}

describe('npm run job -- reminders', () => {
  it('evaluates as of --now, prints a summary line and exits 0', async () => {
    const workspace = await world.workspace({ leads: [] });
    await world.logPromise(workspace, { due: '2026-12-03T14:00:00Z', created: '2026-11-30T09:00:00Z' });
    const early = await job(['reminders', '--now', '2026-12-01T09:00:00Z']).done;
    expect(early).toMatchObject({ code: 0, stdout: 'reminders: sent 0, skipped 0, deferred 0, failed 0\n' });
    const due = await job(['reminders', '--now', '2026-12-02T14:00:00Z']).done;
    expect(due).toMatchObject({ code: 0, stdout: 'reminders: sent 1, skipped 0, deferred 0, failed 0\n' });
    expect(fake.callsTo('chat.postMessage').map((c) => c.args.channel)).toEqual(['UOWNER']);
  });

  it('exits 1 when a step failed, and 2 on bad usage', async () => {
    const workspace = await world.workspace({ leads: [] });
    await world.logPromise(workspace, { due: '2026-12-03T14:00:00Z', created: '2026-11-30T09:00:00Z' });
    fake.injectFault('chat.postMessage', { kind: 'status', status: 500 });
    const failed = await job(['reminders', '--now', '2026-12-02T14:00:00Z']).done;
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain('failed 1');
    expect(failed.stderr).not.toContain('xoxb-cli');
    expect((await job(['remind']).done).code).toBe(2);
    expect(await job(['reminders', '--now', 'next tuesday']).done).toMatchObject({ code: 2, stderr: expect.stringContaining('ISO 8601') });
  });

  it("with OAuth distribution posts with each workspace's stored bot token", async () => {
    const workspace = await world.workspace({ leads: [] });
    await installationStoreFor(world.db, { kmsKeyName: undefined, key: TOKEN_KEY, previousKeys: [] }).storeInstallation({
      team: { id: workspace.teamId, name: 'Acme' },
      enterprise: undefined,
      user: { id: 'UINSTALLER', token: undefined, scopes: undefined },
      bot: { id: 'BKEPT', userId: 'UKEPT', token: `xoxb-${workspace.teamId}-installed`, scopes: ['chat:write'] },
      isEnterpriseInstall: false,
    });
    await world.logPromise(workspace, { due: '2026-12-03T14:00:00Z', created: '2026-11-30T09:00:00Z' });
    const oauth = {
      SLACK_BOT_TOKEN: '',
      SLACK_CLIENT_ID: '1.2',
      SLACK_CLIENT_SECRET: 'client-secret-cli',
      SLACK_STATE_SECRET: 'state-secret-cli',
      KEPT_TOKEN_KEY: TOKEN_KEY,
    };
    const run = await job(['reminders', '--now', '2026-12-02T14:00:00Z'], oauth).done;
    expect(run).toMatchObject({ code: 0, stdout: 'reminders: sent 1, skipped 0, deferred 0, failed 0\n' });
    expect(fake.callsTo('chat.postMessage').map((c) => c.token)).toEqual([`xoxb-${workspace.teamId}-installed`]);
  });

  it('three processes at once post every due step exactly once', async () => {
    const workspace = await world.workspace({ leads: [] });
    for (let i = 0; i < 20; i++) await world.logPromise(workspace, { due: '2026-12-03T14:00:00Z', created: '2026-12-03T13:00:00Z', owner: `U${i}` });
    fake.setLatency('chat.postMessage', 30);
    const runs = await Promise.all([0, 1, 2].map(() => job(['reminders', '--now', '2026-12-03T14:00:00Z']).done));
    expect(runs.map((r) => r.code)).toEqual([0, 0, 0]);
    const channels = fake.callsTo('chat.postMessage').map((c) => c.args.channel);
    const unique = new Set(channels).size;
    console.log(`three job processes at once: steps due 20, posted ${channels.length}, duplicates ${channels.length - unique}, lost ${20 - unique}`);
    expect(channels).toHaveLength(20);
    expect(new Set(channels).size).toBe(20);
  }, 60_000);

  it('a run killed half-way loses nothing: a later run delivers the rest once the claims lapse', async () => {
    const workspace = await world.workspace({ leads: [] });
    for (let i = 0; i < 12; i++) await world.logPromise(workspace, { due: '2026-12-03T14:00:00Z', created: '2026-12-03T13:00:00Z', owner: `U${i}` });
    // Four posts answer at once; the rest hang until the process is killed.
    fake.setLatency('chat.postMessage', 0);
    fake.injectFault('chat.postMessage', { kind: 'delay', ms: 0 }, 4);
    fake.injectFault('chat.postMessage', { kind: 'delay', ms: 60_000 }, 100);
    const killed = job(['reminders', '--now', '2026-12-03T14:00:00Z']);
    await fake.waitForCalls('chat.postMessage', 4, 20_000);
    await new Promise((r) => setTimeout(r, 500));
    killed.child.kill('SIGKILL');
    await killed.done;
    const answeredBeforeKill = new Set(fake.callsTo('chat.postMessage').map((c) => c.args.channel));
    expect(answeredBeforeKill.size).toBe(4);
    fake.reset();

    // Same instant: the dead run's claims still hold, so nothing is posted twice.
    expect((await job(['reminders', '--now', '2026-12-03T14:00:00Z']).done).stdout).toContain('sent 0');
    // Three minutes later the claims have lapsed: everything not yet confirmed goes out.
    const rerun = await job(['reminders', '--now', '2026-12-03T14:03:00Z']).done;
    expect(rerun.code).toBe(0);
    const resent = fake.callsTo('chat.postMessage').map((c) => c.args.channel);
    expect(new Set([...answeredBeforeKill, ...resent]).size).toBe(12);
    expect(resent.filter((channel) => answeredBeforeKill.has(channel))).toEqual([]);
  }, 60_000);
});

describe('npm run job -- reminders, with holidays and an owner away', () => {
  it('defers what a holiday and an absence should, and nothing else', async () => {
    fake.addUser({ id: 'ULEAD', tz: 'Europe/Warsaw' });
    const workspace = await world.workspace({ language: 'pl', leads: ['ULEAD'] });
    // UAWAY is away through Wednesday 23 December; the 24th–26th are public holidays in Poland.
    await new FirestorePeopleStore(world.db).update(workspace, 'UAWAY', {
      awayLastDay: '2026-12-23',
      awayUntil: new Date('2026-12-23T23:00:00Z'),
      awaySetBy: 'ULEAD',
    });
    // Both due Wednesday 23 December, 10:00 Warsaw.
    for (const owner of ['UAWAY', 'UHERE']) await world.logPromise(workspace, { owner, due: '2026-12-23T09:00:00Z', created: '2026-12-22T12:00:00Z' });
    const run = async (now: string) => {
      const before = fake.callsTo('chat.postMessage').length;
      const result = await job(['reminders', '--now', now]).done;
      expect(result.code, result.stderr).toBe(0);
      return { stdout: result.stdout, posts: fake.callsTo('chat.postMessage').slice(before) };
    };

    // An hour before: only the owner who is in.
    expect((await run('2026-12-23T08:00:00Z')).posts.map((p) => p.args.channel)).toEqual(['UHERE']);
    // At the due time: UHERE's notice, and the lead's two alerts, one saying UAWAY is away.
    const due = await run('2026-12-23T09:00:00Z');
    expect(due.posts.map((p) => p.args.channel).sort()).toEqual(['UHERE', 'ULEAD', 'ULEAD']);
    expect(due.posts.filter((p) => String(p.args.text).includes('nieobecna'))).toHaveLength(1);
    // Christmas Eve, a working day later by the calendar: nothing, the escalations wait for Monday.
    expect(await run('2026-12-24T09:00:00Z')).toMatchObject({ stdout: 'reminders: sent 0, skipped 0, deferred 0, failed 0\n', posts: [] });
    // Monday 28 December, 09:00: UAWAY's first working hour back (the reminders, now late, are dropped).
    const back = await run('2026-12-28T08:00:00Z');
    expect(back.posts.map((p) => p.args.channel)).toEqual(['UAWAY']);
    expect(back.stdout).toBe('reminders: sent 1, skipped 1, deferred 0, failed 0\n');
    // 10:00: the escalations.
    expect((await run('2026-12-28T09:00:00Z')).posts.map((p) => p.args.channel)).toEqual(['ULEAD', 'ULEAD']);
  }, 60_000);
});
