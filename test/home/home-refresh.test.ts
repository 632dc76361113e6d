import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { INCIDENT_ACTIONS, INCIDENT_VIEWS } from '../../src/incidents/incident-blocks.js';
import { INCIDENT_FIELDS } from '../../src/incidents/incident-modals.js';
import { PROMISE_ACTIONS } from '../../src/promises/promise-blocks.js';
import { STORY_ACTIONS } from '../../src/stories/story-blocks.js';
import { type KeptHarness, newTeamId, startKept } from '../support/kept-harness.js';
import { homeDriver } from './home-support.js';

let h: KeptHarness;
beforeAll(async () => {
  h = await startKept();
});
afterAll(() => h.stop());

// Tuesday 1 December 2026, 09:00 UTC = 10:00 in Warsaw.
const NOW = new Date('2026-12-01T09:00:00Z');
let team: string;
const d = () => homeDriver(h, () => team);
const settings = async (change: object) =>
  h.kept.services.settings.save(d().workspace(), { ...(await h.kept.services.settings.get(d().workspace())), ...change });
const input = (value: string) => ({ value: { type: 'plain_text_input', value } });
const unticked = { value: { type: 'checkboxes', selected_options: [] } };

beforeEach(async () => {
  h.now = NOW;
  team = newTeamId();
  h.fake.reset();
  for (const [id, tz] of [
    ['UANA', 'Europe/Warsaw'],
    ['UBEN', 'America/New_York'],
    ['UCARL', 'Europe/Warsaw'],
    ['UDANA', 'UTC'],
  ])
    h.fake.addUser({ id: id!, tz: tz! });
  await settings({ timeZone: 'Europe/Warsaw', leads: ['UCARL'] });
});

/** Opens `/incident <text>` as UANA and returns the stored incident (its message posted by the fake Slack). */
async function openByCommand(text: string, userId = 'UANA') {
  await h.command(team, userId, '/incident', text, { replyWaitMs: 15_000 });
  const [incident] = (await h.kept.services.incidents.listOpen(d().workspace(), 5)).incidents;
  return incident!;
}

/** Clicks a Home button that opens a form, then submits the form. */
async function throughHomeModal(userId: string, actionId: string, id: string, callbackId: string, values: Record<string, Record<string, object>>) {
  const before = h.fake.callsTo('views.open').length;
  await h.homeAction(team, userId, actionId, id);
  const view = (await h.fake.waitForCalls('views.open', before + 1)).at(-1)!.args.view;
  expect(view.callback_id).toBe(callbackId);
  return h.submit(team, userId, callbackId, values, view.private_metadata);
}

