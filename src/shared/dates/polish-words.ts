// Polish vocabulary for dates, already folded to ASCII and lower case (see
// normalizeForMatching), so "piątek", "Piatek" and "PIĄTEK" all match "piatek".

export { alternation, lookup } from './grammar.js';

/** [pattern, weekday 0=Sun…6=Sat, is an abbreviation]; every case, longest forms first. */
export const WEEKDAY_WORDS: ReadonlyArray<readonly [string, number, boolean]> = [
  ['poniedzial(?:ek|ku|kiem)', 1, false],
  ['wtor(?:ek|ku|kiem)', 2, false],
  ['srod(?:a|e|y|zie|ami|ą)', 3, false],
  ['czwart(?:ek|ku|kiem)', 4, false],
  ['piat(?:ek|ku|kiem)', 5, false],
  ['sobot(?:a|e|y|ie|ami)', 6, false],
  ['niedziel(?:a|e|i|ami)', 0, false],
  ['pon\\.?', 1, true],
  ['pn\\.?', 1, true],
  ['wt\\.?', 2, true],
  ['sro?\\.?', 3, true],
  ['czw\\.?', 4, true],
  ['pt\\.?', 5, true],
  ['pia\\.?', 5, true],
  ['sob\\.?', 6, true],
  ['niedz\\.?', 0, true],
  ['ndz\\.?', 0, true],
  ['nd\\.?', 0, true],
];

/** Weekdays as adjectives: "środowy wieczór", "poniedziałkowy poranek". */
export const WEEKDAY_ADJECTIVES: ReadonlyArray<readonly [string, number]> = [
  ['poniedzialkow\\p{L}{1,3}', 1],
  ['wtorkow\\p{L}{1,3}', 2],
  ['srodow\\p{L}{1,3}', 3],
  ['czwartkow\\p{L}{1,3}', 4],
  ['piatkow\\p{L}{1,3}', 5],
  ['sobotn\\p{L}{1,3}', 6],
  ['niedzieln\\p{L}{1,3}', 0],
];

/** [pattern, month 1-12]: nominative, genitive, locative, instrumental, and short forms. */
export const MONTH_WORDS: ReadonlyArray<readonly [string, number]> = [
  ['stycznia|styczen|styczniu|styczniem|sty\\.?', 1],
  ['lutego|luty|lutym|lut\\.?', 2],
  ['marca|marzec|marcu|marcem|mar\\.?', 3],
  ['kwietnia|kwiecien|kwietniu|kwietniem|kwi\\.?|kwiet\\.?', 4],
  ['maja|maj|maju|majem', 5],
  ['czerwca|czerwiec|czerwcu|czerwcem|cze\\.?|czerw\\.?', 6],
  ['lipca|lipiec|lipcu|lipcem|lip\\.?', 7],
  ['sierpnia|sierpien|sierpniu|sierpniem|sie\\.?|sier\\.?|sierp\\.?', 8],
  ['wrzesnia|wrzesien|wrzesniu|wrzesniem|wrz\\.?|wrze\\.?', 9],
  ['pazdziernika|pazdziernik|pazdzierniku|pazdziernikiem|paz\\.?|pazdz\\.?', 10],
  ['listopada|listopad|listopadzie|listopadem|lis\\.?', 11],
  ['grudnia|grudzien|grudniu|grudniem|gru\\.?|grud\\.?', 12],
];

export const ROMAN_MONTHS = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii'];

const ORDINAL_STEMS: ReadonlyArray<readonly [string, number]> = [
  ['pierwsz', 1],
  ['drug', 2],
  ['trzec', 3],
  ['czwart', 4],
  ['piat', 5],
  ['szost', 6],
  ['siodm', 7],
  ['osm', 8],
  ['dziewiat', 9],
  ['dziesiat', 10],
  ['jedenast', 11],
  ['dwunast', 12],
  ['trzynast', 13],
  ['czternast', 14],
  ['pietnast', 15],
  ['szesnast', 16],
  ['siedemnast', 17],
  ['osiemnast', 18],
  ['dziewietnast', 19],
];

/** Feminine ordinals name hours: "o drugiej", "piętnasta", "o dwudziestej pierwszej". */
const FEMININE = '(?:a|ej|iej|ia|iej)';
/** Masculine and neuter ordinals name days: "pierwszego", "piętnasty", "trzeci". */
const MASCULINE = '(?:y|ego|i|iego|ie|ym|im|iemu|emu)';

