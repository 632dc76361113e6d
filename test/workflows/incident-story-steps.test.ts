import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type WorkspaceSettings } from '../../src/shared/workspace/workspace-settings.js';
import { type KeptHarness, newTeamId, startKept } from '../support/kept-harness.js';
import { stepDriver } from './step-driver.js';

let h: KeptHarness;
let steps: ReturnType<typeof stepDriver>;
beforeAll(async () => {
  h = await startKept();
  steps = stepDriver(h);
});
afterAll(() => h.stop());

let team: string;
beforeEach(() => {
  h.now = new Date('2026-12-01T09:00:00Z');
  team = newTeamId();
  h.fake.reset();
  h.fake.addUser({ id: 'UANA', tz: 'Europe/Warsaw' });
  h.fake.addUser({ id: 'ULEAD', tz: 'Europe/Warsaw' });
  h.fake.addUser({ id: 'UBEN', tz: 'America/New_York' });
  h.fake.addUser({ id: 'UBOT2', is_bot: true });
});

const settings = (overrides: Partial<WorkspaceSettings>) => h.kept.services.settings.save({ teamId: team }, { ...DEFAULT_SETTINGS, ...overrides });
const withChannels = (channels: WorkspaceSettings['channels'], more: Partial<WorkspaceSettings> = {}) => settings({ channels, ...more });
const openIncidents = async () => (await h.kept.services.incidents.listOpen({ teamId: team }, 50)).incidents;

describe('the "Open a client incident" step', () => {
  it('posts the incident to the incidents channel, tells its owner, and completes with its id and the message link', async () => {
    await withChannels({ incidents: 'CINC' });
    const run = await steps.run(team, 'open_client_incident', { client: 'ACME', summary: 'checkout returns 500', severity: 'sev1', owner: 'UANA' });
    const end = await steps.end(run);
    const [incident] = await openIncidents();
    expect(incident).toMatchObject({ client: 'ACME', title: 'checkout returns 500', severity: 'sev1', ownerId: 'UANA', reporterId: 'UBOT', channelId: 'CINC' });
    expect(end).toEqual({
      kind: 'success',
      token: run.botAccessToken,
      outputs: { incident_id: incident!.id, message_link: `https://kept-test.slack.com/archives/CINC/p${incident!.messageTs.replace('.', '')}` },
    });
    const [post, dm] = await h.fake.waitForCalls('chat.postMessage', 2);
    expect(post!.args.channel).toBe('CINC');
    expect(post!.args.metadata).toEqual({
      event_type: 'kept_incident_opened',
      event_payload: {
        v: 1,
        incident_id: incident!.id,
        client: 'ACME',
        severity: 'sev1',
        status: 'open',
        owner_id: 'UANA',
        opened_at: '2026-12-01T09:00:00.000Z',
      },
    });
    expect(dm!.args).toMatchObject({ channel: 'UANA', text: expect.stringContaining('A workflow opened an incident and made you its owner') });
    expect(dm!.args.metadata.event_type).toBe('kept_incident_opened');
  });

  it('makes the first lead the owner when the step names none, and reads "SEV 3" as sev3', async () => {
    await withChannels({ incidents: 'CINC' }, { leads: ['ULEAD', 'UANA'] });
    const run = await steps.run(team, 'open_client_incident', { client: 'Globex', summary: 'invoices PDF is blank', severity: 'SEV 3' });
    expect((await steps.end(run)).kind).toBe('success');
    expect(await openIncidents()).toMatchObject([{ ownerId: 'ULEAD', severity: 'sev3' }]);
  });

  it.each([
    ['an unknown severity', { incidents: 'CINC' }, { severity: 'urgent' }, 'I don’t know the severity “urgent”. Use sev1, sev2 or sev3.'],
    ['no client', { incidents: 'CINC' }, { client: '' }, 'The step has no client. Fill in Client with the client’s name.'],
    ['no incidents channel', {}, {}, 'Set the incidents channel first (/kept channel incidents #incidents): that is where I post incidents.'],
    [
      'no owner and no leads',
      { incidents: 'CINC' },
      { owner: undefined },
      'Choose an owner, or set the team’s leads first (/kept leads @ana): without an owner, the first lead owns the incident.',
    ],
  ])('fails the step for %s, and opens nothing', async (_name, channels, overrides, message) => {
    await withChannels(channels);
    const run = await steps.run(team, 'open_client_incident', { client: 'ACME', summary: 'checkout is down', severity: 'sev2', owner: 'UANA', ...overrides });
    expect(await steps.end(run)).toMatchObject({ kind: 'error', error: message });
    expect(await openIncidents()).toEqual([]);
    expect(h.fake.callsTo('chat.postMessage')).toEqual([]);
  });

  it('fails the step, in Polish for a Polish workspace, when Kept may not post in the incidents channel, and stores nothing', async () => {
    await withChannels({ incidents: 'CINC' }, { language: 'pl' });
    h.fake.injectFault('chat.postMessage', { kind: 'error', error: 'not_in_channel' });
    const run = await steps.run(team, 'open_client_incident', { client: 'ACME', summary: 'checkout is down', severity: 'sev2', owner: 'UANA' });
    expect(await steps.end(run)).toMatchObject({
      kind: 'error',
      error: 'Nie mogę pisać na kanale incydentów. Zaproś mnie tam (/invite @Kept) albo wybierz inny kanał przez /kept channel incidents.',
    });
    expect(await openIncidents()).toEqual([]);
  });
});

