// The smaller rules of a promise's life, each of which a user would notice if it broke: snoozes, cancelling,
// reassigning, who may change it, and where reminders land against working hours and the due time.
import { describe, expect, it } from 'vitest';
import {
  assertCanChange,
  byUrgency,
  type ClientPromise,
  cancelPromise,
  canSnooze,
  createPromise,
  isNominatable,
  isOverdue,
  markKept,
  normalizeClientKey,
  reassign,
  renegotiate,
  scheduledFrom,
  snooze,
  validateRenegotiation,
} from '../../src/promises/client-promise.js';
import { nextStepTime, pendingSteps, planSteps, type ReminderPolicy, reminderPolicy, withSchedule } from '../../src/promises/promise-schedule.js';
import { UserFacingError } from '../../src/shared/errors.js';
import { DEFAULT_SETTINGS, type WorkingHours } from '../../src/shared/workspace/workspace-settings.js';

const created = new Date('2026-12-01T09:00:00Z');
const due = new Date('2026-12-04T14:00:00Z');
const at = (iso: string) => new Date(iso);
const WEEKDAYS: WorkingHours = { days: [1, 2, 3, 4, 5], startMinute: 9 * 60, endMinute: 18 * 60 };
const policy: ReminderPolicy = { reminderLeadMinutes: [24 * 60, 60], workingHours: WEEKDAYS, teamTimeZone: 'Europe/Warsaw' };

function aPromise(overrides: Partial<ClientPromise> = {}, dueAt = due): ClientPromise {
  return {
    ...createPromise(
      { id: 'p1', client: 'ACME', what: 'send the quote', ownerId: 'UOWNER', ownerTimeZone: 'Europe/Warsaw', creatorId: 'UCREATOR', dueAt, channelId: 'C1' },
      created,
    ),
    ...overrides,
  };
}

const errorKey = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error instanceof UserFacingError ? error.key : String(error);
  }
  return 'no error';
};

describe('a new promise', () => {
  it('has nothing done or planned yet, and keeps the link to the message it came from when there is one', () => {
    const p = aPromise();
    expect(p).toMatchObject({ stepsDone: [], nextStepAt: null, channelId: 'C1' });
    expect(p).not.toHaveProperty('permalink');
    const linked = createPromise(
      {
        id: 'p2',
        client: 'ACME',
        what: 'x',
        ownerId: 'U',
        ownerTimeZone: 'UTC',
        creatorId: 'U',
        dueAt: due,
        permalink: 'https://acme.slack.com/archives/C1/p1',
      },
      created,
    );
    expect(linked.permalink).toBe('https://acme.slack.com/archives/C1/p1');
  });

  it('plans from its last renegotiation, not an earlier one', () => {
    const first = renegotiate(aPromise(), 'UOWNER', { newDueAt: at('2026-12-08T10:00:00Z'), reason: 'a', clientInformed: true }, at('2026-12-02T10:00:00Z'));
    const second = renegotiate(first, 'UOWNER', { newDueAt: at('2026-12-09T10:00:00Z'), reason: 'b', clientInformed: true }, at('2026-12-03T10:00:00Z'));
    const third = renegotiate(second, 'UOWNER', { newDueAt: at('2026-12-10T10:00:00Z'), reason: 'c', clientInformed: true }, at('2026-12-04T10:00:00Z'));
    expect(scheduledFrom(third)).toEqual(at('2026-12-04T10:00:00Z'));
    expect(scheduledFrom(aPromise())).toEqual(created);
  });
});

