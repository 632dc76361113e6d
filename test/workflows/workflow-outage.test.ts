import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type KeptHarness, newTeamId, startKept } from '../support/kept-harness.js';
import { unreachableFirestore } from '../support/unreachable-firestore.js';
import { stepDriver } from './step-driver.js';

let h: KeptHarness;
beforeAll(async () => {
  // The emulator variable would override the client's host; this file talks to no database at all.
  delete process.env.FIRESTORE_EMULATOR_HOST;
  h = await startKept({ db: unreachableFirestore() });
  h.fake.addUser({ id: 'UANA', tz: 'Europe/Warsaw' });
});
afterAll(() => h.stop(), 60_000);

describe('a workflow step when Firestore cannot be reached', () => {
  it('is acknowledged at once and failed within seconds, saying nothing was changed', async () => {
    const steps = stepDriver(h);
    const started = Date.now();
    const run = await steps.run(newTeamId(), 'log_client_promise', {
      client: 'ACME',
      what: 'send the quote',
      owner: 'UANA',
      due: Date.parse('2026-12-02T11:00:00Z') / 1000,
    });
    expect(run.status).toBe(200);
    expect(steps.ends(run)).toEqual([]);
    expect(await steps.end(run, 20_000)).toEqual({
      kind: 'error',
      token: run.botAccessToken,
      error: 'Kept cannot reach its database right now, so nothing was changed. Please try again in a minute.',
    });
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(h.fake.callsTo('chat.postMessage')).toEqual([]);
  }, 30_000);
});
