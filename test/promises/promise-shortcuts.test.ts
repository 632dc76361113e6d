import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FIELDS, PROMISE_VIEWS } from '../../src/promises/promise-blocks.js';
import { draftFromMessage } from '../../src/promises/promise-command.js';
import { PROMISE_SHORTCUTS } from '../../src/promises/promise-shortcuts.js';
import { type KeptHarness, newTeamId, startKept } from '../support/kept-harness.js';

// Tuesday 1 December 2026, 09:00 UTC = 10:00 in Warsaw.
const NOW = new Date('2026-12-01T09:00:00Z');
const WAW = { now: NOW, timeZone: 'Europe/Warsaw', locale: 'en' as const };

describe('reading a promise from a Slack message', () => {
  it.each([
    [
      'ACME: I will send the revised quote by Friday 3pm',
      { client: 'ACME', what: 'I will send the revised quote by Friday 3pm', dueAt: new Date('2026-12-04T14:00:00Z') },
    ],
    [
      'Client: Globex\n<@UBEN> will share the test plan tomorrow 10:00',
      { client: 'Globex', what: '<@UBEN> will share the test plan tomorrow 10:00', dueAt: new Date('2026-12-02T09:00:00Z') },
    ],
    ['Sure, we will look into it', { what: 'Sure, we will look into it' }],
    ['We shipped it on 2026-11-30 10:00', { what: 'We shipped it on 2026-11-30 10:00' }],
    [
      'Hi all, quick update from the call with the client: they want it sooner',
      { what: 'Hi all, quick update from the call with the client: they want it sooner' },
    ],
  ])('reads %j', (text, expected) => {
    expect(draftFromMessage(text, WAW)).toEqual(expected);
  });

  it('reads Polish dates in a Polish workspace', () => {
    expect(draftFromMessage('Klient: ACME\nwyślę poprawioną wycenę jutro o 10', { ...WAW, locale: 'pl' })).toEqual({
      client: 'ACME',
      what: 'wyślę poprawioną wycenę jutro o 10',
      dueAt: new Date('2026-12-02T09:00:00Z'),
    });
  });

  it('reads the due date with the /promise grammar: time in words, weekday of next week', () => {
    expect(draftFromMessage('ACME: we will call back next Monday at half past four', WAW).dueAt).toEqual(new Date('2026-12-07T15:30:00Z'));
    const polish = draftFromMessage('Klient: ACME\nodezwę się w przyszłym tygodniu w czwartek wpół do trzeciej', { ...WAW, locale: 'pl' });
    expect(polish.dueAt).toEqual(new Date('2026-12-10T13:30:00Z'));
  });

  it('keeps what within the promise limit', () => {
    expect(draftFromMessage(`ACME: ${'x'.repeat(900)}`, WAW).what).toHaveLength(500);
  });
});

