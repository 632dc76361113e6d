import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildSettingsModal, readSettingsSubmission, SETTINGS_VIEW } from '../../src/settings/settings-modal.js';
import { parseCadences, parseCadenceValue } from '../../src/settings/settings-values.js';
import { toDate } from '../../src/shared/firestore/firestore.js';
import { messagesFor } from '../../src/shared/i18n/index.js';
import { DEFAULT_SETTINGS, type WorkspaceSettings } from '../../src/shared/workspace/workspace-settings.js';
import { type KeptHarness, newTeamId, startKept } from '../support/kept-harness.js';
import { submission } from './settings-form-values.js';

const en = messagesFor('en');
const pl = messagesFor('pl');

/** The initial value of one text input of the form. */
function initialValue(modal: ReturnType<typeof buildSettingsModal>, blockId: string): string | undefined {
  const block = modal.blocks.find((b) => b.block_id === blockId) as { element?: { initial_value?: string } } | undefined;
  return block?.element?.initial_value;
}

describe('the recap time and incident cadences in the settings form', () => {
  it("shows the recap day and time and each severity's cadence as they are set, in the workspace language", () => {
    const settings: WorkspaceSettings = {
      ...DEFAULT_SETTINGS,
      recap: { weekday: 1, minute: 9 * 60 + 30 },
      incidentCadenceMinutes: { sev1: 30, sev2: 2880, sev3: null },
    };
    const english = buildSettingsModal(en, settings);
    expect(['recap', 'cadence_sev1', 'cadence_sev2', 'cadence_sev3'].map((id) => initialValue(english, id))).toEqual(['Mon 09:30', '30m', '2d', 'workday']);
    const polish = buildSettingsModal(pl, settings);
    expect(['recap', 'cadence_sev3'].map((id) => initialValue(polish, id))).toEqual(['pon. 09:30', 'dzień roboczy']);
    expect(JSON.stringify(polish.blocks)).toContain('Częstotliwość informowania klienta: SEV1');
    expect(polish.blocks.length).toBeLessThanOrEqual(100);
  });

  it('reads what it shows back unchanged, in both languages', () => {
    for (const m of [en, pl]) {
      const settings: WorkspaceSettings = {
        ...DEFAULT_SETTINGS,
        recap: { weekday: 7, minute: 8 * 60 + 15 },
        incidentCadenceMinutes: { sev1: 90, sev2: null, sev3: 1440 },
      };
      const modal = buildSettingsModal(m, settings);
      const shown = (id: string) => ({ value: initialValue(modal, id)! });
      const values = submission({
        recap: shown('recap'),
        cadence_sev1: shown('cadence_sev1'),
        cadence_sev2: shown('cadence_sev2'),
        cadence_sev3: shown('cadence_sev3'),
      });
      const result = readSettingsSubmission(m, DEFAULT_SETTINGS, values);
      expect(result.ok && { recap: result.settings.recap, cadences: result.settings.incidentCadenceMinutes }).toEqual({
        recap: settings.recap,
        cadences: settings.incidentCadenceMinutes,
      });
    }
  });

  it('reads a new recap time and cadences typed in English or Polish', () => {
    const result = readSettingsSubmission(
      en,
      DEFAULT_SETTINGS,
      submission({
        recap: { value: 'piątek o 16' },
        cadence_sev1: { value: '15m' },
        cadence_sev2: { value: 'dzień roboczy' },
        cadence_sev3: { value: '2d' },
      }),
    );
    expect(result.ok && result.settings).toEqual({
      ...DEFAULT_SETTINGS,
      recap: { weekday: 5, minute: 960 },
      incidentCadenceMinutes: { sev1: 15, sev2: null, sev3: 2880 },
    });
  });

  it('says what is wrong with the recap time and each cadence, field by field, in English and Polish', () => {
    const values = submission({
      recap: { value: 'whenever' },
      cadence_sev1: { value: '2m' },
      cadence_sev2: { value: '1h 30m' },
      cadence_sev3: { value: 'soon' },
    });
    expect(readSettingsSubmission(en, DEFAULT_SETTINGS, values)).toEqual({
      ok: false,
      errors: {
        recap: en.settingsModal.recap_error,
        cadence_sev1: en.settingsModal.cadence_error,
        cadence_sev2: en.settingsModal.cadence_error,
        cadence_sev3: en.settingsModal.cadence_error,
      },
    });
    const polish = readSettingsSubmission(pl, DEFAULT_SETTINGS, values);
    expect(!polish.ok && polish.errors.recap).toBe('Podaj jeden dzień i godzinę, np. pt 15:00 albo poniedziałek 9:00.');
    expect(!polish.ok && polish.errors.cadence_sev1).toBe('Podaj czas od 5 minut do 14 dni, np. 1h albo 30m, albo „dzień roboczy”.');
  });

  it('reads one cadence the way /kept cadence reads it', () => {
    expect(['1h', '30m', '2d', 'workday', 'working day', '1 dzień roboczy', 'WD'].map(parseCadenceValue)).toEqual([60, 30, 2880, null, null, null, null]);
    for (const text of ['', '4m', '15d', 'often', '1h 30m', '1h,2h']) expect(parseCadenceValue(text), text).toBeUndefined();
    expect(parseCadences('sev2 30m sev3 dzień roboczy')).toEqual({ sev2: 30, sev3: null });
  });
});

