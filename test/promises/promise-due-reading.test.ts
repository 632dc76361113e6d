import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FIELDS, PROMISE_VIEWS } from '../../src/promises/promise-blocks.js';
import { DUE_ACTIONS } from '../../src/promises/promise-due-blocks.js';
import { type KeptHarness, newTeamId, startKept } from '../support/kept-harness.js';

let h: KeptHarness;
beforeAll(async () => {
  h = await startKept();
});
afterAll(() => h.stop());

// Tuesday 1 December 2026, 09:00 UTC = 10:00 in Warsaw.
const NOW = new Date('2026-12-01T09:00:00Z');
let team: string;
beforeEach(() => {
  h.now = NOW;
  team = newTeamId();
  h.fake.reset();
  h.fake.addUser({ id: 'UANA', tz: 'Europe/Warsaw' });
  h.fake.addUser({ id: 'UBEN', tz: 'America/New_York' });
});

type Block = { type: string; block_id?: string; elements?: { action_id?: string; value?: string; text?: { text: string } }[] };
const blocksOf = (reply: { blocks?: unknown[] } | undefined) => (reply?.blocks ?? []) as Block[];
const buttons = (reply: { blocks?: unknown[] } | undefined) => blocksOf(reply).flatMap((b) => b.elements ?? []);
const stored = async () => (await h.kept.services.promises.listOpen({ teamId: team }, {}, 10)).promises;

describe('the /promise confirmation', () => {
  it('says how the due date was read and has a Change button', async () => {
    const { reply } = await h.command(team, 'UANA', '/promise', 'ACME: send the contract by Thursday 4pm');
    const text = JSON.stringify(reply.blocks);
    expect(text).toContain('I read “by Thursday 4pm” as Thu 3 Dec at 16:00.');
    const [promise] = await stored();
    expect(buttons(reply).find((b) => b.action_id === DUE_ACTIONS.change)?.value).toBe(promise!.id);
  });

  it('names date-like text it did not use, in Polish too', async () => {
    await h.kept.services.settings.save({ teamId: team }, { ...(await h.kept.services.settings.get({ teamId: team })), language: 'pl' });
    const { reply } = await h.command(team, 'UANA', '/promise', 'ACME: oddzwonić jutro o 10, a potem do 12 wysłać notatki');
    const text = JSON.stringify(reply.blocks);
    expect(text).toContain('„jutro o 10” odczytałem jako');
    expect(text).toContain('Pominąłem „do 12”');
  });

  it('Change opens the form filled with the promise, and saving it corrects the promise in place', async () => {
    const { reply } = await h.command(team, 'UANA', '/promise', 'ACME: send the deck tomorrow 10:00');
    const [promise] = await stored();
    const change = buttons(reply).find((b) => b.action_id === DUE_ACTIONS.change)!;
    await h.action(team, 'UANA', change.action_id!, change.value!, { replyWaitMs: 0 });
    const [open] = await h.fake.waitForCalls('views.open', 1);
    const view = open!.args.view;
    expect(view.callback_id).toBe(PROMISE_VIEWS.change);
    expect(JSON.stringify(view.blocks)).toContain('send the deck');
    const due = view.blocks.find((b: { block_id: string }) => b.block_id === FIELDS.due);
    expect(due.element.initial_date_time).toBe(promise!.dueAt.getTime() / 1000);

    const fixedDue = Math.floor(new Date('2026-12-03T13:00:00Z').getTime() / 1000);
    const res = await h.submit(
      team,
      'UANA',
      PROMISE_VIEWS.change,
      {
        [FIELDS.client]: { [FIELDS.value]: { type: 'plain_text_input', value: 'ACME' } },
        [FIELDS.what]: { [FIELDS.value]: { type: 'plain_text_input', value: 'send the deck' } },
        [FIELDS.due]: { [FIELDS.value]: { type: 'datetimepicker', selected_date_time: fixedDue } },
        [FIELDS.owner]: { [FIELDS.value]: { type: 'users_select', selected_user: 'UANA' } },
      },
      view.private_metadata,
    );
    expect(res.status).toBe(200);
    const after = await stored();
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ id: promise!.id, dueAt: new Date(fixedDue * 1000), renegotiations: [] });
  });

  it('refuses Change from someone who may not change the promise, and changes nothing', async () => {
    await h.command(team, 'UANA', '/promise', 'ACME: send the deck tomorrow 10:00');
    const [promise] = await stored();
    const { reply } = await h.action(team, 'UBEN', DUE_ACTIONS.change, promise!.id);
    expect(JSON.stringify(reply)).toContain('Only <@UANA>, who owns this promise');
    expect(h.fake.calls.filter((c) => c.method === 'views.open')).toHaveLength(0);
  });
});

