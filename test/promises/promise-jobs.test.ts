import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeSlack, startFakeSlack } from '../support/fake-slack.js';
import { isolatedProjectId, type SweepWorld, sweepDb, sweepWorld } from '../support/sweep-fixture.js';

let fake: FakeSlack;
let world: SweepWorld;
beforeAll(async () => {
  fake = await startFakeSlack();
});
afterAll(() => fake.close());
// Each test sweeps its own Firestore project: earlier tests' promises are never due in it.
afterEach(() => world.db.terminate());
beforeEach(() => {
  world = sweepWorld(fake, isolatedProjectId());
  fake.reset();
  fake.addUser({ id: 'ULEAD', tz: 'Europe/Warsaw' });
  fake.addUser({ id: 'ULEADNY', tz: 'America/New_York' });
});

const posts = () => fake.callsTo('chat.postMessage').map((c) => ({ channel: c.args.channel as string, text: c.args.text as string }));
const at = (iso: string) => new Date(iso);

describe('the reminder sweep', () => {
  it('reminds the owner a day and an hour before, tells them at the due time, alerts the lead, then escalates: each once', async () => {
    const workspace = await world.workspace({ leads: ['ULEAD'] });
    // Due Thursday 3 December 2026, 15:00 Warsaw.
    await world.logPromise(workspace, { due: '2026-12-03T14:00:00Z', created: '2026-11-30T09:00:00Z' });
    const jobs = world.jobs();
    const timeline: Array<[string, number]> = [
      ['2026-12-02T13:59:00Z', 0],
      ['2026-12-02T14:00:00Z', 1],
      ['2026-12-02T14:01:00Z', 0],
      ['2026-12-03T13:00:00Z', 1],
      ['2026-12-03T14:00:00Z', 2],
      ['2026-12-03T14:05:00Z', 0],
      ['2026-12-04T14:00:00Z', 1],
      ['2026-12-07T14:00:00Z', 0],
    ];
    for (const [now, expected] of timeline) {
      const before = posts().length;
      const summary = await jobs.reminders(at(now));
      expect(posts().length - before, now).toBe(expected);
      expect(summary.sent, now).toBe(expected);
    }
    // Per recipient, in order (the owner's notice and the lead's alert of one sweep go out side by side). What a
    // phone shows names the promise, its client and when, in the reader's time zone.
    const byRecipient = (channel: string) =>
      posts()
        .filter((p) => p.channel === channel)
        .map((p) => [p.channel, p.text]);
    expect([...byRecipient('UOWNER'), ...byRecipient('ULEAD')]).toEqual([
      ['UOWNER', 'ACME: send the quote – due in 24 hours, tomorrow at 15:00'],
      ['UOWNER', 'ACME: send the quote – due in an hour, at 15:00'],
      ['UOWNER', 'ACME: send the quote – due now'],
      ['ULEAD', 'ACME: send the quote – now overdue, owner <@UOWNER>'],
      ['ULEAD', 'ACME: send the quote – still overdue (a day), owner <@UOWNER>'],
    ]);
  });

  it("holds the leads' alert until their own working hours, each lead in their time zone", async () => {
    const workspace = await world.workspace({ leads: ['ULEAD', 'ULEADNY'] });
    // Due Saturday 5 December 10:00 Warsaw.
    await world.logPromise(workspace, { due: '2026-12-05T09:00:00Z', created: '2026-12-01T09:00:00Z' });
    const jobs = world.jobs();
    await jobs.reminders(at('2026-12-05T09:00:00Z'));
    expect(posts().map((p) => p.channel)).toEqual(['UOWNER']);
    // Monday 09:00 Warsaw = 08:00 UTC: the Warsaw lead.
    await jobs.reminders(at('2026-12-07T08:00:00Z'));
    expect(posts().map((p) => p.channel)).toEqual(['UOWNER', 'ULEAD']);
    // Monday 09:00 New York = 14:00 UTC.
    await jobs.reminders(at('2026-12-07T13:59:00Z'));
    expect(posts()).toHaveLength(2);
    await jobs.reminders(at('2026-12-07T14:00:00Z'));
    expect(posts().map((p) => p.channel)).toEqual(['UOWNER', 'ULEAD', 'ULEADNY']);
  });

  it('posts one alert in the leads channel when one is set', async () => {
    const workspace = await world.workspace({ leads: ['ULEAD', 'ULEADNY'], channels: { leads: 'CLEADS' } });
    await world.logPromise(workspace, { due: '2026-12-03T14:00:00Z', created: '2026-12-03T13:30:00Z' });
    await world.jobs().reminders(at('2026-12-03T14:00:00Z'));
    expect(
      posts()
        .map((p) => p.channel)
        .sort(),
    ).toEqual(['CLEADS', 'UOWNER']);
    const alert = fake.callsTo('chat.postMessage').find((c) => c.args.channel === 'CLEADS')!;
    expect(JSON.stringify(alert.args.blocks)).toContain('promise_nudge');
  });

  it('sends nothing more once a promise is kept, and plans afresh after a renegotiation', async () => {
    const workspace = await world.workspace({ leads: ['ULEAD'] });
    const kept = await world.logPromise(workspace, { due: '2026-12-03T14:00:00Z', created: '2026-11-30T09:00:00Z', what: 'kept one' });
    const moved = await world.logPromise(workspace, { due: '2026-12-03T14:00:00Z', created: '2026-11-30T09:00:00Z', what: 'moved one' });
    await world.promises.keep(workspace, kept, 'UOWNER', at('2026-12-01T10:00:00Z'));
    await world.promises.renegotiate(
      workspace,
      moved,
      'UOWNER',
      { newDueAt: at('2026-12-10T14:00:00Z'), reason: 'data late', clientInformed: true },
      at('2026-12-02T10:00:00Z'),
    );
    const jobs = world.jobs();
    await jobs.reminders(at('2026-12-03T15:00:00Z'));
    expect(posts()).toEqual([]);
    await jobs.reminders(at('2026-12-09T14:00:00Z'));
    expect(posts()).toHaveLength(1);
    expect(JSON.stringify(fake.callsTo('chat.postMessage')[0]!.args.blocks)).toContain('moved one');
  });

  it('skips a reminder the sweep reaches only after the due time has passed', async () => {
    const workspace = await world.workspace({ leads: [] });
    await world.logPromise(workspace, { due: '2026-12-03T14:00:00Z', created: '2026-11-30T09:00:00Z' });
    const summary = await world.jobs().reminders(at('2026-12-03T14:30:00Z'));
    // The due-time notice, half an hour late, says what is true then.
    expect(posts().map((p) => p.text)).toEqual(['ACME: send the quote – was due 30 minutes ago']);
    expect(JSON.stringify(fake.callsTo('chat.postMessage')[0]!.args.blocks)).toContain('This promise was due 30 minutes ago');
    expect(summary).toMatchObject({ sent: 1, skipped: 3 });
  });
});

