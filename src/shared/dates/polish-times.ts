// The Polish grammar of clock times: "o 15", "o 15:30", "o piętnastej", "o drugiej",
// "kwadrans po 3", "za kwadrans piąta", "wpół do trzeciej", "20 po 3", "o trzecia piętnaście",
// "15sta godzina", and the parts of the day ("rano", "po południu", "wieczorem", "w nocy").

import { PART_OF_DAY_HOURS } from './due-rules.js';
import type { DayPeriod, TimeSpec } from './due-tokens.js';
import { WORD_END as E, WORD_START as W } from './due-tokens.js';
import { clock, lookup, type Rule, shifted } from './grammar.js';
import { CARDINAL, HOUR_ORDINAL, ordinalValue, polishNumber } from './polish-words.js';

const HOUR_SUFFIX = '(?:-?(?:sta|stej|ta|tej|ma|mej|ga|giej|cia|ciej|ej))';
const APPROX = '(?:(?:okolo|kolo|ok\\.?|mniej\\s+wiecej|tak|rowno|punkt|najpozniej)\\s+)*';
const LEAD = `(?:${APPROX}(?:o|na|przed|do|od|po|godz\\.?|o\\s+godz(?:inie|\\.)?|godzina|godzinie)\\s*|(?:okolo|kolo|ok\\.?)\\s+)`;
/** "o 10 spotkanie" is a time; "do 3 poprawek", "na 2 osoby" count things: after these, a noun may not follow. */
const COUNTING_LEAD = /^(?:(?:okolo|kolo|ok\.?|mniej\s+wiecej|tak|rowno|punkt|najpozniej)\s+)*(?:na|przed|do|od|po)\s/u;
const TIME_WORD_AFTER = new RegExp(
  `^\\s+(?:rano|wieczorem|w|we|i|lub|albo|a|na|do|po|jutro|dzis|dzisiaj|pojutrze|godz\\p{L}*|z|przed|popoludniu|nocy|noca)${E}`,
  'u',
);
const NOT_A_COUNT = '(?!\\s*(?:dni|dzien|godz|tyg|min|mies|osob|os\\.|zl|pln|eur|usd|%|razy|x\\b|sztuk|szt|lat|rok|procent|stron|pkt))';

export const DAY_PART_WORDS: ReadonlyArray<readonly [string, DayPeriod]> = [
  ['z\\s+samego\\s+rana|z\\s+rana|rano|rankiem|poranek|porankiem|przed\\s*poludniem|przedpoludniem', 'morning'],
  ['po\\s*poludniu|popoludnie|po\\s+pol\\.', 'afternoon'],
  ['w\\s+poludnie|o\\s+poludniu|do\\s+poludnia|poludnie', 'noon'],
  ['wieczorem|wieczor|wieczora|wieczorkiem', 'evening'],
  ['w\\s+nocy|noca|nocka|noc', 'night'],
];

const PART_AHEAD = `(?=\\s+(?:(?:tego|ten)\\s+)?(?:${DAY_PART_WORDS.map(([p]) => p).join('|')}|godzin[aey]|dzis|jutro)${E})`;

function digitHour(hourText: string, minuteText: string | undefined): TimeSpec | null {
  return clock(Number(hourText), minuteText === undefined ? 0 : Number(minuteText), !hourText.startsWith('0'));
}

/** The hour a "po" / "do" phrase counts from: "trzeciej", "3", "12stej", "południa". */
const HOUR_REF = `(${HOUR_ORDINAL}|\\d{1,2}${HOUR_SUFFIX}?|poludni(?:a|em|e)|polnocy|polnoc)`;

function hourRef(text: string): TimeSpec | null {
  if (text.startsWith('poludni')) return clock(12, 0);
  if (text.startsWith('polnoc')) return clock(0, 0);
  const digits = /^(\d{1,2})/u.exec(text);
  if (digits) return digitHour(digits[1] ?? '', undefined);
  const hour = ordinalValue(text);
  return hour === undefined ? null : clock(hour, 0, true);
}

function period(word: string): DayPeriod | undefined {
  return lookup(DAY_PART_WORDS, word)?.[1];
}

