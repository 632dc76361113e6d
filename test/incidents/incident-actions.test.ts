import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { INCIDENT_ACTIONS, INCIDENT_VIEWS } from '../../src/incidents/incident-blocks.js';
import { INCIDENT_FIELDS } from '../../src/incidents/incident-modals.js';
import { createJobs } from '../../src/jobs/jobs.js';
import { PROMISE_VIEWS } from '../../src/promises/promise-blocks.js';
import { JsonLogger } from '../../src/shared/logger.js';
import { type KeptHarness, newTeamId, startKept } from '../support/kept-harness.js';
import { blocksText, eventually, incidentDriver } from './incident-harness.js';

let h: KeptHarness;
beforeAll(async () => {
  h = await startKept();
});
afterAll(() => h.stop());

// Tuesday 1 December 2026, 09:00 UTC = 10:00 in Warsaw.
const NOW = new Date('2026-12-01T09:00:00Z');
const later = (minutes: number, from = NOW) => new Date(from.getTime() + minutes * 60_000);
let team: string;
const d = () => incidentDriver(h, () => team);
const settings = async (change: object) =>
  h.kept.services.settings.save({ teamId: team }, { ...(await h.kept.services.settings.get({ teamId: team })), ...change });

beforeEach(async () => {
  h.now = NOW;
  team = newTeamId();
  h.fake.reset();
  for (const [id, tz] of [
    ['UANA', 'Europe/Warsaw'],
    ['UBEN', 'America/New_York'],
    ['UCARL', 'Europe/Warsaw'],
    ['ULEAD', 'Europe/Warsaw'],
  ])
    h.fake.addUser({ id: id!, tz: tz! });
  h.fake.addUser({ id: 'UADMIN', tz: 'UTC', is_admin: true });
  await settings({ timeZone: 'Europe/Warsaw', leads: ['ULEAD'] });
});

/** Opens the modal a button opens, then submits it with `values`. */
async function throughModal(incidentAction: () => Promise<unknown>, callbackId: string, values: Record<string, Record<string, object>>, userId: string) {
  const before = h.fake.callsTo('views.open').length;
  await incidentAction();
  const opens = await h.fake.waitForCalls('views.open', before + 1);
  const view = opens.at(-1)!.args.view;
  expect(view.callback_id).toBe(callbackId);
  return h.submit(team, userId, callbackId, values, view.private_metadata);
}

const input = (value: string) => ({ value: { type: 'plain_text_input', value } });
const ticked = { value: { type: 'checkboxes', selected_options: [{ value: 'yes' }] } };

