import type { Locale } from './parse-due.js';
import { isValidTimeZone } from './zoned.js';

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

const dateTimeFormatters = new Map<string, Intl.DateTimeFormat>();

function dateTimeFormatter(timeZone: string, locale: Locale): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}`;
  let formatter = dateTimeFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale === 'pl' ? 'pl-PL' : 'en-GB', {
      timeZone,
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    dateTimeFormatters.set(key, formatter);
  }
  return formatter;
}

/** en: "Fri 4 Dec 2026, 15:00"; pl: "pt., 4 gru 2026, 15:00" — wall clock in `timeZone`, 24 h. */
export function formatDateTime(instant: Date, opts: { timeZone: string; locale: Locale }): string {
  // A bad stored zone should not break a reminder; show UTC rather than throw.
  const timeZone = isValidTimeZone(opts.timeZone) ? opts.timeZone : 'UTC';
  const formatter = dateTimeFormatter(timeZone, opts.locale);
  if (opts.locale === 'pl') return formatter.format(instant);
  const part: Record<string, string> = {};
  for (const p of formatter.formatToParts(instant)) part[p.type] = p.value;
  // en-GB writes "Sept"; keep every month three letters.
  const month = (part.month ?? '').slice(0, 3);
  return `${part.weekday} ${part.day} ${month} ${part.year}, ${part.hour}:${part.minute}`;
}

/** "in 3 hours" / "2 days ago" / "za 3 godziny" / "2 dni temu": minutes under 1 h, hours under 48 h, else days. */
export function formatRelative(instant: Date, now: Date, locale: Locale): string {
  const diff = instant.getTime() - now.getTime();
  const sign = diff < 0 ? -1 : 1;
  const abs = Math.abs(diff);
  if (!Number.isFinite(abs)) return '';
  if (abs < 30_000) return new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(0, 'second');
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'always' });
  const minutes = Math.round(abs / MINUTE_MS);
  if (minutes < 60) return format.format(sign * minutes, 'minute');
  const hours = Math.round(abs / HOUR_MS);
  if (hours < 48) return format.format(sign * hours, 'hour');
  return format.format(sign * Math.round(abs / DAY_MS), 'day');
}

function polishDays(n: number): string {
  return n === 1 ? '1 dzień' : `${n} dni`;
}

/** Short human duration: "2 d 3 h", "1 h 5 min", "45 min" / "2 dni 3 godz.", "1 godz. 5 min", "45 min". */
export function formatDuration(ms: number, locale: Locale): string {
  const totalMinutes = Number.isFinite(ms) ? Math.round(Math.abs(ms) / MINUTE_MS) : 0;
  const days = Math.floor(totalMinutes / (24 * 60));
  const hours = Math.floor((totalMinutes % (24 * 60)) / 60);
  const minutes = totalMinutes % 60;
  const pl = locale === 'pl';
  const d = pl ? polishDays(days) : `${days} d`;
  const h = pl ? `${hours} godz.` : `${hours} h`;
  const m = `${minutes} min`;
  if (days > 0) return hours > 0 ? `${d} ${h}` : d;
  if (hours > 0) return minutes > 0 ? `${h} ${m}` : h;
  return m;
}