export const POLISH_TIME_RULES: readonly Rule[] = [
  {
    name: 'godzina po przyimku: o 15, o 15:30, do 12, przed 11, około 3, o 17-stej',
    pattern: new RegExp(`${W}${LEAD}(\\d{1,2})(?:[:.](\\d{2}))?${HOUR_SUFFIX}?(?![\\p{L}\\p{N}]|[:./,]\\d)${NOT_A_COUNT}`, 'gu'),
    build: (m, _ctx, text) => {
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 20);
      if (COUNTING_LEAD.test(m[0]) && /^\s+\p{L}/u.test(after) && !TIME_WORD_AFTER.test(after)) return null;
      const time = digitHour(m[1] ?? '', m[2]);
      return time ? { time } : null;
    },
  },
  {
    name: 'godzina porządkowa cyframi: 15sta godzina, 18stej',
    pattern: new RegExp(`${W}(\\d{1,2})-?(?:sta|stej|ta|tej)(?:\\s+godzin[aey])?${E}`, 'gu'),
    build: (m) => {
      const time = clock(Number(m[1]), 0, true);
      return time ? { time } : null;
    },
  },
  {
    name: 'godzina słowami: o drugiej, o piętnastej, piętnasta godzina, o trzecia dwadzieścia',
    pattern: new RegExp(
      `${W}(${LEAD})?(${HOUR_ORDINAL})(?:\\s+(${CARDINAL}|\\d{2}(?![\\p{N}:.])))?(\\s+godzin[aey])?${E}(?=(${PART_AHEAD.slice(3, -1)})?)`,
      'gu',
    ),
    build: (m) => {
      // An ordinal alone ("druga wersja") is no time: it needs "o", "godzina", minutes or a part of the day.
      if (m[1] === undefined && m[3] === undefined && m[4] === undefined && m[5] === undefined) return null;
      const hour = ordinalValue(m[2] ?? '');
      const minute = m[3] === undefined ? 0 : polishNumber(m[3]);
      if (hour === undefined || minute === undefined) return null;
      const time = clock(hour, minute, true);
      return time ? { time } : null;
    },
  },
  {
    name: 'minuty po / do godziny: kwadrans po 3, 20 po trzeciej, kwadrans do południa, pół po trzeciej',
    pattern: new RegExp(`${W}(?:o\\s+)?(kwadrans|pol|(?:\\d{1,2}|${CARDINAL})(?:\\s+minut[aey]?)?)\\s+(po|do|przed)\\s+${HOUR_REF}${E}`, 'gu'),
    build: (m) => {
      const word = m[1] ?? '';
      const minutes = word === 'kwadrans' ? 15 : word === 'pol' ? 30 : polishNumber(word.replace(/\s+minut\p{L}?$/u, ''));
      const base = hourRef(m[3] ?? '');
      if (minutes === undefined || minutes >= 60 || !base) return null;
      const time = shifted(base, m[2] === 'po' ? minutes : -minutes);
      return time ? { time } : null;
    },
  },
  {
    name: 'wpół do: o wpół do trzeciej, w pół do szesnastej',
    pattern: new RegExp(`${W}(?:o\\s+)?w\\s?pol\\s+do\\s+${HOUR_REF}${E}`, 'gu'),
    build: (m) => {
      const base = hourRef(m[1] ?? '');
      const time = base ? shifted(base, -30) : null;
      return time ? { time } : null;
    },
  },
  {
    name: 'za kwadrans: za kwadrans piąta',
    pattern: new RegExp(`${W}za\\s+(kwadrans|\\d{1,2}|${CARDINAL})\\s+(${HOUR_ORDINAL}|\\d{1,2})${E}`, 'gu'),
    priority: 3,
    build: (m) => {
      const minutes = m[1] === 'kwadrans' ? 15 : polishNumber(m[1] ?? '');
      const base = hourRef(m[2] ?? '');
      const time = base && minutes !== undefined && minutes < 60 ? shifted(base, -minutes) : null;
      return time ? { time } : null;
    },
  },
  {
    name: 'godzina przed porą dnia: 8 wieczorem, 3 rano, 6 po południu',
    pattern: new RegExp(`${W}(\\d{1,2})(?:[:.](\\d{2}))?${PART_AHEAD}`, 'gu'),
    build: (m) => {
      const time = digitHour(m[1] ?? '', m[2]);
      return time ? { time } : null;
    },
  },
  {
    name: 'północ',
    pattern: new RegExp(`${W}(?:o\\s+)?(?:polnocy|polnoc)${E}`, 'gu'),
    build: () => ({ time: clock(0, 0)! }),
  },
  {
    name: 'pora dnia: rano, po południu, wieczorem, w nocy, tego wieczora',
    pattern: new RegExp(`${W}(?:(?:tego|ten|ta)\\s+)?(${DAY_PART_WORDS.map(([p]) => p).join('|')})${E}`, 'gu'),
    priority: 1,
    build: (m) => {
      const which = period(m[1] ?? '');
      return which ? { time: { hour: PART_OF_DAY_HOURS[which], minute: 0, kind: 'partOfDay', period: which } } : null;
    },
  },
];
