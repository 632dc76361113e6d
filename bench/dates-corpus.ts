import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parsePromiseCommand } from '../src/promises/promise-command.js';

/**
 * How well Kept reads deadlines people type, against an outside yardstick: the deadline corpus
 * in ../shared/date-corpus (phrases from Duckling's English and Polish corpora with the instant
 * meant). Every phrase goes through the /promise path (`ACME: send the report <phrase>`) with the
 * corpus reference time and zone. Outcomes per language and tier:
 *   correct  — the stored instant is right (or Kept asked, and one of its two readings is right);
 *   asked    — of those, how many needed the question;
 *   wrong    — a wrong instant, but Kept asked or said what it did not use;
 *   silent   — a wrong instant with no word of doubt (the figure to keep at ≤ 2%);
 *   missed   — no due date read (the user gets the help reply).
 * Then the speed: 1,000 phrases, and 4,000-character texts.
 */
const { values } = parseArgs({ options: { corpus: { type: 'string' }, verbose: { type: 'boolean', default: false } } });
// ../shared from the project root; a worktree one level deeper finds it one more level up.
const candidates = [join(process.cwd(), '..', 'shared'), join(process.cwd(), '..', '..', 'shared')].map((d) =>
  join(d, 'date-corpus', 'duckling-deadlines.json'),
);
const file = values.corpus ?? candidates.find((f) => existsSync(f)) ?? candidates[0]!;

interface Expected {
  type: 'instant' | 'interval' | 'before';
  start: string | null;
  end?: string;
  grain: string;
  judge: 'grain' | 'within' | 'deadline-end';
}
interface Item {
  lang: 'en' | 'pl';
  phrase: string;
  category: string;
  tier: 'core' | 'extended';
  expected: Expected;
  alternative?: { start: string; grain: string; counted: boolean };
}

const corpus = JSON.parse(readFileSync(file, 'utf8')) as { referenceTime: string; items: Item[] };
const now = new Date(corpus.referenceTime);
const ZONE = 'Etc/GMT+2';
const OFFSET_MS = -2 * 3_600_000;

/** Wall-clock fields at UTC−02:00, as a UTC date for easy arithmetic. */
const wall = (d: Date) => new Date(d.getTime() + OFFSET_MS);
const dayKey = (d: Date) => wall(d).toISOString().slice(0, 10);
const minuteKey = (d: Date) => wall(d).toISOString().slice(0, 16);

function weekStart(d: Date): string {
  const w = wall(d);
  const monday = new Date(Date.UTC(w.getUTCFullYear(), w.getUTCMonth(), w.getUTCDate() - ((w.getUTCDay() + 6) % 7)));
  return monday.toISOString().slice(0, 10);
}

function inGrain(at: Date, start: Date, grain: string): boolean {
  if (grain === 'Day') return dayKey(at) === dayKey(start);
  if (grain === 'Week') return weekStart(at) === weekStart(start);
  if (grain === 'Month') return dayKey(at).slice(0, 7) === dayKey(start).slice(0, 7);
  if (grain === 'Year') return dayKey(at).slice(0, 4) === dayKey(start).slice(0, 4);
  return minuteKey(at) === minuteKey(start);
}

function isRight(at: Date, item: Item): boolean {
  if (at.getTime() <= now.getTime()) return false;
  const e = item.expected;
  if (e.judge === 'grain' && e.start) {
    if (inGrain(at, new Date(e.start), e.grain)) return true;
    const alt = item.alternative;
    return alt?.counted === true && inGrain(at, new Date(alt.start), alt.grain);
  }
  const end = new Date(e.end ?? '');
  if (e.judge === 'within') return at.getTime() >= new Date(e.start ?? 0).getTime() && at.getTime() < end.getTime();
  // deadline-end: at midnight, any instant on the day before (or the end itself); else the end, to the minute.
  const midnight = wall(end).toISOString().slice(11, 16) === '00:00';
  if (!midnight) return minuteKey(at) === minuteKey(end);
  return at.getTime() === end.getTime() || dayKey(at) === dayKey(new Date(end.getTime() - 1));
}

type Outcome = 'correct' | 'asked' | 'wrong' | 'silent' | 'missed';

