import type { IsoWeekday, WorkingHours } from '../dates/working-hours.js';
import type { Language } from '../i18n/index.js';

export type { IsoWeekday, WorkingHours } from '../dates/working-hours.js';

export interface WorkspaceSettings {
  readonly language: Language;
  /** Team time zone (IANA); the recap and team-wide times use it. */
  readonly timeZone: string;
  readonly leads: readonly string[];
  readonly channels: { readonly leads?: string; readonly incidents?: string; readonly recap?: string };
  /** Reminder steps, in minutes before the due time. */
  readonly reminderLeadMinutes: readonly number[];
  readonly workingHours: WorkingHours;
  /** How often a client must hear from us during an incident, by severity; null means one working day. */
  readonly incidentCadenceMinutes: IncidentCadences;
  /** When the weekly recap is posted, in the team time zone. */
  readonly recap: { readonly weekday: IsoWeekday; readonly minute: number };
  /** How long, in working minutes, a client's request may wait for a first answer (clients without their own standard). */
  readonly responseMinutes: number;
  /**
   * Whose Slack profile the team time zone (and language) came from, when nobody has chosen one yet:
   * the first person to use Kept in the workspace, usually whoever installed it. Gone once the zone is changed.
   */
  readonly timeZoneFrom?: string | undefined;
  /**
   * The public-holiday calendar ("PL", "DE-BY"), or "none". Unset, it follows the language: Polish
   * workspaces get Poland's holidays, English ones none (`holidayRegionOf`).
   */
  readonly holidays?: string;
  /** Company days off ("2026-12-24"), local dates skipped like weekends; past ones are dropped on save. */
  readonly daysOff: readonly string[];
}

export interface IncidentCadences {
  readonly sev1: number | null;
  readonly sev2: number | null;
  readonly sev3: number | null;
}

export const DEFAULT_SETTINGS: WorkspaceSettings = Object.freeze<WorkspaceSettings>({
  language: 'en',
  timeZone: 'UTC',
  leads: [],
  channels: {},
  reminderLeadMinutes: [24 * 60, 60],
  workingHours: { days: [1, 2, 3, 4, 5], startMinute: 9 * 60, endMinute: 18 * 60 },
  incidentCadenceMinutes: { sev1: 60, sev2: 4 * 60, sev3: null },
  recap: { weekday: 5, minute: 15 * 60 },
  responseMinutes: 2 * 60,
  daysOff: [],
});

/** Defaults for a workspace nobody has configured: the team time zone and the language of the first person to use Kept. */
export function settingsFromProfile(user: { id: string; timeZone: string; locale?: string | undefined }): WorkspaceSettings {
  return {
    ...DEFAULT_SETTINGS,
    timeZone: user.timeZone,
    language: user.locale?.toLowerCase().startsWith('pl') ? 'pl' : 'en',
    timeZoneFrom: user.id,
  };
}

/** Company days off a workspace may list at once. */
export const MAX_DAYS_OFF = 50;

/** The holiday calendar in force: the one chosen, or by language (Polish → Poland); undefined for none. */
export function holidayRegionOf(settings: WorkspaceSettings): string | undefined {
  if (settings.holidays === 'none') return undefined;
  return settings.holidays ?? (settings.language === 'pl' ? 'PL' : undefined);
}

/** What decides which days are working days, besides the working hours. */
const calendarKey = (s: WorkspaceSettings) => [holidayRegionOf(s) ?? null, s.daysOff];

export function isLead(settings: WorkspaceSettings, userId: string): boolean {
  return settings.leads.includes(userId);
}

/** Whether promise reminders would be planned differently (lead times, working hours, the team zone, days off). */
export function reminderPolicyChanged(before: WorkspaceSettings, after: WorkspaceSettings): boolean {
  return (
    JSON.stringify([before.reminderLeadMinutes, before.workingHours, before.timeZone, calendarKey(before)]) !==
    JSON.stringify([after.reminderLeadMinutes, after.workingHours, after.timeZone, calendarKey(after)])
  );
}

/** Whether incident steps would be planned differently (cadences, working hours, the team zone, days off). */
export function cadencePolicyChanged(before: WorkspaceSettings, after: WorkspaceSettings): boolean {
  return (
    JSON.stringify([before.incidentCadenceMinutes, before.workingHours, before.timeZone, calendarKey(before)]) !==
    JSON.stringify([after.incidentCadenceMinutes, after.workingHours, after.timeZone, calendarKey(after)])
  );
}
