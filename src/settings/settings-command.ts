import { parseResponseStandard } from '../clients/client-command.js';
import { isoDate } from '../shared/dates/day-format.js';
import { readWeeklyTime } from '../shared/dates/weekly-time.js';
import { parseWorkingHours } from '../shared/dates/working-hours-text.js';
import type { CalendarDate } from '../shared/dates/zoned.js';
import type { Language } from '../shared/i18n/index.js';
import { MAX_DAYS_OFF, type WorkspaceSettings } from '../shared/workspace/workspace-settings.js';
import { type CalendarChange, type CalendarProblem, type PersonalChange, parseCalendarCommand } from './calendar-command.js';
import { parseCadences, parseLeadTimes, parseTimeZone } from './settings-values.js';

export type ChannelRole = keyof WorkspaceSettings['channels'];

/** What `/kept <text>` asks for, read without I/O. */
export type SettingsCommand =
  | { kind: 'show' }
  | { kind: 'change'; change: SettingsChange }
  | { kind: 'personal'; change: PersonalChange }
  | { kind: 'invalid'; problem: SettingsProblem };

export type SettingsChange =
  | { field: 'leads'; leads: string[] }
  | { field: 'channel'; role: ChannelRole; channelId: string | undefined }
  | { field: 'timeZone'; timeZone: string }
  | { field: 'reminders'; minutes: number[] }
  | { field: 'hours'; hours: WorkspaceSettings['workingHours'] }
  | { field: 'language'; language: Language }
  | { field: 'cadence'; cadences: Partial<WorkspaceSettings['incidentCadenceMinutes']> }
  | { field: 'recap'; recap: WorkspaceSettings['recap'] }
  | { field: 'response'; minutes: number }
  | CalendarChange;

export type SettingsProblem =
  | 'unknown'
  | 'leads'
  | 'channel'
  | 'timezone'
  | 'reminders'
  | 'hours_days'
  | 'hours_times'
  | 'hours_order'
  | 'language'
  | 'cadence'
  | 'recap'
  | 'response'
  | CalendarProblem;

const WORDS: Record<string, SettingsChange['field'] | 'show'> = {
  help: 'show',
  pomoc: 'show',
  settings: 'show',
  ustawienia: 'show',
  leads: 'leads',
  lead: 'leads',
  liderzy: 'leads',
  lider: 'leads',
  channel: 'channel',
  kanal: 'channel',
  kanał: 'channel',
  timezone: 'timeZone',
  tz: 'timeZone',
  strefa: 'timeZone',
  'strefa-czasowa': 'timeZone',
  reminders: 'reminders',
  przypomnienia: 'reminders',
  hours: 'hours',
  godziny: 'hours',
  language: 'language',
  lang: 'language',
  język: 'language',
  jezyk: 'language',
  cadence: 'cadence',
  częstotliwość: 'cadence',
  czestotliwosc: 'cadence',
  // Not in the help (it means a term of office), but the word older help texts taught.
  kadencja: 'cadence',
  recap: 'recap',
  podsumowanie: 'recap',
  response: 'response',
  odpowiedź: 'response',
  odpowiedz: 'response',
};
const ROLES: Record<string, ChannelRole> = {
  leads: 'leads',
  liderzy: 'leads',
  liderów: 'leads',
  liderow: 'leads',
  incidents: 'incidents',
  incydenty: 'incidents',
  incydentów: 'incidents',
  incydentow: 'incidents',
  recap: 'recap',
  podsumowanie: 'recap',
  podsumowania: 'recap',
  podsumowań: 'recap',
  podsumowan: 'recap',
};
/** Language names a person types, in either language, with and without Polish letters. */
const LANGUAGE_WORDS: Record<string, Language> = {
  en: 'en',
  english: 'en',
  angielski: 'en',
  pl: 'pl',
  polish: 'pl',
  polski: 'pl',
};
/** Words after the setting's name that only complete it: "strefa czasowa …", "time zone …", "godziny pracy …". */
const FILLERS: Partial<Record<SettingsChange['field'], RegExp>> = {
  timeZone: /^(?:czasowa|zone)\s+/i,
  hours: /^pracy\s+/i,
};
const NONE = new Set(['none', 'off', 'brak', 'wyłącz', 'wylacz', '-']);