describe('two plausible readings', () => {
  it('asks which day "next Thursday" means on a Tuesday, and saves nothing until one is picked', async () => {
    const { reply } = await h.command(team, 'UANA', '/promise', 'ACME: send the report next Thursday');
    expect(await stored()).toHaveLength(0);
    const picks = buttons(reply).filter((b) => b.action_id?.startsWith(DUE_ACTIONS.pick));
    expect(picks.map((b) => b.text?.text)).toEqual(['Thu 10 Dec at 17:00', 'Thu 3 Dec at 17:00']);

    const { reply: confirmation } = await h.action(team, 'UANA', picks[1]!.action_id!, picks[1]!.value!);
    const [promise] = await stored();
    expect(promise).toMatchObject({ client: 'ACME', what: 'send the report', dueAt: new Date('2026-12-03T16:00:00Z') });
    expect(confirmation?.replace_original).toBe(true);
    expect(JSON.stringify(confirmation?.blocks)).toContain(DUE_ACTIONS.change);
  });

  it('asks in Polish about "następny czwartek", with the coming one first', async () => {
    await h.kept.services.settings.save({ teamId: team }, { ...(await h.kept.services.settings.get({ teamId: team })), language: 'pl' });
    const { reply } = await h.command(team, 'UANA', '/promise', 'ACME: wysłać raport w następny czwartek');
    expect(JSON.stringify(reply.blocks)).toContain('Który termin masz na myśli?');
    const picks = buttons(reply).filter((b) => b.action_id?.startsWith(DUE_ACTIONS.pick));
    expect(picks.map((b) => b.text?.text)).toEqual(['czw. 3 grudnia, 17:00', 'czw. 10 grudnia, 17:00']);
    expect(await stored()).toHaveLength(0);
  });

  it('logs one promise when the question is clicked twice, or on each reading, and one for a new question', async () => {
    const { reply } = await h.command(team, 'UANA', '/promise', 'ACME: send the report next Thursday');
    const picks = buttons(reply).filter((b) => b.action_id?.startsWith(DUE_ACTIONS.pick));
    const question = { messageTs: '1764583200.000200' };
    const clicks = await Promise.all([
      h.action(team, 'UANA', picks[1]!.action_id!, picks[1]!.value!, question),
      h.action(team, 'UANA', picks[1]!.action_id!, picks[1]!.value!, question),
    ]);
    await h.action(team, 'UANA', picks[0]!.action_id!, picks[0]!.value!, { ...question, replyWaitMs: 300 });
    await h.kept.idle(5_000);
    expect(await stored()).toHaveLength(1);
    expect(clicks.filter((c) => c.reply?.replace_original === true)).toHaveLength(1);

    const again = await h.command(team, 'UANA', '/promise', 'ACME: send the report next Thursday');
    const next = buttons(again.reply).filter((b) => b.action_id?.startsWith(DUE_ACTIONS.pick));
    await h.action(team, 'UANA', next[0]!.action_id!, next[0]!.value!, { messageTs: '1764583260.000300' });
    expect(await stored()).toHaveLength(2);
  });

  it('turns away a reading button whose value was tampered with, logging nothing', async () => {
    const { reply } = await h.action(team, 'UANA', `${DUE_ACTIONS.pick}_1`, '{"client":"ACME"}');
    expect(JSON.stringify(reply)).toContain('didn’t look right');
    expect(await stored()).toHaveLength(0);
  });
});

describe('renegotiating in words', () => {
  async function openRenegotiation() {
    await h.command(team, 'UANA', '/promise', 'ACME: send the deck tomorrow 10:00');
    const [promise] = await stored();
    await h.action(team, 'UANA', 'promise_renegotiate', promise!.id, { replyWaitMs: 0 });
    const [open] = await h.fake.waitForCalls('views.open', 1);
    return { promise: promise!, metadata: open!.args.view.private_metadata as string };
  }
  const form = (words: string) => ({
    [FIELDS.due]: { [FIELDS.value]: { type: 'datetimepicker', selected_date_time: Math.floor(NOW.getTime() / 1000) + 86_400 } },
    [FIELDS.dueWords]: { [FIELDS.value]: { type: 'plain_text_input', value: words } },
    [FIELDS.reason]: { [FIELDS.value]: { type: 'plain_text_input', value: 'Their legal team needs a day' } },
    [FIELDS.informed]: { [FIELDS.value]: { type: 'checkboxes', selected_options: [] } },
  });

  it('reads the words with the /promise reader, in the user’s zone, over the picker', async () => {
    const { promise, metadata } = await openRenegotiation();
    const res = await h.submit(team, 'UANA', PROMISE_VIEWS.renegotiate, form('w piątek kwadrans po dziesiątej'), metadata);
    expect(res.status).toBe(200);
    const after = await h.kept.services.promises.get({ teamId: team }, promise.id);
    // Friday 4 December, 10:15 in Warsaw.
    expect(after!.dueAt.toISOString()).toBe('2026-12-04T09:15:00.000Z');
  });

  it('asks, under the field, which day is meant when the words allow two, and changes nothing', async () => {
    const { promise, metadata } = await openRenegotiation();
    const res = await h.submit(team, 'UANA', PROMISE_VIEWS.renegotiate, form('next Friday'), metadata);
    expect(res.json).toEqual({
      response_action: 'errors',
      errors: { [FIELDS.dueWords]: 'That could be Fri 11 Dec at 17:00 or Fri 4 Dec at 17:00. Write the date, or pick it above.' },
    });
    expect((await h.kept.services.promises.get({ teamId: team }, promise.id))!.dueAt).toEqual(promise.dueAt);
  });

  it('says so under the field when the words hold no date', async () => {
    const { metadata } = await openRenegotiation();
    const res = await h.submit(team, 'UANA', PROMISE_VIEWS.renegotiate, form('when they answer'), metadata);
    expect(res.json.errors[FIELDS.dueWords]).toContain('couldn’t read a date');
  });
});
