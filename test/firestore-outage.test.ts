import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type KeptHarness, newTeamId, startKept } from './support/kept-harness.js';
import { unreachableFirestore } from './support/unreachable-firestore.js';

let h: KeptHarness;
beforeAll(async () => {
  // The emulator variable would override the client's host; this file talks to no database at all.
  delete process.env.FIRESTORE_EMULATOR_HOST;
  h = await startKept({ db: unreachableFirestore() });
  h.fake.addUser({ id: 'UANA', tz: 'Europe/Warsaw' });
});
afterAll(() => h.stop(), 60_000);

describe('when Firestore cannot be reached', () => {
  it('answers /healthz with 503', async () => {
    const res = await fetch(`${h.url}/healthz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ ok: false, firestore: 'unreachable' });
  });

  it('tells the user within seconds that nothing was changed, with a 200 to Slack', async () => {
    const started = Date.now();
    const { status, reply } = await h.command(newTeamId(), 'UANA', '/promise', 'ACME: send the quote tomorrow 10:00', { replyWaitMs: 15_000 });
    expect(status).toBe(200);
    expect(reply.text).toBe('Kept cannot reach its database right now, so nothing was changed. Please try again in a minute.');
    expect(Date.now() - started).toBeLessThan(15_000);
  }, 30_000);

  it('tells operators once per outage: one ERROR however many requests fail', async () => {
    await Promise.all([1, 2, 3].map(() => h.command(newTeamId(), 'UANA', '/promise', 'ACME: send the quote tomorrow 10:00', { replyWaitMs: 15_000 })));
    await fetch(`${h.url}/healthz`);
    const outageLines = h.logLines.map((l) => JSON.parse(l)).filter((l) => l.outage === 'Firestore');
    expect(outageLines.map((l) => [l.severity, l.message])).toEqual([['ERROR', 'Firestore unreachable: requests are failing']]);
  }, 30_000);
});