describe('the incident lifecycle, from its message', () => {
  it('acknowledges: updates the message in place and says so in its thread', async () => {
    const { incident } = await d().open('ACME sev1: checkout down');
    h.now = later(7);
    const reply = await d().click(incident, 'UCARL', INCIDENT_ACTIONS.acknowledge);
    expect(reply).toBeUndefined();
    const update = d().lastUpdate(incident)!;
    expect(update.channel).toBe('C_TEST');
    expect(blocksText(update)).toContain('Acknowledged');
    expect(blocksText(update)).not.toContain(INCIDENT_ACTIONS.acknowledge);
    expect(d().threadReplies(incident)).toEqual(['<@UCARL> acknowledged the incident.'.replace(/^/, ':eyes: ')]);
    expect(await d().get(incident.id)).toMatchObject({ status: 'acknowledged', acknowledgedAt: later(7) });
    // A second click changes nothing and posts nothing.
    await d().click(incident, 'UANA', INCIDENT_ACTIONS.acknowledge);
    expect(d().threadReplies(incident)).toHaveLength(1);
  });

  it('posts an update to the thread, and "client was told" restarts the cadence clock', async () => {
    const { incident } = await d().open('ACME sev1: checkout down');
    h.now = later(20);
    const res = await throughModal(
      () => d().click(incident, 'UBEN', INCIDENT_ACTIONS.update),
      INCIDENT_VIEWS.update,
      {
        [INCIDENT_FIELDS.text]: input('Rolled back the deploy; errors falling'),
        [INCIDENT_FIELDS.told]: ticked,
      },
      'UBEN',
    );
    expect(res.text).toBe('');
    await eventually(() => d().threadReplies(incident).length === 2);
    expect(d().threadReplies(incident)).toEqual([
      ':eyes: <@UBEN> acknowledged the incident.',
      ':memo: <@UBEN> (the client was told): Rolled back the deploy; errors falling',
    ]);
    const stored = await d().get(incident.id);
    expect(stored!.nextStepAt).toEqual(later(80));
    const message = blocksText(d().lastUpdate(incident));
    expect(message).toContain('just now');
    expect(message).toContain('next update due Tue 1 Dec 2026, 11:20');
  });

  it('keeps the update form open when it is empty', async () => {
    const { incident } = await d().open('ACME: slow');
    const res = await throughModal(
      () => d().click(incident, 'UANA', INCIDENT_ACTIONS.update),
      INCIDENT_VIEWS.update,
      { [INCIDENT_FIELDS.text]: input('  ') },
      'UANA',
    );
    expect(res.json).toEqual({ response_action: 'errors', errors: { [INCIDENT_FIELDS.text]: 'Write the update.' } });
  });

  it('records "Client updated" in one click, with the next update due', async () => {
    const { incident } = await d().open('ACME sev1: checkout down');
    h.now = later(30);
    await d().click(incident, 'UANA', INCIDENT_ACTIONS.clientUpdated);
    expect(d().threadReplies(incident).at(-1)).toBe(':speech_balloon: <@UANA> updated the client. Next update due Tue 1 Dec 2026, 11:30.');
    expect(blocksText(d().lastUpdate(incident))).toContain('next update due Tue 1 Dec 2026, 11:30');
  });

  it('resolves with a note and the client’s confirmation, then reopens', async () => {
    const { incident } = await d().open('ACME sev1: checkout down');
    h.now = later(95);
    const res = await throughModal(
      () => d().click(incident, 'UANA', INCIDENT_ACTIONS.resolve),
      INCIDENT_VIEWS.resolve,
      {
        [INCIDENT_FIELDS.note]: input('Payment gateway timeout raised'),
        [INCIDENT_FIELDS.confirmed]: ticked,
      },
      'UANA',
    );
    expect(res.text).toBe('');
    expect(await d().get(incident.id)).toMatchObject({ status: 'resolved', resolvedAt: later(95), acknowledgedAt: later(95), nextStepAt: null });
    await eventually(() => d().threadReplies(incident).length === 1);
    const resolvedMessage = blocksText(d().lastUpdate(incident));
    expect(resolvedMessage).toContain('Payment gateway timeout raised');
    expect(resolvedMessage).toContain('The client confirmed the fix.');
    expect(resolvedMessage).toContain('Acknowledged after 1 h 35 min · resolved after 1 h 35 min · client updates on time: 0/1');
    expect(resolvedMessage).toContain(INCIDENT_ACTIONS.reopen);
    expect(resolvedMessage).not.toContain(INCIDENT_ACTIONS.resolve);
    expect(d().threadReplies(incident).at(-1)).toContain(':white_check_mark: <@UANA> resolved the incident: Payment gateway timeout raised');

    h.now = later(200);
    await d().click(incident, 'UCARL', INCIDENT_ACTIONS.reopen);
    expect(await d().get(incident.id)).toMatchObject({ status: 'acknowledged', resolvedAt: undefined, nextStepAt: later(260) });
    expect(d().threadReplies(incident).at(-1)).toBe(':leftwards_arrow_with_hook: <@UCARL> reopened the incident.');
  });

  it('asks for a resolution note', async () => {
    const { incident } = await d().open('ACME: slow');
    const res = await throughModal(
      () => d().click(incident, 'UANA', INCIDENT_ACTIONS.resolve),
      INCIDENT_VIEWS.resolve,
      { [INCIDENT_FIELDS.note]: input('') },
      'UANA',
    );
    expect(res.json.errors[INCIDENT_FIELDS.note]).toContain('Say briefly how it was resolved');
    expect((await d().get(incident.id))!.status).toBe('open');
  });

  it('replies briefly when the click comes from elsewhere (a DM), and still updates the message', async () => {
    const { incident } = await d().open('ACME sev1: checkout down');
    const reply = await d().click(incident, 'UANA', INCIDENT_ACTIONS.clientUpdated, { channelId: 'DANA', messageTs: '1700009999.000100' });
    expect(reply?.text).toBe('Done: *ACME* is now acknowledged.');
    expect(d().lastUpdate(incident)).toBeDefined();
  });

  it('tells the user when the message cannot be updated, keeping the change', async () => {
    const { incident } = await d().open('ACME sev1: checkout down');
    h.fake.injectFault('chat.update', { kind: 'error', error: 'channel_not_found' });
    const reply = await d().click(incident, 'UANA', INCIDENT_ACTIONS.acknowledge);
    expect(reply?.text).toContain('could not update the incident message in <#C_TEST>');
    expect((await d().get(incident.id))!.status).toBe('acknowledged');
  });
});

