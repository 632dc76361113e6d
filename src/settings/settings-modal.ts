import type { InputBlock, KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import { parseResponseStandard } from '../clients/client-command.js';
import { parseHolidayRegion } from '../shared/dates/holidays.js';
import { readWeeklyTime } from '../shared/dates/weekly-time.js';
import { formatWeekdayTime, formatWorkingHours, parseWorkingHours } from '../shared/dates/working-hours-text.js';
import { isLanguage, LANGUAGES, type Messages } from '../shared/i18n/index.js';
import { plain, SLACK_LIMITS, section } from '../shared/slack/block-kit.js';
import type { IncidentCadences, WorkspaceSettings } from '../shared/workspace/workspace-settings.js';
import { formatLeadTimes, parseCadenceValue, parseLeadTimes, parseTimeZone } from './settings-values.js';

type Severity = keyof IncidentCadences;
/** The incident severities, as the settings name them (settings/ sits beside incidents/, so not imported from there). */
const SEVERITIES: readonly Severity[] = ['sev1', 'sev2', 'sev3'];

export const SETTINGS_VIEW = 'settings_submit';
export const SETTINGS_ACTIONS = { open: 'settings_open' } as const;
/** Every input's action id; its block id is the field's id. */
export const VALUE = 'value';

/** One input's submitted state, as Slack sends it in `view.state.values[block][VALUE]`. */
export interface SubmittedValue {
  value?: string | null;
  selected_option?: { value: string } | null;
  selected_users?: string[];
  selected_conversations?: string[];
}

export type FieldResult = { ok: true; apply: (settings: WorkspaceSettings) => WorkspaceSettings } | { ok: false; error: string };

/**
 * One setting in the form: its input block (showing the current value) and how its submitted value is
 * read. A feature adds its settings by adding entries to SETTINGS_FIELDS.
 */
export interface SettingsField {
  readonly id: string;
  block(m: Messages, settings: WorkspaceSettings): InputBlock;
  read(value: SubmittedValue | undefined, m: Messages): FieldResult;
}

const ok = (apply: (s: WorkspaceSettings) => WorkspaceSettings): FieldResult => ({ ok: true, apply });
const fail = (error: string): FieldResult => ({ ok: false, error });

function input(id: string, label: string, element: InputBlock['element'], hint?: string, optional = false): InputBlock {
  return { type: 'input', block_id: id, label: plain(label, 2000), element, optional, ...(hint ? { hint: plain(hint, 2000) } : {}) };
}

function textField(
  id: string,
  label: (m: Messages) => string,
  hint: (m: Messages) => string | undefined,
  initial: (s: WorkspaceSettings, m: Messages) => string,
  parse: (text: string, m: Messages) => FieldResult,
): SettingsField {
  return {
    id,
    block: (m, s) => input(id, label(m), { type: 'plain_text_input', action_id: VALUE, initial_value: initial(s, m), max_length: 100 }, hint(m)),
    read: (v, m) => parse((v?.value ?? '').trim(), m),
  };
}

function channelField(role: keyof WorkspaceSettings['channels'], label: (m: Messages) => string, hint: (m: Messages) => string): SettingsField {
  const id = `channel_${role}`;
  return {
    id,
    // A one-item multi-select, because a single select cannot be cleared once chosen.
    block: (m, s) => {
      const current = s.channels[role];
      return input(
        id,
        label(m),
        {
          type: 'multi_conversations_select',
          action_id: VALUE,
          max_selected_items: 1,
          filter: { include: ['public', 'private'], exclude_bot_users: true },
          ...(current ? { initial_conversations: [current] } : {}),
        },
        hint(m),
        true,
      );
    },
    read: (v) => {
      const channelId = v?.selected_conversations?.[0];
      if (channelId !== undefined && !/^[CG][A-Z0-9]+$/.test(channelId)) return fail('');
      return ok((s) => {
        const channels = { ...s.channels };
        if (channelId) channels[role] = channelId;
        else delete channels[role];
        return { ...s, channels };
      });
    },
  };
}

/** One severity's client-update cadence: "1h", "30m", or "workday" (null: one working day). */
function cadenceField(severity: Severity): SettingsField {
  const show = (minutes: number | null, m: Messages) => (minutes === null ? m.settingsModal.cadence_workday : formatLeadTimes([minutes]));
  return textField(
    `cadence_${severity}`,
    (m) => m.settingsModal.cadence(m.incident.severity_names[severity]),
    (m) => m.settingsModal.cadence_hint,
    (s, m) => show(s.incidentCadenceMinutes[severity], m),
    (text, m) => {
      const minutes = parseCadenceValue(text);
      if (minutes === undefined) return fail(m.settingsModal.cadence_error);
      return ok((s) => ({ ...s, incidentCadenceMinutes: { ...s.incidentCadenceMinutes, [severity]: minutes } }));
    },
  );
}

/** The holiday calendar: "PL", "DE-BY" or "none"; left empty, it follows the language (Polish → PL). */
const holidaysField: SettingsField = {
  id: 'holidays',
  block: (m, s) =>
    input(
      'holidays',
      m.settings.days_off.holidays,
      { type: 'plain_text_input', action_id: VALUE, max_length: 20, ...(s.holidays ? { initial_value: s.holidays } : {}) },
      m.settings.days_off.form_holidays_hint,
      true,
    ),
  read: (v, m) => {
    const text = (v?.value ?? '').trim();
    if (text === '') {
      return ok(({ holidays: _, ...rest }) => rest);
    }
    const holidays = /^(none|brak|-)$/i.test(text) ? 'none' : parseHolidayRegion(text);
    return holidays ? ok((s) => ({ ...s, holidays })) : fail(m.settings.days_off.problems.holidays);
  },
};

export const SETTINGS_FIELDS: readonly SettingsField[] = [
  {
    id: 'language',
    block: (m, s) => {
      const option = (language: 'en' | 'pl'): PlainTextOption => ({ text: plain(m.settings.language_names[language], 75), value: language });
      return input('language', m.settingsModal.language, {
        type: 'static_select',
        action_id: VALUE,
        options: LANGUAGES.map(option),
        initial_option: option(s.language),
      });
    },
    read: (v, m) => {
      const language = v?.selected_option?.value;
      return isLanguage(language) ? ok((s) => ({ ...s, language })) : fail(m.settings.problems.language);
    },
  },
  textField(
    'time_zone',
    (m) => m.settingsModal.time_zone,
    (m) => m.settingsModal.time_zone_hint,
    (s) => s.timeZone,
    (text, m) => {
      const timeZone = parseTimeZone(text);
      return timeZone ? ok((s) => ({ ...s, timeZone })) : fail(m.settings.problems.timezone);
    },
  ),
  {
    id: 'leads',
    block: (m, s) =>
      input(
        'leads',
        m.settingsModal.leads,
        { type: 'multi_users_select', action_id: VALUE, ...(s.leads.length > 0 ? { initial_users: [...s.leads] } : {}) },
        m.settingsModal.leads_hint,
        true,
      ),
    read: (v, m) => {
      const leads = [...new Set(v?.selected_users ?? [])];
      return leads.every((id) => /^[UW][A-Z0-9]+$/.test(id)) ? ok((s) => ({ ...s, leads })) : fail(m.settings.problems.leads);
    },
  },
  channelField(
    'leads',
    (m) => m.settingsModal.channel_leads,
    (m) => m.settingsModal.channel_leads_hint,
  ),
  channelField(
    'incidents',
    (m) => m.settingsModal.channel_incidents,
    (m) => m.settingsModal.channel_hint,
  ),
  ...SEVERITIES.map(cadenceField),
  channelField(
    'recap',
    (m) => m.settingsModal.channel_recap,
    (m) => m.settingsModal.channel_hint,
  ),
  textField(
    'recap',
    (m) => m.settingsModal.recap,
    (m) => m.settingsModal.recap_hint,
    (s, m) => formatWeekdayTime(s.recap, m.locale),
    (text, m) => {
      const recap = readWeeklyTime(text);
      // The store re-plans the next recap (recapNextAt) from the saved day and time.
      return recap ? ok((s) => ({ ...s, recap })) : fail(m.settingsModal.recap_error);
    },
  ),
  textField(
    'reminders',
    (m) => m.settingsModal.reminders,
    (m) => m.settingsModal.reminders_hint,
    (s) => formatLeadTimes(s.reminderLeadMinutes),
    (text, m) => {
      const minutes = parseLeadTimes(text);
      return minutes ? ok((s) => ({ ...s, reminderLeadMinutes: minutes })) : fail(m.settings.problems.reminders);
    },
  ),
  textField(
    'working_hours',
    (m) => m.settingsModal.hours,
    (m) => m.settingsModal.hours_hint,
    (s, m) => formatWorkingHours(s.workingHours, m.locale),
    (text, m) => {
      const parsed = parseWorkingHours(text);
      return parsed.ok ? ok((s) => ({ ...s, workingHours: parsed.hours })) : fail(m.settings.problems[`hours_${parsed.error}`]);
    },
  ),
  textField(
    'response',
    (m) => m.settings.response,
    (m) => m.settingsModal.response_hint,
    (s) => (s.responseMinutes % 60 === 0 ? `${s.responseMinutes / 60}h` : `${s.responseMinutes}m`),
    (text, m) => {
      // Absent from a form opened before this field existed: the standard stays as it is.
      if (!text) return ok((s) => s);
      const minutes = parseResponseStandard(text);
      return minutes ? ok((s) => ({ ...s, responseMinutes: minutes })) : fail(m.settings.problems.response);
    },
  ),
  holidaysField,
];

export function buildSettingsModal(m: Messages, settings: WorkspaceSettings, fields: readonly SettingsField[] = SETTINGS_FIELDS): ModalView {
  const blocks: KnownBlock[] = [section(m.settingsModal.intro), ...fields.map((f) => f.block(m, settings))];
  return {
    type: 'modal',
    callback_id: SETTINGS_VIEW,
    title: plain(m.settingsModal.title, SLACK_LIMITS.modalTitle),
    submit: plain(m.settingsModal.submit, 24),
    close: plain(m.settingsModal.close, 24),
    blocks: blocks.slice(0, SLACK_LIMITS.viewBlocks),
  };
}

export type SettingsSubmission = { ok: true; settings: WorkspaceSettings } | { ok: false; errors: Record<string, string> };

/** Reads every field of a submitted form onto `current` (the settings as stored now), or says what is wrong, field by field. */
export function readSettingsSubmission(
  m: Messages,
  current: WorkspaceSettings,
  values: Record<string, Record<string, SubmittedValue>>,
  fields: readonly SettingsField[] = SETTINGS_FIELDS,
): SettingsSubmission {
  const errors: Record<string, string> = {};
  let settings = current;
  for (const field of fields) {
    const result = field.read(values[field.id]?.[VALUE], m);
    if (result.ok) settings = result.apply(settings);
    else errors[field.id] = result.error || m.errors.invalid_request;
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, settings };
}
