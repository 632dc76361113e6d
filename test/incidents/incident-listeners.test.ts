import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { INCIDENT_ACTIONS, INCIDENT_SHORTCUT, INCIDENT_VIEWS } from '../../src/incidents/incident-blocks.js';
import { INCIDENT_FIELDS } from '../../src/incidents/incident-modals.js';
import { type KeptHarness, newTeamId, SIGNING_SECRET, startKept } from '../support/kept-harness.js';
import { interactionBody, messageShortcutPayload, postSigned } from '../support/slack-requests.js';
import { blocksText, eventually, incidentDriver } from './incident-harness.js';

let h: KeptHarness;
beforeAll(async () => {
  h = await startKept();
});
afterAll(() => h.stop());

// Tuesday 1 December 2026, 09:00 UTC = 10:00 in Warsaw.
const NOW = new Date('2026-12-01T09:00:00Z');
let team: string;
const driver = () => incidentDriver(h, () => team);
const settings = async (change: object) =>
  h.kept.services.settings.save({ teamId: team }, { ...(await h.kept.services.settings.get({ teamId: team })), ...change });

beforeEach(() => {
  h.now = NOW;
  team = newTeamId();
  h.fake.reset();
  h.fake.addUser({ id: 'UANA', tz: 'Europe/Warsaw' });
  h.fake.addUser({ id: 'UBEN', tz: 'America/New_York' });
  h.fake.addUser({ id: 'UBOT2', is_bot: true });
});

describe('/incident in one line', () => {
  it('posts the incident with its buttons where the command ran, stores where it went, and tells the reporter', async () => {
    const { incident, reply } = await driver().open('ACME sev1: checkout returns 500 since 9:00');
    expect(incident).toMatchObject({
      client: 'ACME',
      severity: 'sev1',
      title: 'checkout returns 500 since 9:00',
      ownerId: 'UANA',
      reporterId: 'UANA',
      status: 'open',
      channelId: 'C_TEST',
    });
    const [post] = driver().calls('chat.postMessage', 'C_TEST');
    expect(post!.response!.ts).toBe(incident.messageTs);
    expect(incident.messagePermalink).toContain(`/archives/C_TEST/p`);
    const text = blocksText(post!.args);
    expect(text).toContain('SEV1 · ACME');
    expect(text).toContain('Open, not acknowledged');
    for (const action of [
      INCIDENT_ACTIONS.acknowledge,
      INCIDENT_ACTIONS.update,
      INCIDENT_ACTIONS.clientUpdated,
      INCIDENT_ACTIONS.resolve,
      INCIDENT_ACTIONS.promise,
    ]) {
      expect(text).toContain(action);
    }
    expect(reply).toMatchObject({ response_type: 'ephemeral' });
    expect(reply.text).toContain('posted in <#C_TEST>');
    // A sev1 nobody acknowledged: the sweep looks again after 15 minutes.
    expect(incident.nextStepAt).toEqual(new Date(NOW.getTime() + 15 * 60_000));
  });

  it('posts to the incidents channel when one is set, and DMs a teammate named as owner', async () => {
    await settings({ channels: { incidents: 'CINCIDENTS' } });
    const { incident } = await driver().open('<@UBEN|ben> Globex: invoices PDF is blank');
    expect(incident).toMatchObject({ channelId: 'CINCIDENTS', ownerId: 'UBEN', severity: 'sev2' });
    expect(driver().calls('chat.postMessage', 'CINCIDENTS')).toHaveLength(1);
    // The owner's DM follows the reporter's reply: wait for it, or the next test's injected fault would catch it.
    const dm = await eventually(() => driver().calls('chat.postMessage', 'UBEN')[0]);
    expect(dm.args.text).toContain('<@UANA> opened an incident and made you its owner');
  });

  it('stores nothing and explains how to fix it when Kept cannot post in the channel', async () => {
    h.fake.injectFault('chat.postMessage', { kind: 'error', error: 'not_in_channel' });
    const { reply } = await h.command(team, 'UANA', '/incident', 'ACME sev1: checkout down', { channelId: 'CPRIVATE' });
    expect(reply.text).toContain('couldn’t post the incident in <#CPRIVATE>');
    expect(reply.text).toContain('/invite @Kept');
    expect(reply.text).toContain('/kept channel incidents');
    expect(reply.text).toContain('/incident ACME sev1: checkout down');
    expect((await h.kept.services.incidents.listOpen({ teamId: team }, 10)).total).toBe(0);
  });

  it('explains what is missing, offers the form, and opens nothing', async () => {
    const { reply } = await h.command(team, 'UANA', '/incident', 'checkout is down');
    expect(blocksText(reply)).toContain('couldn’t find the client');
    expect(blocksText(reply)).toContain(INCIDENT_ACTIONS.finishInForm);
    expect(driver().calls('chat.postMessage')).toHaveLength(0);
  });

  it('refuses a bot as owner', async () => {
    const { reply } = await h.command(team, 'UANA', '/incident', '<@UBOT2> ACME: down');
    expect(reply.text).toContain('bot can’t own an incident');
    expect((await h.kept.services.incidents.listOpen({ teamId: team }, 10)).total).toBe(0);
  });
});

