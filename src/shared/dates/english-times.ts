// The English grammar of clock times: "3pm", "15h30", "at 3 15", "three twenty", "a quarter
// past 3pm", "20 to noon", "half three", parts of the day and zone names after a time.

import { PART_OF_DAY_HOURS } from './due-rules.js';
import type { DayPeriod, TimeSpec } from './due-tokens.js';
import { WORD_END as E, WORD_START as W } from './due-tokens.js';
import { EN_CARDINAL, englishNumber, ZONE_OFFSETS, ZONE_PATTERN } from './english-words.js';

const EN_WEEKDAY_NAMES = 'mon\\p{L}*|tue\\p{L}*|wed\\p{L}*|thu\\p{L}*|fri\\p{L}*|sat\\p{L}*|sun\\p{L}*';

import { clock, type Rule, shifted, withMeridiem } from './grammar.js';

const MERIDIEM = `(?:\\s?([ap])\\.?\\s?m\\.?(?![\\p{L}])|([ap])\\.?(?![\\p{L}\\p{N}]))`;
const IN_THE_AM = `\\s+in\\s+the\\s+(am|pm)${E}`;
const LEAD = '(?:(?:at|@|around|about|approximately|approx\\.?|by|till|until|before|through|from)\\s+)';
/** "at 3 locations" counts things: after the number, only words that go with a time. */
const NOT_A_COUNT = `(?!\\s+(?!(?:am|pm|a\\.m|p\\.m|on|today|tomorrow|tonight|in|this|next|or|and|to|for|at|by|sharp|ish|${ZONE_PATTERN}|${EN_WEEKDAY_NAMES})${E})\\p{L})`;
const HOUR_WORD = '(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)';

function meridiemTime(hourText: string, minuteText: string | undefined, mer: string | undefined): TimeSpec | null {
  const hour = withMeridiem(Number(hourText), mer === 'p');
  return hour === null ? null : clock(hour, minuteText === undefined ? 0 : Number(minuteText));
}

/** A typed hour without am/pm: 1–6 read as afternoon unless written "05". */
function plainTime(hourText: string, minuteText: string | undefined): TimeSpec | null {
  return clock(Number(hourText), minuteText === undefined ? 0 : Number(minuteText), !hourText.startsWith('0'));
}

function fromWords(hourText: string, minuteText: string | undefined, mer: string | undefined): TimeSpec | null {
  const hour = englishNumber(hourText);
  const minute = minuteText === undefined || /clock/u.test(minuteText) ? 0 : englishNumber(minuteText);
  if (hour === undefined || minute === undefined) return null;
  if (mer) return meridiemTime(String(hour), String(minute), mer);
  return clock(hour, minute, true);
}

/** The hour a "past"/"to" phrase counts from: "3pm", "3", "15h", "three", "noon", "midnight". */
const HOUR_REF = `(noon|midday|midnight|\\d{1,2}(?:h(?!\\d))?|${HOUR_WORD})(?:${MERIDIEM})?`;

function hourRef(text: string, mer: string | undefined): TimeSpec | null {
  if (text === 'noon' || text === 'midday') return clock(12, 0);
  if (text === 'midnight') return clock(0, 0);
  if (text.endsWith('h')) return clock(Number(text.slice(0, -1)), 0);
  const hour = englishNumber(text);
  if (hour === undefined) return null;
  return mer ? meridiemTime(String(hour), undefined, mer) : clock(hour, 0, true);
}

function minutesOf(text: string): number | undefined {
  if (/quarter/u.test(text)) return 15;
  if (/half/u.test(text)) return 30;
  return englishNumber(text.replace(/\s*minutes?$/u, ''));
}

