import type { Locale } from './parse-due.js';
import { type CalendarDate, instantToZonedParts, isValidTimeZone } from './zoned.js';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: Locale): Intl.DateTimeFormat {
  let f = formatters.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(locale === 'pl' ? 'pl-PL' : 'en-GB', { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'long', year: 'numeric' });
    formatters.set(locale, f);
  }
  return f;
}

/** A calendar date as people write it: "Thu 24 Dec" / "czw. 24 grudnia" (genitive month), the year only when not `thisYear`. */
export function formatCalendarDate(date: CalendarDate, locale: Locale, thisYear?: number): string {
  const parts: Record<string, string> = {};
  for (const p of formatter(locale).formatToParts(new Date(Date.UTC(date.year, date.month - 1, date.day, 12)))) parts[p.type] = p.value;
  const month = locale === 'pl' ? (parts.month ?? '') : (parts.month ?? '').slice(0, 3);
  const weekday = locale === 'pl' ? (parts.weekday ?? '').replace(/\.?$/, '.') : (parts.weekday ?? '');
  const year = thisYear === date.year ? '' : ` ${date.year}`;
  return `${weekday} ${date.day} ${month}${year}`;
}

/** The last day of an absence that ends at `until` (the moment they are back), in the reader's zone. */
export function formatLastDayBefore(until: Date, now: Date, timeZone: string, locale: Locale): string {
  const zone = isValidTimeZone(timeZone) ? timeZone : 'UTC';
  const last = instantToZonedParts(new Date(until.getTime() - 60_000), zone);
  return formatCalendarDate(last, locale, instantToZonedParts(now, zone).year);
}

/** A calendar date as "2026-12-24" (what `parseIsoDate` reads back). */
export function isoDate(date: CalendarDate): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${String(date.year).padStart(4, '0')}-${two(date.month)}-${two(date.day)}`;
}

/** "2026-12-24" → its calendar date; undefined when not a real date. */
export function parseIsoDate(text: string): CalendarDate | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  const check = new Date(Date.UTC(date.year, date.month - 1, date.day));
  return check.getUTCMonth() === date.month - 1 && check.getUTCDate() === date.day ? date : undefined;
}
