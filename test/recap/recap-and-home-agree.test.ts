import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createJobs } from '../../src/jobs/jobs.js';
import { type ClientPromise, cancelPromise, createPromise, markKept, renegotiate } from '../../src/promises/client-promise.js';
import { FirestorePromiseStore } from '../../src/promises/promise-store.js';
import { JsonLogger } from '../../src/shared/logger.js';
import { DEFAULT_SETTINGS } from '../../src/shared/workspace/workspace-settings.js';
import { type KeptHarness, newTeamId, startKept } from '../support/kept-harness.js';

let h: KeptHarness;
beforeAll(async () => {
  h = await startKept();
});
afterAll(() => h.stop());

// The recap of Friday 4 December 2026, 15:00 in Warsaw (14:00 UTC): the week from 27 Nov 14:00 UTC.
const RECAP_AT = new Date('2026-12-04T14:00:00Z');
const at = (iso: string) => new Date(iso);
let team: string;
beforeEach(() => {
  team = newTeamId();
  h.fake.reset();
  h.fake.addUser({ id: 'ULEAD', tz: 'Europe/Warsaw' });
});

let counter = 0;
function due(dueAt: string, created = '2026-11-01T10:00:00Z'): ClientPromise {
  const id = `p${++counter}`;
  return createPromise({ id, client: 'ACME', what: id, ownerId: 'UANA', ownerTimeZone: 'Europe/Warsaw', creatorId: 'UANA', dueAt: at(dueAt) }, at(created));
}
const move = (p: ClientPromise, when: string, to: string, clientInformed = true) =>
  renegotiate(p, 'UANA', { newDueAt: at(to), reason: 'client asked', clientInformed }, at(when));
const keep = (p: ClientPromise, when: string) => markKept(p, 'UANA', at(when));

/** One week of a team, each promise with the one outcome it counts as in the week of 4 December. */
const WEEK = [
  keep(due('2026-12-01T10:00:00Z'), '2026-12-01T09:00:00Z'), // kept on time
  keep(move(due('2026-12-01T10:00:00Z'), '2026-11-30T10:00:00Z', '2026-12-03T10:00:00Z'), '2026-12-02T10:00:00Z'), // moved early, then kept: once, kept on time
  move(due('2026-12-02T10:00:00Z'), '2026-11-29T10:00:00Z', '2026-12-10T10:00:00Z'), // renegotiated early, client informed
  move(due('2026-12-03T10:00:00Z'), '2026-11-10T10:00:00Z', '2026-12-20T10:00:00Z'), // moved weeks ago away from this week: early, here
  due('2026-12-02T10:00:00Z'), // overdue, still open
  keep(due('2026-12-01T10:00:00Z'), '2026-12-02T10:00:00Z'), // kept late
  move(due('2026-12-01T10:00:00Z'), '2026-12-02T10:00:00Z', '2026-12-08T10:00:00Z'), // renegotiated after its due time
  cancelPromise(due('2026-12-02T10:00:00Z'), 'UANA', at('2026-12-01T10:00:00Z')), // cancelled: not in the rate
  move(due('2026-12-09T10:00:00Z'), '2026-12-01T10:00:00Z', '2026-12-12T10:00:00Z'), // moved this week, but from next week's due time
];

describe('the recap and the Home count the same week the same way', () => {
  it('shows a lead at 14:59 on Friday the on-time rate the recap posts at 15:00, each promise once', async () => {
    const workspace = { teamId: team };
    h.now = at('2026-11-20T09:00:00Z');
    await h.kept.services.settings.save(workspace, { ...DEFAULT_SETTINGS, timeZone: 'Europe/Warsaw', leads: ['ULEAD'], channels: { recap: 'CRECAP' } });
    const store = new FirestorePromiseStore(h.db);
    for (const p of WEEK) await store.create(workspace, p);

    h.now = new Date(RECAP_AT.getTime() - 60_000);
    await h.event(team, { type: 'app_home_opened', user: 'ULEAD', channel: 'DLEAD', tab: 'home', event_ts: '1764579600.000100' });
    const home = JSON.stringify((await h.fake.waitForCalls('views.publish', 1))[0]!.args.view.blocks);

    const jobs = createJobs({
      config: { slack: { botToken: 'xoxb-test-token', signingSecret: undefined, appToken: undefined, apiUrl: h.fake.url } },
      db: h.db,
      logger: new JsonLogger('error', () => undefined),
      channelIntervalMs: 0,
    });
    await jobs.recap(RECAP_AT);
    const recap = JSON.stringify(h.fake.callsTo('chat.postMessage').find((c) => c.args.channel === 'CRECAP' && !c.args.thread_ts)?.args.blocks);

    // Kept on time 2, renegotiated early 2, kept late 1, renegotiated late 1, overdue 1: 4 of 7 came due on time.
    expect(home).toContain('*This week’s on-time rate: 57%*');
    expect(home).toContain('4 of 7 due');
    expect(home).toContain('The week runs from one recap to the next: Fri 27 Nov at 15:00 to Fri 4 Dec at 15:00.');
    expect(recap).toContain('came due');
    expect(recap).toContain('*On-time rate: 57%* · 4 of 7 kept on time or renegotiated early');
    expect(recap).toContain('2 kept on time');
    expect(recap).toContain('2 renegotiated before the due time, client informed');
    expect(recap).toContain('1 cancelled');
    const homeRate = home.match(/on-time rate: (\d+)%/)?.[1];
    const recapRate = recap.match(/On-time rate: (\d+)%/)?.[1];
    expect(homeRate).toBe(recapRate);
  });
});
