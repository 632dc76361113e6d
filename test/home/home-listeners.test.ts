import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { HOME_ACTIONS } from '../../src/home/home-blocks.js';
import { FIELDS, PROMISE_ACTIONS, PROMISE_VIEWS } from '../../src/promises/promise-blocks.js';
import { REMINDER_ACTIONS } from '../../src/promises/reminder-blocks.js';
import { SETTINGS_ACTIONS } from '../../src/settings/settings-modal.js';
import { DeliveryLedger } from '../../src/shared/delivery/delivery.js';
import type { RecordedCall } from '../support/fake-slack.js';
import { type KeptHarness, newTeamId, startKept } from '../support/kept-harness.js';

let h: KeptHarness;
beforeAll(async () => {
  h = await startKept();
});
afterAll(() => h.stop());

// Tuesday 1 December 2026, 09:00 UTC = 10:00 in Warsaw.
const NOW = new Date('2026-12-01T09:00:00Z');
const hours = (n: number) => new Date(NOW.getTime() + n * 3_600_000);
let team: string;
beforeEach(() => {
  h.now = NOW;
  team = newTeamId();
  h.fake.reset();
  h.fake.addUser({ id: 'UANA', tz: 'Europe/Warsaw' });
  h.fake.addUser({ id: 'UBEN', tz: 'America/New_York' });
  h.fake.addUser({ id: 'UCARL', tz: 'Europe/Warsaw' });
});

const workspace = () => ({ teamId: team });
const log = (client: string, dueAt: Date, ownerId = 'UANA', creatorId = ownerId) =>
  h.kept.services.promises.logPromise(workspace(), { creatorId, ownerId, ownerTimeZone: 'Europe/Warsaw', client, what: `work for ${client}`, dueAt }, h.now);
const setSettings = async (change: object) => h.kept.services.settings.save(workspace(), { ...(await h.kept.services.settings.get(workspace())), ...change });

const openHome = (userId: string, tab = 'home') =>
  h.event(team, { type: 'app_home_opened', user: userId, channel: `D${userId}`, tab, event_ts: '1764579600.000100' });

