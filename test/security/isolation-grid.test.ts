// Enterprise Grid: one enterprise, two teams, and the same user id in both. Data is partitioned by team,
// so what the user owns or may do in one team means nothing in the other: being a lead in T1 gives no
// rights in T2, and T1's promises are "not found" from T2 even for their owner.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROMISE_ACTIONS } from '../../src/promises/promise-blocks.js';
import { messagesFor } from '../../src/shared/i18n/index.js';
import { DEFAULT_SETTINGS } from '../../src/shared/workspace/workspace-settings.js';
import { type KeptHarness, newTeamId, startKept } from '../support/kept-harness.js';
import { type Actor, driver, readDoc, workspaceTree } from './authz-support.js';

const en = messagesFor('en');
const NOW = new Date('2026-12-01T09:00:00Z');
const ENTERPRISE = `E${newTeamId().slice(1)}`;
/** Grid user ids start with W and are the same in every team of the enterprise. */
const WANDA = 'WWANDA';
const OWNER = 'WOWNER';

let h: KeptHarness;
let send: ReturnType<typeof driver>;
const T1 = { teamId: newTeamId(), enterpriseId: ENTERPRISE };
const T2 = { teamId: newTeamId(), enterpriseId: ENTERPRISE };
const in1: Actor = { ...T1, userId: WANDA };
const in2: Actor = { ...T2, userId: WANDA };
beforeAll(async () => {
  h = await startKept({ now: NOW });
  for (const id of [WANDA, OWNER]) h.fake.addUser({ id, tz: 'Europe/Warsaw' });
  h.fake.setTeam(T1.teamId, { enterpriseId: ENTERPRISE });
  send = driver(h);
  // Wanda leads T1; T2 has its own lead.
  await h.kept.services.settings.save(T1, { ...DEFAULT_SETTINGS, leads: [WANDA] });
  await h.kept.services.settings.save(T2, { ...DEFAULT_SETTINGS, leads: [OWNER] });
});
afterAll(() => h.stop());

const promiseIn = (team: typeof T1, ownerId: string, what: string) =>
  h.kept.services.promises.logPromise(
    team,
    { creatorId: ownerId, ownerId, ownerTimeZone: 'UTC', client: 'ACME', what, dueAt: new Date(NOW.getTime() + 86_400_000) },
    NOW,
  );
const promiseDoc = (team: typeof T1, id: string) => h.db.collection('teams').doc(team.teamId).collection('promises').doc(id);

describe('the same user in two teams of one enterprise', () => {
  it('stores what is logged in T1 under T1, with the enterprise, and lists none of it in T2', async () => {
    const logged = await send.command(in1, '/promise', 'ACME: send the grid quote tomorrow 10:00');
    expect(logged.replies).toContain(en.promise.logged_title);
    const stored = await h.db.collection('teams').doc(T1.teamId).collection('promises').where('what', '==', 'send the grid quote').get();
    expect(stored.docs.map((d) => [d.get('teamId'), d.get('enterpriseId'), d.get('ownerId')])).toEqual([[T1.teamId, ENTERPRISE, WANDA]]);

    const mine = await send.command(in2, '/promise', 'list');
    expect(mine.replies).toEqual([en.promise.list_title_mine(0)]);
    const byClient = await send.command(in2, '/promise', 'list client:ACME');
    expect(byClient.replies).toEqual([en.promise.list_title_client('ACME', 0)]);
  });

  it("lets a lead of T1 act on T1's promises, and finds nothing of T1 when the same user asks from T2", async () => {
    const first = await promiseIn(T1, OWNER, 'call the client');
    const second = await promiseIn(T1, OWNER, 'send the logs');
    const kept = await send.click(in1, PROMISE_ACTIONS.kept, first.id);
    expect((await readDoc(promiseDoc(T1, first.id))).data.status).toBe('kept');
    expect(kept.replies.join()).not.toContain(en.errors.promise_not_allowed(`<@${OWNER}>`));

    const before = await workspaceTree(h.db, T1.teamId);
    const fromT2 = await send.click(in2, PROMISE_ACTIONS.cancel, second.id);
    expect(fromT2.replies).toEqual([en.errors.promise_not_found]);
    expect(await workspaceTree(h.db, T1.teamId)).toEqual(before);
  });

  it("gives a lead of T1 no lead rights in T2: not over T2's promises, not over its settings", async () => {
    const theirs = await promiseIn(T2, OWNER, 'fix the export');
    const before = await workspaceTree(h.db, T2.teamId);
    const cancel = await send.click(in2, PROMISE_ACTIONS.cancel, theirs.id);
    expect(cancel.replies).toEqual([en.errors.promise_not_allowed(`<@${OWNER}>`)]);
    const settings = await send.command(in2, '/kept', 'leads <@WWANDA|wanda>');
    expect(settings.replies).toEqual([en.common.not_allowed_settings]);
    expect(await workspaceTree(h.db, T2.teamId)).toEqual(before);
    expect((await h.kept.services.settings.get(T2)).leads).toEqual([OWNER]);
  });
});