describe('the shortcuts in Slack', () => {
  let h: KeptHarness;
  let team: string;
  beforeAll(async () => {
    h = await startKept();
  });
  afterAll(() => h.stop());
  beforeEach(() => {
    h.now = NOW;
    team = newTeamId();
    h.fake.reset();
    h.fake.addUser({ id: 'UANA', tz: 'Europe/Warsaw' });
  });

  const message = { channelId: 'CSALES', ts: '1764580000.000200', text: 'ACME: I will send the revised quote by Friday 3pm &amp; call <@UBEN>' };
  const permalink = 'https://kept-test.slack.com/archives/CSALES/p1764580000000200';

  it('opens the promise form prefilled from the message, with its permalink kept', async () => {
    const res = await h.messageShortcut(team, 'UANA', PROMISE_SHORTCUTS.logFromMessage, message);
    expect(res.status).toBe(200);
    const [open] = await h.fake.waitForCalls('views.open', 1);
    expect(h.fake.callsTo('chat.getPermalink')[0]!.args).toMatchObject({ channel: 'CSALES', message_ts: message.ts });
    const view = open!.args.view;
    expect(view.callback_id).toBe(PROMISE_VIEWS.create);
    const byId = Object.fromEntries(view.blocks.map((b: { block_id: string; element: object }) => [b.block_id, b.element]));
    expect(byId[FIELDS.client].initial_value).toBe('ACME');
    expect(byId[FIELDS.what].initial_value).toBe('I will send the revised quote by Friday 3pm & call <@UBEN>');
    expect(byId[FIELDS.due].initial_date_time).toBe(Date.parse('2026-12-04T14:00:00Z') / 1000);
    expect(byId[FIELDS.owner].initial_user).toBe('UANA');
    expect(JSON.parse(view.private_metadata)).toMatchObject({ permalink, channelId: 'CSALES' });
  });

  it('stores the promise with its permalink on submit and answers in the conversation with a link', async () => {
    await h.messageShortcut(team, 'UANA', PROMISE_SHORTCUTS.logFromMessage, message, 'from-message');
    const [open] = await h.fake.waitForCalls('views.open', 1);
    const res = await h.submit(
      team,
      'UANA',
      PROMISE_VIEWS.create,
      {
        [FIELDS.client]: { [FIELDS.value]: { type: 'plain_text_input', value: 'ACME' } },
        [FIELDS.what]: { [FIELDS.value]: { type: 'plain_text_input', value: 'Send the revised quote & call <@UBEN>' } },
        [FIELDS.due]: { [FIELDS.value]: { type: 'datetimepicker', selected_date_time: Date.parse('2026-12-04T14:00:00Z') / 1000 } },
        [FIELDS.owner]: { [FIELDS.value]: { type: 'users_select', selected_user: 'UANA' } },
      },
      open!.args.view.private_metadata,
    );
    expect(res.text).toBe('');
    const { promises } = await h.kept.services.promises.listOpen({ teamId: team }, {}, 10);
    expect(promises).toHaveLength(1);
    expect(promises[0]).toMatchObject({ client: 'ACME', what: 'Send the revised quote &amp; call <@UBEN>', permalink, channelId: 'CSALES' });
    const [reply] = await h.fake.waitForCalls('response_url:from-message', 1);
    expect(JSON.stringify(reply!.args.blocks)).toContain(`<${permalink}|Original message>`);
    await h.fake.waitForCalls('views.publish', 1);
  });

  it('still opens the form when Slack will not give the permalink', async () => {
    h.fake.injectFault('chat.getPermalink', { kind: 'error', error: 'channel_not_found' });
    await h.messageShortcut(team, 'UANA', PROMISE_SHORTCUTS.logFromMessage, message);
    const [open] = await h.fake.waitForCalls('views.open', 1);
    expect(JSON.parse(open!.args.view.private_metadata).permalink).toBeUndefined();
  });

  it('opens an empty form from the global New promise shortcut, and confirms in a DM', async () => {
    await h.globalShortcut(team, 'UANA', PROMISE_SHORTCUTS.newPromise);
    const [open] = await h.fake.waitForCalls('views.open', 1);
    const client = open!.args.view.blocks.find((b: { block_id: string }) => b.block_id === FIELDS.client);
    expect(client.element.initial_value).toBeUndefined();
    await h.submit(
      team,
      'UANA',
      PROMISE_VIEWS.create,
      {
        [FIELDS.client]: { [FIELDS.value]: { type: 'plain_text_input', value: 'Globex' } },
        [FIELDS.what]: { [FIELDS.value]: { type: 'plain_text_input', value: 'Share the plan' } },
        [FIELDS.due]: { [FIELDS.value]: { type: 'datetimepicker', selected_date_time: Date.parse('2026-12-03T09:00:00Z') / 1000 } },
        [FIELDS.owner]: { [FIELDS.value]: { type: 'users_select', selected_user: 'UANA' } },
      },
      open!.args.view.private_metadata,
    );
    const [dm] = await h.fake.waitForCalls('chat.postMessage', 1);
    expect(dm!.args.channel).toBe('UANA');
    expect(JSON.stringify(dm!.args.blocks)).toContain('Globex');
    await h.fake.waitForCalls('views.publish', 1);
  });
});