describe('the "Share a story" step', () => {
  const range = { from: new Date('2026-11-01T00:00:00Z'), to: new Date('2027-01-01T00:00:00Z') };
  const storiesOf = async (userId: string) => (await h.kept.services.stories.listFeaturing({ teamId: team }, userId, range, 20)).stories;

  it('saves the story, posts it to the recap channel with its metadata, and completes with its id', async () => {
    await withChannels({ recap: 'CWINS' });
    const run = await steps.run(team, 'share_story', {
      featured: ['UANA', 'UBEN'],
      what: 'drove to the client to fix the router',
      client: 'ACME',
      why: 'they were back online before the launch',
    });
    const end = await steps.end(run);
    const [story] = await storiesOf('UBEN');
    expect(story).toMatchObject({ featuredIds: ['UANA', 'UBEN'], client: 'ACME', authorId: 'UBOT', why: 'they were back online before the launch' });
    expect(end).toEqual({ kind: 'success', token: run.botAccessToken, outputs: { story_id: story!.id } });
    const [post] = h.fake.callsTo('chat.postMessage');
    expect(post!.args.channel).toBe('CWINS');
    expect(post!.args.metadata).toEqual({
      event_type: 'kept_story_shared',
      event_payload: { v: 1, story_id: story!.id, client: 'ACME', featured_ids: 'UANA,UBEN', author_id: 'UBOT', upvotes: 0 },
    });
    expect(story!.message?.channel).toBe('CWINS');
  });

  it.each([
    ['nobody featured', { recap: 'CWINS' }, { featured: [] }, 'Choose at least one teammate in Featured.'],
    ['a bot featured', { recap: 'CWINS' }, { featured: ['UBOT2'] }, 'A story features teammates, not bots or deactivated accounts.'],
    ['no story', { recap: 'CWINS' }, { what: ' ' }, 'The step has no story. Fill in What happened.'],
    ['no recap channel', {}, {}, 'Set the recap channel first (/kept channel recap #wins): that is where I post stories.'],
  ])('fails the step for %s, and shares nothing', async (_name, channels, overrides, message) => {
    await withChannels(channels);
    const run = await steps.run(team, 'share_story', { featured: ['UANA'], what: 'stayed late for the migration', ...overrides });
    expect(await steps.end(run)).toMatchObject({ kind: 'error', error: message });
    expect(await storiesOf('UANA')).toEqual([]);
  });
});
