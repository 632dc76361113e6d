// The scheduled posts (reminders, alerts, incident cadence steps, the recap) carry the same message
// metadata as the interactive ones, and the poster sends it to Slack.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type IncidentSweepDeps, sweepIncidentSteps } from '../../src/incidents/incident-jobs.js';
import { withIncidentSchedule } from '../../src/incidents/incident-schedule.js';
import { FirestoreIncidentStore } from '../../src/incidents/incident-store.js';
import { Deliverer, DeliveryLedger, type MessagePoster, type OutgoingMessage } from '../../src/shared/delivery/delivery.js';
import { JsonLogger } from '../../src/shared/logger.js';
import { anIncident, hours, POLICY } from '../incidents/incident-fixtures.js';
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

describe('scheduled posts', () => {
  it("send the owner's reminders as kept_promise_reminder and the leads' alert as kept_promise_overdue, with the promise's payload", async () => {
    const workspace = await world.workspace({ leads: ['ULEAD'] });
    const id = await world.logPromise(workspace, { client: 'ACME', what: 'call back', due: '2026-12-03T14:00:00Z', created: '2026-11-30T09:00:00Z' });
    const jobs = world.jobs();
    for (const now of ['2026-12-02T14:00:00Z', '2026-12-03T14:00:00Z']) await jobs.reminders(new Date(now));
    const sent = fake.callsTo('chat.postMessage').map((c) => [c.args.channel, c.args.metadata?.event_type]);
    expect(sent).toEqual([
      ['UOWNER', 'kept_promise_reminder'],
      ['UOWNER', 'kept_promise_reminder'],
      ['ULEAD', 'kept_promise_overdue'],
    ]);
    expect(fake.callsTo('chat.postMessage')[2]!.args.metadata.event_payload).toEqual({
      v: 1,
      promise_id: id,
      client: 'ACME',
      status: 'open',
      due_at: '2026-12-03T14:00:00.000Z',
      owner_id: 'UOWNER',
    });
  });

  it('mark an incident cadence reminder as kept_incident_reminder', async () => {
    const workspace = await world.workspace({ leads: ['ULEAD'] });
    const store = new FirestoreIncidentStore(world.db);
    const id = store.newId(workspace);
    await store.create(workspace, withIncidentSchedule({ ...anIncident({ severity: 'sev2' }, hours(-2)), id }, POLICY));
    const posts: OutgoingMessage[] = [];
    const poster: MessagePoster = { post: async (_ws, message) => (posts.push(message), { ok: true, ts: `${posts.length}.0` }) };
    const deps: IncidentSweepDeps = {
      store,
      settings: world.settings,
      deliverer: new Deliverer(new DeliveryLedger(world.db), poster),
      timeZoneOf: async () => 'Europe/Warsaw',
      logger: new JsonLogger('error', () => undefined),
      pageSize: 100,
    };
    await sweepIncidentSteps(deps, hours(3));
    expect(posts.length).toBeGreaterThan(0);
    for (const post of posts) {
      expect(post.metadata).toMatchObject({ event_type: 'kept_incident_reminder', event_payload: { incident_id: id, client: 'ACME', severity: 'sev2' } });
    }
  });
});
