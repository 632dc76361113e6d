import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type KeptHarness, newTeamId, startKept } from '../support/kept-harness.js';

let h: KeptHarness;
beforeAll(async () => {
  h = await startKept({ now: new Date('2026-12-01T09:00:00Z') });
});
afterAll(() => h.stop());

let team: string;
beforeEach(() => {
  team = newTeamId();
  h.fake.reset();
  h.fake.addUser({ id: 'UADMIN', tz: 'Europe/Warsaw', is_admin: true });
});

async function settle() {
  await h.kept.idle(10_000);
}

describe('changing the schedule settings', () => {
  it('re-plans the reminders of promises already open', async () => {
    await h.command(team, 'UADMIN', '/promise', 'ACME: send the quote 2026-12-04 10:00');
    const [promise] = (await h.kept.services.promises.listOpen({ teamId: team }, {}, 5)).promises;
    // Default lead times: a day before Friday 10:00 Warsaw.
    expect(promise!.nextStepAt?.toISOString()).toBe('2026-12-03T09:00:00.000Z');

    await h.command(team, 'UADMIN', '/kept', 'reminders 48h 1h');
    await settle();
    const replanned = await h.kept.services.promises.get({ teamId: team }, promise!.id);
    expect(replanned!.nextStepAt?.toISOString()).toBe('2026-12-02T09:00:00.000Z');
  });

  it('re-plans open incidents when a cadence changes', async () => {
    await h.command(team, 'UADMIN', '/incident', 'ACME sev2: checkout returns 500');
    const [incident] = (await h.kept.services.incidents.listOpen({ teamId: team }, 5)).incidents;
    const before = incident!.nextStepAt!.getTime();
    await h.command(team, 'UADMIN', '/kept', 'cadence sev2 1h');
    await settle();
    const after = (await h.kept.services.incidents.get({ teamId: team }, incident!.id))!.nextStepAt!.getTime();
    expect(after).toBeLessThan(before);
    expect(after - h.now.getTime()).toBeLessThanOrEqual(60 * 60_000);
  });

  it('writes nothing to open promises when the change does not touch their schedule', async () => {
    await h.command(team, 'UADMIN', '/promise', 'ACME: send the quote 2026-12-04 10:00');
    const [promise] = (await h.kept.services.promises.listOpen({ teamId: team }, {}, 5)).promises;
    const doc = h.db.collection('teams').doc(team).collection('promises').doc(promise!.id);
    const updated = (await doc.get()).updateTime!.toMillis();
    await h.command(team, 'UADMIN', '/kept', 'language pl');
    await settle();
    expect((await doc.get()).updateTime!.toMillis()).toBe(updated);
  });
});
