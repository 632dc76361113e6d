// Polish vocabulary for dates, already folded to ASCII and lower case (see
// normalizeForMatching), so "piątek", "Piatek" and "PIĄTEK" all match "piatek".

/** [pattern, weekday 0=Sun…6=Sat, is an abbreviation]; longest forms first. */
export const WEEKDAY_WORDS: ReadonlyArray<readonly [string, number, boolean]> = [
  ['poniedzial(?:ek|ku|kiem)', 1, false],
  ['wtor(?:ek|ku|kiem)', 2, false],
  ['srod(?:a|e|y|zie|ami)', 3, false],
  ['czwart(?:ek|ku|kiem)', 4, false],
  ['piat(?:ek|ku|kiem)', 5, false],
  ['sobot(?:a|e|y|ie|ami)', 6, false],
  ['niedziel(?:a|e|i|ami)', 0, false],
  ['pon\\.?', 1, true],
  ['pn\\.?', 1, true],
  ['wt\\.?', 2, true],
  ['sr\\.?', 3, true],
  ['czw\\.?', 4, true],
  ['pt\\.?', 5, true],
  ['sob\\.?', 6, true],
  ['niedz\\.?', 0, true],
  ['ndz\\.?', 0, true],
  ['nd\\.?', 0, true],
];

/** [pattern, month 1-12]: genitive ("grudnia"), nominative ("grudzień"), locative, short. */
export const MONTH_WORDS: ReadonlyArray<readonly [string, number]> = [
  ['stycznia|styczen|styczniu|sty\\.?', 1],
  ['lutego|luty|lutym|lut\\.?', 2],
  ['marca|marzec|marcu|mar\\.?', 3],
  ['kwietnia|kwiecien|kwietniu|kwi\\.?', 4],
  ['maja|maj|maju', 5],
  ['czerwca|czerwiec|czerwcu|cze\\.?', 6],
  ['lipca|lipiec|lipcu|lip\\.?', 7],
  ['sierpnia|sierpien|sierpniu|sie\\.?', 8],
  ['wrzesnia|wrzesien|wrzesniu|wrz\\.?', 9],
  ['pazdziernika|pazdziernik|pazdzierniku|paz\\.?', 10],
  ['listopada|listopad|listopadzie|lis\\.?', 11],
  ['grudnia|grudzien|grudniu|gru\\.?', 12],
];

export const ROMAN_MONTHS = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii'];

export const NUMBER_WORDS: Readonly<Record<string, number>> = {
  jeden: 1,
  jedna: 1,
  jedno: 1,
  jedne: 1,
  dwa: 2,
  dwie: 2,
  trzy: 3,
  cztery: 4,
  piec: 5,
  szesc: 6,
  siedem: 7,
  osiem: 8,
  dziewiec: 9,
  dziesiec: 10,
  pol: 0.5,
  poltora: 1.5,
  poltorej: 1.5,
};

/** [pattern, unit]: "minut/minuty/minutę", "godzin/godziny/godzinę", "dni/dzień", "tygodnie/tydzień", "miesiące". */
export const DURATION_UNITS: ReadonlyArray<readonly [string, 'minute' | 'hour' | 'day' | 'week' | 'month']> = [
  ['minut[aey]?|min\\.?', 'minute'],
  ['godzin[aey]?|godz\\.?|h', 'hour'],
  ['dni|dzien|dnia', 'day'],
  ['tygodni[ea]?|tydzien|tyg\\.?', 'week'],
  ['miesiac[ea]?|miesiecy|mies\\.?', 'month'],
];

/** [pattern, hour, period]: parts of the day. */
export const DAY_PARTS: ReadonlyArray<readonly [string, number, 'morning' | 'noon' | 'afternoon' | 'evening']> = [
  ['z\\s+rana|rano|rankiem|z\\s+samego\\s+rana', 9, 'morning'],
  ['przed\\s+poludniem', 12, 'noon'],
  ['w\\s+poludnie|o\\s+poludniu|poludnie', 12, 'noon'],
  ['po\\s+poludniu|popoludniu|po\\s+pol\\.', 15, 'afternoon'],
  ['wieczorem|wieczor', 18, 'evening'],
];

export const NEXT_MODIFIER = '(?:przyszl|nastepn|kolejn)(?:y|a|e|ego|ej|ym)';
export const THIS_MODIFIER = '(?:ten|ta|te|tego|tej|najblizsz(?:y|a|e|ego|ej|ym))';

export function alternation(patterns: ReadonlyArray<readonly [string, ...unknown[]]>): string {
  return patterns.map(([p]) => `(?:${p})`).join('|');
}

/** Which entry of `patterns` the matched word belongs to. */
export function lookup<T extends readonly [string, ...unknown[]]>(patterns: ReadonlyArray<T>, word: string): T | undefined {
  return patterns.find(([p]) => new RegExp(`^(?:${p})$`, 'u').test(word));
}
