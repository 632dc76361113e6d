import type { InstallationStore } from '@slack/bolt';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createJobs } from '../../src/jobs/jobs.js';
import { DeliveryLedger } from '../../src/shared/delivery/delivery.js';
import { JsonLogger } from '../../src/shared/logger.js';
import { type FakeSlack, startFakeSlack } from '../support/fake-slack.js';
import { isolatedProjectId, type SweepWorld, sweepWorld } from '../support/sweep-fixture.js';

let fake: FakeSlack;
let world: SweepWorld;
beforeAll(async () => {
  fake = await startFakeSlack();
});
afterAll(() => fake.close());
afterEach(() => world.db.terminate());
beforeEach(() => {
  world = sweepWorld(fake, isolatedProjectId());
  fake.reset();
});

const minute = (start: string, n: number) => new Date(Date.parse(start) + n * 60_000);
const ledgerOf = async (teamId: string) => (await world.db.collection('teams').doc(teamId).collection('deliveries').get()).docs;

describe('delivery under faults', () => {
  it('every third post answered 500 and the next 429: 50 of 50 delivered, none twice', async () => {
    const workspace = await world.workspace({ leads: [] });
    for (let i = 0; i < 50; i++) {
      await world.logPromise(workspace, { due: '2026-12-03T14:00:00Z', created: '2026-12-03T13:30:00Z', owner: `U${i}`, what: `promise ${i}` });
    }
    let sweepNow = minute('2026-12-03T14:00:00Z', 0);
    fake.setClock(() => sweepNow.getTime());
    fake.setFaultPattern('chat.postMessage', (n) =>
      n % 3 === 0 ? { kind: 'status', status: 500 } : n % 3 === 1 && n > 1 ? { kind: 'status', status: 429, retryAfterSeconds: 30 } : undefined,
    );
    const jobs = world.jobs();
    let sweeps = 0;
    // One sweep a minute, for up to two hours. Two posts in three fail here, and each failed try doubles the wait
    // (1, 2, 4, 8, then 15 minutes), so the unluckiest message takes 50–60 minutes; the order of posts, and with it
    // which message is unlucky, varies from run to run. The loop stops as soon as everything is sent.
    for (; sweeps < 120; sweeps++) {
      sweepNow = minute('2026-12-03T14:00:00Z', sweeps);
      await jobs.reminders(sweepNow);
      if ((await ledgerOf(workspace.teamId)).every((d) => d.get('state') === 'sent')) break;
    }
    const channels = fake.callsTo('chat.postMessage').map((c) => c.args.channel as string);
    const delivered = new Set(channels).size;
    const tries = fake.calls.filter((c) => c.method === 'chat.postMessage').length;
    console.log(
      `every third post 500, the next 429: 50 due, ${delivered} delivered, ${channels.length - delivered} duplicated, ${tries} tries over ${sweeps + 1} sweeps`,
    );
    expect(delivered).toBe(50);
    expect(channels).toHaveLength(50);
    const ledger = await ledgerOf(workspace.teamId);
    expect(ledger.map((d) => d.get('state'))).toEqual(Array(50).fill('sent'));
  }, 120_000);

  it('a rate limit is not a try: a reminder waits out Retry-After as often as it takes, then goes out', async () => {
    const workspace = await world.workspace({ leads: [] });
    await world.logPromise(workspace, { due: '2026-12-03T14:00:00Z', created: '2026-12-03T13:30:00Z' });
    fake.injectFault('chat.postMessage', { kind: 'status', status: 429, retryAfterSeconds: 60 }, 8);
    const jobs = world.jobs({ deliveryPolicy: { maxAttempts: 2, leaseMs: 120_000, backoffBaseMs: 60_000 } });
    for (let i = 0; i < 8; i++) expect((await jobs.reminders(minute('2026-12-03T14:00:00Z', i))).sent).toBe(0);
    expect((await jobs.reminders(minute('2026-12-03T14:00:00Z', 8))).sent).toBe(1);
    const [delivery] = await ledgerOf(workspace.teamId);
    expect(delivery!.get('state')).toBe('sent');
  });

  it('gives up at once on a permanent error, logs an ERROR with its ids, and records it for the leads’ Home', async () => {
    const workspace = await world.workspace({ leads: ['ULEAD'], channels: { leads: 'CGONE' } });
    await world.logPromise(workspace, { due: '2026-12-03T14:00:00Z', created: '2026-12-03T13:30:00Z', owner: 'UOWNER' });
    fake.setFaultPattern('chat.postMessage', (_n, call) => (call.args.channel === 'CGONE' ? { kind: 'error', error: 'channel_not_found' } : undefined));
    const summary = await world.jobs().reminders(minute('2026-12-03T14:00:00Z', 0));
    expect(summary).toMatchObject({ sent: 1, failed: 1 });
    const error = world.logLines.map((l) => JSON.parse(l)).find((l) => l.severity === 'ERROR');
    expect(error).toMatchObject({ message: 'promise alert delivery given up: channel_not_found', channel: 'CGONE' });
    expect(error.deliveryIds).toMatch(/:alert:\d+:CGONE$/);
    const given = await new DeliveryLedger(world.db).givenUpSince(workspace, minute('2026-12-03T00:00:00Z', 0), 10);
    expect(given).toEqual([{ purpose: 'alert', error: 'channel_not_found', at: minute('2026-12-03T14:00:00Z', 0) }]);
  });

  it('retries a reminder that keeps failing until its due time, then gives it up; never one that has stopped meaning anything', async () => {
    const workspace = await world.workspace({ leads: [] });
    // Due 15:00; the hour-before reminder at 14:00 meets a Slack answering 503 for the whole hour.
    await world.logPromise(workspace, { due: '2026-12-03T15:00:00Z', created: '2026-12-03T12:00:00Z' });
    fake.setFaultPattern('chat.postMessage', () => ({ kind: 'status', status: 503 }));
    const jobs = world.jobs();
    for (let m = 0; m < 60; m++) await jobs.reminders(minute('2026-12-03T14:00:00Z', m));
    const tries = fake.calls.filter((c) => c.method === 'chat.postMessage').length;
    // 14:00, then backing off 1, 2, 4, 8, 15, 15 min: seven tries; the next would come at the due time itself.
    expect(tries).toBe(7);
    const [reminder] = (await ledgerOf(workspace.teamId)).filter((d) => d.id.includes(':remind60:'));
    expect(reminder!.get('state')).toBe('gave_up');
    expect(world.logLines.some((l) => l.includes('"severity":"ERROR"') && l.includes('promise reminder delivery given up'))).toBe(true);
  });

  it('a 429 from one workspace holds back that workspace alone: the other is delivered on time in the same sweep', async () => {
    const limited = await world.workspace({ leads: [] });
    const healthy = await world.workspace({ leads: [] });
    for (const workspace of [limited, healthy]) {
      for (let i = 0; i < 3; i++) {
        await world.logPromise(workspace, { due: '2026-12-03T14:00:00Z', created: '2026-12-03T13:30:00Z', owner: `U${workspace.teamId}${i}` });
      }
    }
    const tokens: InstallationStore = {
      storeInstallation: async () => undefined,
      fetchInstallation: async ({ teamId }) =>
        ({
          team: { id: teamId! },
          enterprise: undefined,
          user: { id: 'U', token: undefined, scopes: undefined },
          bot: { token: `xoxb-${teamId}`, scopes: [], id: 'B', userId: 'UBOT' },
        }) as never,
      deleteInstallation: async () => undefined,
    };
    fake.setFaultPattern('chat.postMessage', (_n, call) =>
      call.token === `xoxb-${limited.teamId}` ? { kind: 'status', status: 429, retryAfterSeconds: 120 } : undefined,
    );
    const jobs = createJobs({
      config: { slack: { botToken: undefined, signingSecret: undefined, appToken: undefined, apiUrl: fake.url } },
      db: world.db,
      logger: new JsonLogger('error', () => undefined),
      installations: tokens,
      channelIntervalMs: 0,
    });
    const first = await jobs.reminders(minute('2026-12-03T14:00:00Z', 0));
    const delivered = fake.callsTo('chat.postMessage').map((c) => c.token);
    expect(delivered).toEqual(Array(3).fill(`xoxb-${healthy.teamId}`));
    expect(first.sent).toBe(3);
    // The limited workspace tried at most what was in flight when the 429 came, and waits for Retry-After, its tries not counted.
    const waiting = await ledgerOf(limited.teamId);
    for (const d of waiting) {
      expect(d.get('state')).toBe('retry');
      expect(d.get('attempts')).toBe(0);
      expect(d.get('nextAttemptAt').toDate()).toEqual(minute('2026-12-03T14:02:00Z', 0));
    }
    fake.setFaultPattern('chat.postMessage', () => undefined);
    expect((await jobs.reminders(minute('2026-12-03T14:01:00Z', 0))).sent).toBe(0);
    expect((await jobs.reminders(minute('2026-12-03T14:02:00Z', 0))).sent).toBe(3);
  });
});
