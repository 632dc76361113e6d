import { afterAll, describe, expect, it } from 'vitest';
import { createPromise, markKept, renegotiate } from '../../src/promises/client-promise.js';
import { FirestorePromiseStore } from '../../src/promises/promise-store.js';
import { newTeamId, testDb } from '../support/test-db.js';

const db = testDb();
const store = new FirestorePromiseStore(db);
afterAll(() => db.terminate());

const now = new Date('2026-12-03T12:00:00Z');
const hours = (h: number) => new Date(now.getTime() + h * 3_600_000);

async function seed(teamId: string, owner: string, dueInHours: number, client = 'ACME') {
  const p = createPromise(
    { id: store.newId({ teamId }), client, what: 'x', ownerId: owner, ownerTimeZone: 'UTC', creatorId: owner, dueAt: hours(dueInHours) },
    hours(-200),
  );
  await store.create({ teamId }, p);
  return p;
}

describe('the team queries of the promise store', () => {
  it("lists the workspace's open overdue promises oldest first, with the full count, and only those", async () => {
    const teamId = newTeamId();
    const other = newTeamId();
    const b = await seed(teamId, 'UBEN', -2);
    const a = await seed(teamId, 'UANA', -30);
    await seed(teamId, 'UANA', -10);
    await seed(teamId, 'UANA', 5);
    const kept = await seed(teamId, 'UANA', -1);
    await store.update({ teamId }, kept.id, (p) => markKept(p, 'UANA', now));
    await seed(other, 'UANA', -3);
    const page = await store.listOverdue({ teamId }, now, 2);
    expect(page.total).toBe(3);
    expect(page.promises.map((p) => p.id)).toEqual([a.id, expect.any(String)]);
    expect((await store.listOverdue({ teamId }, now, 10)).promises.at(-1)!.id).toBe(b.id);
  });

  it('finds the promises due in a window by the due time in force or the first one, each once', async () => {
    const teamId = newTeamId();
    const from = hours(-48);
    const to = hours(48);
    const inside = await seed(teamId, 'U1', -5);
    const movedOut = await seed(teamId, 'U1', 10);
    await store.update({ teamId }, movedOut.id, (p) => renegotiate(p, 'U1', { newDueAt: hours(24 * 7), reason: 'r', clientInformed: true }, now));
    const movedIn = await seed(teamId, 'U1', -24 * 7);
    await store.update({ teamId }, movedIn.id, (p) => renegotiate(p, 'U1', { newDueAt: hours(3), reason: 'r', clientInformed: true }, hours(-24 * 8)));
    await seed(teamId, 'U1', 24 * 5);
    const window = await store.listDueBetween({ teamId }, from, to, 50);
    expect(window.promises.map((p) => p.id).sort()).toEqual([inside.id, movedOut.id, movedIn.id].sort());
    expect(window.truncated).toBe(false);
    expect((await store.listDueBetween({ teamId }, from, to, 1)).truncated).toBe(true);
  });

  it('keeps the link to the message a promise was logged from', async () => {
    const teamId = newTeamId();
    const p = createPromise(
      {
        id: store.newId({ teamId }),
        client: 'ACME',
        what: 'x',
        ownerId: 'U1',
        ownerTimeZone: 'UTC',
        creatorId: 'U1',
        dueAt: hours(5),
        permalink: 'https://t.slack.com/archives/C1/p1',
      },
      now,
    );
    await store.create({ teamId }, p);
    expect((await store.get({ teamId }, p.id))!.permalink).toBe('https://t.slack.com/archives/C1/p1');
    const plain = await seed(teamId, 'U1', 5);
    expect((await store.get({ teamId }, plain.id))!.permalink).toBeUndefined();
  });
});