/** The n-th views.publish (1-based) once it has happened. */
async function published(n = 1): Promise<RecordedCall> {
  const calls = await h.fake.waitForCalls('views.publish', n);
  return calls[n - 1]!;
}
const viewText = (call: RecordedCall) => JSON.stringify(call.args.view.blocks);
async function until(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
const publishedFor = (userId: string) => h.fake.callsTo('views.publish').filter((c) => c.args.user_id === userId);

describe('the App Home', () => {
  it('publishes my open promises, overdue first, each with its buttons, when I open it', async () => {
    await log('Later Co', hours(24 * 5));
    await log('Soon Co', hours(3));
    h.now = hours(4);
    await log('Other Co', hours(10), 'UBEN');
    const res = await openHome('UANA');
    expect(res.status).toBe(200);
    const call = await published();
    expect(call.args.user_id).toBe('UANA');
    expect(call.args.view.type).toBe('home');
    const text = viewText(call);
    expect(text).toContain('Your open promises (2)');
    expect(text.indexOf('Soon Co')).toBeLessThan(text.indexOf('Later Co'));
    expect(text).toContain('Overdue');
    expect(text).not.toContain('Other Co');
    expect(text).toContain(PROMISE_ACTIONS.kept);
    expect(text).toContain(HOME_ACTIONS.newPromise);
    expect(text).not.toContain(SETTINGS_ACTIONS.open);
    expect(text).not.toContain('on-time rate');
  });

  it('leaves the Home alone when the Messages tab is opened', async () => {
    await openHome('UANA', 'messages');
    await openHome('UBEN');
    await published();
    expect(h.fake.callsTo('views.publish').map((c) => c.args.user_id)).toEqual(['UBEN']);
  });

  it("shows a lead the team view: overdue promises by owner and this week's on-time rate", async () => {
    await setSettings({ leads: ['UCARL'], timeZone: 'Europe/Warsaw' });
    const kept = await log('Kept Co', hours(3));
    const early = await log('Moved Co', hours(30));
    await log('Late Co', hours(2), 'UBEN');
    await log('Next Week Co', hours(24 * 8));
    h.now = hours(1);
    await h.kept.services.promises.keep(workspace(), kept.id, 'UANA', h.now);
    await h.kept.services.promises.renegotiate(workspace(), early.id, 'UANA', { newDueAt: hours(24 * 9), reason: 'waiting', clientInformed: true }, h.now);
    h.now = hours(5);
    await openHome('UCARL');
    const text = viewText(await published());
    expect(text).toContain('Team');
    expect(text).toContain('on-time rate: 67%');
    expect(text).toContain('<@UBEN> · 1 overdue promise');
    expect(text).toContain('Late Co');
    expect(text).toContain(SETTINGS_ACTIONS.open);
  });

  it('tells the leads, and only them, which scheduled messages Kept had to give up on this week', async () => {
    await setSettings({ leads: ['UCARL'], channels: { leads: 'CGONE' } });
    const ledger = new DeliveryLedger(h.db);
    for (const id of ['p1:alert:1:CGONE', 'p2:alert:1:CGONE']) {
      await ledger.claim(workspace(), id, hours(-2), { digestId: () => 'd1', purpose: 'alert', channel: 'CGONE' });
      await ledger.release(workspace(), [{ id, attempt: 1 }], { ok: false, retryable: false, error: 'channel_not_found' }, hours(-2));
    }
    await openHome('UCARL');
    expect(viewText(await published())).toContain('2 alerts couldn’t be delivered: `channel_not_found` — check the leads channel');
    await openHome('UANA');
    expect(viewText(await published(2))).not.toContain('couldn’t be delivered');
  });

  it('gives workspace admins the Settings button but not the team view', async () => {
    h.fake.addUser({ id: 'UADMIN', tz: 'UTC', is_admin: true });
    await openHome('UADMIN');
    const text = viewText(await published());
    expect(text).toContain(SETTINGS_ACTIONS.open);
    expect(text).not.toContain('on-time rate');
  });

  it('speaks the workspace language', async () => {
    await setSettings({ language: 'pl' });
    for (const name of ['A', 'B', 'C', 'D', 'E']) await log(name, hours(5));
    await openHome('UANA');
    const text = viewText(await published());
    expect(text).toContain('Twoje otwarte obietnice (5)');
    expect(text).toContain('Dotrzymana');
    expect(text).toContain('wt. 1 grudnia, 15:00');
  });
});

describe('buttons on the Home', () => {
  it('marks a promise kept from the Home and republishes the Home without it', async () => {
    const promise = await log('Initech', hours(5));
    const res = await h.homeAction(team, 'UANA', PROMISE_ACTIONS.kept, promise.id);
    expect(res.status).toBe(200);
    const call = await published();
    expect(call.args.user_id).toBe('UANA');
    expect(viewText(call)).not.toContain('Initech');
    expect((await h.kept.services.promises.get(workspace(), promise.id))!.outcome).toMatchObject({ kind: 'kept', onTime: true });
    expect(h.fake.callsTo('views.open')).toHaveLength(0);
  });

  it('refreshes both the lead who acted and the owner', async () => {
    await setSettings({ leads: ['UCARL'] });
    const promise = await log('ACME', hours(5));
    await h.homeAction(team, 'UCARL', PROMISE_ACTIONS.cancel, promise.id);
    await published(2);
    expect(
      h.fake
        .callsTo('views.publish')
        .map((c) => c.args.user_id)
        .sort(),
    ).toEqual(['UANA', 'UCARL']);
  });

  it('snoozes from the Home', async () => {
    const promise = await log('ACME', hours(5));
    await h.homeAction(team, 'UANA', REMINDER_ACTIONS.snooze, promise.id);
    await published();
    expect((await h.kept.services.promises.get(workspace(), promise.id))!.snoozedUntil).toEqual(hours(1));
  });

  it('shows a refusal in a small modal, since a Home has no conversation to answer in', async () => {
    const promise = await log('ACME', hours(5));
    await h.homeAction(team, 'UCARL', PROMISE_ACTIONS.cancel, promise.id);
    const [notice] = await h.fake.waitForCalls('views.open', 1);
    expect(JSON.stringify(notice!.args.view.blocks)).toContain('Only <@UANA>, who owns this promise, the person who logged it or a lead can change it.');
    expect((await h.kept.services.promises.get(workspace(), promise.id))!.status).toBe('open');
  });

  it('falls back to a DM when the modal cannot be opened', async () => {
    const promise = await log('ACME', hours(5));
    h.fake.injectFault('views.open', { kind: 'error', error: 'expired_trigger_id' });
    await h.homeAction(team, 'UCARL', PROMISE_ACTIONS.kept, promise.id);
    const [dm] = await h.fake.waitForCalls('chat.postMessage', 1);
    expect(dm!.args.channel).toBe('UCARL');
    expect(dm!.args.text).toContain('Only <@UANA>, who owns this promise');
  });

  it('renegotiates from the Home: the Home shows the new date, and no DM is sent', async () => {
    const promise = await log('ACME', hours(5));
    await h.homeAction(team, 'UANA', PROMISE_ACTIONS.renegotiate, promise.id);
    const [open] = await h.fake.waitForCalls('views.open', 1);
    const res = await h.submit(
      team,
      'UANA',
      PROMISE_VIEWS.renegotiate,
      {
        [FIELDS.due]: { [FIELDS.value]: { type: 'datetimepicker', selected_date_time: Math.floor(hours(48).getTime() / 1000) } },
        [FIELDS.reason]: { [FIELDS.value]: { type: 'plain_text_input', value: 'Waiting for data' } },
        [FIELDS.informed]: { [FIELDS.value]: { type: 'checkboxes', selected_options: [] } },
      },
      open!.args.view.private_metadata,
    );
    expect(res.text).toBe('');
    expect(viewText(await published())).toContain('Thu 3 Dec at 10:00');
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('opens the new-promise form from the Home; logging refreshes the Home instead of sending a DM', async () => {
    await h.homeAction(team, 'UANA', HOME_ACTIONS.newPromise, 'new');
    const [open] = await h.fake.waitForCalls('views.open', 1);
    expect(open!.args.view.callback_id).toBe(PROMISE_VIEWS.create);
    await h.submit(
      team,
      'UANA',
      PROMISE_VIEWS.create,
      {
        [FIELDS.client]: { [FIELDS.value]: { type: 'plain_text_input', value: 'Globex' } },
        [FIELDS.what]: { [FIELDS.value]: { type: 'plain_text_input', value: 'Send the plan' } },
        [FIELDS.due]: { [FIELDS.value]: { type: 'datetimepicker', selected_date_time: Math.floor(hours(30).getTime() / 1000) } },
        [FIELDS.owner]: { [FIELDS.value]: { type: 'users_select', selected_user: 'UANA' } },
      },
      open!.args.view.private_metadata,
    );
    expect(viewText(await published())).toContain('Globex');
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(0);
  });
});

describe('refreshing the Home after changes made elsewhere', () => {
  it('republishes the Home of the creator and the new owner when a promise is logged for a teammate', async () => {
    await h.command(team, 'UANA', '/promise', '<@UBEN> Initech: call back tomorrow 10:00');
    await published(2);
    expect(viewText(publishedFor('UBEN')[0]!)).toContain('Initech');
    expect(viewText(publishedFor('UANA')[0]!)).not.toContain('Initech');
  });

  it("republishes the owner's Home after Kept is clicked on a message card", async () => {
    const promise = await log('ACME', hours(5));
    const { reply } = await h.action(team, 'UANA', PROMISE_ACTIONS.kept, promise.id);
    expect(JSON.stringify(reply?.blocks)).toContain('Kept on time');
    expect(viewText(await published())).toContain('You have no open promises');
  });

  it('still answers the click when the Home cannot be published', async () => {
    const promise = await log('ACME', hours(5));
    h.fake.injectFault('views.publish', { kind: 'status', status: 500 });
    const { reply } = await h.action(team, 'UANA', PROMISE_ACTIONS.kept, promise.id);
    expect(JSON.stringify(reply?.blocks)).toContain('Kept on time');
    await until(() => h.logLines.some((line) => line.includes('could not refresh a Home') && line.includes(team)));
  });
});
