// English vocabulary for dates, lower case (see normalizeForMatching): numbers, ordinals,
// months, weekdays, units and zones, each as a regex source plus a lookup to its value.

const UNITS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const TEENS = ['ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['twenty', 'thirty', 'forty', 'fifty'];

const CARDINALS = new Map<string, number>();
for (const [i, w] of UNITS.entries()) CARDINALS.set(w, i + 1);
for (const [i, w] of TEENS.entries()) CARDINALS.set(w, i + 10);
TENS.forEach((t, i) => {
  CARDINALS.set(t, (i + 2) * 10);
  for (const [j, u] of UNITS.entries()) CARDINALS.set(`${t} ${u}`, (i + 2) * 10 + j + 1);
});

const ORDINAL_UNITS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth'];
const ORDINAL_TEENS = ['tenth', 'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth'];
const ORDINALS = new Map<string, number>();
for (const [i, w] of ORDINAL_UNITS.entries()) ORDINALS.set(w, i + 1);
for (const [i, w] of ORDINAL_TEENS.entries()) ORDINALS.set(w, i + 10);
ORDINALS.set('twentieth', 20);
ORDINALS.set('thirtieth', 30);
for (const [j, u] of ORDINAL_UNITS.entries()) ORDINALS.set(`twenty ${u}`, 21 + j);
ORDINALS.set('thirty first', 31);

function wordsPattern(words: Iterable<string>): string {
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(' ', '[\\s-]?'))
    .join('|');
}

/** "three", "twenty five", "twenty-five". */
export const EN_CARDINAL = wordsPattern(CARDINALS.keys());
/** "first", "twenty-third". */
export const EN_ORDINAL_WORD = wordsPattern(ORDINALS.keys());
/** A day of the month: "15", "15th", "fifteenth". */
export const EN_DAY = `(?:\\d{1,2}(?:st|nd|rd|th)?|${EN_ORDINAL_WORD})`;

function squash(word: string): string {
  return word.trim().replace(/[\s-]+/gu, ' ');
}

/** The value of a number written in digits or words, or undefined. */
export function englishNumber(text: string): number | undefined {
  const t = squash(text);
  if (/^\d+(?:\.\d+)?$/u.test(t)) return Number(t);
  return CARDINALS.get(t) ?? ORDINALS.get(t) ?? (/^\d{1,2}(?:st|nd|rd|th)$/u.test(t) ? Number.parseInt(t, 10) : undefined);
}

export const EN_MONTHS: ReadonlyArray<readonly [string, number]> = [
  ['january|jan\\.?', 1],
  ['february|feb\\.?', 2],
  ['march|mar\\.?', 3],
  ['april|apr\\.?', 4],
  ['may', 5],
  ['june|jun\\.?', 6],
  ['july|jul\\.?', 7],
  ['august|aug\\.?', 8],
  ['september|sept?\\.?', 9],
  ['october|oct\\.?', 10],
  ['november|nov\\.?', 11],
  ['december|dec\\.?', 12],
];

/** [pattern, weekday 0=Sun…6=Sat]; a plural ("fridays") counts weeks. */
export const EN_WEEKDAYS: ReadonlyArray<readonly [string, number]> = [
  ['mondays?|mon\\.?', 1],
  ['tuesdays?|tues?\\.?', 2],
  ['wednesdays?|wed\\.?|weds\\.?', 3],
  ['thursdays?|thu(?:rs?)?\\.?', 4],
  ['fridays?|fri\\.?', 5],
  ['saturdays?|sat\\.?', 6],
  ['sundays?|sun\\.?', 0],
];

/** Zone abbreviations people write after a time, in minutes east of UTC. */
export const ZONE_OFFSETS: Readonly<Record<string, number>> = {
  utc: 0,
  gmt: 0,
  z: 0,
  wet: 0,
  bst: 60,
  cet: 60,
  cest: 120,
  eet: 120,
  eest: 180,
  msk: 180,
  ist: 330,
  est: -300,
  edt: -240,
  cst: -360,
  cdt: -300,
  mst: -420,
  mdt: -360,
  pst: -480,
  pdt: -420,
};
export const ZONE_PATTERN = Object.keys(ZONE_OFFSETS)
  .filter((z) => z.length > 1)
  .join('|');
