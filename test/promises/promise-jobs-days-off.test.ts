import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FirestorePeopleStore } from '../../src/shared/workspace/people-store.js';
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
  fake.addUser({ id: 'ULEAD', tz: 'Europe/Warsaw' });
});

const posts = () => fake.callsTo('chat.postMessage').map((c) => ({ channel: c.args.channel as string, text: c.args.text as string, blocks: c.args.blocks }));

async function sweepAt(iso: string): Promise<ReturnType<typeof posts>> {
  const before = posts().length;
  await world.jobs().reminders(new Date(iso));
  return posts().slice(before);
}

describe('the reminder sweep on holidays and company days off', () => {
  it("waits over Poland's Christmas holidays to escalate in a Polish workspace, and only that", async () => {
    const polish = await world.workspace({ language: 'pl', leads: ['ULEAD'] });
    const english = await world.workspace({ leads: ['ULEAD'] });
    // Due Wednesday 23 December 10:00 Warsaw; 24–26 December are public holidays in Poland.
    await world.logPromise(polish, { owner: 'UPL', due: '2026-12-23T09:00:00Z', created: '2026-12-22T12:00:00Z' });
    await world.logPromise(english, { owner: 'UEN', due: '2026-12-23T09:00:00Z', created: '2026-12-22T12:00:00Z' });

    expect((await sweepAt('2026-12-23T08:00:00Z')).map((p) => p.channel).sort()).toEqual(['UEN', 'UPL']); // an hour before
    expect((await sweepAt('2026-12-23T09:00:00Z')).map((p) => p.channel).sort()).toEqual(['UEN', 'ULEAD', 'ULEAD', 'UPL']); // due, alerts
    const christmasEve = await sweepAt('2026-12-24T09:00:00Z');
    expect(christmasEve.map((p) => [p.channel, p.text.includes('still overdue')])).toEqual([['ULEAD', true]]);
    expect(await sweepAt('2026-12-25T09:00:00Z')).toEqual([]);
    const monday = await sweepAt('2026-12-28T09:00:00Z');
    expect(monday.map((p) => [p.channel, p.text.includes('wciąż po terminie')])).toEqual([['ULEAD', true]]);
  });

  it('skips a company day off for the escalation', async () => {
    const workspace = await world.workspace({ leads: ['ULEAD'], daysOff: ['2026-12-04'] });
    // Due Thursday 3 December 15:00 Warsaw; Friday 4 December is a company day off.
    await world.logPromise(workspace, { due: '2026-12-03T14:00:00Z', created: '2026-12-03T12:00:00Z' });
    await sweepAt('2026-12-03T14:00:00Z');
    expect(await sweepAt('2026-12-04T14:00:00Z')).toEqual([]);
    expect((await sweepAt('2026-12-07T14:00:00Z')).map((p) => p.channel)).toEqual(['ULEAD']);
  });
});

describe('the reminder sweep with an owner away', () => {
  it("holds an away owner's reminders and due notice, tells the lead with Reassign first, and sends everyone else's on time", async () => {
    const workspace = await world.workspace({ leads: ['ULEAD'] });
    // Away through Tuesday 8 December (back Wednesday 00:00 Warsaw), with a backup.
    await new FirestorePeopleStore(world.db).update(workspace, 'UAWAY', {
      awayLastDay: '2026-12-08',
      awayUntil: new Date('2026-12-08T23:00:00Z'),
      awaySetBy: 'UAWAY',
      backupId: 'UBEN',
    });
    // Both due Tuesday 8 December 15:00 Warsaw.
    await world.logPromise(workspace, { owner: 'UAWAY', client: 'ACME', due: '2026-12-08T14:00:00Z', created: '2026-12-01T09:00:00Z' });
    await world.logPromise(workspace, { owner: 'UHERE', client: 'Globex', due: '2026-12-08T14:00:00Z', created: '2026-12-01T09:00:00Z' });

    expect((await sweepAt('2026-12-07T14:00:00Z')).map((p) => p.channel)).toEqual(['UHERE']);
    expect((await sweepAt('2026-12-08T13:00:00Z')).map((p) => p.channel)).toEqual(['UHERE']);
    const due = await sweepAt('2026-12-08T14:00:00Z');
    // The lead's two alerts come as one digest: the away owner's item says so, with Reassign first.
    expect(due.map((p) => p.channel).sort()).toEqual(['UHERE', 'ULEAD']);
    const digest = due.find((p) => p.channel === 'ULEAD')!;
    expect(JSON.stringify(digest.blocks)).toContain('<@UAWAY> is away until Tue 8 Dec. Reassign it so the client isn’t left waiting. Their backup is <@UBEN>.');
    const buttonsOf = (client: string) => {
      const item = digest.blocks!.findIndex((b: { type: string }) => b.type === 'section' && JSON.stringify(b).includes(client));
      return (digest.blocks![item + 1] as any).elements.map((e: any) => [e.text.text, e.style ?? null]);
    };
    expect(buttonsOf('ACME')).toEqual([
      ['Reassign', 'primary'],
      ['Nudge owner', null],
    ]);
    expect(buttonsOf('Globex')).toEqual([
      ['Nudge owner', 'primary'],
      ['Reassign', null],
    ]);
    expect(JSON.stringify(digest.blocks!.find((b: object) => JSON.stringify(b).includes('Globex')))).not.toContain('away');

    // Back on Wednesday at 09:00: the due notice greets them, saying what is true then (it was due yesterday);
    // the reminders, now past the due time, are dropped.
    const back = await sweepAt('2026-12-09T08:00:00Z');
    expect(back.map((p) => [p.channel, p.text.endsWith('– was due 18 hours ago')])).toEqual([['UAWAY', true]]);
    expect(posts().filter((p) => p.channel === 'UAWAY')).toHaveLength(1);
  });

  it('reads "away" from a Slack vacation status with an expiration, and not from any other status', async () => {
    const workspace = await world.workspace({ leads: [] });
    const friday = Math.floor(new Date('2026-12-11T23:00:00Z').getTime() / 1000);
    fake.addUser({ id: 'UVAC', tz: 'Europe/Warsaw', status: { text: 'Vacationing', emoji: ':palm_tree:', expiration: friday } });
    fake.addUser({ id: 'UMEET', tz: 'Europe/Warsaw', status: { text: 'In a meeting', emoji: ':calendar:', expiration: friday } });
    await world.logPromise(workspace, { owner: 'UVAC', due: '2026-12-08T14:00:00Z', created: '2026-12-01T09:00:00Z' });
    await world.logPromise(workspace, { owner: 'UMEET', due: '2026-12-08T14:00:00Z', created: '2026-12-01T09:00:00Z' });
    expect((await sweepAt('2026-12-07T14:00:00Z')).map((p) => p.channel)).toEqual(['UMEET']);
  });

  it("follows the owner's own hours for their reminders", async () => {
    const workspace = await world.workspace({ leads: [] });
    await new FirestorePeopleStore(world.db).update(workspace, 'UOWN', { hours: { days: [1, 2, 3, 4], startMinute: 8 * 60, endMinute: 16 * 60 } });
    // Due Monday 7 December 10:00 Warsaw: the day-before reminder goes on Thursday at 16:00 (their last working hour), not Friday 18:00.
    await world.logPromise(workspace, { owner: 'UOWN', due: '2026-12-07T09:00:00Z', created: '2026-12-01T09:00:00Z' });
    expect(await sweepAt('2026-12-03T14:59:00Z')).toEqual([]);
    expect((await sweepAt('2026-12-03T15:00:00Z')).map((p) => p.channel)).toEqual(['UOWN']);
  });
});