/** `today` (the team's date) places dates without a year and refuses days off and absences in the past. */
export function parseSettingsCommand(rawText: string, today?: CalendarDate): SettingsCommand {
  const text = rawText.replace(/\s+/g, ' ').trim();
  if (!text) return { kind: 'show' };
  const calendar = parseCalendarCommand(text, today);
  if (calendar) return calendar.kind === 'calendar' ? { kind: 'change', change: calendar.change } : calendar;
  const [first = '', ...rest] = text.split(' ');
  const word = first.toLocaleLowerCase('pl');
  // "/kept polski", "/kept english": the language by its name alone.
  const languageAlone = rest.length === 0 ? LANGUAGE_WORDS[word] : undefined;
  if (languageAlone) return { kind: 'change', change: { field: 'language', language: languageAlone } };
  const field = word === 'time' && /^zone\b/i.test(rest[0] ?? '') ? 'timeZone' : WORDS[word];
  const filler = field && field !== 'show' ? FILLERS[field] : undefined;
  const args = filler ? rest.join(' ').replace(filler, '') : rest.join(' ');
  switch (field) {
    case undefined:
      return { kind: 'invalid', problem: 'unknown' };
    case 'show':
      return { kind: 'show' };
    case 'leads': {
      const leads = [...args.matchAll(/<@([UW][A-Z0-9]+)(?:\|[^>]*)?>/g)].map((m) => m[1]!);
      if (leads.length === 0 && !NONE.has(args.toLowerCase())) return { kind: 'invalid', problem: 'leads' };
      return { kind: 'change', change: { field, leads: [...new Set(leads)] } };
    }
    case 'channel': {
      const [roleWord = '', target = ''] = args.split(' ');
      const role = ROLES[roleWord.toLocaleLowerCase('pl')];
      const channelId = target.match(/^<#([CG][A-Z0-9]+)(?:\|[^>]*)?>$/)?.[1];
      if (!role || (!channelId && !NONE.has(target.toLowerCase()))) return { kind: 'invalid', problem: 'channel' };
      return { kind: 'change', change: { field, role, channelId } };
    }
    case 'timeZone': {
      const timeZone = parseTimeZone(args);
      return timeZone ? { kind: 'change', change: { field, timeZone } } : { kind: 'invalid', problem: 'timezone' };
    }
    case 'reminders': {
      const minutes = parseLeadTimes(args);
      return minutes ? { kind: 'change', change: { field, minutes } } : { kind: 'invalid', problem: 'reminders' };
    }
    case 'hours': {
      const parsed = parseWorkingHours(args);
      return parsed.ok ? { kind: 'change', change: { field, hours: parsed.hours } } : { kind: 'invalid', problem: `hours_${parsed.error}` };
    }
    case 'language': {
      const language = LANGUAGE_WORDS[args.toLocaleLowerCase('pl').trim()];
      return language ? { kind: 'change', change: { field, language } } : { kind: 'invalid', problem: 'language' };
    }
    case 'cadence': {
      const cadences = parseCadences(args);
      return cadences ? { kind: 'change', change: { field, cadences } } : { kind: 'invalid', problem: 'cadence' };
    }
    case 'recap': {
      const recap = readWeeklyTime(args);
      return recap ? { kind: 'change', change: { field, recap } } : { kind: 'invalid', problem: 'recap' };
    }
    case 'response': {
      const minutes = parseResponseStandard(args);
      return minutes ? { kind: 'change', change: { field, minutes } } : { kind: 'invalid', problem: 'response' };
    }
  }
  return { kind: 'invalid', problem: 'unknown' };
}

export function applyChange(settings: WorkspaceSettings, change: SettingsChange): WorkspaceSettings {
  switch (change.field) {
    case 'leads':
      return { ...settings, leads: change.leads };
    case 'channel': {
      const channels = { ...settings.channels };
      if (change.channelId) channels[change.role] = change.channelId;
      else delete channels[change.role];
      return { ...settings, channels };
    }
    case 'timeZone': {
      // A zone someone chose is no longer the one read from a profile.
      const { timeZoneFrom: _chosenNow, ...rest } = settings;
      return { ...rest, timeZone: change.timeZone };
    }
    case 'reminders':
      return { ...settings, reminderLeadMinutes: change.minutes };
    case 'hours':
      return { ...settings, workingHours: change.hours };
    case 'language':
      return { ...settings, language: change.language };
    case 'cadence':
      return { ...settings, incidentCadenceMinutes: { ...settings.incidentCadenceMinutes, ...change.cadences } };
    case 'recap':
      return { ...settings, recap: change.recap };
    case 'response':
      return { ...settings, responseMinutes: change.minutes };
    case 'holidays':
      return { ...settings, holidays: change.holidays };
    case 'dayOff': {
      const others = settings.daysOff.filter((d) => d !== change.date);
      return { ...settings, daysOff: change.remove ? others : [...others, change.date].sort() };
    }
  }
}

/**
 * A change from `/kept` as it is saved: past days off drop off the list as it changes (it holds only what is still
 * ahead of `today`), and a list already at MAX_DAYS_OFF takes no more.
 */
export function changeSettings(settings: WorkspaceSettings, change: SettingsChange, today: CalendarDate): WorkspaceSettings | { problem: 'dayoff_full' } {
  const changed = applyChange(settings, change);
  if (change.field !== 'dayOff') return changed;
  const ahead = { ...changed, daysOff: changed.daysOff.filter((d) => d >= isoDate(today)) };
  return ahead.daysOff.length > MAX_DAYS_OFF ? { problem: 'dayoff_full' } : ahead;
}

/** Admins, owners and leads may change settings; while no lead is set, only admins and owners. */
export function canChangeSettings(settings: WorkspaceSettings, user: { id: string; isAdmin: boolean; isOwner: boolean }): boolean {
  return user.isAdmin || user.isOwner || settings.leads.includes(user.id);
}
