import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeSlack, type RecordedCall, startFakeSlack } from '../support/fake-slack.js';
import { isolatedProjectId, type SweepWorld, sweepDb, sweepWorld } from '../support/sweep-fixture.js';

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
  fake.addUser({ id: 'ULEAD', tz: 'Europe/Warsaw' });
});

const at = (iso: string) => new Date(iso);
const postsTo = (channel: string) => fake.callsTo('chat.postMessage').filter((c) => c.args.channel === channel);
/** How many items a post carried: a digest says so in its metadata, a single message is one. */
const itemsIn = (call: RecordedCall) => Number(call.args.metadata?.event_payload?.count ?? 1);
const deliveries = async (teamId: string) => (await world.db.collection('teams').doc(teamId).collection('deliveries').get()).docs;

/** Thursday 3 December 2026: `count` promises of one owner, due between 13:00 and 14:00 UTC, the oldest first. */
async function overdue(workspace: { teamId: string }, count: number, from = 0) {
  const ids: string[] = [];
  for (let i = from; i < from + count; i++) {
    const due = new Date(Date.parse('2026-12-03T13:00:00Z') + i * 60_000).toISOString();
    ids.push(await world.logPromise(workspace, { due, created: '2026-12-03T12:30:00Z', client: `ACME ${i}`, what: `send quote ${i}` }));
  }
  return ids;
}

describe('digests', () => {
  it('gives the lead one message for 30 overdue promises, most overdue first, and the owner one', async () => {
    const workspace = await world.workspace({ leads: ['ULEAD'] });
    await overdue(workspace, 30);
    const summary = await world.jobs().reminders(at('2026-12-03T14:30:00Z'));

    const [alert, ...moreAlerts] = postsTo('ULEAD');
    expect(moreAlerts).toEqual([]);
    expect(postsTo('UOWNER')).toHaveLength(1);
    expect(summary).toMatchObject({ sent: 60, failed: 0 });
    expect(alert!.args.text).toBe('30 overdue promises: ACME 0 – send quote 0 (<@UOWNER>, 1 h 30 min late) and 29 more');
    const items = (alert!.args.blocks as Array<Record<string, any>>).filter((b) => b.type === 'section' && String(b.block_id).startsWith('digest:'));
    expect(items.map((b) => b.text.text.split('\n')[0])).toEqual(Array.from({ length: 15 }, (_, i) => `*ACME ${i}* – send quote ${i}`));
    expect(JSON.stringify(alert!.args.blocks)).toContain('…and 15 more. `/promise list overdue` lists them all.');
    expect(itemsIn(alert!)).toBe(30);
    // Every item is claimed and recorded on its own.
    const ledger = await deliveries(workspace.teamId);
    expect(ledger).toHaveLength(60);
    expect(new Set(ledger.map((d) => d.get('state')))).toEqual(new Set(['sent']));
    expect(new Set(ledger.filter((d) => d.id.endsWith(':ULEAD')).map((d) => d.get('digestId')))).toEqual(
      new Set([alert!.args.metadata.event_payload.delivery_id]),
    );
    // A second sweep later has nothing more to say until the escalation.
    await world.jobs().reminders(at('2026-12-03T15:30:00Z'));
    expect(postsTo('ULEAD')).toHaveLength(1);
  });

  it('a single item reads as the single message it always was', async () => {
    const workspace = await world.workspace({ leads: ['ULEAD'] });
    await overdue(workspace, 1);
    await world.jobs().reminders(at('2026-12-03T14:30:00Z'));
    expect(postsTo('ULEAD')[0]!.args.text).toBe('ACME 0: send quote 0 – 1 hour and 30 minutes overdue, owner <@UOWNER>');
    expect(postsTo('ULEAD')[0]!.args.metadata).toMatchObject({ event_type: 'kept_promise_overdue', event_payload: { delivery_id: expect.any(String) } });
  });

  it('three sweeps at once deliver every item once, each lead message carrying only the items its sweep won', async () => {
    const workspace = await world.workspace({ leads: ['ULEAD'] });
    await overdue(workspace, 30);
    fake.setLatency('chat.postMessage', 20);
    const instances = [0, 1, 2].map(() => world.jobs({ db: extraDb() }));
    await Promise.all(instances.map((jobs) => jobs.reminders(at('2026-12-03T14:30:00Z'))));
    const toLead = postsTo('ULEAD');
    const carried = toLead.reduce((n, c) => n + itemsIn(c), 0);
    console.log(`three sweeps at once, 30 overdue for one lead: ${toLead.length} message(s) to the lead carrying ${carried} items`);
    expect(carried).toBe(30);
    expect(toLead.length).toBeLessThanOrEqual(3);
    const ledger = await deliveries(workspace.teamId);
    expect(ledger.filter((d) => d.get('state') === 'sent')).toHaveLength(60);
  });

  it('retries a failed digest with exactly the items it carried; what came due since goes in a message of its own', async () => {
    const workspace = await world.workspace({ leads: ['ULEAD'], channels: { leads: 'CLEADS' } });
    await overdue(workspace, 5);
    let failures = 0;
    fake.setFaultPattern('chat.postMessage', (_n, call) => (call.args.channel === 'CLEADS' && failures++ === 0 ? { kind: 'status', status: 500 } : undefined));
    const jobs = world.jobs();
    await jobs.reminders(at('2026-12-03T14:30:00Z'));
    expect(postsTo('CLEADS')).toEqual([]);
    // Two more come due before the retry.
    await overdue(workspace, 2, 80);
    await jobs.reminders(at('2026-12-03T14:31:00Z'));
    const carried = postsTo('CLEADS').map(itemsIn);
    expect(carried.sort()).toEqual([2, 5]);
    const ledger = (await deliveries(workspace.teamId)).filter((d) => d.id.endsWith(':CLEADS'));
    expect(ledger.map((d) => d.get('state'))).toEqual(Array(7).fill('sent'));
  });

  it('a digest that arrived although its answer was lost is found in the conversation, not posted again', async () => {
    const workspace = await world.workspace({ leads: ['ULEAD'], channels: { leads: 'CLEADS' } });
    await overdue(workspace, 4);
    let sweepNow = at('2026-12-03T14:30:00Z');
    fake.setClock(() => sweepNow.getTime());
    let lost = 0;
    fake.setFaultPattern('chat.postMessage', (_n, call) => (call.args.channel === 'CLEADS' && lost++ === 0 ? { kind: 'lose_answer' } : undefined));
    const jobs = world.jobs({ requestTimeoutMs: 300 });
    expect((await jobs.reminders(sweepNow)).failed).toBe(4);
    expect(fake.history('CLEADS')).toHaveLength(1);
    sweepNow = at('2026-12-03T14:32:00Z');
    const second = await jobs.reminders(sweepNow);
    expect(second).toMatchObject({ skipped: 4, failed: 0 });
    expect(fake.history('CLEADS')).toHaveLength(1);
    expect(fake.callsTo('conversations.history').map((c) => c.args.channel)).toEqual(['CLEADS']);
    const ledger = (await deliveries(workspace.teamId)).filter((d) => d.id.endsWith(':CLEADS'));
    expect(ledger.map((d) => [d.get('state'), d.get('ts')])).toEqual(Array(4).fill(['sent', fake.history('CLEADS')[0]!.ts]));
  });
});

const extraDbs: Array<{ terminate(): Promise<void> }> = [];
function extraDb() {
  const db = sweepDb((world.db as unknown as { projectId: string }).projectId);
  extraDbs.push(db);
  return db;
}
afterAll(async () => {
  await Promise.all(extraDbs.map((db) => db.terminate()));
});