const PERIOD_WORDS: ReadonlyArray<readonly [RegExp, DayPeriod, number]> = [
  [/early/u, 'morning', 7],
  [/late\s+(?:tonight|tonite|night)/u, 'night', PART_OF_DAY_HOURS.night],
  [/after\s+lunch/u, 'afternoon', 14],
  [/lunch/u, 'noon', PART_OF_DAY_HOURS.noon],
  [/morning|\bam\b/u, 'morning', PART_OF_DAY_HOURS.morning],
  [/afternoon|\bpm\b/u, 'afternoon', PART_OF_DAY_HOURS.afternoon],
  [/evening|tonight|tonite/u, 'evening', PART_OF_DAY_HOURS.evening],
  [/night/u, 'night', PART_OF_DAY_HOURS.night],
];

export const ENGLISH_TIME_RULES: readonly Rule[] = [
  {
    name: 'clock with am/pm: 3pm, 3:18a, 330 p.m., 3 oclock pm, 3ish pm',
    pattern: new RegExp(`${W}${LEAD}?(\\d{1,2})(?:[:.](\\d{2})(?::\\d{2})?)?\\s*(?:o'?clock\\s*)?(?:ish\\s*)?${MERIDIEM}`, 'gu'),
    build: (m) => {
      const time = meridiemTime(m[1] ?? '', m[2], m[3] ?? m[4]);
      return time ? { time } : null;
    },
  },
  {
    name: 'compact clock with am/pm: 1030am',
    pattern: new RegExp(`${W}${LEAD}?(\\d{1,2})(\\d{2})\\s*${MERIDIEM}`, 'gu'),
    build: (m) => {
      const time = meridiemTime(m[1] ?? '', m[2], m[3] ?? m[4]);
      return time ? { time } : null;
    },
  },
  {
    name: 'clock then "in the am": 3 in the AM',
    pattern: new RegExp(`${W}${LEAD}?(\\d{1,2})(?:[:.](\\d{2}))?${IN_THE_AM}`, 'gu'),
    build: (m) => {
      const time = meridiemTime(m[1] ?? '', m[2], m[3]?.[0]);
      return time ? { time } : null;
    },
  },
  {
    name: 'h notation, 24-hour: 15h30, 16h, 3h18',
    pattern: new RegExp(`${W}${LEAD}?(\\d{1,2})h(\\d{2})?${E}`, 'gu'),
    build: (m) => {
      const time = clock(Number(m[1]), m[2] === undefined ? 0 : Number(m[2]));
      return time ? { time } : null;
    },
  },
  {
    name: 'hour after "at": at 5, at 3 15, at 1030, around 1030, tonight at 8 oclock',
    pattern: new RegExp(
      `${W}(?:at|@|around|about|approximately|approx\\.?)\\s+(?:(\\d{1,2})(?:\\s+(\\d{2}))?|(\\d{1,2})(\\d{2}))(?:\\s*o'?clock)?(?![\\p{L}\\p{N}]|[:./,]\\d|\\s*%)${NOT_A_COUNT}`,
      'gu',
    ),
    build: (m) => {
      const time = m[1] !== undefined ? plainTime(m[1], m[2]) : plainTime(m[3] ?? '', m[4]);
      return time ? { time } : null;
    },
  },
  {
    name: 'bare hour before a day or a part of it: 8 tonight, 3 in the morning, 9 tomorrow',
    pattern: new RegExp(
      `${W}(\\d{1,2})(?=\\s+(?:tonight|tonite|this\\s+(?:morning|afternoon|evening)|in\\s+(?:the\\s+)?(?:morning|afternoon|evening)|tomorrow|today)${E})`,
      'gu',
    ),
    build: (m) => {
      const time = plainTime(m[1] ?? '', undefined);
      return time ? { time } : null;
    },
  },
  {
    name: 'hour with o’clock: 3 o’clock',
    pattern: new RegExp(`${W}(\\d{1,2}|${HOUR_WORD})\\s*o'?clock${E}`, 'gu'),
    build: (m) => {
      const time = fromWords(m[1] ?? '', undefined, undefined);
      return time ? { time } : null;
    },
  },
  {
    name: 'time in words: at three, three twenty, ten thirty am, seven thirty p.m.',
    pattern: new RegExp(
      `${W}(at\\s+|@\\s*)?(${HOUR_WORD})(?:\\s+(${EN_CARDINAL}|o'?clock))?(?:${MERIDIEM})?(?=(\\s+(?:tonight|tonite|this\\s+(?:morning|afternoon|evening)|in\\s+the\\s+(?:morning|afternoon|evening)))?)`,
      'gu',
    ),
    build: (m) => {
      const mer = m[4] ?? m[5];
      // A bare number word is a time only with "at", am/pm, minutes or a part of the day after it.
      if (m[1] === undefined && mer === undefined && m[3] === undefined && m[6] === undefined) return null;
      const time = fromWords(m[2] ?? '', m[3], mer);
      return time ? { time } : null;
    },
  },
  {
    name: 'minutes past / to an hour: a quarter past 3pm, 20 to noon, 15 minutes from 1pm',
    pattern: new RegExp(
      `${W}(?:at\\s+)?((?:a\\s+)?quarter|half|(?:\\d{1,2}|${EN_CARDINAL})(?:\\s+minutes?)?)\\s+(past|after|from|to|before|till)\\s+${HOUR_REF}`,
      'gu',
    ),
    build: (m) => {
      const minutes = minutesOf(m[1] ?? '');
      const base = hourRef(m[3] ?? '', m[4] ?? m[5]);
      if (minutes === undefined || minutes >= 60 || !base) return null;
      // "2 from 3" or "5 before 6" count things; with "minutes", a quarter or half they tell the time.
      if (['from', 'before', 'till'].includes(m[2] ?? '') && !/minute|quarter|half/u.test(m[1] ?? '')) return null;
      const forward = ['past', 'after', 'from'].includes(m[2] ?? '');
      const time = shifted(base, forward ? minutes : -minutes);
      return time ? { time } : null;
    },
  },
  {
    name: 'British half: half three',
    pattern: new RegExp(`${W}half\\s+(\\d{1,2}|${HOUR_WORD})(?:${MERIDIEM})?${E}(?!\\s+(?:an?\\s+)?(?:hours?|minutes?))`, 'gu'),
    build: (m) => {
      const base = hourRef(m[1] ?? '', m[2] ?? m[3]);
      const time = base ? shifted(base, 30) : null;
      return time ? { time } : null;
    },
  },
  {
    name: 'noon and midnight',
    pattern: new RegExp(`${W}(?:the\\s+)?(noon|midday|mid\\s+day|midnight)${E}`, 'gu'),
    build: (m) => ({ time: (m[1] === 'midnight' ? clock(0, 0) : clock(12, 0))! }),
  },
  {
    name: 'part of the day: this morning, in the afternoon, tonight, late tonight, after lunch',
    pattern: new RegExp(
      `${W}(?:(?:this|in\\s+the|at|around)\\s+)?((?:early|late)\\s+(?:in\\s+the\\s+)?|early\\s+hours\\s+of\\s+the\\s+)?(morning|afternoon|evening|night|tonight|tonite|lunch(?:time)?|after\\s+lunch)(?:ish)?${E}`,
      'gu',
    ),
    priority: 1,
    build: (m) => {
      const words = `${m[1] ?? ''} ${m[2] ?? ''}`;
      const entry = PERIOD_WORDS.find(([re]) => re.test(words));
      if (!entry) return null;
      return { time: { hour: entry[2], minute: 0, kind: 'partOfDay', period: entry[1] } };
    },
  },
];

/** A zone name after a time, in either language: "4pm CET", "o 15 CET". */
export const ZONE_RULE: Rule = {
  name: 'a zone after a time: CET, GMT, (BST), PST',
  pattern: new RegExp(`${W}\\(?(${ZONE_PATTERN})\\)?${E}`, 'gu'),
  priority: 1,
  build: (m) => {
    const offset = ZONE_OFFSETS[m[1] ?? ''];
    return offset === undefined ? null : { zone: offset };
  },
};
