import type { Locale } from './parse-due.js';

const MINUTE_MS = 60_000;

/**
 * The grammatical case a duration stands in. Polish asks for it by preposition: nominative after a colon
 * ("Trwa: 2 dni"), accusative after za / co / przez / temu ("za godzinę", "3 dni temu"), genitive after
 * od / do ("od 2 godzin"), locative after po ("po 3 dniach"). English only tells "an hour" (every slot
 * but the nominative) from "1 hour".
 */
export type DurationCase = 'nominative' | 'accusative' | 'genitive' | 'locative';

export type Unit = 'day' | 'hour' | 'minute';
type Forms = readonly [one: string, few: string, many: string];

const POLISH: Record<Unit, Record<DurationCase, Forms>> = {
  day: {
    nominative: ['dzień', 'dni', 'dni'],
    accusative: ['dzień', 'dni', 'dni'],
    genitive: ['dnia', 'dni', 'dni'],
    locative: ['dniu', 'dniach', 'dniach'],
  },
  hour: {
    nominative: ['godzina', 'godziny', 'godzin'],
    accusative: ['godzinę', 'godziny', 'godzin'],
    genitive: ['godziny', 'godzin', 'godzin'],
    locative: ['godzinie', 'godzinach', 'godzinach'],
  },
  minute: {
    nominative: ['minuta', 'minuty', 'minut'],
    accusative: ['minutę', 'minuty', 'minut'],
    genitive: ['minuty', 'minut', 'minut'],
    locative: ['minucie', 'minutach', 'minutach'],
  },
};

const ENGLISH: Record<Unit, readonly [one: string, other: string, article: string]> = {
  day: ['day', 'days', 'a'],
  hour: ['hour', 'hours', 'an'],
  minute: ['minute', 'minutes', 'a'],
};

const polishRules = new Intl.PluralRules('pl');

/** Days and hours from a day on, hours and minutes under it, minutes under an hour: at most two units. */
export function durationUnits(ms: number): Array<readonly [Unit, number]> {
  const totalMinutes = Number.isFinite(ms) ? Math.round(Math.abs(ms) / MINUTE_MS) : 0;
  const days = Math.floor(totalMinutes / (24 * 60));
  const hours = Math.floor((totalMinutes % (24 * 60)) / 60);
  const minutes = totalMinutes % 60;
  if (days > 0)
    return hours > 0
      ? [
          ['day', days],
          ['hour', hours],
        ]
      : [['day', days]];
  if (hours > 0)
    return minutes > 0
      ? [
          ['hour', hours],
          ['minute', minutes],
        ]
      : [['hour', hours]];
  return [['minute', minutes]];
}

function polishUnit(unit: Unit, count: number, grammaticalCase: DurationCase, alone: boolean): string {
  const category = polishRules.select(count);
  const [one, few, many] = POLISH[unit][grammaticalCase];
  const word = category === 'one' ? one : category === 'few' ? few : many;
  // Polish drops the "1" where it is heard anyway: "za godzinę", "od minuty", "po godzinie" (but "po 1 dniu").
  if (count === 1 && alone && grammaticalCase !== 'nominative' && unit !== 'day') return word;
  if (count === 1 && alone && grammaticalCase === 'accusative') return word;
  return `${count} ${word}`;
}

function englishUnit(unit: Unit, count: number, grammaticalCase: DurationCase, alone: boolean): string {
  const [one, other, article] = ENGLISH[unit];
  if (count === 1) return alone && grammaticalCase !== 'nominative' ? `${article} ${one}` : `1 ${one}`;
  return `${count} ${other}`;
}

/**
 * A duration in words, in the case its slot needs: "od 2 dni i 3 godzin", "po godzinie", "za 3 dni" /
 * "for 2 days and 3 hours", "in an hour". For tables and after a colon, `formatDuration` is shorter.
 */
export function spokenDuration(ms: number, locale: Locale, grammaticalCase: DurationCase = 'nominative'): string {
  const units = durationUnits(ms);
  const alone = units.length === 1;
  const words = units.map(([unit, count]) =>
    locale === 'pl' ? polishUnit(unit, count, grammaticalCase, alone) : englishUnit(unit, count, grammaticalCase, alone),
  );
  return words.join(locale === 'pl' ? ' i ' : ' and ');
}

/** One unit in words: `spokenUnit('hour', 1, 'pl', 'accusative')` → "godzinę"; 47 hours stay "47 godzin". */
export function spokenUnit(unit: Unit, count: number, locale: Locale, grammaticalCase: DurationCase): string {
  return locale === 'pl' ? polishUnit(unit, count, grammaticalCase, true) : englishUnit(unit, count, grammaticalCase, true);
}

/** How often, in words: "every hour", "every 4 hours", "every day" / "co godzinę", "co 4 godziny", "codziennie". */
export function spokenEvery(ms: number, locale: Locale): string {
  const units = durationUnits(ms);
  const [unit, count] = units[0]!;
  if (units.length === 1 && count === 1) {
    if (locale === 'pl') return unit === 'day' ? 'codziennie' : `co ${polishUnit(unit, 1, 'accusative', true)}`;
    return `every ${ENGLISH[unit][0]}`;
  }
  return locale === 'pl' ? `co ${spokenDuration(ms, 'pl', 'accusative')}` : `every ${spokenDuration(ms, 'en', 'nominative')}`;
}

function polishDays(n: number): string {
  return n === 1 ? '1 dzień' : `${n} dni`;
}

/** Short duration for tables and after a colon: "2 d 3 h", "1 h 5 min", "45 min" / "2 dni 3 godz.", "1 godz. 5 min". */
export function formatDuration(ms: number, locale: Locale): string {
  const pl = locale === 'pl';
  return durationUnits(ms)
    .map(([unit, count]) => (unit === 'day' ? (pl ? polishDays(count) : `${count} d`) : unit === 'hour' ? `${count} ${pl ? 'godz.' : 'h'}` : `${count} min`))
    .join(' ');
}
