import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type KeptHarness, newTeamId, startKept } from './support/kept-harness.js';

let h: KeptHarness;
beforeAll(async () => {
  h = await startKept();
  h.fake.addUser({ id: 'UANA', tz: 'Europe/Warsaw' });
});
afterAll(() => h.stop());

// Forged, unsigned and stale requests: test/security/request-signing.test.ts.
describe('the HTTP endpoint', () => {
  it('answers 200 on /healthz when Firestore is reachable', async () => {
    const res = await fetch(`${h.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, firestore: 'reachable' });
  });

  it('shows an error id instead of a stack trace when something unexpected fails', async () => {
    h.fake.addUser({ id: 'UGHOST', tz: 'UTC' });
    h.fake.injectFault('users.info', { kind: 'status', status: 500 });
    const { status, reply } = await h.command(newTeamId(), 'UNOBODY', '/promise', 'ACME: x tomorrow 10:00');
    expect(status).toBe(200);
    expect(reply.text).toMatch(/error id: `[0-9a-f]{8}`/);
    const id = reply.text.match(/`([0-9a-f]{8})`/)[1];
    expect(h.logLines.some((line) => line.includes(id) && line.includes('"severity":"ERROR"'))).toBe(true);
    expect(h.logLines.join('\n')).not.toContain('xoxb-test-token');
  });
});