describe('the incident form', () => {
  const values = (over: Record<string, object> = {}) => ({
    [INCIDENT_FIELDS.client]: { value: { type: 'plain_text_input', value: 'Initech' } },
    [INCIDENT_FIELDS.severity]: { value: { type: 'static_select', selected_option: { value: 'sev3' } } },
    [INCIDENT_FIELDS.title]: { value: { type: 'plain_text_input', value: 'TPS reports <late>' } },
    [INCIDENT_FIELDS.description]: { value: { type: 'plain_text_input', value: 'Since Monday. <!channel>' } },
    [INCIDENT_FIELDS.owner]: { value: { type: 'users_select', selected_user: 'UBEN' } },
    ...over,
  });

  it('opens for a bare /incident and opens the incident from a valid submission', async () => {
    await h.command(team, 'UANA', '/incident', '', { replyWaitMs: 0 });
    const [open] = await h.fake.waitForCalls('views.open', 1);
    expect(open!.args.view.callback_id).toBe(INCIDENT_VIEWS.create);
    const res = await h.submit(team, 'UANA', INCIDENT_VIEWS.create, values(), open!.args.view.private_metadata);
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    const [incident] = (await h.kept.services.incidents.listOpen({ teamId: team }, 10)).incidents;
    expect(incident).toMatchObject({
      client: 'Initech',
      severity: 'sev3',
      title: 'TPS reports &lt;late&gt;',
      description: 'Since Monday. &lt;!channel&gt;',
      ownerId: 'UBEN',
      channelId: 'C_TEST',
    });
    // The owner named in the form hears it from Kept.
    await h.fake.waitForCalls('chat.postMessage', 2);
    expect(driver().calls('chat.postMessage', 'UBEN')).toHaveLength(1);
  });

  it('keeps the form open with inline errors, writing nothing', async () => {
    const res = await h.submit(
      team,
      'UANA',
      INCIDENT_VIEWS.create,
      values({
        [INCIDENT_FIELDS.client]: { value: { type: 'plain_text_input', value: ' ' } },
        [INCIDENT_FIELDS.title]: { value: { type: 'plain_text_input', value: '' } },
        [INCIDENT_FIELDS.owner]: { value: { type: 'users_select', selected_user: 'UBOT2' } },
      }),
      JSON.stringify({ channelId: 'C_TEST' }),
    );
    expect(res.json).toEqual({
      response_action: 'errors',
      errors: {
        [INCIDENT_FIELDS.client]: 'Enter the client.',
        [INCIDENT_FIELDS.title]: 'Say what is wrong.',
        [INCIDENT_FIELDS.owner]: 'A bot can’t own an incident.',
      },
    });
    expect(driver().calls('chat.postMessage')).toHaveLength(0);
  });

  it('answers in the form when Kept cannot post in the channel, and stores nothing', async () => {
    h.fake.injectFault('chat.postMessage', { kind: 'error', error: 'channel_not_found' });
    const res = await h.submit(team, 'UANA', INCIDENT_VIEWS.create, values(), JSON.stringify({ channelId: 'CGONE' }));
    expect(res.json.errors[INCIDENT_FIELDS.title]).toContain('/invite @Kept');
    expect((await h.kept.services.incidents.listOpen({ teamId: team }, 10)).total).toBe(0);
  });
});

