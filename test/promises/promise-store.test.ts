import { afterAll, describe, expect, it } from 'vitest';
import { createPromise, markKept } from '../../src/promises/client-promise.js';
import { FirestorePromiseStore } from '../../src/promises/promise-store.js';
import { UserFacingError } from '../../src/shared/errors.js';
import { newTeamId, testDb } from '../support/test-db.js';

const db = testDb();
const store = new FirestorePromiseStore(db);
afterAll(() => db.terminate());

const now = new Date('2026-12-01T09:00:00Z');
const hours = (h: number) => new Date(now.getTime() + h * 3_600_000);

async function seed(teamId: string, rows: Array<{ owner: string; client: string; dueInHours: number }>) {
  const workspace = { teamId };
  const ids: string[] = [];
  for (const row of rows) {
    const p = createPromise(
      {
        id: store.newId(workspace),
        client: row.client,
        what: `for ${row.client}`,
        ownerId: row.owner,
        ownerTimeZone: 'UTC',
        creatorId: row.owner,
        dueAt: hours(row.dueInHours),
      },
      now,
    );
    await store.create(workspace, p);
    ids.push(p.id);
  }
  return ids;
}

describe('the promise store', () => {
  it('returns what was stored, dates as Dates', async () => {
    const workspace = { teamId: newTeamId() };
    const [id] = await seed(workspace.teamId, [{ owner: 'U1', client: 'ACME', dueInHours: 5 }]);
    const stored = await store.get(workspace, id!);
    expect(stored).toMatchObject({ id, client: 'ACME', ownerId: 'U1', status: 'open', dueAt: hours(5), createdAt: now });
    expect(stored!.dueAt).toBeInstanceOf(Date);
  });

  it('lists open promises overdue first, then by due time, with the total beyond the page', async () => {
    const teamId = newTeamId();
    const ids = await seed(teamId, [
      { owner: 'U1', client: 'ACME', dueInHours: 48 },
      { owner: 'U1', client: 'Globex', dueInHours: -3 },
      { owner: 'U1', client: 'ACME', dueInHours: 2 },
      { owner: 'U2', client: 'ACME', dueInHours: 1 },
    ]);
    await store.update({ teamId }, ids[0]!, (p) => markKept(p, 'U1', now));
    const mine = await store.listOpen({ teamId }, { ownerId: 'U1' }, 10);
    expect(mine.promises.map((p) => p.client)).toEqual(['Globex', 'ACME']);
    expect(mine.total).toBe(2);
    const acme = await store.listOpen({ teamId }, { client: '  acme ' }, 1);
    expect(acme.promises.map((p) => p.ownerId)).toEqual(['U2']);
    expect(acme.total).toBe(2);
  });

  it('never shows one workspace the promises of another', async () => {
    const [a, b] = [newTeamId(), newTeamId()];
    const [idInA] = await seed(a, [{ owner: 'U1', client: 'ACME', dueInHours: 3 }]);
    expect(await store.get({ teamId: b }, idInA!)).toBeUndefined();
    expect((await store.listOpen({ teamId: b }, { ownerId: 'U1' }, 10)).total).toBe(0);
  });

  it('writes nothing when a change is refused, and answers "not found" for unknown or malformed ids', async () => {
    const teamId = newTeamId();
    const [id] = await seed(teamId, [{ owner: 'U1', client: 'ACME', dueInHours: 3 }]);
    await expect(
      store.update({ teamId }, id!, () => {
        throw new UserFacingError('promise_not_allowed');
      }),
    ).rejects.toThrow('promise_not_allowed');
    expect((await store.get({ teamId }, id!))!.status).toBe('open');
    await expect(store.update({ teamId }, 'nope', (p) => p)).rejects.toThrow('promise_not_found');
    await expect(store.update({ teamId }, '../../etc', (p) => p)).rejects.toThrow('promise_not_found');
  });

  it('applies concurrent changes one at a time (two clicks, one outcome)', async () => {
    const teamId = newTeamId();
    const [id] = await seed(teamId, [{ owner: 'U1', client: 'ACME', dueInHours: 3 }]);
    const results = await Promise.all([1, 2, 3].map(() => store.update({ teamId }, id!, (p) => markKept(p, 'U1', now))));
    expect(results.filter((r) => r.before !== r.after)).toHaveLength(1);
    expect((await store.get({ teamId }, id!))!.outcome).toMatchObject({ kind: 'kept', onTime: true });
  });
});
