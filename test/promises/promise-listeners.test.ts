import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FIELDS, PROMISE_ACTIONS, PROMISE_VIEWS } from '../../src/promises/promise-blocks.js';
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
  h.fake.addUser({ id: 'UCARL', tz: 'Europe/Warsaw' });
  h.fake.addUser({ id: 'UBOT2', is_bot: true });
});

const blocksText = (reply: { blocks?: unknown[] } | undefined) => JSON.stringify(reply?.blocks ?? []);

async function logPromise(text: string, userId = 'UANA') {
  const { status, reply } = await h.command(team, userId, '/promise', text);
  expect(status).toBe(200);
  const open = await h.kept.services.promises.listOpen({ teamId: team }, {}, 50);
  return { reply, promises: open.promises };
}

describe('/promise in one line', () => {
  it("logs client, what and the due time read in the user's own time zone, and confirms with buttons", async () => {
    const { reply, promises } = await logPromise('ACME: send the revised quote by Friday 3pm');
    expect(promises).toHaveLength(1);
    const [p] = promises;
    expect(p).toMatchObject({ client: 'ACME', what: 'send the revised quote', ownerId: 'UANA', creatorId: 'UANA', status: 'open' });
    // Friday 4 December, 15:00 in Warsaw (UTC+1).
    expect(p!.dueAt.toISOString()).toBe('2026-12-04T14:00:00.000Z');
    expect(reply.response_type).toBe('ephemeral');
    const text = blocksText(reply);
    expect(text).toContain('ACME');
    expect(text).toContain('15:00');
    for (const action of [PROMISE_ACTIONS.kept, PROMISE_ACTIONS.renegotiate, PROMISE_ACTIONS.cancel]) expect(text).toContain(action);
  });

  it("reads the same words in another time zone as that zone's wall clock", async () => {
    const { promises } = await logPromise('ACME: call back tomorrow 10:00', 'UBEN');
    expect(promises[0]!.dueAt.toISOString()).toBe('2026-12-02T15:00:00.000Z');
  });

  it('makes a mentioned teammate the owner and tells them in a DM', async () => {
    const { promises } = await logPromise('<@UBEN|ben> ACME: call back tomorrow 10:00');
    expect(promises[0]).toMatchObject({ ownerId: 'UBEN', creatorId: 'UANA' });
    const [dm] = await h.fake.waitForCalls('chat.postMessage', 1);
    expect(dm!.args.channel).toBe('UBEN');
    expect(JSON.stringify(dm!.args.blocks)).toContain('UANA');
  });

  it('accepts explicit dates: ISO, day-month and dotted day-first', async () => {
    for (const [text, iso] of [
      ['ACME: a 2026-12-03 10:00', '2026-12-03T09:00:00.000Z'],
      ['ACME: b 3 Dec 10:00', '2026-12-03T09:00:00.000Z'],
      ['ACME: c 03.12.2026 10:00', '2026-12-03T09:00:00.000Z'],
    ] as const) {
      team = newTeamId();
      const { promises } = await logPromise(text);
      expect(promises[0]!.dueAt.toISOString(), text).toBe(iso);
    }
  });

  it('explains what it understood when the date is missing, offers the form, and logs nothing', async () => {
    const { reply, promises } = await logPromise('ACME: send the revised quote');
    expect(promises).toHaveLength(0);
    const text = blocksText(reply);
    expect(text).toContain('couldn’t find a due date');
    expect(text).toContain('ACME');
    expect(text).toContain('/promise ACME: send the revised quote by Friday 3pm');
    expect(text).toContain(PROMISE_ACTIONS.finishInForm);
  });

  it('asks for the client when there is no colon, and refuses a time already past', async () => {
    const noClient = await logPromise('send the revised quote tomorrow 10:00');
    expect(noClient.promises).toHaveLength(0);
    expect(blocksText(noClient.reply)).toContain('couldn’t find the client');
    const past = await logPromise('ACME: send it 2026-11-30 10:00');
    expect(past.promises).toHaveLength(0);
    expect(blocksText(past.reply)).toContain('already passed');
  });

  it('refuses a bot as owner', async () => {
    const { reply, promises } = await logPromise('<@UBOT2> ACME: call back tomorrow 10:00');
    expect(promises).toHaveLength(0);
    expect(reply.text).toContain('bot can’t own');
  });

  it('opens the form for a bare /promise', async () => {
    await h.command(team, 'UANA', '/promise', '', { replyWaitMs: 0 });
    const [call] = await h.fake.waitForCalls('views.open', 1);
    expect(call!.args.view.callback_id).toBe(PROMISE_VIEWS.create);
    expect(call!.args.view.blocks.map((b: { block_id: string }) => b.block_id)).toEqual([FIELDS.client, FIELDS.what, FIELDS.due, FIELDS.owner]);
  });

  it('answers a Polish workspace in Polish and reads Polish dates', async () => {
    await h.kept.services.settings.save({ teamId: team }, { ...(await h.kept.services.settings.get({ teamId: team })), language: 'pl' });
    const { reply, promises } = await logPromise('ACME: wyślę wycenę jutro o 10');
    expect(promises[0]!.dueAt.toISOString()).toBe('2026-12-02T09:00:00.000Z');
    expect(blocksText(reply)).toContain('Obietnica zapisana');
  });
});

