import { describe, expect, it } from 'vitest';
import { type ClientPromise, cancelPromise, createPromise, markKept, renegotiate } from '../../src/promises/client-promise.js';
import { onTimeRate, weekOutcome } from '../../src/promises/promise-week.js';

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
const move = (p: ClientPromise, when: string, to: string) => renegotiate(p, 'U1', { newDueAt: at(to), reason: 'r', clientInformed: true }, at(when));

describe('how a promise did in a week', () => {
  it.each([
    ['kept on time by a due time in the week', markKept(due('2026-12-01T10:00:00Z'), 'U1', at('2026-12-01T09:00:00Z')), 'good'],
    ['kept late', markKept(due('2026-12-01T10:00:00Z'), 'U1', at('2026-12-02T09:00:00Z')), 'bad'],
    ['still open past its due time', due('2026-12-02T10:00:00Z'), 'bad'],
    ['open and not due yet', due('2026-12-05T10:00:00Z'), 'none'],
    ['kept early, before a due time later this week', markKept(due('2026-12-05T10:00:00Z'), 'U1', at('2026-12-02T09:00:00Z')), 'good'],
    ['cancelled', cancelPromise(due('2026-12-01T10:00:00Z'), 'U1', at('2026-12-01T09:00:00Z')), 'none'],
    ['renegotiated early from this week to the next', move(due('2026-12-02T10:00:00Z'), '2026-12-01T09:00:00Z', '2026-12-09T10:00:00Z'), 'good'],
    ['renegotiated only after its due time had passed', move(due('2026-12-01T10:00:00Z'), '2026-12-02T09:00:00Z', '2026-12-09T10:00:00Z'), 'bad'],
    ['due last week', due('2026-11-27T10:00:00Z'), 'none'],
    ['due next week', due('2026-12-08T10:00:00Z'), 'none'],
  ] as const)('%s → %s', (_name, promise, expected) => {
    expect(weekOutcome(promise, WEEK, NOW)).toBe(expected);
  });

  it('counts a promise moved early from last week into this one by how it does this week', () => {
    const moved = move(due('2026-11-27T10:00:00Z'), '2026-11-26T09:00:00Z', '2026-12-01T10:00:00Z');
    expect(weekOutcome(moved, WEEK, NOW)).toBe('bad');
    expect(weekOutcome(markKept(moved, 'U1', at('2026-12-01T09:00:00Z')), WEEK, NOW)).toBe('good');
  });
});

describe('the on-time rate of a week', () => {
  it('is kept on time plus renegotiated early, over all that came due, each promise once', () => {
    const good = markKept(due('2026-12-01T10:00:00Z'), 'U1', at('2026-12-01T09:00:00Z'));
    const early = move(due('2026-12-02T10:00:00Z'), '2026-12-01T09:00:00Z', '2026-12-09T10:00:00Z');
    const late = due('2026-12-02T10:00:00Z');
    const notYet = due('2026-12-05T10:00:00Z');
    expect(onTimeRate([good, early, late, notYet, good], WEEK, NOW)).toEqual({ good: 2, due: 3, rate: 2 / 3 });
  });

  it('has no rate when nothing came due', () => {
    expect(onTimeRate([due('2026-12-05T10:00:00Z')], WEEK, NOW)).toEqual({ good: 0, due: 0, rate: null });
  });
});
