import { describe, expect, it } from 'vitest';
import { acknowledge, postUpdate, recordClientUpdated, reopenIncident, resolveIncident } from '../../src/incidents/client-incident.js';
import { cadenceClockStart, cadenceWindows, clientUpdateDueAfter, nextClientUpdateDue } from '../../src/incidents/incident-cadence.js';
import { incidentMetrics, incidentStats, median } from '../../src/incidents/incident-metrics.js';
import { planIncidentSteps, withIncidentSchedule } from '../../src/incidents/incident-schedule.js';
import { anIncident, hours, minutes, POLICY, T0 } from './incident-fixtures.js';

const at = (iso: string) => new Date(iso);
const resolution = { note: 'fixed', clientConfirmed: true };

describe('when the client must next hear from us', () => {
  it('is 1 h after opening for sev1 and 4 h for sev2 by default', () => {
    expect(nextClientUpdateDue(anIncident({ severity: 'sev1' }), POLICY)).toEqual(hours(1));
    expect(nextClientUpdateDue(anIncident({ severity: 'sev2' }), POLICY)).toEqual(hours(4));
  });

  it('is one working day in the team time zone for sev3, across a weekend and a DST change', () => {
    // Tue 10:00 Warsaw → Wed 10:00 Warsaw.
    expect(clientUpdateDueAfter(T0, 'sev3', POLICY)).toEqual(at('2026-12-02T09:00:00Z'));
    // Fri 17:30 Warsaw → Mon 17:30 Warsaw.
    expect(clientUpdateDueAfter(at('2026-12-04T16:30:00Z'), 'sev3', POLICY)).toEqual(at('2026-12-07T16:30:00Z'));
    // Saturday → the next period starts Mon 09:00 → Tue 09:00 Warsaw.
    expect(clientUpdateDueAfter(at('2026-12-05T12:00:00Z'), 'sev3', POLICY)).toEqual(at('2026-12-08T08:00:00Z'));
    // Fri 27 March 2026 10:00 CET → Mon 30 March 10:00 CEST (the clocks moved on Sunday).
    expect(clientUpdateDueAfter(at('2026-03-27T09:00:00Z'), 'sev3', POLICY)).toEqual(at('2026-03-30T08:00:00Z'));
  });

  it('follows a workspace’s own cadence', () => {
    const policy = { ...POLICY, cadenceMinutes: { sev1: 30, sev2: null, sev3: 2880 } };
    expect(clientUpdateDueAfter(T0, 'sev1', policy)).toEqual(minutes(30));
    expect(clientUpdateDueAfter(T0, 'sev2', policy)).toEqual(at('2026-12-02T09:00:00Z'));
    expect(clientUpdateDueAfter(T0, 'sev3', policy)).toEqual(hours(48));
  });

  it('restarts when the client is updated, or told in an update, but not for an internal update', () => {
    const internal = postUpdate(anIncident({ severity: 'sev1' }), 'UANA', { text: 'digging', clientTold: false }, minutes(20));
    expect(cadenceClockStart(internal)).toEqual(T0);
    const told = postUpdate(internal, 'UANA', { text: 'rolled back', clientTold: true }, minutes(40));
    expect(nextClientUpdateDue(told, POLICY)).toEqual(minutes(100));
    const updated = recordClientUpdated(told, 'UANA', minutes(70));
    expect(nextClientUpdateDue(updated, POLICY)).toEqual(minutes(130));
  });

  it('is nothing once resolved, and starts again from a reopening', () => {
    const resolved = resolveIncident(anIncident({ severity: 'sev1' }), 'UOWNER', resolution, hours(1));
    expect(nextClientUpdateDue(resolved, POLICY)).toBeUndefined();
    expect(nextClientUpdateDue(reopenIncident(resolved, 'UANA', hours(5)), POLICY)).toEqual(hours(6));
  });
});

describe('the plan of cadence steps', () => {
  it('alerts the leads about an unacknowledged sev1 at 15 minutes, reminds the owner at the cadence and the leads at twice', () => {
    const steps = planIncidentSteps(anIncident({ severity: 'sev1' }), POLICY);
    expect(steps.map((s) => [s.kind, s.at])).toEqual([
      ['unacknowledged', minutes(15)],
      ['cadence_owner', hours(1)],
      ['cadence_leads', hours(2)],
    ]);
  });

  it('drops the unacknowledged alert once acknowledged, and sev2 never has one', () => {
    expect(planIncidentSteps(acknowledge(anIncident({ severity: 'sev1' }), 'UANA', minutes(3)), POLICY).map((s) => s.kind)).toEqual([
      'cadence_owner',
      'cadence_leads',
    ]);
    expect(planIncidentSteps(anIncident({ severity: 'sev2' }), POLICY).map((s) => s.kind)).toEqual(['cadence_owner', 'cadence_leads']);
  });

  it('gives each cadence window its own keys, and forgets the keys of windows gone by', () => {
    const first = withIncidentSchedule({ ...anIncident({ severity: 'sev2' }), stepsDone: [`cadence:${T0.getTime()}`] }, POLICY);
    expect(first.nextStepAt).toEqual(hours(8));
    const updated = withIncidentSchedule(recordClientUpdated(first, 'UOWNER', hours(5)), POLICY);
    expect(updated.stepsDone).toEqual([]);
    expect(planIncidentSteps(updated, POLICY).map((s) => s.key)).toEqual([`cadence:${hours(5).getTime()}`, `cadence2:${hours(5).getTime()}`]);
    expect(updated.nextStepAt).toEqual(hours(9));
  });

  it('plans nothing for a resolved incident', () => {
    const resolved = withIncidentSchedule(resolveIncident(anIncident(), 'UOWNER', resolution, hours(1)), POLICY);
    expect(resolved.nextStepAt).toBeNull();
  });
});

