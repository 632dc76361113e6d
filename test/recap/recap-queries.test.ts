import { afterAll, describe, expect, it } from 'vitest';
import { type ClientPromise, cancelPromise, createPromise, markKept, renegotiate } from '../../src/promises/client-promise.js';
import { FirestorePromiseStore } from '../../src/promises/promise-store.js';
import { tallyWeek } from '../../src/promises/promise-week.js';
import { FirestoreRecapQueries } from '../../src/recap/recap-queries.js';
import { recapWeekEndingAt, recapWeeksUpTo } from '../../src/recap/recap-schedule.js';
import { keepingRate } from '../../src/recap/recap-stats.js';
import { createStory } from '../../src/stories/story.js';
import { FirestoreStoryStore } from '../../src/stories/story-store.js';
import { newTeamId, testDb } from '../support/test-db.js';

const db = testDb();
afterAll(() => db.terminate());
const promiseStore = new FirestorePromiseStore(db);
const storyStore = new FirestoreStoryStore(db);
const queries = new FirestoreRecapQueries(db);

const WARSAW = 'Europe/Warsaw';
const FRIDAY_1500 = { weekday: 5, minute: 900 } as const;
const at = (isoText: string) => new Date(isoText);
// The recap of Friday 4 Dec 2026, 15:00 in Warsaw: from 27 Nov 14:00 UTC to 4 Dec 14:00 UTC.
const W49 = recapWeekEndingAt(at('2026-12-04T14:00:00Z'), FRIDAY_1500, WARSAW);
const WEEKS = recapWeeksUpTo(W49, 2, FRIDAY_1500, WARSAW);

let counter = 0;
function promise(created: string, due: string): ClientPromise {
  const id = `p${++counter}`;
  return createPromise({ id, client: 'ACME', what: id, ownerId: 'UANA', ownerTimeZone: WARSAW, creatorId: 'UANA', dueAt: at(due) }, at(created));
}
const reneg = (p: ClientPromise, when: string, newDue: string, clientInformed = true) =>
  renegotiate(p, 'UANA', { newDueAt: at(newDue), reason: 'r', clientInformed }, at(when));

/** A fixed team history around the week, each promise with the outcome it is meant to count as. */
function fixture(): ClientPromise[] {
  const twice = reneg(
    reneg(promise('2026-11-01T10:00:00Z', '2026-11-26T10:00:00Z'), '2026-11-25T10:00:00Z', '2026-12-02T10:00:00Z'),
    '2026-12-01T10:00:00Z',
    '2026-12-09T10:00:00Z',
  );
  return [
    markKept(promise('2026-11-28T10:00:00Z', '2026-12-01T10:00:00Z'), 'UANA', at('2026-11-30T10:00:00Z')), // W49 kept on time, made
    markKept(promise('2026-11-28T11:00:00Z', '2026-12-01T10:00:00Z'), 'UANA', at('2026-12-02T10:00:00Z')), // W49 kept late, made
    promise('2026-11-25T10:00:00Z', '2026-12-02T10:00:00Z'), // W49 overdue and open (made in W48)
    reneg(promise('2026-11-29T10:00:00Z', '2026-12-03T10:00:00Z'), '2026-12-02T10:00:00Z', '2026-12-10T10:00:00Z'), // W49 renegotiated early, made
    reneg(promise('2026-11-20T10:00:00Z', '2026-11-30T10:00:00Z'), '2026-12-01T10:00:00Z', '2026-12-08T10:00:00Z'), // W49 renegotiated late
    reneg(promise('2026-11-29T11:00:00Z', '2026-12-03T10:00:00Z'), '2026-12-01T10:00:00Z', '2026-12-11T10:00:00Z', false), // W49 early, client not told
    cancelPromise(promise('2026-11-29T12:00:00Z', '2026-12-02T10:00:00Z'), 'UANA', at('2026-12-01T10:00:00Z')), // W49 cancelled, made
    promise('2026-11-10T10:00:00Z', '2026-11-24T10:00:00Z'), // W48 overdue, still open
    markKept(promise('2026-11-15T10:00:00Z', '2026-11-25T10:00:00Z'), 'UANA', at('2026-11-25T09:00:00Z')), // W48 kept on time
    promise('2026-12-01T10:00:00Z', '2026-12-05T10:00:00Z'), // made in W49, due after it: not counted as due
    promise('2026-12-04T15:00:00Z', '2026-12-20T10:00:00Z'), // made after the recap: next week's
    twice, // renegotiated early in W48 and again in W49
    // renegotiated early within W49 (1 Dec → 3 Dec), then kept on time: counted once, as kept on time
    markKept(
      reneg(promise('2026-11-28T12:00:00Z', '2026-12-01T10:00:00Z'), '2026-11-30T10:00:00Z', '2026-12-03T10:00:00Z'),
      'UANA',
      at('2026-12-02T10:00:00Z'),
    ),
    markKept(promise('2026-10-01T10:00:00Z', '2026-10-10T10:00:00Z'), 'UANA', at('2026-10-09T10:00:00Z')), // long before: nowhere
  ];
}

