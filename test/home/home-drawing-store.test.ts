import { afterAll, describe, expect, it } from 'vitest';
import { FirestoreHomeDrawings } from '../../src/home/home-drawing-store.js';
import { newTeamId, testDb } from '../support/test-db.js';

const db = testDb();
afterAll(() => db.terminate());
const drawings = new FirestoreHomeDrawings(db);

describe("the last drawing of a person's Home", () => {
  it('comes back as it was saved, for that person in that workspace only', async () => {
    const workspace = { teamId: newTeamId() };
    const parts = new Map([['my_promises', [{ type: 'section' as const, text: { type: 'mrkdwn' as const, text: 'Zażółć gęślą jaźń <@UANA>' } }]]]);
    const at = new Date('2026-12-01T09:00:00Z');
    await drawings.save(workspace, 'UANA', { at, shape: '["pl"]', parts });
    expect(await drawings.get(workspace, 'UANA')).toEqual({ at, shape: '["pl"]', parts });
    expect(await drawings.get(workspace, 'UBEN')).toBeUndefined();
    expect(await drawings.get({ teamId: newTeamId() }, 'UANA')).toBeUndefined();
  });

  it('treats a damaged drawing as none, so the Home is simply read again', async () => {
    const workspace = { teamId: newTeamId() };
    await db.collection('teams').doc(workspace.teamId).collection('homes').doc('UANA').set({ at: new Date(), shape: 'x', parts: '{not json' });
    expect(await drawings.get(workspace, 'UANA')).toBeUndefined();
  });
});