describe('incident buttons on the Home', () => {
  it('acknowledges from the Home: the channel message and its thread show it, and the Home is republished', async () => {
    const incident = await openByCommand('ACME sev1: checkout down');
    await d().latestHome('UANA', (json) => json.includes('checkout down') && json.includes(INCIDENT_ACTIONS.acknowledge));
    h.now = new Date(NOW.getTime() + 5 * 60_000);
    const callsBefore = h.fake.calls.length;
    const res = await h.homeAction(team, 'UANA', INCIDENT_ACTIONS.acknowledge, incident.id);
    expect(res.status).toBe(200);
    const { json } = await d().latestHome('UANA', (j) => j.includes('Acknowledged'));
    expect(json).not.toContain(INCIDENT_ACTIONS.acknowledge);
    expect(await h.kept.services.incidents.get(d().workspace(), incident.id)).toMatchObject({ status: 'acknowledged' });
    const update = h.fake.callsTo('chat.update').find((c) => c.args.ts === incident.messageTs);
    expect(update?.args.channel).toBe(incident.channelId);
    expect(JSON.stringify(update?.args.blocks)).toContain('Acknowledged');
    expect(h.fake.callsTo('chat.postMessage').some((c) => c.args.thread_ts === incident.messageTs && String(c.args.text).includes('acknowledged'))).toBe(true);
    // A Home click has no conversation to answer in: nothing but the Home says it worked.
    expect(
      h.fake.calls.slice(callsBefore).filter((c) => c.method.startsWith('response_url:') || (c.method === 'chat.postMessage' && !c.args.thread_ts)),
    ).toEqual([]);
  });

  it('posts an update and resolves through their forms from the Home, which then drops the incident', async () => {
    const incident = await openByCommand('ACME sev2: invoices blank');
    const posted = await throughHomeModal('UANA', INCIDENT_ACTIONS.update, incident.id, INCIDENT_VIEWS.update, {
      [INCIDENT_FIELDS.text]: input('Found the cause, fix going out'),
      [INCIDENT_FIELDS.told]: unticked,
    });
    expect(posted.text).toBe('');
    await d().latestHome('UANA', (json) => json.includes('Acknowledged'));
    expect(h.fake.callsTo('chat.postMessage').some((c) => c.args.thread_ts === incident.messageTs && String(c.args.text).includes('Found the cause'))).toBe(
      true,
    );

    await h.homeAction(team, 'UANA', INCIDENT_ACTIONS.clientUpdated, incident.id);
    await d().latestHome('UANA', (json) => json.includes('Client last heard from us: just now'));

    const resolved = await throughHomeModal('UANA', INCIDENT_ACTIONS.resolve, incident.id, INCIDENT_VIEWS.resolve, {
      [INCIDENT_FIELDS.note]: input('Fixed the template'),
      [INCIDENT_FIELDS.confirmed]: unticked,
    });
    expect(resolved.text).toBe('');
    const { json } = await d().latestHome('UANA', (j) => j.includes('Your open incidents (0)'));
    expect(json).not.toContain('invoices blank');
    expect((await h.kept.services.incidents.get(d().workspace(), incident.id))!.status).toBe('resolved');
    expect(JSON.stringify(h.fake.callsTo('chat.update').at(-1)!.args.blocks)).toContain('Fixed the template');
  });

  it('tells the clicker by DM when the channel message could not be updated, keeping the change', async () => {
    const incident = await openByCommand('ACME sev1: checkout down');
    h.fake.injectFault('chat.update', { kind: 'error', error: 'channel_not_found' });
    await h.homeAction(team, 'UANA', INCIDENT_ACTIONS.clientUpdated, incident.id);
    await d().latestHome('UANA', (json) => json.includes('Client last heard from us: just now'));
    const dm = h.fake
      .callsTo('chat.postMessage')
      .find((c) => c.args.channel === 'UANA' && String(c.args.text).includes('couldn’t update the incident message'));
    expect(dm).toBeDefined();
  });

  it('refuses a teammate who may not resolve in a small notice, since a Home has nowhere to reply', async () => {
    const incident = await openByCommand('ACME sev2: invoices blank');
    await h.homeAction(team, 'UBEN', INCIDENT_ACTIONS.resolve, incident.id);
    const [notice] = await h.fake.waitForCalls('views.open', 1);
    expect(notice!.args.view.callback_id).toBeUndefined();
    expect((await h.kept.services.incidents.get(d().workspace(), incident.id))!.status).toBe('open');
  });
});

describe('refreshing the Home after incident and story changes', () => {
  it('republishes the Home of the teammate an incident is opened for, then of the old and new owner on a handover', async () => {
    const incident = await openByCommand('<@UBEN> Globex sev3: export fails');
    await d().latestHome('UBEN', (json) => json.includes('export fails'));
    await d().latestHome('UANA', (json) => json.includes('Your open incidents (0)'));
    await throughHomeModal('UCARL', INCIDENT_ACTIONS.reassign, incident.id, INCIDENT_VIEWS.reassign, {
      [INCIDENT_FIELDS.owner]: { value: { type: 'users_select', selected_user: 'UANA' } },
    });
    await d().latestHome('UANA', (json) => json.includes('export fails'));
    await d().latestHome('UBEN', (json) => json.includes('Your open incidents (0)'));
    await d().latestHome('UCARL', (json) => json.includes('*Open incidents:* 1') && json.includes('<@UANA>'));
  });

  it('republishes the Homes of the people a story features when it is shared and when it is upvoted', async () => {
    await h.command(team, 'UANA', '/story', '<@UBEN> <@UDANA> ACME: drove 200 km to fix their setup');
    const [story] = (await h.kept.services.stories.listFeaturing(d().workspace(), 'UBEN', { from: new Date(0), to: new Date(NOW.getTime() + 1) }, 5)).stories;
    await d().latestHome('UBEN', (json) => json.includes('drove 200 km') && json.includes(':clap: 0'));
    await d().latestHome('UDANA', (json) => json.includes('drove 200 km'));
    expect(d().homesOf('UANA')).toHaveLength(0);
    await h.action(team, 'UCARL', STORY_ACTIONS.upvote, story!.id, { replyWaitMs: 0 });
    await d().latestHome('UBEN', (json) => json.includes(':clap: 1'));
    await d().latestHome('UDANA', (json) => json.includes(':clap: 1'));
  });
});

