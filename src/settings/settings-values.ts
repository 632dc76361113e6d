import { isValidTimeZone } from '../shared/dates/zoned.js';
import type { WorkspaceSettings } from '../shared/workspace/workspace-settings.js';

// The values `/kept` and the settings form read: a time zone, reminder times, incident cadences.

export const MAX_REMINDERS = 5;

/** An IANA zone name ("Europe/Warsaw", any case) in its canonical spelling, or UTC; undefined otherwise. */
export function parseTimeZone(text: string): string | undefined {
  const name = text.trim();
  if (name.toUpperCase() === 'UTC') return 'UTC';
  if (!name.includes('/') || !isValidTimeZone(name)) return undefined;
  return new Intl.DateTimeFormat('en', { timeZone: name }).resolvedOptions().timeZone;
}

/** A number and its unit, with or without a space: "24h", "2 dni", "1 godz.", "30 minut", "1 dzień", "2 hours". */
const LEAD_TIME = /(\d{1,4})\s*(minut[aęy]?|minutes?|mins?|m|godzin[aęy]?|godz\.?|hours?|hrs?|h|g|dni|dnia|dzie[nń]|days?|d)(?![\p{L}\d])\.?/gu;

/** Minutes a unit word stands for. */
function unitMinutes(unit: string): number {
  if (/^(?:m|min)/.test(unit)) return 1;
  if (/^(?:d|dzie)/.test(unit)) return 1440;
  return 60;
}

/**
 * "24h 1h", "2d 30m", "1 dzień 1 godz.", "2 dni, 30 minut": each 5 minutes to 14 days, at most five,
 * largest first. Text between the times other than spaces, commas and "i"/"and" makes it unreadable.
 */
export function parseLeadTimes(text: string): number[] | undefined {
  const clean = text.normalize('NFC').toLocaleLowerCase('pl').trim();
  if (!clean) return undefined;
  const matches = [...clean.matchAll(LEAD_TIME)];
  const leftover = clean.replace(LEAD_TIME, ' ').replace(/[\s,]+|\b(?:i|and)\b/g, '');
  if (matches.length === 0 || matches.length > MAX_REMINDERS || leftover !== '') return undefined;
  const minutes: number[] = [];
  for (const match of matches) {
    const value = Number(match[1]) * unitMinutes(match[2]!);
    if (value < 5 || value > 14 * 1440) return undefined;
    minutes.push(value);
  }
  return [...new Set(minutes)].sort((a, b) => b - a);
}

/** Lead times as `parseLeadTimes` reads them back: "24h 1h", "2d 30m". */
export function formatLeadTimes(minutes: readonly number[]): string {
  return minutes.map((min) => (min % 1440 === 0 && min >= 2880 ? `${min / 1440}d` : min % 60 === 0 ? `${min / 60}h` : `${min}m`)).join(' ');
}

const WORKING_DAY = new Set(['workday', 'working-day', 'wd', 'roboczy', 'dzień-roboczy', 'dzien-roboczy']);

/** "sev1 1h", "sev2 30m sev3 workday", "sev3 dzień roboczy": one or more severity–cadence pairs. */
export function parseCadences(text: string): Partial<WorkspaceSettings['incidentCadenceMinutes']> | undefined {
  const words = text
    .toLocaleLowerCase('pl')
    .replace(/working day|dzie[nń] roboczy/g, 'workday')
    .replace(/\b1\s*(?=workday|wd|roboczy)/g, '')
    .split(/[\s,]+/)
    .filter(Boolean);
  if (words.length === 0 || words.length % 2 !== 0) return undefined;
  const cadences: { sev1?: number | null; sev2?: number | null; sev3?: number | null } = {};
  for (let i = 0; i < words.length; i += 2) {
    const severity = words[i]!.match(/^sev([123])$/)?.[1];
    if (!severity) return undefined;
    const minutes = parseCadenceValue(words[i + 1]!);
    if (minutes === undefined) return undefined;
    cadences[`sev${severity}` as 'sev1'] = minutes;
  }
  return cadences;
}

/** One severity's cadence: "1h", "30m", "2d" (5 minutes to 14 days), or "workday" / "dzień roboczy" (null). */
export function parseCadenceValue(text: string): number | null | undefined {
  const word = text
    .toLocaleLowerCase('pl')
    .trim()
    .replace(/working day|dzie[nń] roboczy/g, 'workday')
    .replace(/^1\s*(?=workday|wd|roboczy)/, '');
  if (WORKING_DAY.has(word)) return null;
  const minutes = /^\S+$/.test(word) ? parseLeadTimes(word) : undefined;
  return minutes?.length === 1 ? minutes[0] : undefined;
}