describe('who may resolve or reassign', () => {
  it('refuses a stranger (even the reporter) without opening the form, and changes nothing', async () => {
    const { incident } = await d().open('<@UBEN> ACME sev1: checkout down', 'UANA');
    for (const action of [INCIDENT_ACTIONS.resolve, INCIDENT_ACTIONS.reassign]) {
      const reply = await d().click(incident, 'UANA', action);
      expect(reply?.text).toBe('Only the owner, a lead or a workspace admin can resolve or reassign this incident.');
    }
    expect(h.fake.callsTo('views.open')).toHaveLength(0);
    // Anyone may still acknowledge, update and tell the client.
    await d().click(incident, 'UCARL', INCIDENT_ACTIONS.acknowledge);
    expect((await d().get(incident.id))!.status).toBe('acknowledged');
  });

  it('refuses a stranger’s resolution in the form itself when they were not allowed after all', async () => {
    const { incident } = await d().open('<@UBEN> ACME: slow', 'UANA');
    const res = await h.submit(team, 'UCARL', INCIDENT_VIEWS.resolve, { [INCIDENT_FIELDS.note]: input('done') }, JSON.stringify({ id: incident.id }));
    expect(res.json.errors[INCIDENT_FIELDS.note]).toContain('Only the owner, a lead or a workspace admin');
    expect((await d().get(incident.id))!.status).toBe('open');
  });

  it('lets the owner, a lead and a workspace admin resolve', async () => {
    for (const userId of ['UBEN', 'ULEAD', 'UADMIN']) {
      const { incident } = await d().open(`<@UBEN> ACME: broken for ${userId}`, 'UANA');
      const res = await throughModal(
        () => d().click(incident, userId, INCIDENT_ACTIONS.resolve),
        INCIDENT_VIEWS.resolve,
        { [INCIDENT_FIELDS.note]: input('fixed') },
        userId,
      );
      expect(res.text, userId).toBe('');
      expect((await d().get(incident.id))!.status, userId).toBe('resolved');
    }
  });

  it('lets a lead reassign; the new owner is told and the thread shows the handover', async () => {
    const { incident } = await d().open('ACME sev1: checkout down', 'UANA');
    const res = await throughModal(
      () => d().click(incident, 'ULEAD', INCIDENT_ACTIONS.reassign),
      INCIDENT_VIEWS.reassign,
      {
        [INCIDENT_FIELDS.owner]: { value: { type: 'users_select', selected_user: 'UBEN' } },
      },
      'ULEAD',
    );
    expect(res.text).toBe('');
    expect(await d().get(incident.id)).toMatchObject({ ownerId: 'UBEN', ownerTimeZone: 'America/New_York' });
    await eventually(() => d().calls('chat.postMessage', 'UBEN').length === 1 && d().threadReplies(incident).length === 1);
    expect(d().calls('chat.postMessage', 'UBEN')[0]!.args.text).toContain('<@ULEAD> handed this incident to you');
    expect(d().threadReplies(incident)).toEqual([':busts_in_silhouette: <@ULEAD> handed the incident to <@UBEN>.']);
  });
});

describe('from incident to promise', () => {
  it('opens the promise form prefilled with the client and the fix', async () => {
    const { incident } = await d().open('ACME sev1: checkout returns 500');
    await d().click(incident, 'UCARL', INCIDENT_ACTIONS.promise);
    const [open] = await h.fake.waitForCalls('views.open', 1);
    expect(open!.args.view.callback_id).toBe(PROMISE_VIEWS.create);
    const initial = (block: string) => open!.args.view.blocks.find((b: { block_id: string }) => b.block_id === block).element;
    expect(initial('client').initial_value).toBe('ACME');
    expect(initial('what').initial_value).toBe('Fix for: checkout returns 500');
    expect(initial('owner').initial_user).toBe('UCARL');
  });
});