function judge(item: Item): Outcome {
  const command = parsePromiseCommand(`ACME: send the report ${item.phrase}`, { now, timeZone: ZONE, locale: item.lang });
  if (command.kind !== 'log' || !command.draft.dueAt || command.problems.length > 0) return 'missed';
  const reading = command.reading;
  if (isRight(command.draft.dueAt, item)) return reading?.alternative ? 'asked' : 'correct';
  if (reading?.alternative && isRight(reading.alternative, item)) return 'asked';
  return reading?.alternative || (reading?.unused.length ?? 0) > 0 ? 'wrong' : 'silent';
}

const rows = new Map<string, Record<Outcome, number>>();
const failures: string[] = [];
for (const item of corpus.items) {
  const key = `${item.lang} ${item.tier}`;
  const row = rows.get(key) ?? { correct: 0, asked: 0, wrong: 0, silent: 0, missed: 0 };
  const outcome = judge(item);
  row[outcome]++;
  rows.set(key, row);
  if (outcome !== 'correct' && outcome !== 'asked')
    failures.push(`${outcome.padEnd(6)} ${item.lang} ${item.tier.padEnd(8)} ${item.phrase}  (${item.category})`);
}

const pct = (n: number, total: number) => `${((100 * n) / total).toFixed(1)}%`;
console.log('| language | tier | phrases | correct | of which asked | wrong, flagged | wrong, silent | missed |');
console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |');
const totals = { correct: 0, asked: 0, wrong: 0, silent: 0, missed: 0 };
for (const key of ['en core', 'en extended', 'pl core', 'pl extended']) {
  const r = rows.get(key);
  if (!r) continue;
  const total = r.correct + r.asked + r.wrong + r.silent + r.missed;
  for (const k of Object.keys(totals) as Outcome[]) totals[k] += r[k];
  const [lang, tier] = key.split(' ');
  console.log(
    `| ${lang} | ${tier} | ${total} | ${pct(r.correct + r.asked, total)} | ${r.asked} | ${r.wrong} | ${r.silent} (${pct(r.silent, total)}) | ${r.missed} |`,
  );
}
const all = totals.correct + totals.asked + totals.wrong + totals.silent + totals.missed;
console.log(
  `| all | | ${all} | ${pct(totals.correct + totals.asked, all)} | ${totals.asked} | ${totals.wrong} | ${totals.silent} (${pct(totals.silent, all)}) | ${totals.missed} |`,
);
if (values.verbose) console.log(`\n${failures.join('\n')}`);

// Speed: the first 1,000 phrases (the corpus, repeated), each through the /promise path.
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const thousand = Array.from({ length: 1000 }, (_, i) => corpus.items[i % corpus.items.length]!);
const runs: number[] = [];
for (let run = 0; run < 5; run++) {
  const started = performance.now();
  for (const item of thousand) parsePromiseCommand(`ACME: send the report ${item.phrase}`, { now, timeZone: ZONE, locale: item.lang });
  runs.push(performance.now() - started);
}
// Baseline: the same 1,000 texts through the command's split alone (no date reading), side by side.
const baseline: number[] = [];
for (let run = 0; run < 5; run++) {
  const started = performance.now();
  for (const item of thousand) parsePromiseCommand(`list client:${item.phrase}`, { now, timeZone: ZONE, locale: item.lang });
  baseline.push(performance.now() - started);
}
console.log(`\n1,000 phrases through /promise: median ${median(runs).toFixed(1)} ms (list-command baseline ${median(baseline).toFixed(2)} ms)`);

// Worst case: 4,000-character texts of date-like words and digits.
const pieces = [
  'jutro',
  'o',
  '10',
  '15.30',
  'Friday',
  'piątek',
  'w',
  'do',
  'by',
  'in',
  '3',
  'hours',
  'the',
  '1st',
  'of',
  'March',
  'kwadrans',
  'po',
  'trzeciej',
  '2/15',
  'next',
  'week',
  ':',
  ',',
];
let worst = 0;
for (let seed = 1; seed <= 50; seed++) {
  let text = '';
  for (let i = seed; text.length < 4000; i = (i * 1103515245 + 12345) % 2147483648) text += `${pieces[i % pieces.length]} `;
  const started = performance.now();
  parsePromiseCommand(`ACME: ${text.slice(0, 4000)}`, { now, timeZone: ZONE, locale: seed % 2 ? 'en' : 'pl' });
  worst = Math.max(worst, performance.now() - started);
}
console.log(`4,000-character texts (50 of them): slowest ${worst.toFixed(1)} ms`);