describe("the week's promise stats", () => {
  it('counts each outcome over a fixed data set, per recap week', async () => {
    const ws = { teamId: newTeamId() };
    for (const p of fixture()) await promiseStore.create(ws, p);
    const { week, history } = await queries.promises(ws, WEEKS);
    expect(week).toEqual({
      made: 7,
      keptOnTime: 2,
      keptLate: 1,
      overdueOpen: 1,
      renegotiatedEarly: 2,
      renegotiatedOther: 2,
      cancelled: 1,
      overdueOpenAll: 2,
    });
    expect(keepingRate(week)).toBeCloseTo(4 / 8);
    expect(history.map((h) => h.week.key)).toEqual(['2026-W48', '2026-W49']);
    expect(history[0]!.outcomes).toEqual({ keptOnTime: 1, keptLate: 0, overdueOpen: 1, renegotiatedEarly: 1, renegotiatedOther: 0, cancelled: 0 });
    expect(keepingRate(history[0]!.outcomes)).toBeCloseTo(2 / 3);
  });

  it('equals the tally of every promise judged whole, week by week', async () => {
    const ws = { teamId: newTeamId() };
    const all = fixture();
    for (const p of all) await promiseStore.create(ws, p);
    const { history } = await queries.promises(ws, WEEKS);
    for (const { week, outcomes } of history) expect(outcomes).toEqual(tallyWeek(all, week, week.end));
  });

  it('reports nothing for a workspace with no promises', async () => {
    const { week, history } = await queries.promises({ teamId: newTeamId() }, WEEKS);
    expect(week).toMatchObject({ made: 0, keptOnTime: 0, overdueOpenAll: 0 });
    expect(history.map((h) => keepingRate(h.outcomes))).toEqual([null, null]);
  });
});

describe("the week's stories", () => {
  const story = (id: string, told: string) => createStory({ id, authorId: 'UANA', featuredIds: ['UBEN'], what: id }, at(told));

  it('holds the stories told between two recaps', async () => {
    const ws = { teamId: newTeamId() };
    for (const s of [
      story('before', '2026-11-27T13:59:00Z'),
      story('first', '2026-11-27T14:00:00Z'),
      story('last', '2026-12-04T13:59:00Z'),
      story('after', '2026-12-04T14:00:00Z'),
    ]) {
      await storyStore.create(ws, s);
    }
    expect((await queries.stories(ws, W49)).map((s) => s.id).sort()).toEqual(['first', 'last']);
  });

  it('puts a story told at 23:30 on Sunday in Warsaw in the week it was told in (weeks ending Monday 00:00 team time)', async () => {
    const ws = { teamId: newTeamId() };
    await storyStore.create(ws, story('sunday', '2026-12-06T22:30:00Z')); // Sun 23:30 Warsaw
    await storyStore.create(ws, story('monday', '2026-12-06T23:30:00Z')); // Mon 00:30 Warsaw, still Sunday in UTC
    const monday = { weekday: 1, minute: 0 } as const;
    const warsawWeek = recapWeekEndingAt(at('2026-12-06T23:00:00Z'), monday, WARSAW);
    expect((await queries.stories(ws, warsawWeek)).map((s) => s.id)).toEqual(['sunday']);
    const utcWeek = recapWeekEndingAt(at('2026-12-07T00:00:00Z'), monday, 'UTC');
    expect((await queries.stories(ws, utcWeek)).map((s) => s.id).sort()).toEqual(['monday', 'sunday']);
  });
});
