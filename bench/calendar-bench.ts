import { parseArgs } from 'node:util';
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone.js';
import utc from 'dayjs/plugin/utc.js';
import { createPromise } from '../src/promises/client-promise.js';
import { planSteps, reminderPolicy } from '../src/promises/promise-schedule.js';
import { instantToZonedParts } from '../src/shared/dates/zoned.js';
import { DEFAULT_SETTINGS } from '../src/shared/workspace/workspace-settings.js';

/**
 * CPU cost of the zone and calendar code, side by side in one process: (1) instant → wall clock with
 * Kept's cached Intl formatter against dayjs's `.tz()`; (2) planning one promise's steps with the
 * team's hours only (the baseline), with Poland's public holidays, and with a person's own hours and
 * an absence. Medians of R runs, microseconds per call, and ratios to the baseline.
 */
dayjs.extend(utc);
dayjs.extend(timezone);
const { values } = parseArgs({ options: { runs: { type: 'string', default: '7' }, calls: { type: 'string', default: '20000' } } });
const runs = Number(values.runs);
const calls = Number(values.calls);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function perCall(work: (i: number) => unknown, n = calls): number {
  const samples: number[] = [];
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    for (let i = 0; i < n; i++) work(i);
    samples.push(((performance.now() - start) * 1000) / n);
  }
  return median(samples);
}

const base = 1_796_000_000_000; // December 2026
const intl = perCall((i) => instantToZonedParts(new Date(base + i * 600_000), 'Europe/Warsaw'));
const viaDayjs = perCall((i) => {
  const d = dayjs(base + i * 600_000).tz('Europe/Warsaw');
  return [d.year(), d.month(), d.date(), d.hour(), d.minute(), d.day()];
});

const team = { ...DEFAULT_SETTINGS, timeZone: 'Europe/Warsaw' };
const promises = Array.from({ length: 500 }, (_, i) =>
  createPromise(
    { id: `p${i}`, client: 'ACME', what: 'quote', ownerId: 'UO', ownerTimeZone: 'Europe/Warsaw', creatorId: 'UO', dueAt: new Date(base + i * 3_600_000 * 7) },
    new Date(base - 7 * 86_400_000),
  ),
);
const plans = {
  team: reminderPolicy(team),
  holidays: reminderPolicy({ ...team, language: 'pl', daysOff: ['2026-12-31'] }),
  own: reminderPolicy(
    { ...team, language: 'pl' },
    { hours: { days: [1, 2, 3, 4], startMinute: 480, endMinute: 960 }, away: { until: new Date(base + 5 * 86_400_000), source: 'kept' } },
  ),
};
const planCost = (policy: (typeof plans)[keyof typeof plans]) => perCall((i) => planSteps(promises[i % promises.length]!, policy), 2_000);
const teamOnly = planCost(plans.team);
const withHolidays = planCost(plans.holidays);
const withOwn = planCost(plans.own);

const row = (name: string, us: number, baseline: number) => `| ${name} | ${us.toFixed(1)} | ${(us / baseline).toFixed(2)}× |`;
console.log(`runs ${runs}, median µs per call\n`);
console.log('| instant → wall clock in Europe/Warsaw | µs | ratio |\n| --- | ---: | ---: |');
console.log(row("Kept's cached Intl formatter (baseline)", intl, intl));
console.log(row("dayjs(…).tz('Europe/Warsaw')", viaDayjs, intl));
console.log('\n| planning one promise (2 reminders, due, alert, escalation) | µs | ratio |\n| --- | ---: | ---: |');
console.log(row("team's hours only (baseline)", teamOnly, teamOnly));
console.log(row("Poland's holidays and a company day off", withHolidays, teamOnly));
console.log(row('own hours and an absence, with holidays', withOwn, teamOnly));
