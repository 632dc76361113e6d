import type { KnownBlock } from '@slack/types';
import { context, mention, section } from '../shared/block-kit.js';
import { formatDuration } from '../shared/dates/format.js';
import type { Messages } from '../shared/i18n/index.js';
import { formatWeekdayTime, formatWorkingHours } from '../shared/working-hours.js';
import type { SettingsProblem } from './settings-command.js';
import type { WorkspaceSettings } from './workspace-settings.js';

export function settingsSummary(m: Messages, settings: WorkspaceSettings): string {
  const s = m.settings;
  const roles = ['leads', 'incidents', 'recap'] as const;
  const channels = roles.map((role) => `${s.channel_roles[role]} ${settings.channels[role] ? `<#${settings.channels[role]}>` : '—'}`).join(' · ');
  const leads = settings.leads.length > 0 ? settings.leads.map(mention).join(', ') : `_${s.none}_`;
  const reminders = settings.reminderLeadMinutes.map((min) => formatDuration(min * 60_000, m.locale)).join(', ');
  return [
    s.title,
    `${s.language}: ${s.language_names[settings.language]} · ${s.team_time_zone}: ${settings.timeZone}`,
    `${s.leads}: ${leads}`,
    `${s.channels}: ${channels}`,
    `${s.reminders}: ${reminders ? s.reminders_value(reminders) : '—'}`,
    `${s.working_hours}: ${formatWorkingHours(settings.workingHours, m.locale)}`,
    `${s.recap}: ${s.recap_value(formatWeekdayTime(settings.recap, m.locale))}`,
  ].join('\n');
}

/** `/kept`: the current settings, and how to change them. */
export function buildSettingsHelp(m: Messages, settings: WorkspaceSettings, lead?: string): KnownBlock[] {
  return [
    ...(lead ? [section(lead)] : []),
    section(settingsSummary(m, settings)),
    section(`${m.settings.help_title}\n${m.settings.help_lines.join('\n')}`),
    context(m.settings.help_promise),
  ];
}

export function problemText(m: Messages, problem: SettingsProblem): string {
  return m.settings.problems[problem];
}
