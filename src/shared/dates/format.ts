import { spokenUnit } from './duration.js';
import type { Locale } from './parse-due.js';
import { addDays, type CalendarDate, instantToZonedParts, isValidTimeZone, type ZonedParts } from './zoned.js';

export { type DurationCase, formatDuration, spokenDuration, spokenEvery } from './duration.js';

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** Where and for whom a moment is written; `now` decides whether the year is worth saying (it is not in this year). */
export interface DateOptions {
  timeZone: string;
  locale: Locale;
  now?: Date | undefined;
}

const EN_WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const PL_WEEKDAYS = ['niedz.', 'pon.', 'wt.', 'śr.', 'czw.', 'pt.', 'sob.'];
/** After a preposition: "w piątek", "we wtorek". */
const PL_ON_WEEKDAY = ['w niedzielę', 'w poniedziałek', 'we wtorek', 'w środę', 'w czwartek', 'w piątek', 'w sobotę'];
/** A day of the month takes the genitive: "4 grudnia". */
const PL_MONTHS = ['stycznia', 'lutego', 'marca', 'kwietnia', 'maja', 'czerwca', 'lipca', 'sierpnia', 'września', 'października', 'listopada', 'grudnia'];

function partsOf(instant: Date, timeZone: string): ZonedParts {
  // A bad stored zone should not break a reminder; show UTC rather than throw.
  return instantToZonedParts(instant, isValidTimeZone(timeZone) ? timeZone : 'UTC');
}

const two = (n: number) => String(n).padStart(2, '0');

/** "16:00": the wall clock in `timeZone`, 24 h. */
export function formatTime(instant: Date, timeZone: string): string {
  const p = partsOf(instant, timeZone);
  return `${two(p.hour)}:${two(p.minute)}`;
}

function showsYear(p: CalendarDate, opts: DateOptions): boolean {
  return !opts.now || partsOf(opts.now, opts.timeZone).year !== p.year;
}

function dayMonth(p: CalendarDate, locale: Locale, withYear: boolean): string {
  const month = locale === 'pl' ? PL_MONTHS[p.month - 1] : EN_MONTHS[p.month - 1];
  return `${p.day} ${month}${withYear ? ` ${p.year}` : ''}`;
}

/** "Fri 4 Dec" / "pt. 4 grudnia" (with the year when it is not this year). */
export function formatDate(instant: Date, opts: DateOptions): string {
  const p = partsOf(instant, opts.timeZone);
  const weekday = opts.locale === 'pl' ? PL_WEEKDAYS[p.weekday] : EN_WEEKDAYS[p.weekday];
  return `${weekday} ${dayMonth(p, opts.locale, showsYear(p, opts))}`;
}

/** "Fri 4 Dec at 16:00" / "pt. 4 grudnia, 16:00"; "Fri 8 Jan 2027 at 09:00" in another year. */
export function formatDateTime(instant: Date, opts: DateOptions): string {
  const time = formatTime(instant, opts.timeZone);
  return opts.locale === 'pl' ? `${formatDate(instant, opts)}, ${time}` : `${formatDate(instant, opts)} at ${time}`;
}

/** "4–8 May", "28 Apr – 2 May", "28 Dec 2026 – 1 Jan 2027" / "4–8 maja", "28 kwietnia – 2 maja". */
export function formatDayRange(start: Date, end: Date, opts: DateOptions): string {
  const a = partsOf(start, opts.timeZone);
  const b = partsOf(end, opts.timeZone);
  const withYear = a.year !== b.year || showsYear(b, opts);
  if (a.year === b.year && a.month === b.month) return `${a.day}–${dayMonth(b, opts.locale, withYear)}`;
  return `${dayMonth(a, opts.locale, withYear && a.year !== b.year)} – ${dayMonth(b, opts.locale, withYear)}`;
}

function sameDate(a: CalendarDate, b: CalendarDate): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day;
}

/**
 * A moment as a sentence says it, preposition included: "at 16:00", "tomorrow at 09:00",
 * "on Fri 4 Dec at 16:00" / "o 16:00", "jutro o 09:00", "w piątek 4 grudnia o 16:00".
 * Without `now` there is no "today", so the date is always said.
 */
export function formatMoment(instant: Date, opts: DateOptions): string {
  const p = partsOf(instant, opts.timeZone);
  const time = formatTime(instant, opts.timeZone);
  const pl = opts.locale === 'pl';
  if (opts.now) {
    const today = partsOf(opts.now, opts.timeZone);
    if (sameDate(p, today)) return pl ? `o ${time}` : `at ${time}`;
    if (sameDate(p, addDays(today, 1))) return pl ? `jutro o ${time}` : `tomorrow at ${time}`;
  }
  if (pl) return `${PL_ON_WEEKDAY[p.weekday]} ${dayMonth(p, 'pl', showsYear(p, opts))} o ${time}`;
  return `on ${formatDate(instant, opts)} at ${time}`;
}

/**
 * "in 3 hours" / "2 days ago" / "in an hour" / "za godzinę" / "3 dni temu": minutes under 55 minutes,
 * hours under 48 hours, else days.
 */
export function formatRelative(instant: Date, now: Date, locale: Locale): string {
  const diff = instant.getTime() - now.getTime();
  const abs = Math.abs(diff);
  if (!Number.isFinite(abs)) return '';
  if (abs < 30_000) return locale === 'pl' ? 'teraz' : 'now';
  const minutes = Math.round(abs / MINUTE_MS);
  const hours = Math.round(abs / HOUR_MS);
  const words =
    minutes < 55
      ? spokenUnit('minute', minutes, locale, 'accusative')
      : hours < 48
        ? spokenUnit('hour', hours, locale, 'accusative')
        : spokenUnit('day', Math.round(abs / DAY_MS), locale, 'accusative');
  if (locale === 'pl') return diff < 0 ? `${words} temu` : `za ${words}`;
  return diff < 0 ? `${words} ago` : `in ${words}`;
}
