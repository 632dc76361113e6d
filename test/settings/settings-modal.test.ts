import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildSettingsModal, readSettingsSubmission, SETTINGS_ACTIONS, SETTINGS_FIELDS, SETTINGS_VIEW } from '../../src/settings/settings-modal.js';
import { formatLeadTimes, parseLeadTimes } from '../../src/settings/settings-values.js';
import { messagesFor } from '../../src/shared/i18n/index.js';
import { DEFAULT_SETTINGS, type WorkspaceSettings } from '../../src/shared/workspace/workspace-settings.js';
import { type KeptHarness, newTeamId, startKept } from '../support/kept-harness.js';
import { submission } from './settings-form-values.js';

const en = messagesFor('en');
const pl = messagesFor('pl');

describe('the settings form', () => {
  it('shows every setting with its current value', () => {
    const settings: WorkspaceSettings = {
      ...DEFAULT_SETTINGS,
      language: 'pl',
      timeZone: 'Europe/Warsaw',
      leads: ['UCARL'],
      channels: { leads: 'CLEADS' },
      reminderLeadMinutes: [2880, 90],
      workingHours: { days: [1, 2, 3, 4, 7], startMinute: 480, endMinute: 960 },
      recap: { weekday: 4, minute: 1020 },
    };
    const modal = buildSettingsModal(pl, settings);
    expect(modal.title.text.length).toBeLessThanOrEqual(24);
    const json = JSON.stringify(modal.blocks);
    expect(modal.blocks.map((b) => b.block_id).filter(Boolean)).toEqual(SETTINGS_FIELDS.map((f) => f.id));
    for (const expected of [
      '"initial_option":{"text":{"type":"plain_text","text":"Polski"',
      '"initial_value":"Europe/Warsaw"',
      '"initial_users":["UCARL"]',
      '"initial_conversations":["CLEADS"]',
      '"initial_value":"2d 90m"',
      '"initial_value":"niedz.–czw. 08:00–16:00"',
      '"initial_value":"czw. 17:00"',
      '"initial_value":"dzień roboczy"',
    ]) {
      expect(json).toContain(expected);
    }
  });

  it('reads a valid submission onto the stored settings', () => {
    const result = readSettingsSubmission(
      en,
      DEFAULT_SETTINGS,
      submission({
        language: { selected_option: { value: 'pl' } },
        time_zone: { value: ' europe/warsaw ' },
        leads: { selected_users: ['UCARL', 'UANA', 'UCARL'] },
        channel_recap: { selected_conversations: ['CRECAP'] },
        reminders: { value: '2d 30m' },
        working_hours: { value: 'pn-pt 08:00-16:00' },
      }),
    );
    expect(result).toEqual({
      ok: true,
      settings: {
        ...DEFAULT_SETTINGS,
        language: 'pl',
        timeZone: 'Europe/Warsaw',
        leads: ['UCARL', 'UANA'],
        channels: { recap: 'CRECAP' },
        reminderLeadMinutes: [2880, 30],
        workingHours: { days: [1, 2, 3, 4, 5], startMinute: 480, endMinute: 960 },
      },
    });
  });

  it('clears a channel left empty and keeps settings the form does not show', () => {
    const current = { ...DEFAULT_SETTINGS, channels: { leads: 'CLEADS', incidents: 'CINC' }, futureSetting: 'kept' } as WorkspaceSettings;
    const result = readSettingsSubmission(en, current, submission({ channel_incidents: { selected_conversations: ['CINC'] } }));
    expect(result.ok && result.settings.channels).toEqual({ incidents: 'CINC' });
    expect(result.ok && (result.settings as unknown as { futureSetting: string }).futureSetting).toBe('kept');
  });

  it('says what is wrong with each field, in the workspace language', () => {
    const values = submission({ time_zone: { value: 'Mars/Olympus' }, reminders: { value: 'soon' }, working_hours: { value: 'Mon-Fri 18:00-09:00' } });
    expect(readSettingsSubmission(en, DEFAULT_SETTINGS, values)).toEqual({
      ok: false,
      errors: { time_zone: en.settings.problems.timezone, reminders: en.settings.problems.reminders, working_hours: en.settings.problems.hours_order },
    });
    const polish = readSettingsSubmission(pl, DEFAULT_SETTINGS, values);
    expect(!polish.ok && polish.errors.time_zone).toBe('Nie znam takiej strefy czasowej. Użyj nazwy w rodzaju `Europe/Warsaw` albo `America/New_York`.');
  });

  it('writes lead times back the way they are read', () => {
    for (const minutes of [[1440, 60], [2880, 30], [90, 5], [20160]]) expect(parseLeadTimes(formatLeadTimes(minutes))).toEqual(minutes);
  });
});