describe('saving the recap time and cadences from the form in Slack', () => {
  let h: KeptHarness;
  let team: string;
  beforeAll(async () => {
    h = await startKept();
  });
  afterAll(() => h.stop());
  beforeEach(() => {
    team = newTeamId();
    h.now = new Date('2026-12-01T09:00:00Z');
    h.fake.reset();
    h.fake.addUser({ id: 'UCARL', tz: 'Europe/Warsaw' });
  });
  const workspace = () => ({ teamId: team });
  const recapNextAt = async () => toDate((await h.db.collection('teams').doc(team).get()).get('recapNextAt')).toISOString();

  it('saves them and plans the next recap at the new time, in the team time zone', async () => {
    await h.kept.services.settings.save(workspace(), { ...DEFAULT_SETTINGS, leads: ['UCARL'], timeZone: 'Europe/Warsaw', channels: { recap: 'CWINS' } });
    expect(await recapNextAt()).toBe('2026-12-04T14:00:00.000Z');
    const res = await h.submit(
      team,
      'UCARL',
      SETTINGS_VIEW,
      submission({
        time_zone: { value: 'Europe/Warsaw' },
        leads: { selected_users: ['UCARL'] },
        channel_recap: { selected_conversations: ['CWINS'] },
        recap: { value: 'Mon 9:00' },
        cadence_sev1: { value: '30m' },
        cadence_sev3: { value: '8h' },
      }),
    );
    expect(res.text).toBe('');
    const saved = await h.kept.services.settings.get(workspace());
    expect(saved.recap).toEqual({ weekday: 1, minute: 540 });
    expect(saved.incidentCadenceMinutes).toEqual({ sev1: 30, sev2: 240, sev3: 480 });
    expect(await recapNextAt()).toBe('2026-12-07T08:00:00.000Z');
    await h.fake.waitForCalls('views.publish', 1);
  });

  it('keeps the form open with an error under each bad field, and saves nothing', async () => {
    await h.kept.services.settings.save(workspace(), { ...DEFAULT_SETTINGS, leads: ['UCARL'], language: 'pl' });
    const res = await h.submit(
      team,
      'UCARL',
      SETTINGS_VIEW,
      submission({
        language: { selected_option: { value: 'pl' } },
        leads: { selected_users: ['UCARL'] },
        recap: { value: 'kiedyś' },
        cadence_sev2: { value: '0m' },
      }),
    );
    expect(res.json).toEqual({ response_action: 'errors', errors: { recap: pl.settingsModal.recap_error, cadence_sev2: pl.settingsModal.cadence_error } });
    const stored = await h.kept.services.settings.get(workspace());
    expect(stored.recap).toEqual(DEFAULT_SETTINGS.recap);
    expect(stored.incidentCadenceMinutes).toEqual(DEFAULT_SETTINGS.incidentCadenceMinutes);
  });
});