describe('the "Log as incident" message shortcut', () => {
  it('opens the form prefilled from the message and keeps a link to it', async () => {
    const payload = messageShortcutPayload({
      teamId: team,
      userId: 'UANA',
      callbackId: INCIDENT_SHORTCUT,
      channelId: 'CCLIENT',
      messageTs: '1700000123.000200',
      messageText: 'ACME: the export job failed again\nThey need it by noon.',
      responseUrl: h.fake.responseUrl('shortcut'),
    });
    expect((await postSigned(`${h.url}/slack/events`, interactionBody(payload), { signingSecret: SIGNING_SECRET })).status).toBe(200);
    const [open] = await h.fake.waitForCalls('views.open', 1);
    expect(h.fake.callsTo('chat.getPermalink')[0]!.args).toMatchObject({ channel: 'CCLIENT', message_ts: '1700000123.000200' });
    const view = open!.args.view;
    const initial = (block: string) => view.blocks.find((b: { block_id: string }) => b.block_id === block).element.initial_value;
    expect(initial(INCIDENT_FIELDS.client)).toBe('ACME');
    expect(initial(INCIDENT_FIELDS.title)).toBe('the export job failed again');
    expect(initial(INCIDENT_FIELDS.description)).toContain('They need it by noon.');

    await h.submit(
      team,
      'UANA',
      INCIDENT_VIEWS.create,
      {
        [INCIDENT_FIELDS.client]: { value: { type: 'plain_text_input', value: 'ACME' } },
        [INCIDENT_FIELDS.severity]: { value: { type: 'static_select', selected_option: { value: 'sev2' } } },
        [INCIDENT_FIELDS.title]: { value: { type: 'plain_text_input', value: 'the export job failed again' } },
        [INCIDENT_FIELDS.owner]: { value: { type: 'users_select', selected_user: 'UANA' } },
      },
      view.private_metadata,
    );
    const [incident] = (await h.kept.services.incidents.listOpen({ teamId: team }, 10)).incidents;
    expect(incident).toMatchObject({ channelId: 'CCLIENT', sourcePermalink: 'https://kept-test.slack.com/archives/CCLIENT/p1700000123000200' });
    expect(blocksText(driver().calls('chat.postMessage', 'CCLIENT')[0]!.args)).toContain('Logged from this message');
    await h.fake.waitForCalls('response_url:shortcut', 1);
  });
});

describe('/incident list and stats', () => {
  it('lists open incidents worst first, and answers a Polish workspace in Polish', async () => {
    await driver().open('Globex sev3: typo on invoices');
    h.now = new Date(NOW.getTime() + 60_000);
    await driver().open('ACME sev1: checkout down');
    await driver().open('Initech: reports slow');
    const { reply } = await h.command(team, 'UANA', '/incident', 'list');
    const text = blocksText(reply);
    expect(text).toContain('Open incidents (3)');
    expect(text.indexOf('checkout down')).toBeLessThan(text.indexOf('reports slow'));
    expect(text.indexOf('reports slow')).toBeLessThan(text.indexOf('typo on invoices'));
    await settings({ language: 'pl' });
    expect(blocksText((await h.command(team, 'UANA', '/incident', 'lista')).reply)).toContain('Otwarte incydenty (3)');
    expect(blocksText((await h.command(team, 'UANA', '/incident', 'statystyki')).reply)).toContain('Incydenty z ostatnich 30 dni');
  });

  it('says so kindly when nothing is open', async () => {
    expect(blocksText((await h.command(team, 'UANA', '/incident', 'list')).reply)).toContain('No open incidents');
  });
});

describe('incident settings in /kept', () => {
  it('sets a cadence and the incidents channel, shows them, and unsets the channel again', async () => {
    h.fake.addUser({ id: 'UADMIN', tz: 'UTC', is_admin: true });
    const cadence = await h.command(team, 'UADMIN', '/kept', 'cadence sev1 30m sev3 2d');
    expect(blocksText(cadence.reply)).toContain('sev1 every 30 minutes · sev2 every 4 hours · sev3 every 2 days');
    await h.command(team, 'UADMIN', '/kept', 'channel incidents <#CINC|incidents>');
    expect((await h.kept.services.settings.get({ teamId: team })).channels.incidents).toBe('CINC');
    await h.command(team, 'UADMIN', '/kept', 'channel incidents none');
    expect((await h.kept.services.settings.get({ teamId: team })).channels.incidents).toBeUndefined();
    const { incident } = await driver().open('ACME sev1: down', 'UANA', 'CHERE');
    expect(incident).toMatchObject({ channelId: 'CHERE', nextStepAt: new Date(NOW.getTime() + 15 * 60_000) });
    const polish = await h.command(team, 'UADMIN', '/kept', 'kadencja sev2 dzień roboczy');
    expect(blocksText(polish.reply)).toContain('sev2 every working day');
  });

  it('refuses a cadence it cannot read, and a change by someone who is not an admin or lead', async () => {
    h.fake.addUser({ id: 'UADMIN', tz: 'UTC', is_admin: true });
    expect((await h.command(team, 'UADMIN', '/kept', 'cadence sev1 soon')).reply.text).toContain('Give a severity and how often');
    expect((await h.command(team, 'UANA', '/kept', 'cadence sev1 1h')).reply.text).toContain('Only workspace admins');
    expect((await h.kept.services.settings.get({ teamId: team })).incidentCadenceMinutes.sev1).toBe(60);
  });
});
