// The text forms of working hours and of a weekly time: `/kept hours Mon-Fri 09:00-18:00`,
// `/kept recap Fri 15:00`, in English and Polish, and how Kept writes them back.
import type { IsoWeekday, WorkingHours } from './working-hours.js';

// ---- `/kept hours` text form ----

const DAY_NAMES = new Map<string, IsoWeekday>();
const NAMES_BY_DAY: [IsoWeekday, string[]][] = [
  [1, ['mon', 'monday', 'pn', 'pon', 'poniedziałek', 'poniedzialek']],
  [2, ['tue', 'tues', 'tuesday', 'wt', 'wto', 'wtorek']],
  [3, ['wed', 'weds', 'wednesday', 'śr', 'sr', 'śro', 'sro', 'środa', 'sroda']],
  [4, ['thu', 'thur', 'thurs', 'thursday', 'cz', 'czw', 'czwartek']],
  [5, ['fri', 'friday', 'pt', 'pią', 'pia', 'piątek', 'piatek']],
  [6, ['sat', 'saturday', 'sb', 'sob', 'sobota']],
  [7, ['sun', 'sunday', 'nd', 'ndz', 'nie', 'niedz', 'niedziela']],
];
for (const [day, names] of NAMES_BY_DAY) for (const name of names) DAY_NAMES.set(name, day);

const SHORT_NAMES: Record<'en' | 'pl', readonly string[]> = {
  en: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
  pl: ['pon.', 'wt.', 'śr.', 'czw.', 'pt.', 'sob.', 'niedz.'],
};

const TIME_RANGE = /^(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?\s*(?:-|–|—|to|do)\s*(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?$/;

function parseDays(text: string): IsoWeekday[] | undefined {
  const items = text
    .replace(/\./g, '')
    .replace(/\s*[-–—]\s*/g, '-')
    .split(/[\s,;]+/)
    .filter(Boolean);
  const days = new Set<IsoWeekday>();
  for (const item of items) {
    const ends = item.split('-').map((name) => DAY_NAMES.get(name));
    const [from, to] = ends;
    if (from === undefined || ends.length > 2 || (ends.length === 2 && to === undefined)) return undefined;
    const last = to ?? from;
    // A range may start or end on Sunday (Sun–Thu, Mon–Sun) but not pass through it (Sat–Tue).
    const first = from === 7 && last !== 7 ? 1 : from;
    if (first > last) return undefined;
    if (from === 7) days.add(7);
    for (let day = first; day <= last; day++) days.add(day as IsoWeekday);
  }
  return days.size === 0 ? undefined : [...days].sort((a, b) => a - b);
}

function toMinuteOfDay(hourText: string, minuteText: string | undefined, meridiem: string | undefined, isEnd: boolean) {
  let hour = Number(hourText);
  const minute = minuteText === undefined ? 0 : Number(minuteText);
  if (minute > 59) return undefined;
  if (meridiem) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (meridiem === 'pm' ? 12 : 0);
  } else if (hour > 24 || (hour === 24 && (minute > 0 || !isEnd))) {
    return undefined;
  }
  return hour * 60 + minute;
}

/** Parses "Mon-Fri 09:00-18:00", "Mon,Tue,Thu 8:30-16:30", "pn-pt 9-17", "Sun-Thu 09:00-17:00". */
export function parseWorkingHours(text: string): { ok: true; hours: WorkingHours } | { ok: false; error: 'days' | 'times' | 'order' } {
  const clean = text.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
  // Day names have no digits, so everything from the first digit on is the time range.
  const firstDigit = clean.search(/\d/);
  const days = parseDays(firstDigit < 0 ? clean : clean.slice(0, firstDigit));
  if (!days) return { ok: false, error: 'days' };
  const match = firstDigit < 0 ? null : TIME_RANGE.exec(clean.slice(firstDigit));
  if (!match) return { ok: false, error: 'times' };
  const startMinute = toMinuteOfDay(match[1] ?? '', match[2], match[3], false);
  const endMinute = toMinuteOfDay(match[4] ?? '', match[5], match[6], true);
  if (startMinute === undefined || endMinute === undefined) return { ok: false, error: 'times' };
  if (endMinute <= startMinute) return { ok: false, error: 'order' };
  return { ok: true, hours: { days, startMinute, endMinute } };
}

function formatMinuteOfDay(minuteOfDay: number): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(Math.floor(minuteOfDay / 60))}:${two(minuteOfDay % 60)}`;
}

/** "Mon–Fri 09:00–18:00" / "pon.–pt. 09:00–18:00"; runs of 3+ days as a range, others with commas. */
export function formatWorkingHours(hours: WorkingHours, locale: 'en' | 'pl'): string {
  const names = SHORT_NAMES[locale] ?? SHORT_NAMES.en;
  const days = [...new Set(hours.days)].filter((d) => d >= 1 && d <= 7);
  // A week with Sunday but no Saturday reads Sunday-first, so Sun–Thu stays one range.
  const sundayFirst = days.includes(7) && !days.includes(6);
  const position = (day: number) => (sundayFirst ? day % 7 : day);
  days.sort((a, b) => position(a) - position(b));
  const groups: string[] = [];
  for (let i = 0; i < days.length; ) {
    let j = i;
    while (j + 1 < days.length && position(days[j + 1] as number) === position(days[j] as number) + 1) j++;
    const run = days.slice(i, j + 1).map((day) => names[day - 1] ?? '');
    groups.push(run.length >= 3 ? `${run[0]}–${run[run.length - 1]}` : run.join(', '));
    i = j + 1;
  }
  const times = `${formatMinuteOfDay(hours.startMinute)}–${formatMinuteOfDay(hours.endMinute)}`;
  return groups.length === 0 ? times : `${groups.join(', ')} ${times}`;
}

// ---- `/kept recap` shown back: one weekday and a time of day (read by weekly-time.ts) ----

/** "Fri 15:00" / "pt. 15:00". */
export function formatWeekdayTime(time: { weekday: IsoWeekday; minute: number }, locale: 'en' | 'pl'): string {
  const names = SHORT_NAMES[locale] ?? SHORT_NAMES.en;
  return `${names[time.weekday - 1] ?? ''} ${formatMinuteOfDay(time.minute)}`;
}