/** A sev1 on a fixed timeline: acknowledged at 10 min, client told at 50 min, silence, told again at 2 h 20, resolved at 3 h. */
function sev1Timeline() {
  let i = anIncident({ severity: 'sev1' });
  i = acknowledge(i, 'UOWNER', minutes(10));
  i = recordClientUpdated(i, 'UOWNER', minutes(50));
  i = postUpdate(i, 'UOWNER', { text: 'found it', clientTold: false }, minutes(90));
  i = postUpdate(i, 'UOWNER', { text: 'fix deployed', clientTold: true }, minutes(140));
  return resolveIncident(i, 'UOWNER', resolution, hours(3));
}

describe('metrics over a fixed timeline', () => {
  it('measures time to acknowledge, time to resolve, and client updates kept against those due', () => {
    const windows = cadenceWindows(sev1Timeline(), POLICY, hours(10));
    // Kept at 50 min; missed at 1 h 50 (due 1 h after 50 min); kept at 2 h 20 (within the window from 1 h 50).
    expect(windows).toEqual([
      { dueAt: hours(1), closedAt: minutes(50), kept: true },
      { dueAt: minutes(110), closedAt: minutes(110), kept: false },
      { dueAt: minutes(170), closedAt: minutes(140), kept: true },
    ]);
    expect(incidentMetrics(sev1Timeline(), POLICY, hours(10))).toEqual({
      timeToAcknowledgeMs: 10 * 60_000,
      timeToResolveMs: 3 * 3_600_000,
      updatesSent: 2,
      updatesDue: 3,
    });
  });

  it('counts an update at the due time itself as on time, and a window still running as neither', () => {
    const onTheDot = recordClientUpdated(anIncident({ severity: 'sev1' }), 'UOWNER', hours(1));
    expect(cadenceWindows(onTheDot, POLICY, minutes(61))).toEqual([{ dueAt: hours(1), closedAt: hours(1), kept: true }]);
    expect(cadenceWindows(anIncident({ severity: 'sev1' }), POLICY, minutes(59))).toEqual([]);
  });

  it('counts every window of a long silence while open, none while resolved, and starts again at a reopening', () => {
    const open = anIncident({ severity: 'sev1' });
    expect(incidentMetrics(open, POLICY, minutes(3 * 60 + 30))).toMatchObject({ updatesSent: 0, updatesDue: 3 });
    const resolvedEarly = resolveIncident(open, 'UOWNER', resolution, minutes(30));
    const reopened = reopenIncident(resolvedEarly, 'UOWNER', hours(10));
    expect(incidentMetrics(reopened, POLICY, minutes(11 * 60 + 30))).toMatchObject({ updatesSent: 0, updatesDue: 1 });
  });

  it('sums a range: opened and resolved in it, medians, and only the cadence windows that closed in it', () => {
    const fast = { ...resolveIncident(acknowledge(anIncident({ id: 'fast', severity: 'sev2' }), 'U1', minutes(2)), 'U1', resolution, hours(1)) };
    const slow = sev1Timeline();
    // Opened before the range, its one missed window (due 23:00) too; resolved inside it after 6 h.
    const older = resolveIncident(anIncident({ id: 'older', severity: 'sev2' }, at('2026-11-09T19:00:00Z')), 'U1', resolution, at('2026-11-10T01:00:00Z'));
    const stillOpen = anIncident({ id: 'open', severity: 'sev1' }, hours(20));
    const range = { from: at('2026-11-10T00:00:00Z'), to: minutes(21 * 60 + 30) };
    const stats = incidentStats([fast, { ...slow, id: 'slow' }, older, stillOpen, fast], POLICY, range);
    expect(stats).toMatchObject({ opened: 3, resolved: 3, open: 1 });
    expect(incidentMetrics(older, POLICY, range.to)).toMatchObject({ updatesDue: 1 });
    // Acknowledged after 2 min, 10 min; the open one not yet.
    expect(stats.medianAcknowledgeMs).toBe(6 * 60_000);
    // Resolved after 1 h, 3 h and 6 h.
    expect(stats.medianResolveMs).toBe(3 * 3_600_000);
    // slow: 2 of 3; the open sev1 (opened at 20 h) missed 1 by 21 h 30; older: nothing inside the range.
    expect(stats).toMatchObject({ updatesSent: 2, updatesDue: 4 });
  });

  it('takes the median of an even count as the mean of the middle two', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeUndefined();
  });
});