describe('delivery when Slack misbehaves', () => {
  it('marks nothing sent without an ok, honours Retry-After, and delivers everything once the faults stop', async () => {
    const workspace = await world.workspace({ leads: [] });
    for (const what of ['one', 'two', 'three']) await world.logPromise(workspace, { due: '2026-12-03T14:00:00Z', created: '2026-12-03T13:30:00Z', what });
    fake.injectFault('chat.postMessage', { kind: 'status', status: 429, retryAfterSeconds: 120 });
    const jobs = world.jobs({ requestTimeoutMs: 300 });
    const first = await jobs.reminders(at('2026-12-03T14:00:00Z'));
    expect(first.failed).toBeGreaterThanOrEqual(1);
    expect(first.sent + first.failed + first.deferred).toBe(3);
    // Retry-After 120 s: a sweep a minute later still waits.
    expect((await jobs.reminders(at('2026-12-03T14:01:00Z'))).sent).toBe(0);
    const stillWaiting = await world.db.collection('teams').doc(workspace.teamId).collection('deliveries').where('state', '==', 'retry').get();
    expect(stillWaiting.docs.map((d) => d.get('nextAttemptAt').toDate().toISOString())).toContain('2026-12-03T14:02:00.000Z');
    fake.injectFault('chat.postMessage', { kind: 'status', status: 500 });
    fake.injectFault('chat.postMessage', { kind: 'delay', ms: 1_000 });
    let sent = 0;
    sent += first.sent;
    for (let minute = 2; minute <= 30 && sent < 3; minute++) {
      sent += (await jobs.reminders(at(`2026-12-03T14:${String(minute).padStart(2, '0')}:00Z`))).sent;
    }
    // The slow answer may have been posted before the timeout gave up on it: Slack has no idempotency key,
    // so such a post can repeat. Every promise is delivered, and nothing answered ok goes out twice.
    const byText = new Map<string, number>();
    for (const call of fake.calls.filter((c) => c.method === 'chat.postMessage' && c.ok && !c.fault)) {
      const key = JSON.stringify(call.args.blocks);
      byText.set(key, (byText.get(key) ?? 0) + 1);
    }
    expect(sent).toBe(3);
    expect([...byText.values()].every((n) => n === 1)).toBe(true);
    const ledger = await world.db.collection('teams').doc(workspace.teamId).collection('deliveries').get();
    expect(ledger.docs.map((d) => d.get('state'))).toEqual(['sent', 'sent', 'sent']);
  });

  it('gives up after a bounded number of tries, logs it, and reports the failure', async () => {
    const workspace = await world.workspace({ leads: [] });
    await world.logPromise(workspace, { due: '2026-12-03T14:00:00Z', created: '2026-12-03T13:30:00Z' });
    fake.injectFault('chat.postMessage', { kind: 'status', status: 503 }, 10);
    const jobs = world.jobs({ deliveryPolicy: { maxAttempts: 2, leaseMs: 60_000, backoffBaseMs: 60_000 } });
    expect((await jobs.reminders(at('2026-12-03T14:00:00Z'))).failed).toBe(1);
    expect((await jobs.reminders(at('2026-12-03T14:01:00Z'))).failed).toBe(1);
    expect(await jobs.reminders(at('2026-12-03T14:10:00Z'))).toEqual({ sent: 0, skipped: 0, deferred: 0, failed: 0 });
    expect(fake.calls.filter((c) => c.method === 'chat.postMessage')).toHaveLength(2);
    expect(world.logLines.some((l) => l.includes('"severity":"ERROR"') && l.includes('given up'))).toBe(true);
  });

  it('a permanent Slack error is not retried', async () => {
    const workspace = await world.workspace({ leads: [] });
    await world.logPromise(workspace, { due: '2026-12-03T14:00:00Z', created: '2026-12-03T13:30:00Z' });
    fake.injectFault('chat.postMessage', { kind: 'error', error: 'user_disabled' });
    const jobs = world.jobs();
    expect((await jobs.reminders(at('2026-12-03T14:00:00Z'))).failed).toBe(1);
    await jobs.reminders(at('2026-12-03T15:00:00Z'));
    expect(fake.calls.filter((c) => c.method === 'chat.postMessage')).toHaveLength(1);
  });
});