describe('the promise form', () => {
  const values = (over: Partial<Record<string, object>> = {}) => ({
    [FIELDS.client]: { [FIELDS.value]: { type: 'plain_text_input', value: 'Globex' } },
    [FIELDS.what]: { [FIELDS.value]: { type: 'plain_text_input', value: 'Share the <test> plan & notes' } },
    [FIELDS.due]: { [FIELDS.value]: { type: 'datetimepicker', selected_date_time: Math.floor(NOW.getTime() / 1000) + 7200 } },
    [FIELDS.owner]: { [FIELDS.value]: { type: 'users_select', selected_user: 'UANA' } },
    ...over,
  });

  it('logs the promise from a valid form and confirms in the conversation it came from', async () => {
    const res = await h.submit(team, 'UANA', PROMISE_VIEWS.create, values(), JSON.stringify({ responseUrl: h.fake.responseUrl('form') }));
    expect(res.status).toBe(200);
    const [reply] = await h.fake.waitForCalls('response_url:form', 1);
    expect(blocksText(reply!.args)).toContain('Globex');
    const { promises } = await h.kept.services.promises.listOpen({ teamId: team }, {}, 10);
    expect(promises[0]).toMatchObject({ client: 'Globex', what: 'Share the &lt;test&gt; plan &amp; notes', dueAt: new Date(NOW.getTime() + 7_200_000) });
  });

  it('keeps the form open with inline errors for a past time and an empty client, writing nothing', async () => {
    const res = await h.submit(
      team,
      'UANA',
      PROMISE_VIEWS.create,
      values({
        [FIELDS.client]: { [FIELDS.value]: { type: 'plain_text_input', value: '   ' } },
        [FIELDS.due]: { [FIELDS.value]: { type: 'datetimepicker', selected_date_time: Math.floor(NOW.getTime() / 1000) - 60 } },
      }),
    );
    expect(res.json).toEqual({ response_action: 'errors', errors: { [FIELDS.client]: 'Enter the client.', [FIELDS.due]: 'Choose a time in the future.' } });
    expect((await h.kept.services.promises.listOpen({ teamId: team }, {}, 10)).total).toBe(0);
  });
});

