import { describe, expect, it } from 'vitest';
import {
  type ClientPromise,
  canChangePromise,
  cancelPromise,
  createPromise,
  isOverdue,
  markKept,
  renegotiate,
  validateRenegotiation,
} from '../../src/promises/client-promise.js';
import { UserFacingError } from '../../src/shared/errors.js';

const created = new Date('2026-12-01T09:00:00Z');
const due = new Date('2026-12-04T14:00:00Z');

function aPromise(overrides: Partial<ClientPromise> = {}): ClientPromise {
  return {
    ...createPromise(
      { id: 'p1', client: ' ACME ', what: ' send the quote ', ownerId: 'UOWNER', ownerTimeZone: 'Europe/Warsaw', creatorId: 'UCREATOR', dueAt: due },
      created,
    ),
    ...overrides,
  };
}

const at = (iso: string) => new Date(iso);

describe('a new promise', () => {
  it('starts open with the due time in force equal to the original and trimmed text', () => {
    const p = aPromise();
    expect(p).toMatchObject({ status: 'open', client: 'ACME', what: 'send the quote', dueAt: due, originalDueAt: due, createdAt: created });
    expect(p.renegotiations).toEqual([]);
  });
});

describe('who may change a promise', () => {
  it('lets the owner, the creator and a lead change it, and nobody else', () => {
    const p = aPromise();
    expect(canChangePromise(p, 'UOWNER', [])).toBe(true);
    expect(canChangePromise(p, 'UCREATOR', [])).toBe(true);
    expect(canChangePromise(p, 'ULEAD', ['ULEAD'])).toBe(true);
    expect(canChangePromise(p, 'USTRANGER', ['ULEAD'])).toBe(false);
  });
});

describe('keeping a promise', () => {
  it('is on time when marked at or before the due time in force', () => {
    const kept = markKept(aPromise(), 'UOWNER', due);
    expect(kept.status).toBe('kept');
    expect(kept.outcome).toEqual({ kind: 'kept', at: due, by: 'UOWNER', onTime: true });
  });

  it('is late when marked after the due time', () => {
    const kept = markKept(aPromise(), 'UOWNER', at('2026-12-04T14:00:01Z'));
    expect(kept.outcome).toMatchObject({ kind: 'kept', onTime: false });
  });

  it('is judged against the renegotiated due time, not the original', () => {
    const moved = renegotiate(
      aPromise(),
      'UOWNER',
      { newDueAt: at('2026-12-10T10:00:00Z'), reason: 'waiting for data', clientInformed: true },
      at('2026-12-03T10:00:00Z'),
    );
    expect(markKept(moved, 'UOWNER', at('2026-12-08T10:00:00Z')).outcome).toMatchObject({ onTime: true });
  });

  it('changes nothing when clicked twice', () => {
    const once = markKept(aPromise(), 'UOWNER', due);
    expect(markKept(once, 'UOWNER', at('2026-12-09T00:00:00Z'))).toBe(once);
  });

  it('refuses a cancelled promise', () => {
    const cancelled = cancelPromise(aPromise(), 'UOWNER', created);
    expect(() => markKept(cancelled, 'UOWNER', due)).toThrow(UserFacingError);
  });
});

describe('renegotiating', () => {
  it('records an early renegotiation with the client informed, keeping the full history', () => {
    const first = renegotiate(
      aPromise(),
      'UOWNER',
      { newDueAt: at('2026-12-08T10:00:00Z'), reason: ' data late ', clientInformed: true },
      at('2026-12-03T10:00:00Z'),
    );
    const second = renegotiate(
      first,
      'ULEAD',
      { newDueAt: at('2026-12-12T10:00:00Z'), reason: 'scope grew', clientInformed: false },
      at('2026-12-09T10:00:00Z'),
    );
    expect(second.dueAt).toEqual(at('2026-12-12T10:00:00Z'));
    expect(second.originalDueAt).toEqual(due);
    expect(second.renegotiations).toEqual([
      {
        at: at('2026-12-03T10:00:00Z'),
        by: 'UOWNER',
        previousDueAt: due,
        newDueAt: at('2026-12-08T10:00:00Z'),
        reason: 'data late',
        clientInformed: true,
        early: true,
      },
      {
        at: at('2026-12-09T10:00:00Z'),
        by: 'ULEAD',
        previousDueAt: at('2026-12-08T10:00:00Z'),
        newDueAt: at('2026-12-12T10:00:00Z'),
        reason: 'scope grew',
        clientInformed: false,
        early: false,
      },
    ]);
  });

  it('rejects a new time in the past, an unchanged time and a missing reason', () => {
    const p = aPromise();
    const now = at('2026-12-02T10:00:00Z');
    expect(validateRenegotiation(p, { newDueAt: at('2026-12-01T10:00:00Z'), reason: 'x' }, now)).toEqual({ due: 'due_past' });
    expect(validateRenegotiation(p, { newDueAt: due, reason: 'x' }, now)).toEqual({ due: 'due_same' });
    expect(validateRenegotiation(p, { newDueAt: undefined, reason: '  ' }, now)).toEqual({ due: 'due_required', reason: 'reason_required' });
    expect(validateRenegotiation(p, { newDueAt: at('2026-12-06T10:00:00Z'), reason: 'ok' }, now)).toEqual({});
  });
});

describe('overdue', () => {
  it('is an open promise at or past its due time', () => {
    expect(isOverdue(aPromise(), at('2026-12-04T13:59:59Z'))).toBe(false);
    expect(isOverdue(aPromise(), due)).toBe(true);
    expect(isOverdue(markKept(aPromise(), 'UOWNER', created), at('2026-12-09T00:00:00Z'))).toBe(false);
  });
});