describe('snoozing', () => {
  it('moves the one-off reminder an hour from now, and a second snooze replaces the first', () => {
    const once = snooze(aPromise(), at('2026-12-02T10:00:00Z'));
    expect(once.snoozedUntil).toEqual(at('2026-12-02T11:00:00Z'));
    const twice = snooze(once, at('2026-12-02T10:30:00Z'));
    expect(twice.snoozedUntil).toEqual(at('2026-12-02T11:30:00Z'));
    expect(
      planSteps(twice, policy)
        .filter((s) => s.kind === 'snooze')
        .map((s) => s.at),
    ).toEqual([at('2026-12-02T11:30:00Z')]);
  });

  it('sends a second snooze even after the first one went out', () => {
    const first = withSchedule(snooze(aPromise(), at('2026-12-02T10:00:00Z')), policy);
    const firstStep = pendingSteps(first, policy).find((s) => s.kind === 'snooze')!;
    const sent = withSchedule({ ...first, stepsDone: [...first.stepsDone, firstStep.key] }, policy);
    const again = withSchedule(snooze(sent, at('2026-12-02T11:05:00Z')), policy);
    const pendingSnoozes = pendingSteps(again, policy).filter((s) => s.kind === 'snooze');
    expect(pendingSnoozes.map((s) => s.at)).toEqual([at('2026-12-02T12:05:00Z')]);
    expect(again.nextStepAt).toEqual(at('2026-12-02T12:05:00Z'));
  });

  it('is refused in the last hour before the due time, and on a promise no longer open', () => {
    expect(canSnooze(aPromise(), at('2026-12-04T12:59:59Z'))).toBe(true);
    expect(canSnooze(aPromise(), at('2026-12-04T13:00:00Z'))).toBe(false);
    expect(errorKey(() => snooze(aPromise(), at('2026-12-04T13:30:00Z')))).toBe('promise_snooze_past_due');
    const kept = markKept(aPromise(), 'UOWNER', at('2026-12-02T10:00:00Z'));
    expect(canSnooze(kept, at('2026-12-02T10:00:00Z'))).toBe(false);
    expect(errorKey(() => snooze(kept, at('2026-12-02T10:00:00Z')))).toBe('promise_closed_kept');
  });

  it('is forgotten by a renegotiation, which plans afresh', () => {
    const snoozed = snooze(aPromise(), at('2026-12-02T10:00:00Z'));
    const moved = renegotiate(snoozed, 'UOWNER', { newDueAt: at('2026-12-10T10:00:00Z'), reason: 'later', clientInformed: false }, at('2026-12-03T10:00:00Z'));
    expect(moved.snoozedUntil).toBeUndefined();
    expect(scheduledFrom(moved)).toEqual(at('2026-12-03T10:00:00Z'));
    expect(moved.renegotiations[0]).toMatchObject({ early: true, clientInformed: false, previousDueAt: due, reason: 'later' });
  });
});

describe('cancelling', () => {
  it('records who cancelled and when; a second cancel changes nothing; a kept promise cannot be cancelled', () => {
    const cancelled = cancelPromise(aPromise(), 'ULEAD', at('2026-12-02T10:00:00Z'));
    expect(cancelled).toMatchObject({ status: 'cancelled', outcome: { kind: 'cancelled', by: 'ULEAD', at: at('2026-12-02T10:00:00Z') } });
    expect(cancelPromise(cancelled, 'UOWNER', at('2026-12-03T10:00:00Z'))).toBe(cancelled);
    const kept = markKept(aPromise(), 'UOWNER', at('2026-12-02T10:00:00Z'));
    expect(errorKey(() => cancelPromise(kept, 'UOWNER', at('2026-12-03T10:00:00Z')))).toBe('promise_closed_kept');
    expect(errorKey(() => renegotiate(cancelled, 'UOWNER', { newDueAt: at('2026-12-10T10:00:00Z'), reason: 'x', clientInformed: true }, created))).toBe(
      'promise_closed_cancelled',
    );
  });

  it('leaves nothing planned, and only a kept promise may become a story', () => {
    const cancelled = cancelPromise(aPromise(), 'UOWNER', created);
    expect(withSchedule(cancelled, policy).nextStepAt).toBeNull();
    expect(isNominatable(cancelled)).toBe(false);
    expect(isNominatable(aPromise())).toBe(false);
    expect(isNominatable(markKept(aPromise(), 'UOWNER', created))).toBe(true);
  });
});

describe('reassigning and who may change it', () => {
  it('gives the promise a new owner and their time zone; the same owner changes nothing; a closed one is refused', () => {
    const p = aPromise();
    expect(reassign(p, 'UBEN', 'America/New_York')).toMatchObject({ ownerId: 'UBEN', ownerTimeZone: 'America/New_York' });
    expect(reassign(p, 'UOWNER', 'Asia/Tokyo')).toBe(p);
    expect(errorKey(() => reassign(cancelPromise(p, 'UOWNER', created), 'UBEN', 'UTC'))).toBe('promise_closed_cancelled');
  });

  it('refuses a change by anyone but the owner, the creator or a lead', () => {
    expect(errorKey(() => assertCanChange(aPromise(), 'USTRANGER', ['ULEAD']))).toBe('promise_not_allowed');
    expect(errorKey(() => assertCanChange(aPromise(), 'ULEAD', ['ULEAD']))).toBe('no error');
  });
});

