import { describe, expect, it } from 'vitest';
import {
  acknowledge,
  byUrgency,
  canManageIncident,
  postUpdate,
  reassignIncident,
  recordClientUpdated,
  reopenIncident,
  resolveIncident,
} from '../../src/incidents/client-incident.js';
import { UserFacingError } from '../../src/shared/errors.js';
import { anIncident, hours, minutes, T0 } from './incident-fixtures.js';

const person = (id: string, role: { isAdmin?: boolean; isOwner?: boolean } = {}) => ({ id, isAdmin: role.isAdmin ?? false, isOwner: role.isOwner ?? false });
const resolution = { note: 'rolled back the deploy', clientConfirmed: true };

describe('a new incident', () => {
  it('starts open, trimmed, with the opening on its timeline', () => {
    const i = anIncident();
    expect(i).toMatchObject({ status: 'open', client: 'ACME', title: 'checkout returns 500', createdAt: T0, severity: 'sev2' });
    expect(i.timeline).toEqual([{ kind: 'opened', at: T0, by: 'UREPORTER' }]);
  });
});

describe('the lifecycle', () => {
  it('goes open → acknowledged → resolved, and a second acknowledgement changes nothing', () => {
    const acked = acknowledge(anIncident(), 'UANA', minutes(7));
    expect(acked).toMatchObject({ status: 'acknowledged', acknowledgedAt: minutes(7) });
    expect(acknowledge(acked, 'UBEN', minutes(9))).toBe(acked);
    const resolved = resolveIncident(acked, 'UOWNER', resolution, hours(3));
    expect(resolved).toMatchObject({ status: 'resolved', resolvedAt: hours(3), acknowledgedAt: minutes(7) });
    expect(resolved.timeline.map((e) => e.kind)).toEqual(['opened', 'acknowledged', 'resolved']);
  });

  it('counts an update or a client update on an unacknowledged incident as its acknowledgement', () => {
    const updated = postUpdate(anIncident(), 'UANA', { text: 'looking into it', clientTold: false }, minutes(4));
    expect(updated).toMatchObject({ status: 'acknowledged', acknowledgedAt: minutes(4) });
    expect(updated.timeline.map((e) => e.kind)).toEqual(['opened', 'acknowledged', 'update']);
    expect(recordClientUpdated(anIncident(), 'UANA', minutes(5)).acknowledgedAt).toEqual(minutes(5));
  });

  it('takes a second "Client updated" within a minute as a double click, a later one as news', () => {
    const once = recordClientUpdated(anIncident(), 'UANA', minutes(5));
    expect(recordClientUpdated(once, 'UBEN', minutes(5.5))).toBe(once);
    expect(recordClientUpdated(once, 'UANA', minutes(6)).timeline.filter((e) => e.kind === 'client_updated')).toHaveLength(2);
  });

  it('takes a resolution without an acknowledgement as the first response', () => {
    expect(resolveIncident(anIncident(), 'UOWNER', resolution, hours(1))).toMatchObject({ acknowledgedAt: hours(1), resolvedAt: hours(1) });
  });

  it('reopens a resolved incident as acknowledged, keeping the first acknowledgement and clearing the resolution', () => {
    const resolved = resolveIncident(acknowledge(anIncident(), 'UANA', minutes(5)), 'UOWNER', resolution, hours(2));
    const reopened = reopenIncident(resolved, 'UBEN', hours(5));
    expect(reopened).toMatchObject({ status: 'acknowledged', acknowledgedAt: minutes(5), resolvedAt: undefined });
    expect(reopened.timeline.at(-1)).toEqual({ kind: 'reopened', at: hours(5), by: 'UBEN' });
    expect(reopenIncident(reopened, 'UBEN', hours(6))).toBe(reopened);
    expect(resolveIncident(reopened, 'UOWNER', resolution, hours(7)).resolvedAt).toEqual(hours(7));
  });

  it('refuses updates, client updates and reassignment once resolved, and a resolution without a note', () => {
    const resolved = resolveIncident(anIncident(), 'UOWNER', resolution, hours(1));
    for (const change of [
      () => postUpdate(resolved, 'UANA', { text: 'x', clientTold: true }, hours(2)),
      () => recordClientUpdated(resolved, 'UANA', hours(2)),
      () => reassignIncident(resolved, 'UANA', { id: 'UBEN', timeZone: 'UTC' }, hours(2)),
    ]) {
      expect(change).toThrow(new UserFacingError('incident_resolved'));
    }
    expect(() => resolveIncident(anIncident(), 'UOWNER', { note: '  ', clientConfirmed: false }, hours(1))).toThrow(UserFacingError);
  });

  it('records a reassignment with who handed it to whom, and the new owner’s time zone', () => {
    const moved = reassignIncident(anIncident(), 'ULEAD', { id: 'UBEN', timeZone: 'America/New_York' }, minutes(30));
    expect(moved).toMatchObject({ ownerId: 'UBEN', ownerTimeZone: 'America/New_York' });
    expect(moved.timeline.at(-1)).toEqual({ kind: 'reassigned', at: minutes(30), by: 'ULEAD', from: 'UOWNER', to: 'UBEN' });
  });
});

describe('who may resolve or reassign', () => {
  it('is the owner, a lead, a workspace admin or owner, and nobody else (not even the reporter)', () => {
    const i = anIncident();
    expect(canManageIncident(i, person('UOWNER'), [])).toBe(true);
    expect(canManageIncident(i, person('ULEAD'), ['ULEAD'])).toBe(true);
    expect(canManageIncident(i, person('UADMIN', { isAdmin: true }), [])).toBe(true);
    expect(canManageIncident(i, person('UWSOWNER', { isOwner: true }), [])).toBe(true);
    expect(canManageIncident(i, person('UREPORTER'), ['ULEAD'])).toBe(false);
    expect(canManageIncident(i, person('USTRANGER'), ['ULEAD'])).toBe(false);
  });
});

describe('ordering', () => {
  it('puts the worst first, then the oldest', () => {
    const list = [
      anIncident({ id: 'a', severity: 'sev3' }, T0),
      anIncident({ id: 'b', severity: 'sev1' }, hours(2)),
      anIncident({ id: 'c', severity: 'sev2' }, T0),
      anIncident({ id: 'd', severity: 'sev1' }, hours(1)),
    ];
    expect(list.sort(byUrgency).map((i) => i.id)).toEqual(['d', 'b', 'c', 'a']);
  });
});