function ordinalPattern(ending: string, max: number): string {
  const units = ORDINAL_STEMS.filter(([, n]) => n <= 9).map(([s]) => s);
  const simple = ORDINAL_STEMS.filter(([, n]) => n <= max).map(([s]) => s);
  const tens = max >= 30 ? 'dwudziest|trzydziest' : 'dwudziest';
  return `(?:(?:${tens})${ending}(?:\\s*(?:${units.join('|')})${ending})?|(?:${simple.join('|')})${ending}|dwudziest${ending})`;
}

export const HOUR_ORDINAL = ordinalPattern(FEMININE, 19);
export const DAY_ORDINAL = ordinalPattern(MASCULINE, 19);

/** The number an ordinal word names: "dwudziestej pierwszej" → 21, "trzeciego" → 3. */
export function ordinalValue(text: string): number | undefined {
  let total = 0;
  let rest = text.trim();
  const tens = /^(dwudziest|trzydziest)(?:ego|ej|ym|a|y|i)?\s*/u.exec(rest);
  if (tens) {
    total = tens[1] === 'dwudziest' ? 20 : 30;
    rest = rest.slice(tens[0].length);
  }
  if (rest === '') return total || undefined;
  const stem = ORDINAL_STEMS.find(([s]) => rest.startsWith(s) && rest.length - s.length <= 4);
  if (!stem || (total > 0 && stem[1] > 9)) return undefined;
  return total + stem[1];
}

const CARDINAL_WORDS: Readonly<Record<string, number>> = {
  jeden: 1,
  jedna: 1,
  jedno: 1,
  jednej: 1,
  jednego: 1,
  dwa: 2,
  dwie: 2,
  dwoch: 2,
  dwu: 2,
  trzy: 3,
  trzech: 3,
  cztery: 4,
  czterech: 4,
  piec: 5,
  pieciu: 5,
  szesc: 6,
  szesciu: 6,
  siedem: 7,
  siedmiu: 7,
  osiem: 8,
  osmiu: 8,
  dziewiec: 9,
  dziewieciu: 9,
  dziesiec: 10,
  dziesieciu: 10,
  jedenascie: 11,
  dwanascie: 12,
  trzynascie: 13,
  czternascie: 14,
  pietnascie: 15,
  pietnastu: 15,
  szesnascie: 16,
  siedemnascie: 17,
  osiemnascie: 18,
  dziewietnascie: 19,
  dwadziescia: 20,
  dwudziestu: 20,
  trzydziesci: 30,
  trzydziestu: 30,
  czterdziesci: 40,
  czterdziestu: 40,
  piecdziesiat: 50,
  piecdziesieciu: 50,
  kilka: 3,
  kilku: 3,
};

export const CARDINAL = `(?:(?:dwadziescia|trzydziesci|czterdziesci|piecdziesiat)(?:\\s+(?:jeden|dwa|trzy|cztery|piec|szesc|siedem|osiem|dziewiec))?|${Object.keys(
  CARDINAL_WORDS,
)
  .sort((a, b) => b.length - a.length)
  .join('|')})`;

/** A number in digits ("2,5") or words ("dwadzieścia pięć", "dwóch"). */
export function polishNumber(text: string): number | undefined {
  const t = text.trim().replace(/\s+/gu, ' ');
  if (/^\d+(?:[.,]\d+)?$/u.test(t)) return Number(t.replace(',', '.'));
  const [first = '', second] = t.split(' ');
  const base = CARDINAL_WORDS[first];
  if (base === undefined) return undefined;
  return second === undefined ? base : base + (CARDINAL_WORDS[second] ?? Number.NaN);
}

/** [pattern, unit]: every case after a number or a preposition. */
export const DURATION_UNITS: ReadonlyArray<readonly [string, 'minute' | 'hour' | 'day' | 'week' | 'month']> = [
  ['minut[aey]?|min\\.?', 'minute'],
  ['godzin[aeyi]?|godz\\.?|h', 'hour'],
  ['dni|dzien|dnia|dniach', 'day'],
  ['tygodni[ea]?|tydzien|tygodniach|tyg\\.?', 'week'],
  ['miesiac[ea]?|miesiecy|miesiaca|mies\\.?', 'month'],
];

export const NEXT_MODIFIER = '(?:przyszl|nastepn|kolejn)(?:y|a|e|ego|ej|ym|ą)';
export const THIS_MODIFIER = '(?:ten|ta|te|tego|tej|najblizsz(?:y|a|e|ego|ej|ym))';