describe("a lead's Home after logging a promise", () => {
  /** An overdue promise of UBEN written behind Kept's back: it shows only where the team part is read again. */
  async function storeOverdueBehindKeptsBack() {
    const { createPromise } = await import('../../src/promises/client-promise.js');
    const { FirestorePromiseStore } = await import('../../src/promises/promise-store.js');
    const p = createPromise(
      {
        id: 'behind',
        client: 'Globex',
        what: 'the late report',
        ownerId: 'UBEN',
        ownerTimeZone: 'UTC',
        creatorId: 'UBEN',
        dueAt: new Date(NOW.getTime() - 3_600_000),
      },
      new Date(NOW.getTime() - 86_400_000),
    );
    await new FirestorePromiseStore(h.db).create(d().workspace(), p);
  }
  const publishes = () => d().homesOf('UCARL').length;

  it('shows the new promise at once and keeps the team part drawn moments ago instead of reading it again', async () => {
    await h.event(team, { type: 'app_home_opened', user: 'UCARL', channel: 'DUCARL', tab: 'home', event_ts: '1764579600.000100' });
    await d().latestHome('UCARL', (json) => json.includes('Nothing is overdue'));
    await storeOverdueBehindKeptsBack();
    const before = publishes();
    h.now = new Date(NOW.getTime() + 30_000);
    await h.command(team, 'UCARL', '/promise', 'ACME: send the revised quote by Friday 3pm');
    const { json } = await d().latestHome('UCARL', (j) => publishes() > before && j.includes('send the revised quote'));
    expect(json).toContain('Nothing is overdue');
    expect(json).not.toContain('the late report');
  });

  it('keeps the other parts as last drawn however long ago, and reads every part again when the lead opens the Home', async () => {
    await h.event(team, { type: 'app_home_opened', user: 'UCARL', channel: 'DUCARL', tab: 'home', event_ts: '1764579600.000100' });
    await d().latestHome('UCARL', (json) => json.includes('Nothing is overdue'));
    await storeOverdueBehindKeptsBack();
    const before = publishes();
    h.now = new Date(NOW.getTime() + 3 * 3_600_000);
    await h.command(team, 'UCARL', '/promise', 'ACME: send the revised quote by Friday 3pm');
    const { json } = await d().latestHome('UCARL', (j) => publishes() > before && j.includes('send the revised quote'));
    expect(json).not.toContain('the late report');
    await h.event(team, { type: 'app_home_opened', user: 'UCARL', channel: 'DUCARL', tab: 'home', event_ts: '1764590400.000100' });
    await d().latestHome('UCARL', (j) => j.includes('send the revised quote') && j.includes('the late report'));
  });

  it('reads every part again after any change other than a new promise', async () => {
    await h.command(team, 'UCARL', '/promise', 'ACME: send the revised quote by Friday 3pm');
    await d().latestHome('UCARL', (json) => json.includes('send the revised quote') && json.includes('Nothing is overdue'));
    await storeOverdueBehindKeptsBack();
    h.now = new Date(NOW.getTime() + 30_000);
    const [mine] = (await h.kept.services.promises.listOpen(d().workspace(), { ownerId: 'UCARL' }, 5)).promises;
    await h.homeAction(team, 'UCARL', PROMISE_ACTIONS.kept, mine!.id);
    await d().latestHome('UCARL', (j) => j.includes('the late report') && !j.includes('send the revised quote'));
  });
});