describe('renegotiation requests', () => {
  it('need a new time after now and unlike the current one, and a reason within the limit', () => {
    const now = at('2026-12-02T10:00:00Z');
    expect(validateRenegotiation(aPromise(), { newDueAt: undefined, reason: 'x' }, now)).toEqual({ due: 'due_required' });
    expect(validateRenegotiation(aPromise(), { newDueAt: now, reason: 'x' }, now)).toEqual({ due: 'due_past' });
    expect(validateRenegotiation(aPromise(), { newDueAt: due, reason: 'x' }, now)).toEqual({ due: 'due_same' });
    expect(validateRenegotiation(aPromise(), { newDueAt: at('2026-12-05T10:00:00Z'), reason: '   ' }, now)).toEqual({ reason: 'reason_required' });
    expect(validateRenegotiation(aPromise(), { newDueAt: at('2026-12-05T10:00:00Z'), reason: 'r'.repeat(501) }, now)).toEqual({ reason: 'reason_too_long' });
    expect(validateRenegotiation(aPromise(), { newDueAt: at('2026-12-05T10:00:00Z'), reason: ` ${'r'.repeat(500)} ` }, now)).toEqual({});
  });

  it('made at or after the due time are not early', () => {
    const late = renegotiate(aPromise(), 'UOWNER', { newDueAt: at('2026-12-10T10:00:00Z'), reason: 'late', clientInformed: true }, due);
    expect(late.renegotiations[0]!.early).toBe(false);
  });
});

describe('ordering and naming', () => {
  it('lists the soonest due first, and matches clients whatever their case and spacing', () => {
    const a = aPromise({}, at('2026-12-05T10:00:00Z'));
    const b = aPromise({}, at('2026-12-03T10:00:00Z'));
    expect([a, b].sort(byUrgency)).toEqual([b, a]);
    expect(normalizeClientKey('  Acme   Corp ')).toBe('acme corp');
    expect(isOverdue(aPromise(), due)).toBe(true);
    expect(isOverdue(aPromise(), at('2026-12-04T13:59:59Z'))).toBe(false);
    expect(isOverdue(markKept(aPromise(), 'UOWNER', created), at('2026-12-09T00:00:00Z'))).toBe(false);
  });
});

describe('where reminders land', () => {
  it('never after the due time: a reminder that working hours would push past it goes at its own moment', () => {
    // Due Tuesday 8 December 08:30 Warsaw, 30 minutes before work starts: the hour-before reminder (07:30) would move
    // back to Monday 18:00, which is before the due time; a reminder at 08:20 (10 min before) moves back too.
    const p = aPromise({}, at('2026-12-08T07:30:00Z'));
    const steps = planSteps(p, { ...policy, reminderLeadMinutes: [10] });
    expect(steps.find((s) => s.kind === 'remind')?.at).toEqual(at('2026-12-07T17:00:00Z'));
    // With no working days at all, the reminder keeps its own moment.
    const none = planSteps(p, { ...policy, workingHours: { days: [], startMinute: 540, endMinute: 1080 }, reminderLeadMinutes: [60] });
    expect(none.find((s) => s.kind === 'remind')?.at).toEqual(at('2026-12-08T06:30:00Z'));
    // No working days: the escalation comes a calendar day later.
    expect(none.find((s) => s.kind === 'escalate')?.at).toEqual(at('2026-12-09T07:30:00Z'));
  });

  it('ignores zero and repeated lead times, and sends a reminder planned exactly at the logging moment', () => {
    const p = aPromise({}, at('2026-12-03T14:00:00Z'));
    const steps = planSteps({ ...p, createdAt: at('2026-12-03T13:00:00Z') }, { ...policy, reminderLeadMinutes: [0, 60, 60, -5] });
    expect(steps.filter((s) => s.kind === 'remind').map((s) => [s.key, s.at.toISOString()])).toEqual([
      [`remind60:${at('2026-12-03T14:00:00Z').getTime()}`, '2026-12-03T13:00:00.000Z'],
    ]);
  });

  it('drops a snooze that would come at or after the due time, and keeps every step in time order', () => {
    const p = aPromise({ snoozedUntil: due });
    expect(planSteps(p, policy).map((s) => s.kind)).toEqual(['remind', 'remind', 'due', 'alert', 'escalate']);
    const times = planSteps(aPromise({ snoozedUntil: at('2026-12-04T13:30:00Z') }), policy).map((s) => s.at.getTime());
    expect(times).toEqual([...times].sort((x, y) => x - y));
  });

  it('looks next at the earliest step not done, and at nothing once every step is done', () => {
    const p = withSchedule(aPromise(), policy);
    const all = pendingSteps(p, policy);
    expect(p.nextStepAt).toEqual(all[0]!.at);
    expect(nextStepTime({ ...p, stepsDone: all.map((s) => s.key) }, policy)).toBeNull();
    expect(withSchedule({ ...p, stepsDone: [all[0]!.key, 'remind60:1'] }, policy).stepsDone).toEqual([all[0]!.key]);
  });

  it('reads the lead times, hours and zone from the workspace settings', () => {
    expect(reminderPolicy({ ...DEFAULT_SETTINGS, timeZone: 'Asia/Tokyo' })).toEqual({
      reminderLeadMinutes: DEFAULT_SETTINGS.reminderLeadMinutes,
      workingHours: DEFAULT_SETTINGS.workingHours,
      teamTimeZone: 'Asia/Tokyo',
    });
  });
});
