import { MEET_BOUNDS, RESPONSE_BOUNDS } from './client-record.js';

/** What `/client <text>` asks for, read without I/O. */
export type ClientCommand =
  | { kind: 'help' }
  | { kind: 'list' }
  | { kind: 'add'; name: string }
  | { kind: 'show'; name: string }
  | { kind: 'change'; name: string; change: ClientChange }
  | { kind: 'invalid'; problem: ClientProblem; name?: string };

export type ClientChange =
  | { field: 'channel'; channelId: string }
  | { field: 'unlink'; channelId: string }
  | { field: 'owner'; userId: string }
  | { field: 'backup'; userId: string | undefined }
  | { field: 'response'; minutes: number | undefined }
  | { field: 'alias'; alias: string }
  | { field: 'meetEvery'; days: number | undefined }
  | { field: 'met'; when: MeetingDay; note: string };

/** The day a meeting took place, as typed: so many days ago, or a calendar date (year optional). */
export type MeetingDay = { daysAgo: number } | { date: { year?: number; month: number; day: number } };

export type ClientProblem = 'name' | 'channel' | 'owner' | 'backup' | 'response' | 'alias' | 'meet' | 'met';

type Field = 'channel' | 'unlink' | 'owner' | 'backup' | 'response' | 'alias' | 'meet' | 'met';

/** Command words, English and Polish, looked up without Polish letters (so `kanał` and `kanal` both work). */
const WORDS: Record<string, Field> = {
  channel: 'channel',
  kanal: 'channel',
  unlink: 'unlink',
  odlacz: 'unlink',
  owner: 'owner',
  wlasciciel: 'owner',
  opiekun: 'owner',
  backup: 'backup',
  zastepca: 'backup',
  response: 'response',
  odpowiedz: 'response',
  standard: 'response',
  alias: 'alias',
  meet: 'meet',
  meetings: 'meet',
  spotkania: 'meet',
  met: 'met',
  spotkanie: 'met',
  spotkalismy: 'met',
};
const LIST = new Set(['list', 'lista', 'all', 'wszyscy', 'wszystkie', 'klienci']);
const HELP = new Set(['help', 'pomoc']);
const ADD = new Set(['add', 'new', 'dodaj', 'nowy']);
const NONE = new Set(['none', 'off', 'brak', 'wylacz', 'nie', '-']);
const DEFAULT = new Set(['default', 'domyslny', 'domyslna', 'domyslnie', 'reset']);

/** Lower case without Polish letters: how command words are compared. */
export function fold(word: string): string {
  return word
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .toLocaleLowerCase('pl');
}

export function parseClientCommand(rawText: string): ClientCommand {
  const words = rawText.replace(/\s+/g, ' ').trim().split(' ').filter(Boolean);
  if (words.length === 0 || (words.length === 1 && HELP.has(fold(words[0]!)))) return { kind: 'help' };
  if (words.length === 1 && LIST.has(fold(words[0]!))) return { kind: 'list' };
  if (ADD.has(fold(words[0]!))) {
    const name = words.slice(1).join(' ');
    return name ? { kind: 'add', name } : { kind: 'invalid', problem: 'name' };
  }
  const at = words.findIndex((w, i) => i > 0 && WORDS[fold(w)] !== undefined);
  if (at < 0) return { kind: 'show', name: words.join(' ') };
  const name = words.slice(0, at).join(' ');
  const field = WORDS[fold(words[at]!)]!;
  let rest = words.slice(at + 1);
  // "spotkaliśmy się wczoraj …", "meet every 4w", "spotkanie co 4 tyg.", "spotkania co miesiąc"
  if (field === 'met' && fold(words[at]!) === 'spotkalismy' && rest[0] && fold(rest[0]) === 'sie') rest = rest.slice(1);
  const isCadence = rest[0] !== undefined && ['every', 'co'].includes(fold(rest[0]));
  const change = parseChange(field === 'met' && isCadence ? 'meet' : field, rest);
  return 'problem' in change ? { kind: 'invalid', problem: change.problem, name } : { kind: 'change', name, change };
}

