import { afterAll, describe, expect, it } from 'vitest';
import { acknowledge, type ClientIncident, postUpdate, resolveIncident } from '../../src/incidents/client-incident.js';
import { withIncidentSchedule } from '../../src/incidents/incident-schedule.js';
import { FirestoreIncidentStore } from '../../src/incidents/incident-store.js';
import { newTeamId, testDb } from '../support/test-db.js';
import { anIncident, hours, minutes, POLICY, T0 } from './incident-fixtures.js';

const db = testDb();
const store = new FirestoreIncidentStore(db);
afterAll(() => db.terminate());

async function seed(teamId: string, incidents: ClientIncident[]): Promise<string[]> {
  const ids: string[] = [];
  for (const incident of incidents) {
    const id = store.newId({ teamId });
    await store.create({ teamId }, withIncidentSchedule({ ...incident, id }, POLICY));
    ids.push(id);
  }
  return ids;
}

describe('the incident store', () => {
  it('returns what was stored: dates as Dates, the timeline entry by entry', async () => {
    const teamId = newTeamId();
    const incident = postUpdate(
      anIncident({ severity: 'sev1', sourcePermalink: 'https://x.slack.com/archives/C1/p1' }),
      'UANA',
      { text: 'rolled back', clientTold: true },
      minutes(20),
    );
    const [id] = await seed(teamId, [incident]);
    const stored = await store.get({ teamId }, id!);
    expect(stored).toMatchObject({
      id,
      client: 'ACME',
      severity: 'sev1',
      status: 'acknowledged',
      acknowledgedAt: minutes(20),
      createdAt: T0,
      sourcePermalink: 'https://x.slack.com/archives/C1/p1',
    });
    expect(stored!.timeline).toEqual(incident.timeline);
    expect(stored!.nextStepAt).toEqual(minutes(80));
    expect(await store.get({ teamId: newTeamId() }, id!)).toBeUndefined();
    expect(await store.get({ teamId }, '../etc')).toBeUndefined();
  });

  it('lists unresolved incidents worst first, then oldest, with the total beyond the page', async () => {
    const teamId = newTeamId();
    await seed(teamId, [
      anIncident({ title: 'minor', severity: 'sev3' }, T0),
      anIncident({ title: 'newer critical', severity: 'sev1' }, hours(2)),
      resolveIncident(anIncident({ title: 'done', severity: 'sev1' }, T0), 'U1', { note: 'ok', clientConfirmed: true }, hours(1)),
      anIncident({ title: 'older critical', severity: 'sev1' }, hours(1)),
      acknowledge(anIncident({ title: 'major', severity: 'sev2' }, T0), 'U1', minutes(5)),
    ]);
    const page = await store.listOpen({ teamId }, 3);
    expect(page.incidents.map((i) => i.title)).toEqual(['older critical', 'newer critical', 'major']);
    expect(page.total).toBe(4);
  });

  it('finds the incidents opened or resolved in a range, and none outside it', async () => {
    const teamId = newTeamId();
    const before = new Date('2026-10-01T09:00:00Z');
    await seed(teamId, [
      anIncident({ title: 'old, still open' }, before),
      resolveIncident(anIncident({ title: 'old, resolved in range' }, before), 'U1', { note: 'ok', clientConfirmed: false }, hours(1)),
      anIncident({ title: 'opened in range' }, hours(2)),
      anIncident({ title: 'opened after' }, hours(30)),
    ]);
    const found = await store.listTouchedBetween({ teamId }, T0, hours(24), 100);
    expect(found.map((i) => i.title).sort()).toEqual(['old, resolved in range', 'opened in range']);
  });

  it('finds due incidents across workspaces and saves sweep progress only on the version it read', async () => {
    const [a, b] = [newTeamId(), newTeamId()];
    const long = new Date('2001-01-01T00:00:00Z');
    const [idA] = await seed(a, [anIncident({ severity: 'sev1' }, long)]);
    const [idB] = await seed(b, [anIncident({ severity: 'sev1' }, long)]);
    await seed(b, [anIncident({ severity: 'sev1' }, hours(1))]);
    // The emulator is shared: look only at this test's workspaces.
    const due = (await store.findDue(minutes(20, long), 1_000)).filter((d) => d.workspace.teamId === a || d.workspace.teamId === b);
    expect(due.map((d) => [d.workspace.teamId, d.incident.id]).sort()).toEqual(
      [
        [a, idA],
        [b, idB],
      ].sort(),
    );
    const [first, second] = due;
    expect(await store.saveSchedule(first!, ['unacknowledged'], hours(1, long))).toBe(true);
    await store.update(second!.workspace, second!.incident.id, (i) => acknowledge(i, 'U1', minutes(21, long)));
    expect(await store.saveSchedule(second!, ['unacknowledged'], hours(1, long))).toBe(false);
    expect((await store.get(first!.workspace, first!.incident.id))!.stepsDone).toEqual(['unacknowledged']);
  });

  it('applies concurrent changes one at a time (three clicks, one acknowledgement)', async () => {
    const teamId = newTeamId();
    const [id] = await seed(teamId, [anIncident()]);
    const results = await Promise.all([1, 2, 3].map((n) => store.update({ teamId }, id!, (i) => acknowledge(i, `U${n}`, minutes(n)))));
    expect(results.filter((r) => r.before !== r.after)).toHaveLength(1);
    expect((await store.get({ teamId }, id!))!.timeline.filter((e) => e.kind === 'acknowledged')).toHaveLength(1);
    await expect(store.update({ teamId }, 'missing', (i) => i)).rejects.toThrow('incident_not_found');
  });
});
