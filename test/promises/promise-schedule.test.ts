import { describe, expect, it } from 'vitest';
import { type ClientPromise, createPromise, markKept, renegotiate, snooze } from '../../src/promises/client-promise.js';
import { planSteps, type ReminderPolicy, withSchedule } from '../../src/promises/promise-schedule.js';

const policy: ReminderPolicy = {
  reminderLeadMinutes: [24 * 60, 60],
  workingHours: { days: [1, 2, 3, 4, 5], startMinute: 9 * 60, endMinute: 18 * 60 },
  teamTimeZone: 'Europe/Warsaw',
};

function promise(due: string, created: string, ownerTimeZone = 'Europe/Warsaw'): ClientPromise {
  return createPromise({ id: 'p1', client: 'ACME', what: 'quote', ownerId: 'UO', ownerTimeZone, creatorId: 'UO', dueAt: new Date(due) }, new Date(created));
}

const plan = (p: ClientPromise, pol = policy) => planSteps(p, pol).map((s) => [s.kind, s.at.toISOString(), s.leadMinutes ?? null]);

describe('planning reminders and alerts', () => {
  it('reminds a day and an hour before, tells the owner at the due time, alerts the leads then and a working day later', () => {
    // Due Thursday 3 December, 15:00 in Warsaw (14:00 UTC).
    expect(plan(promise('2026-12-03T14:00:00Z', '2026-11-30T09:00:00Z'))).toEqual([
      ['remind', '2026-12-02T14:00:00.000Z', 1440],
      ['remind', '2026-12-03T13:00:00.000Z', 60],
      ['due', '2026-12-03T14:00:00.000Z', null],
      ['alert', '2026-12-03T14:00:00.000Z', null],
      ['escalate', '2026-12-04T14:00:00.000Z', null],
    ]);
  });

  it('moves a reminder that falls outside working hours back to the end of the previous working day, sent once', () => {
    // Due Monday 7 December 08:00 Warsaw: a day before is Sunday, an hour before is 07:00; both go to Friday 18:00.
    expect(plan(promise('2026-12-07T07:00:00Z', '2026-11-30T09:00:00Z')).filter(([kind]) => kind === 'remind')).toEqual([
      ['remind', '2026-12-04T17:00:00.000Z', 60],
    ]);
  });

  it('skips a reminder whose moment had passed when the promise was logged, rather than sending it late', () => {
    const steps = plan(promise('2026-12-03T14:00:00Z', '2026-12-02T20:00:00Z')).filter(([kind]) => kind === 'remind');
    expect(steps).toEqual([['remind', '2026-12-03T13:00:00.000Z', 60]]);
  });

  it("uses the owner's own time zone, across the end of daylight saving time", () => {
    // Owner in New York; due Monday 2 November 2026 10:00 EST (15:00 UTC), the day after clocks went back.
    // A day before is Sunday: the reminder moves to Friday 30 October 18:00 EDT (22:00 UTC).
    const steps = plan(promise('2026-11-02T15:00:00Z', '2026-10-26T12:00:00Z', 'America/New_York')).filter(([kind]) => kind === 'remind');
    expect(steps).toEqual([
      ['remind', '2026-10-30T22:00:00.000Z', 1440],
      ['remind', '2026-11-02T14:00:00.000Z', 60],
    ]);
  });

  it('escalates one working day after the due time in the team time zone, over a weekend', () => {
    // Due Friday 4 December 17:00 Warsaw: escalation on Monday 17:00 Warsaw.
    const escalate = planSteps(promise('2026-12-04T16:00:00Z', '2026-11-30T09:00:00Z'), policy).find((s) => s.kind === 'escalate');
    expect(escalate?.at.toISOString()).toBe('2026-12-07T16:00:00.000Z');
  });

  it('adds a one-off step for a snooze, and starts a fresh plan after a renegotiation', () => {
    const p = promise('2026-12-03T14:00:00Z', '2026-11-30T09:00:00Z');
    const snoozed = snooze(p, new Date('2026-12-02T14:05:00Z'));
    expect(plan(snoozed)).toContainEqual(['snooze', '2026-12-02T15:05:00.000Z', null]);
    const moved = renegotiate(
      snoozed,
      'UO',
      { newDueAt: new Date('2026-12-10T14:00:00Z'), reason: 'r', clientInformed: true },
      new Date('2026-12-03T10:00:00Z'),
    );
    const keys = planSteps(moved, policy).map((s) => s.key);
    expect(keys.every((key) => key.endsWith(String(new Date('2026-12-10T14:00:00Z').getTime())))).toBe(true);
    expect(keys.some((key) => key.startsWith('snooze'))).toBe(false);
  });

  it('plans nothing for a promise that is no longer open', () => {
    expect(planSteps(markKept(promise('2026-12-03T14:00:00Z', '2026-11-30T09:00:00Z'), 'UO', new Date('2026-12-01T00:00:00Z')), policy)).toEqual([]);
  });
});

describe('the next step time', () => {
  it('is the earliest step not yet done, and none once the promise is closed', () => {
    const p = withSchedule(promise('2026-12-03T14:00:00Z', '2026-11-30T09:00:00Z'), policy);
    expect(p.nextStepAt?.toISOString()).toBe('2026-12-02T14:00:00.000Z');
    const afterFirst = withSchedule({ ...p, stepsDone: [planSteps(p, policy)[0]!.key] }, policy);
    expect(afterFirst.nextStepAt?.toISOString()).toBe('2026-12-03T13:00:00.000Z');
    expect(withSchedule(markKept(p, 'UO', new Date('2026-12-01T00:00:00Z')), policy).nextStepAt).toBeNull();
  });

  it('forgets steps of an earlier due time after a renegotiation', () => {
    const p = withSchedule(promise('2026-12-03T14:00:00Z', '2026-11-30T09:00:00Z'), policy);
    const done = withSchedule(
      {
        ...p,
        stepsDone: planSteps(p, policy)
          .slice(0, 1)
          .map((s) => s.key),
      },
      policy,
    );
    const moved = withSchedule(
      renegotiate(done, 'UO', { newDueAt: new Date('2026-12-10T14:00:00Z'), reason: 'r', clientInformed: true }, new Date('2026-12-03T10:00:00Z')),
      policy,
    );
    expect(moved.stepsDone).toEqual([]);
    expect(moved.nextStepAt?.toISOString()).toBe('2026-12-09T14:00:00.000Z');
  });
});
