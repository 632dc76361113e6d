import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ClientPromise, cancelPromise, createPromise, markKept, renegotiate } from '../../src/promises/client-promise.js';
import {
  dueTimeOutcome,
  EMPTY_TALLY,
  onTimeRate,
  rateOf,
  renegotiationsFrom,
  tallyFromCounts,
  tallyWeek,
  teamWeekAt,
  teamWeekEndingAt,
  type WeekTally,
  weekOutcome,
  weeksUpTo,
} from '../../src/promises/promise-week.js';

// The week of Monday 30 November 2026 (UTC); "now" is Thursday 3 December, 12:00.
const WEEK = { start: new Date('2026-11-30T00:00:00Z'), end: new Date('2026-12-07T00:00:00Z') };
const NOW = new Date('2026-12-03T12:00:00Z');
const at = (iso: string) => new Date(iso);

let n = 0;
function due(iso: string): ClientPromise {
  return createPromise(
    { id: `p${++n}`, client: 'ACME', what: 'x', ownerId: 'U1', ownerTimeZone: 'UTC', creatorId: 'U1', dueAt: at(iso) },
    at('2026-11-20T09:00:00Z'),
  );
}
const move = (p: ClientPromise, when: string, to: string, clientInformed = true) =>
  renegotiate(p, 'U1', { newDueAt: at(to), reason: 'r', clientInformed }, at(when));
const keep = (p: ClientPromise, when: string) => markKept(p, 'U1', at(when));

describe('how a promise did in a week, once, by its final outcome there', () => {
  it.each([
    ['kept on time by a due time in the week', keep(due('2026-12-01T10:00:00Z'), '2026-12-01T09:00:00Z'), 'kept_on_time'],
    ['kept late', keep(due('2026-12-01T10:00:00Z'), '2026-12-02T09:00:00Z'), 'kept_late'],
    ['still open past its due time', due('2026-12-02T10:00:00Z'), 'overdue_open'],
    ['open and not due yet', due('2026-12-05T10:00:00Z'), 'pending'],
    ['kept early, before a due time later this week', keep(due('2026-12-05T10:00:00Z'), '2026-12-02T09:00:00Z'), 'kept_on_time'],
    ['cancelled', cancelPromise(due('2026-12-01T10:00:00Z'), 'U1', at('2026-12-01T09:00:00Z')), 'cancelled'],
    [
      'renegotiated early from this week to the next, client informed',
      move(due('2026-12-02T10:00:00Z'), '2026-12-01T09:00:00Z', '2026-12-09T10:00:00Z'),
      'renegotiated_early',
    ],
    [
      'renegotiated early without telling the client',
      move(due('2026-12-02T10:00:00Z'), '2026-12-01T09:00:00Z', '2026-12-09T10:00:00Z', false),
      'renegotiated_other',
    ],
    [
      'renegotiated only after its due time had passed',
      move(due('2026-12-01T10:00:00Z'), '2026-12-02T09:00:00Z', '2026-12-09T10:00:00Z'),
      'renegotiated_other',
    ],
    [
      'renegotiated weeks ahead, away from a due time in this week',
      move(due('2026-12-04T10:00:00Z'), '2026-11-10T09:00:00Z', '2026-12-20T10:00:00Z'),
      'renegotiated_early',
    ],
    ['due last week', due('2026-11-27T10:00:00Z'), 'none'],
    ['due next week', due('2026-12-08T10:00:00Z'), 'none'],
  ] as const)('%s → %s', (_name, promise, expected) => {
    expect(weekOutcome(promise, WEEK, NOW)).toBe(expected);
  });

  it('counts a promise renegotiated early and then kept in the same week once, as kept on time', () => {
    const moved = move(due('2026-12-01T10:00:00Z'), '2026-11-30T09:00:00Z', '2026-12-02T10:00:00Z');
    const kept = keep(moved, '2026-12-02T09:00:00Z');
    expect(weekOutcome(kept, WEEK, NOW)).toBe('kept_on_time');
    expect(tallyWeek([kept], WEEK, NOW)).toEqual({ ...EMPTY_TALLY, keptOnTime: 1 });
  });

  it('judges a promise moved early within the week by its new due time once that comes', () => {
    const moved = move(due('2026-12-01T10:00:00Z'), '2026-11-30T09:00:00Z', '2026-12-05T10:00:00Z');
    expect(weekOutcome(moved, WEEK, NOW)).toBe('pending');
    expect(weekOutcome(moved, WEEK, at('2026-12-05T10:00:00Z'))).toBe('overdue_open');
  });

  it('keeps a late renegotiation as the outcome even when the new due time is then kept', () => {
    const late = move(due('2026-12-01T10:00:00Z'), '2026-12-01T12:00:00Z', '2026-12-02T10:00:00Z');
    expect(weekOutcome(keep(late, '2026-12-02T09:00:00Z'), WEEK, NOW)).toBe('renegotiated_other');
  });

  it('counts a promise moved from last week into this one in both weeks, by how it did in each', () => {
    const moved = move(due('2026-11-27T10:00:00Z'), '2026-11-26T09:00:00Z', '2026-12-01T10:00:00Z');
    const lastWeek = { start: new Date('2026-11-23T00:00:00Z'), end: WEEK.start };
    expect(weekOutcome(moved, lastWeek, NOW)).toBe('renegotiated_early');
    expect(weekOutcome(moved, WEEK, NOW)).toBe('overdue_open');
    expect(weekOutcome(keep(moved, '2026-12-01T09:00:00Z'), WEEK, NOW)).toBe('kept_on_time');
  });
});

