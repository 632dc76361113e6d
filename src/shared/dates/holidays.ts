// Public holidays by country (and region), from date-holidays. The library and its data for ~200
// countries are loaded on first use, not at start-up (a workspace without a holiday calendar never pays).
import { createRequire } from 'node:module';
import type HolidaysClass from 'date-holidays';
import { isoDate } from './day-format.js';
import type { CalendarDate } from './zoned.js';

type HolidaysConstructor = typeof HolidaysClass;

let library: HolidaysConstructor | undefined;
function holidaysLibrary(): HolidaysConstructor {
  library ??= createRequire(import.meta.url)('date-holidays') as HolidaysConstructor;
  return library;
}

/** A holiday calendar: a country code, with a region after a dash where holidays differ by region ("PL", "DE-BY"). */
export type HolidayRegion = string;

/** "PL", "pl", "de-by", "DE BY", "DE/BY" → "PL" / "DE-BY"; undefined for a country or region the library does not know. */
export function parseHolidayRegion(text: string): HolidayRegion | undefined {
  const match = /^([a-z]{2})(?:\s*[-/\s]\s*([a-z0-9]{1,3}))?$/i.exec(text.trim());
  if (!match) return undefined;
  const country = match[1]!.toUpperCase();
  const region = match[2]?.toUpperCase();
  const Holidays = holidaysLibrary();
  const lookup = new Holidays();
  if (!lookup.getCountries()[country]) return undefined;
  if (region === undefined) return country;
  return lookup.getStates(country)?.[region] ? `${country}-${region}` : undefined;
}

/** The country's name in the given language ("Polska", "Deutschland" …), with the region's name when one is set. */
export function holidayRegionName(region: HolidayRegion, language: string): string {
  const [country = '', state] = region.split('-');
  const lookup = new (holidaysLibrary())();
  const countryName = lookup.getCountries(language)[country] ?? country;
  const stateName = state ? (lookup.getStates(country, language)?.[state] ?? state) : undefined;
  return stateName ? `${countryName} (${stateName})` : countryName;
}

const byRegionAndYear = new Map<string, ReadonlyMap<string, string>>();

/**
 * Public holidays of a year, as "YYYY-MM-DD" → name; cached, bounded by regions × years in use. Bank
 * holidays (Germany's Christmas Eve: banks close, most teams work) and observances are not days off.
 */
export function publicHolidays(region: HolidayRegion, year: number, language = 'en'): ReadonlyMap<string, string> {
  const key = `${region}:${year}:${language}`;
  const cached = byRegionAndYear.get(key);
  if (cached) return cached;
  const [country = '', state] = region.split('-');
  const Holidays = holidaysLibrary();
  const calendar = state ? new Holidays(country, state, { types: ['public'] }) : new Holidays(country, { types: ['public'] });
  const days = new Map<string, string>();
  for (const holiday of calendar.getHolidays(year, language) || []) {
    if (holiday.type !== 'public') continue;
    const date = holiday.date.slice(0, 10);
    if (!days.has(date)) days.set(date, holiday.name);
  }
  if (byRegionAndYear.size > 500) byRegionAndYear.clear();
  byRegionAndYear.set(key, days);
  return days;
}

export function isPublicHoliday(region: HolidayRegion, date: CalendarDate): boolean {
  return publicHolidays(region, date.year).has(isoDate(date));
}