describe('promise buttons', () => {
  it('marks a promise kept on time and updates the card in place', async () => {
    const { promises } = await logPromise('ACME: send the quote tomorrow 10:00');
    const { reply } = await h.action(team, 'UANA', PROMISE_ACTIONS.kept, promises[0]!.id);
    expect(reply?.replace_original).toBe(true);
    expect(blocksText(reply)).toContain('Kept on time');
    expect(blocksText(reply)).not.toContain(PROMISE_ACTIONS.kept);
    const stored = await h.kept.services.promises.get({ teamId: team }, promises[0]!.id);
    expect(stored!.outcome).toMatchObject({ kind: 'kept', onTime: true, by: 'UANA' });
  });

  it('records a late keep after the due time', async () => {
    const { promises } = await logPromise('ACME: send the quote tomorrow 10:00');
    h.now = new Date('2026-12-02T12:00:00Z');
    await h.action(team, 'UANA', PROMISE_ACTIONS.kept, promises[0]!.id);
    const stored = await h.kept.services.promises.get({ teamId: team }, promises[0]!.id);
    expect(stored!.outcome).toMatchObject({ kind: 'kept', onTime: false });
  });

  it('politely refuses someone who is not the owner, creator or a lead, names the owner who can, and changes nothing', async () => {
    const { promises } = await logPromise('ACME: send the quote tomorrow 10:00');
    const { reply } = await h.action(team, 'UCARL', PROMISE_ACTIONS.cancel, promises[0]!.id);
    expect(reply?.text).toBe('Only <@UANA>, who owns this promise, the person who logged it or a lead can change it.');
    expect(reply?.replace_original).toBe(false);
    expect((await h.kept.services.promises.get({ teamId: team }, promises[0]!.id))!.status).toBe('open');
  });

  it("lets a lead change a teammate's promise", async () => {
    const { promises } = await logPromise('ACME: send the quote tomorrow 10:00');
    await h.kept.services.settings.save({ teamId: team }, { ...(await h.kept.services.settings.get({ teamId: team })), leads: ['UCARL'] });
    await h.action(team, 'UCARL', PROMISE_ACTIONS.cancel, promises[0]!.id);
    expect((await h.kept.services.promises.get({ teamId: team }, promises[0]!.id))!.outcome).toMatchObject({ kind: 'cancelled', by: 'UCARL' });
  });

  it('renegotiates through the modal and keeps the history', async () => {
    const { promises } = await logPromise('ACME: send the quote tomorrow 10:00');
    const id = promises[0]!.id;
    await h.action(team, 'UANA', PROMISE_ACTIONS.renegotiate, id, { replyWaitMs: 0 });
    const [open] = await h.fake.waitForCalls('views.open', 1);
    expect(open!.args.view.callback_id).toBe(PROMISE_VIEWS.renegotiate);
    const newDue = Math.floor(new Date('2026-12-07T09:00:00Z').getTime() / 1000);
    const res = await h.submit(
      team,
      'UANA',
      PROMISE_VIEWS.renegotiate,
      {
        [FIELDS.due]: { [FIELDS.value]: { type: 'datetimepicker', selected_date_time: newDue } },
        [FIELDS.reason]: { [FIELDS.value]: { type: 'plain_text_input', value: 'Waiting for their data export' } },
        [FIELDS.informed]: { [FIELDS.value]: { type: 'checkboxes', selected_options: [{ value: 'informed' }] } },
      },
      open!.args.view.private_metadata,
    );
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    const stored = await h.kept.services.promises.get({ teamId: team }, id);
    expect(stored!.dueAt.toISOString()).toBe('2026-12-07T09:00:00.000Z');
    expect(stored!.renegotiations).toEqual([
      expect.objectContaining({ reason: 'Waiting for their data export', clientInformed: true, early: true, by: 'UANA' }),
    ]);
  });

  it('double-clicking Kept records one outcome', async () => {
    const { promises } = await logPromise('ACME: send the quote tomorrow 10:00');
    const id = promises[0]!.id;
    await Promise.all([h.action(team, 'UANA', PROMISE_ACTIONS.kept, id), h.action(team, 'UANA', PROMISE_ACTIONS.kept, id)]);
    h.now = new Date('2026-12-09T00:00:00Z');
    await h.action(team, 'UANA', PROMISE_ACTIONS.kept, id);
    expect((await h.kept.services.promises.get({ teamId: team }, id))!.outcome).toMatchObject({ onTime: true, at: NOW });
  });
});

describe('/promise list', () => {
  it('shows my open promises overdue first, and filters by owner and by client', async () => {
    await logPromise('ACME: later one 2026-12-10 10:00');
    await logPromise('Globex: soon one tomorrow 10:00');
    await logPromise("<@UBEN> ACME: ben's one tomorrow 11:00");
    h.now = new Date('2026-12-03T09:00:00Z');
    const mine = await h.command(team, 'UANA', '/promise', 'list');
    const text = blocksText(mine.reply);
    expect(text).toContain('Your open promises (2)');
    expect(text.indexOf('soon one')).toBeLessThan(text.indexOf('later one'));
    expect(text).toContain('overdue');
    expect(text).not.toContain('ben');
    const bens = await h.command(team, 'UANA', '/promise', 'list <@UBEN|ben>');
    expect(blocksText(bens.reply)).toContain("ben's one");
    const acme = await h.command(team, 'UANA', '/promise', 'list client:acme');
    expect(blocksText(acme.reply)).toContain('(2)');
  });

  it('says so kindly when there is nothing open', async () => {
    const { reply } = await h.command(team, 'UANA', '/promise', 'list');
    expect(blocksText(reply)).toContain('You have no open promises');
  });
});