describe('cadence reminders through the reminders job (--now)', () => {
  it('reminds the owner once per window, alerts the leads at twice the cadence, and refreshes the message', async () => {
    // An era no other test uses, so the job (which sweeps every workspace) sees only this incident.
    const opened = new Date('1996-03-05T09:00:00Z');
    h.now = opened;
    const { incident } = await d().open('ACME sev1: checkout down', 'UANA');
    h.now = later(2, opened);
    await d().click(incident, 'UANA', INCIDENT_ACTIONS.acknowledge);
    const jobs = createJobs({
      config: { slack: { botToken: 'xoxb-test-token', signingSecret: undefined, appToken: undefined, apiUrl: h.fake.url } },
      db: h.db,
      logger: new JsonLogger('error', () => undefined),
      channelIntervalMs: 0,
    });
    h.fake.reset();
    expect(await jobs.reminders(later(59, opened))).toMatchObject({ sent: 0, failed: 0 });
    expect(await jobs.reminders(later(61, opened))).toMatchObject({ sent: 1, failed: 0 });
    expect(await jobs.reminders(later(62, opened))).toMatchObject({ sent: 0 });
    const [dm] = d().calls('chat.postMessage', 'UANA');
    expect(dm!.args.text).toContain('The client has not heard from us for 1 h 1 min');
    expect(blocksText(dm!.args)).toContain(INCIDENT_ACTIONS.clientUpdated);
    expect(blocksText(d().lastUpdate(incident))).toContain('update overdue by 1 min');

    expect(await jobs.reminders(later(121, opened))).toMatchObject({ sent: 1 });
    expect(d().calls('chat.postMessage', 'ULEAD')[0]!.args.text).toContain('twice the cadence. Owner: <@UANA>');
    expect(await jobs.reminders(later(180, opened))).toMatchObject({ sent: 0 });
  });
});

describe('/incident stats', () => {
  it('shows the last 30 days over a fixed timeline', async () => {
    const { incident: fast } = await d().open('ACME sev1: checkout down');
    h.now = later(10);
    await d().click(fast, 'UANA', INCIDENT_ACTIONS.acknowledge);
    h.now = later(50);
    await d().click(fast, 'UANA', INCIDENT_ACTIONS.clientUpdated);
    h.now = later(120);
    await throughModal(() => d().click(fast, 'UANA', INCIDENT_ACTIONS.resolve), INCIDENT_VIEWS.resolve, { [INCIDENT_FIELDS.note]: input('fixed') }, 'UANA');
    h.now = later(60);
    const { incident: slow } = await d().open('Globex: reports slow');
    h.now = later(90);
    await d().click(slow, 'UANA', INCIDENT_ACTIONS.acknowledge);

    h.now = later(24 * 60);
    const { reply } = await h.command(team, 'UANA', '/incident', 'stats');
    const text = blocksText(reply);
    expect(text).toContain('2 incidents opened · 1 resolved · 1 still open');
    // 10 min and 30 min.
    expect(text).toContain('Median time to acknowledge: 20 min');
    expect(text).toContain('Median time to resolve: 2 h');
    // fast (sev1): kept at 50 min, missed at 1 h 50, resolved at 2 h; slow (sev2, 4 h): 5 windows missed in 23 h.
    expect(text).toContain('Client updates on time: 1 of 7 due (14%)');
    expect(text).toContain('A client update is due each time the severity’s cadence runs out');
  });

  it('names a SEV1 nobody acknowledged for three days instead of a median that hides it', async () => {
    const { incident: quick } = await d().open('Globex sev3: typo on the invoice');
    h.now = later(1);
    await d().click(quick, 'UANA', INCIDENT_ACTIONS.acknowledge);
    await d().open('ACME sev1: checkout returns 500');
    h.now = later(3 * 24 * 60);
    const { reply } = await h.command(team, 'UANA', '/incident', 'stats');
    const text = blocksText(reply);
    expect(text).toContain(':warning: *Not acknowledged yet: 1 incident*');
    expect(text).toContain('• SEV1 *ACME*: checkout returns 500 · opened 3 days ago');
    expect(text).toContain('Median time to acknowledge: 1 min (1 incident acknowledged)');
  });
});