describe('several instances', () => {
  it('three sweeps at once over the same due promises post every step exactly once', async () => {
    const workspace = await world.workspace({ leads: [] });
    for (let i = 0; i < 30; i++) {
      await world.logPromise(workspace, { due: '2026-12-03T14:00:00Z', created: '2026-12-03T13:30:00Z', owner: `UOWNER${i}`, what: `promise ${i}` });
    }
    fake.setLatency('chat.postMessage', 20);
    const instances = [0, 1, 2].map(() => world.jobs({ db: sweepWorldDb() }));
    const summaries = await Promise.all(instances.map((jobs) => jobs.reminders(at('2026-12-03T14:00:00Z'))));
    const channels = posts().map((p) => p.channel);
    const unique = new Set(channels).size;
    console.log(`three sweeps at once: steps due 30, posted ${channels.length}, duplicates ${channels.length - unique}, lost ${30 - unique}`);
    expect(unique).toBe(30);
    expect(channels).toHaveLength(30);
    expect(summaries.reduce((n, s) => n + s.sent, 0)).toBe(30);
    // And again later: nothing new.
    await Promise.all(instances.map((jobs) => jobs.reminders(at('2026-12-03T14:05:00Z'))));
    expect(posts()).toHaveLength(30);
  });
});

const extraDbs: Array<{ terminate(): Promise<void> }> = [];
function sweepWorldDb() {
  const db = sweepDb((world.db as unknown as { projectId: string }).projectId);
  extraDbs.push(db);
  return db;
}
afterAll(async () => {
  await Promise.all(extraDbs.map((db) => db.terminate()));
});