describe('the on-time rate of a week', () => {
  it('is kept on time plus renegotiated early, over all that came due, each promise once', () => {
    const good = keep(due('2026-12-01T10:00:00Z'), '2026-12-01T09:00:00Z');
    const early = move(due('2026-12-02T10:00:00Z'), '2026-12-01T09:00:00Z', '2026-12-09T10:00:00Z');
    const late = due('2026-12-02T10:00:00Z');
    const notYet = due('2026-12-05T10:00:00Z');
    expect(onTimeRate([good, early, late, notYet, good], WEEK, NOW)).toEqual({ good: 2, due: 3, rate: 2 / 3 });
  });

  it('has no rate when nothing came due, and leaves cancelled promises out', () => {
    expect(onTimeRate([due('2026-12-05T10:00:00Z')], WEEK, NOW)).toEqual({ good: 0, due: 0, rate: null });
    expect(rateOf({ ...EMPTY_TALLY, cancelled: 3, keptLate: 1 })).toEqual({ good: 0, due: 1, rate: 0 });
  });
});

describe('the tally from counts by due time, corrected by the renegotiated promises', () => {
  // Every promise a generator can make around the week: created before it, due in a 3-week span, then
  // renegotiated (early or late, client told or not), kept, cancelled or left open at random moments.
  const HOUR = 3_600_000;
  const base = at('2026-11-23T00:00:00Z').getTime();
  const steps = fc.array(
    fc.record({
      kind: fc.constantFrom('move', 'keep', 'cancel'),
      after: fc.integer({ min: 1, max: 120 }),
      to: fc.integer({ min: 1, max: 400 }),
      told: fc.boolean(),
    }),
    { maxLength: 4 },
  );
  const promiseArb = fc.record({ dueIn: fc.integer({ min: 0, max: 21 * 24 }), steps }).map(({ dueIn, steps: plan }) => {
    let p = createPromise(
      { id: `g${++n}`, client: 'ACME', what: 'x', ownerId: 'U1', ownerTimeZone: 'UTC', creatorId: 'U1', dueAt: new Date(base + dueIn * HOUR) },
      new Date(base - 24 * HOUR),
    );
    let t = base;
    for (const step of plan) {
      if (p.status !== 'open') break;
      t += step.after * HOUR;
      const when = new Date(t);
      if (step.kind === 'keep') p = markKept(p, 'U1', when);
      else if (step.kind === 'cancel') p = cancelPromise(p, 'U1', when);
      else p = renegotiate(p, 'U1', { newDueAt: new Date(t + step.to * HOUR), reason: 'r', clientInformed: step.told }, when);
    }
    return p;
  });

  /** What four count() queries see: every promise by its stored status and due time in force alone. */
  const countsByDueTime = (promises: readonly ClientPromise[], asOf: Date): WeekTally => {
    let tally: Record<keyof WeekTally, number> = { ...EMPTY_TALLY };
    const field = { kept_on_time: 'keptOnTime', kept_late: 'keptLate', overdue_open: 'overdueOpen', cancelled: 'cancelled' } as const;
    for (const p of promises) {
      const o = dueTimeOutcome(p, WEEK, asOf);
      if (o in field) tally = { ...tally, [field[o as keyof typeof field]]: tally[field[o as keyof typeof field]] + 1 };
    }
    return tally;
  };

  it('equals the tally of every promise judged whole, for any history and any moment', () => {
    fc.assert(
      fc.property(fc.array(promiseArb, { maxLength: 30 }), fc.integer({ min: 0, max: 9 * 24 }), (promises, hour) => {
        const asOf = new Date(WEEK.start.getTime() + hour * HOUR);
        const renegotiated = promises.filter((p) => p.renegotiations.length > 0);
        expect(tallyFromCounts(countsByDueTime(promises, asOf), renegotiated, WEEK, asOf)).toEqual(tallyWeek(promises, WEEK, asOf));
      }),
      { numRuns: 300 },
    );
  });

  it('ignores renegotiated promises that moved no due time of the week (the day search finds a few extra)', () => {
    const elsewhere = move(due('2026-12-10T10:00:00Z'), '2026-12-02T09:00:00Z', '2026-12-12T10:00:00Z');
    expect(renegotiationsFrom(elsewhere, WEEK)).toEqual([]);
    expect(tallyFromCounts(EMPTY_TALLY, [elsewhere], WEEK, NOW)).toEqual(EMPTY_TALLY);
  });
});

