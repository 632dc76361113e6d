import { describe, expect, it } from 'vitest';
import { type ClientPromise, createPromise } from '../../src/promises/client-promise.js';
import { planSteps, reminderPolicy, stepNotBefore } from '../../src/promises/promise-schedule.js';
import { DEFAULT_SETTINGS, type WorkspaceSettings } from '../../src/shared/workspace/workspace-settings.js';

const team: WorkspaceSettings = { ...DEFAULT_SETTINGS, timeZone: 'Europe/Warsaw' };

function promise(due: string, created = '2026-11-30T09:00:00Z'): ClientPromise {
  return createPromise(
    { id: 'p1', client: 'ACME', what: 'quote', ownerId: 'UO', ownerTimeZone: 'Europe/Warsaw', creatorId: 'UO', dueAt: new Date(due) },
    new Date(created),
  );
}

const at = (steps: ReturnType<typeof planSteps>, kind: string) => steps.filter((s) => s.kind === kind).map((s) => s.at.toISOString());

describe('days off in the plan', () => {
  // Wednesday 23 December 2026, 10:00 in Warsaw. 24–26 December are public holidays in Poland.
  const beforeChristmas = '2026-12-23T09:00:00Z';

  it('escalates a working day later past the public holidays of a Polish workspace, as over a weekend', () => {
    const polish = reminderPolicy({ ...team, language: 'pl' });
    expect(at(planSteps(promise(beforeChristmas), polish), 'escalate')).toEqual(['2026-12-28T09:00:00.000Z']); // Mon 28 Dec 10:00
    const english = reminderPolicy(team);
    expect(at(planSteps(promise(beforeChristmas), english), 'escalate')).toEqual(['2026-12-24T09:00:00.000Z']);
  });

  it('follows the chosen calendar rather than the language, and none when switched off', () => {
    expect(at(planSteps(promise(beforeChristmas), reminderPolicy({ ...team, holidays: 'PL' })), 'escalate')).toEqual(['2026-12-28T09:00:00.000Z']);
    expect(at(planSteps(promise(beforeChristmas), reminderPolicy({ ...team, language: 'pl', holidays: 'none' })), 'escalate')).toEqual([
      '2026-12-24T09:00:00.000Z',
    ]);
    // Germany (Bavaria): the 24th is a working day, the 25th and 26th are holidays.
    expect(at(planSteps(promise(beforeChristmas), reminderPolicy({ ...team, holidays: 'DE-BY' })), 'escalate')).toEqual(['2026-12-24T09:00:00.000Z']);
  });

  it('skips a company day off as a holiday', () => {
    const policy = reminderPolicy({ ...team, daysOff: ['2026-12-24'] });
    expect(at(planSteps(promise(beforeChristmas), policy), 'escalate')).toEqual(['2026-12-25T09:00:00.000Z']);
    const both = reminderPolicy({ ...team, daysOff: ['2026-12-24', '2026-12-25'] });
    expect(at(planSteps(promise(beforeChristmas), both), 'escalate')).toEqual(['2026-12-28T09:00:00.000Z']);
  });

  it('moves the day-before reminder off a holiday to the end of the last working day', () => {
    // Due Monday 28 December 10:00: a day before is Sunday; Thursday 24 and Friday 25 are holidays → Wednesday 23, 18:00.
    const steps = planSteps(promise('2026-12-28T09:00:00Z'), reminderPolicy({ ...team, language: 'pl' }));
    expect(at(steps, 'remind')).toEqual(['2026-12-23T17:00:00.000Z', '2026-12-28T08:00:00.000Z']);
  });

  it('holds the leads alert on a holiday until the next working morning', () => {
    const policy = reminderPolicy({ ...team, language: 'pl' });
    const alert = planSteps(promise('2026-12-24T09:00:00Z'), policy).find((s) => s.kind === 'alert')!;
    expect(stepNotBefore(alert, policy, { timeZone: 'Europe/Warsaw' })?.toISOString()).toBe('2026-12-28T08:00:00.000Z');
  });
});

describe("a person's own hours and absence in the plan", () => {
  const monThu = { days: [1, 2, 3, 4] as const, startMinute: 8 * 60, endMinute: 16 * 60 };

  it("plans the owner's reminders in their own hours, and the escalation in the team's", () => {
    // Due Monday 7 December 10:00: a day before is Sunday → Thursday 16:00 in their hours (Friday 18:00 in the team's).
    const steps = planSteps(promise('2026-12-07T09:00:00Z'), reminderPolicy(team, { hours: { ...monThu, days: [...monThu.days] } }));
    expect(at(steps, 'remind')).toEqual(['2026-12-03T15:00:00.000Z', '2026-12-07T08:00:00.000Z']);
    expect(at(steps, 'escalate')).toEqual(['2026-12-08T09:00:00.000Z']);
    expect(at(planSteps(promise('2026-12-07T09:00:00Z'), reminderPolicy(team)), 'remind')[0]).toBe('2026-12-04T17:00:00.000Z');
  });

  it("holds an away owner's reminders and due notice until their first working hour back, but not the leads' alert", () => {
    // Due Tuesday 8 December 15:00; away through Tuesday (back Wednesday 00:00 Warsaw).
    const away = { until: new Date('2026-12-08T23:00:00Z'), source: 'kept' as const };
    const steps = planSteps(promise('2026-12-08T14:00:00Z'), reminderPolicy(team, { away }));
    expect(at(steps, 'remind')).toEqual(['2026-12-09T08:00:00.000Z']); // both reminders land on Wednesday 09:00, once
    expect(at(steps, 'due')).toEqual(['2026-12-09T08:00:00.000Z']);
    expect(at(steps, 'alert')).toEqual(['2026-12-08T14:00:00.000Z']);
    expect(at(steps, 'escalate')).toEqual(['2026-12-09T14:00:00.000Z']);
  });

  it('changes nothing for an absence that ended before the reminders', () => {
    const away = { until: new Date('2026-12-01T23:00:00Z'), source: 'slack' as const };
    const withAway = planSteps(promise('2026-12-08T14:00:00Z'), reminderPolicy(team, { away }));
    expect(withAway).toEqual(planSteps(promise('2026-12-08T14:00:00Z'), reminderPolicy(team)));
  });
});