describe('the settings form in Slack', () => {
  let h: KeptHarness;
  let team: string;
  beforeAll(async () => {
    h = await startKept();
  });
  afterAll(() => h.stop());
  beforeEach(() => {
    team = newTeamId();
    h.fake.reset();
    h.fake.addUser({ id: 'UANA', tz: 'Europe/Warsaw' });
    h.fake.addUser({ id: 'UCARL', tz: 'Europe/Warsaw' });
    h.fake.addUser({ id: 'UADMIN', tz: 'UTC', is_admin: true });
  });
  const workspace = () => ({ teamId: team });
  const makeLead = async (userId: string) => h.kept.services.settings.save(workspace(), { ...DEFAULT_SETTINGS, leads: [userId] });

  it('opens for a lead from the Home', async () => {
    await makeLead('UCARL');
    await h.homeAction(team, 'UCARL', SETTINGS_ACTIONS.open, 'open');
    const [open] = await h.fake.waitForCalls('views.open', 1);
    expect(open!.args.view.callback_id).toBe(SETTINGS_VIEW);
    expect(JSON.stringify(open!.args.view.blocks)).toContain('"initial_users":["UCARL"]');
  });

  it('refuses a member, kindly, and opens nothing else', async () => {
    await makeLead('UCARL');
    await h.homeAction(team, 'UANA', SETTINGS_ACTIONS.open, 'open');
    const [notice] = await h.fake.waitForCalls('views.open', 1);
    expect(notice!.args.view.callback_id).toBeUndefined();
    expect(JSON.stringify(notice!.args.view.blocks)).toContain('Only workspace admins, owners and Kept leads can change settings.');
  });

  it('keeps the form open with field errors for invalid input, and saves nothing', async () => {
    await makeLead('UCARL');
    const res = await h.submit(team, 'UCARL', SETTINGS_VIEW, submission({ time_zone: { value: 'Nowhere' }, leads: { selected_users: ['UCARL'] } }));
    expect(res.json).toEqual({ response_action: 'errors', errors: { time_zone: en.settings.problems.timezone } });
    expect((await h.kept.services.settings.get(workspace())).timeZone).toBe('UTC');
  });

  it('saves a valid form, closes it, and refreshes the Home of everyone it concerns', async () => {
    await makeLead('UCARL');
    const res = await h.submit(
      team,
      'UCARL',
      SETTINGS_VIEW,
      submission({
        language: { selected_option: { value: 'pl' } },
        time_zone: { value: 'Europe/Warsaw' },
        leads: { selected_users: ['UCARL', 'UANA'] },
        channel_leads: { selected_conversations: ['CLEADS'] },
      }),
    );
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    expect(await h.kept.services.settings.get(workspace())).toMatchObject({
      language: 'pl',
      timeZone: 'Europe/Warsaw',
      leads: ['UCARL', 'UANA'],
      channels: { leads: 'CLEADS' },
    });
    const calls = await h.fake.waitForCalls('views.publish', 2);
    expect(calls.map((c) => c.args.user_id).sort()).toEqual(['UANA', 'UCARL']);
    expect(JSON.stringify(calls[0]!.args.view.blocks)).toContain('Ustawienia');
  });

  it("checks again on submit: a member's submission is refused and nothing is saved", async () => {
    await makeLead('UCARL');
    const res = await h.submit(team, 'UANA', SETTINGS_VIEW, submission({ leads: { selected_users: ['UANA'] } }));
    expect(res.json).toEqual({ response_action: 'errors', errors: { language: en.errors.settings_not_allowed } });
    expect((await h.kept.services.settings.get(workspace())).leads).toEqual(['UCARL']);
  });

  it('lets a workspace admin in while no lead is set', async () => {
    const res = await h.submit(team, 'UADMIN', SETTINGS_VIEW, submission({ leads: { selected_users: ['UCARL'] } }));
    expect(res.text).toBe('');
    expect((await h.kept.services.settings.get(workspace())).leads).toEqual(['UCARL']);
    await h.fake.waitForCalls('views.publish', 2);
  });

  it('offers the form under /kept to those who may change settings, and only to them', async () => {
    await makeLead('UCARL');
    const lead = await h.command(team, 'UCARL', '/kept', '');
    expect(JSON.stringify(lead.reply.blocks)).toContain(SETTINGS_ACTIONS.open);
    const member = await h.command(team, 'UANA', '/kept', '');
    expect(JSON.stringify(member.reply.blocks)).not.toContain(SETTINGS_ACTIONS.open);
    expect(JSON.stringify(member.reply.blocks)).toContain('Kept settings');
  });

  it('keeps the /kept text forms, in Polish too, and refreshes the Home after them', async () => {
    await makeLead('UCARL');
    const { reply } = await h.command(team, 'UCARL', '/kept', 'język pl');
    expect(reply.text).toContain('Zapisano');
    expect((await h.kept.services.settings.get(workspace())).language).toBe('pl');
    const [publish] = await h.fake.waitForCalls('views.publish', 1);
    expect(publish!.args.user_id).toBe('UCARL');
    await h.command(team, 'UCARL', '/kept', 'strefa europe/warsaw');
    expect((await h.kept.services.settings.get(workspace())).timeZone).toBe('Europe/Warsaw');
    await h.fake.waitForCalls('views.publish', 2);
  });
});
