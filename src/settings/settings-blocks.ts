import type { KnownBlock } from '@slack/types';
import { formatCalendarDate, parseIsoDate } from '../shared/dates/day-format.js';
import { spokenDuration, spokenEvery } from '../shared/dates/format.js';
import { holidayRegionName } from '../shared/dates/holidays.js';
import { formatWeekdayTime, formatWorkingHours } from '../shared/dates/working-hours-text.js';
import type { Messages } from '../shared/i18n/index.js';
import { button, context, mention, section } from '../shared/slack/block-kit.js';
import { holidayRegionOf, type WorkspaceSettings } from '../shared/workspace/workspace-settings.js';
import type { SettingsProblem } from './settings-command.js';
import { SETTINGS_ACTIONS } from './settings-modal.js';

export function settingsSummary(m: Messages, settings: WorkspaceSettings): string {
  const s = m.settings;
  const roles = ['leads', 'incidents', 'recap'] as const;
  const channels = roles.map((role) => `${s.channel_roles[role]} ${settings.channels[role] ? `<#${settings.channels[role]}>` : '—'}`).join(' · ');
  const leads = settings.leads.length > 0 ? settings.leads.map(mention).join(', ') : `_${s.none}_`;
  // "a day and an hour before the due time" / "dzień i godzinę przed terminem".
  const reminders = s.list(settings.reminderLeadMinutes.map((min) => spokenDuration(min * 60_000, m.locale, 'accusative')));
  return [
    s.title,
    `${s.language}: ${s.language_names[settings.language]} · ${s.team_time_zone}: ${settings.timeZone}`,
    `${s.leads}: ${leads}`,
    `${s.channels}: ${channels}`,
    `${s.reminders}: ${reminders ? s.reminders_value(reminders) : '—'}`,
    `${s.working_hours}: ${formatWorkingHours(settings.workingHours, m.locale)}`,
    `${s.cadence}: ${cadenceSummary(m, settings.incidentCadenceMinutes)}`,
    `${s.recap}: ${s.recap_value(formatWeekdayTime(settings.recap, m.locale))}`,
    `${s.response}: ${s.response_value(spokenDuration(settings.responseMinutes * 60_000, m.locale))}`,
    `${s.days_off.holidays}: ${holidaysSummary(m, settings)}`,
    `${s.days_off.company_days_off}: ${settings.daysOff.length > 0 ? settings.daysOff.map((d) => formatDayOff(m, d)).join(', ') : '—'}`,
  ].join('\n');
}

/** "Polska (from the language)", "Deutschland (Bayern)", "none". */
export function holidaysSummary(m: Messages, settings: WorkspaceSettings): string {
  const region = holidayRegionOf(settings);
  if (!region) return m.settings.days_off.none;
  const name = holidayRegionName(region, m.locale);
  return settings.holidays === undefined ? m.settings.days_off.holidays_from_language(name) : name;
}

/** "Thu 24 Dec 2026" / "czw. 24 grudnia 2026". */
export function formatDayOff(m: Messages, isoDate: string): string {
  const date = parseIsoDate(isoDate);
  return date ? formatCalendarDate(date, m.locale) : isoDate;
}

/** "sev1 every hour · sev2 every 4 hours · sev3 every working day". */
export function cadenceSummary(m: Messages, cadences: WorkspaceSettings['incidentCadenceMinutes']): string {
  const every = (minutes: number | null) => (minutes === null ? m.settings.cadence_working_day : spokenEvery(minutes * 60_000, m.locale));
  return (['sev1', 'sev2', 'sev3'] as const).map((sev) => `${sev} ${every(cadences[sev])}`).join(' · ');
}

/** `/kept`: the current settings, and how to change them (with a button to the form for those who may). */
export function buildSettingsHelp(m: Messages, settings: WorkspaceSettings, lead?: string, canEdit = false): KnownBlock[] {
  const zoneFrom = settings.timeZoneFrom ? m.settings.time_zone_from(settings.timeZone, mention(settings.timeZoneFrom)) : undefined;
  return [
    ...(lead ? [section(lead)] : []),
    section(settingsSummary(m, settings)),
    ...(zoneFrom ? [context(zoneFrom)] : []),
    section(`${m.settings.help_title}\n${m.settings.help_lines.join('\n')}`),
    section(`${m.settings.days_off.help_title}\n${m.settings.days_off.help_lines.join('\n')}`),
    ...(canEdit ? [{ type: 'actions', elements: [button(m.settingsModal.button_open, SETTINGS_ACTIONS.open, 'open', 'primary')] } as KnownBlock] : []),
    context(m.settings.help_promise, m.settings.help_incident),
  ];
}

export function problemText(m: Messages, problem: SettingsProblem): string {
  return problem in m.settings.days_off.problems
    ? m.settings.days_off.problems[problem as keyof Messages['settings']['days_off']['problems']]
    : m.settings.problems[problem as keyof Messages['settings']['problems']];
}