describe("the team's week", () => {
  const WARSAW = { recap: { weekday: 5, minute: 15 * 60 }, timeZone: 'Europe/Warsaw' } as const;

  it('runs from one recap to the next, so the Home just before the recap shows the week the recap reports', () => {
    const recapAt = at('2026-12-04T14:00:00Z'); // Friday 15:00 in Warsaw
    const recapWeek = teamWeekEndingAt(recapAt, WARSAW);
    expect(recapWeek).toEqual({ key: '2026-W49', start: at('2026-11-27T14:00:00Z'), end: recapAt });
    expect(teamWeekAt(at('2026-12-04T13:59:00Z'), WARSAW)).toEqual(recapWeek);
    expect(teamWeekAt(at('2026-11-30T08:00:00Z'), WARSAW)).toEqual(recapWeek); // Monday morning: still since last Friday's recap
    expect(teamWeekAt(recapAt, WARSAW).start).toEqual(recapAt); // from the recap on, the next week
  });

  it('follows the wall clock across DST: 169 hours in the week clocks go back, 167 in the week they go forward', () => {
    const autumn = teamWeekEndingAt(at('2026-10-30T14:00:00Z'), WARSAW); // clocks went back on Sunday 25 October
    expect((autumn.end.getTime() - autumn.start.getTime()) / 3_600_000).toBe(169);
    const spring = teamWeekEndingAt(at('2026-04-03T13:00:00Z'), WARSAW); // clocks went forward on Sunday 29 March
    expect((spring.end.getTime() - spring.start.getTime()) / 3_600_000).toBe(167);
    expect(weeksUpTo(spring, 3, WARSAW).map((w) => w.key)).toEqual(['2026-W12', '2026-W13', '2026-W14']);
  });
});