function parseChange(field: Field, args: string[]): ClientChange | { problem: ClientProblem } {
  const text = args.join(' ');
  switch (field) {
    case 'channel':
    case 'unlink': {
      const channelId = text.match(/^<#([CG][A-Z0-9]+)(?:\|[^>]*)?>$/)?.[1];
      return channelId ? { field, channelId } : { problem: 'channel' };
    }
    case 'owner': {
      const userId = userOf(text);
      return userId ? { field, userId } : { problem: 'owner' };
    }
    case 'backup': {
      if (NONE.has(fold(text))) return { field, userId: undefined };
      const userId = userOf(text);
      return userId ? { field, userId } : { problem: 'backup' };
    }
    case 'response': {
      if (DEFAULT.has(fold(text))) return { field, minutes: undefined };
      const minutes = parseResponseStandard(text);
      return minutes === undefined ? { problem: 'response' } : { field, minutes };
    }
    case 'alias': {
      const alias = text.replace(/^["“”']|["“”']$/g, '').trim();
      return alias && alias.length <= 80 && !/[<>*_`~]/.test(alias) ? { field, alias } : { problem: 'alias' };
    }
    case 'meet': {
      const words = args.filter((w) => !['every', 'co'].includes(fold(w)));
      if (words.length === 1 && NONE.has(fold(words[0]!))) return { field: 'meetEvery', days: undefined };
      const days = parseMeetingCadence(words.join(' '));
      return days === undefined ? { problem: 'meet' } : { field: 'meetEvery', days };
    }
    case 'met': {
      const [first = '', ...note] = args;
      const when = parseMeetingDay(first);
      const text = note.join(' ').trim();
      return when && text.length <= 300 ? { field, when, note: text } : { problem: 'met' };
    }
  }
}

function userOf(text: string): string | undefined {
  return text.match(/^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$/)?.[1];
}

const MINUTE_UNITS = /^(m|min|mins|minut|minuty|minute|minutes)$/;
const HOUR_UNITS = /^(h|hr|hrs|hour|hours|g|godz|godzina|godziny|godzin)$/;

/** "2h", "30m", "90 min", "2 godz.", "2 godziny": working minutes, five minutes to 40 hours; undefined otherwise. */
export function parseResponseStandard(text: string): number | undefined {
  const match = fold(text)
    .replace(/\.$/, '')
    .match(/^(\d{1,4})\s*([a-z]+)$/);
  if (!match) return undefined;
  const [, amount = '', unit = ''] = match;
  const factor = MINUTE_UNITS.test(unit) ? 1 : HOUR_UNITS.test(unit) ? 60 : undefined;
  if (factor === undefined) return undefined;
  const minutes = Number(amount) * factor;
  return minutes >= RESPONSE_BOUNDS.min && minutes <= RESPONSE_BOUNDS.max ? minutes : undefined;
}

const DAY_UNITS = /^(d|day|days|dzien|dni|dnia)$/;
const WEEK_UNITS = /^(w|wk|wks|week|weeks|tydz|tyg|tydzien|tygodnie|tygodni)$/;
const MONTH_UNITS = /^(mo|mth|month|months|mies|miesiac|miesiace|miesiecy)$/;

/** "4w", "2 weeks", "4 tyg.", "co 2 tygodnie", "monthly", "miesiąc", "14d": days, a day to a year. */
export function parseMeetingCadence(text: string): number | undefined {
  const clean = fold(text).replace(/\./g, '').trim();
  if (['monthly', 'miesiac', 'month', 'comiesiac'].includes(clean)) return 30;
  if (['weekly', 'tydzien', 'week'].includes(clean)) return 7;
  const match = clean.match(/^(\d{1,3})\s*([a-z]+)$/) ?? clean.match(/^()([a-z]+)$/);
  if (!match) return undefined;
  const amount = match[1] ? Number(match[1]) : 1;
  const unit = match[2] ?? '';
  const factor = DAY_UNITS.test(unit) ? 1 : WEEK_UNITS.test(unit) ? 7 : MONTH_UNITS.test(unit) ? 30 : undefined;
  if (factor === undefined) return undefined;
  const days = amount * factor;
  return days >= MEET_BOUNDS.min && days <= MEET_BOUNDS.max ? days : undefined;
}

/** "today", "yesterday", "dziś", "wczoraj", "2026-11-28", "28.11", "28.11.2026". */
export function parseMeetingDay(word: string): MeetingDay | undefined {
  const w = fold(word).replace(/,$/, '');
  if (['today', 'dzis', 'dzisiaj'].includes(w)) return { daysAgo: 0 };
  if (['yesterday', 'wczoraj'].includes(w)) return { daysAgo: 1 };
  if (w === 'przedwczoraj') return { daysAgo: 2 };
  const iso = w.match(/^(\d{4})-(\d{1,2})-(\d{1,2})$/);
  if (iso) return calendarDay(Number(iso[3]), Number(iso[2]), Number(iso[1]));
  const dotted = w.match(/^(\d{1,2})\.(\d{1,2})(?:\.(\d{4}))?\.?$/);
  if (dotted) return calendarDay(Number(dotted[1]), Number(dotted[2]), dotted[3] ? Number(dotted[3]) : undefined);
  return undefined;
}

function calendarDay(day: number, month: number, year: number | undefined): MeetingDay | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return { date: { ...(year ? { year } : {}), month, day } };
}
