// Cadence windows at their edges: entries listed out of order or after `now`, an update exactly at `now`, a silence
// long enough to hit the window guard, a week without working hours, and the workspace's own policy.
import { describe, expect, it } from 'vitest';
import { postUpdate, recordClientUpdated } from '../../src/incidents/client-incident.js';
import {
  type CadencePolicy,
  cadenceClockStart,
  cadencePolicy,
  cadenceWindows,
  clientUpdateDueAfter,
  lastClientUpdateAt,
} from '../../src/incidents/incident-cadence.js';
import { DEFAULT_SETTINGS } from '../../src/shared/workspace/workspace-settings.js';
import { anIncident, hours, minutes, POLICY, T0 } from './incident-fixtures.js';

describe('cadence windows', () => {
  it('are the same whatever order the timeline lists its entries in', () => {
    let i = anIncident({ severity: 'sev1' });
    i = recordClientUpdated(i, 'UOWNER', minutes(50));
    i = postUpdate(i, 'UOWNER', { text: 'fix deployed', clientTold: true }, minutes(140));
    const shuffled = { ...i, timeline: [...i.timeline].reverse() };
    expect(cadenceWindows(shuffled, POLICY, hours(3))).toEqual(cadenceWindows(i, POLICY, hours(3)));
    expect(cadenceWindows(shuffled, POLICY, hours(3)).map((w) => w.kept)).toEqual([true, false, true]);
  });

  it('count an update made exactly at `now`, and ignore entries after it', () => {
    const i = recordClientUpdated(anIncident({ severity: 'sev1' }), 'UOWNER', minutes(30));
    expect(cadenceWindows(i, POLICY, minutes(30))).toEqual([{ dueAt: hours(1), closedAt: minutes(30), kept: true }]);
    expect(cadenceWindows(i, POLICY, minutes(29))).toEqual([]);
    const later = recordClientUpdated(anIncident({ severity: 'sev1' }), 'UOWNER', hours(5));
    // At 2 h 30 the update at 5 h has not happened: two windows missed so far, none kept.
    expect(cadenceWindows(later, POLICY, minutes(150)).map((w) => w.kept)).toEqual([false, false]);
  });

  it('stop at 10,000 per stretch of silence, so a one-minute cadence left for weeks stays harmless', () => {
    const everyMinute: CadencePolicy = { ...POLICY, cadenceMinutes: { sev1: 1, sev2: 1, sev3: 1 } };
    const windows = cadenceWindows(anIncident({ severity: 'sev1' }), everyMinute, minutes(30_000));
    expect(windows).toHaveLength(10_000);
    expect(windows.at(-1)).toEqual({ dueAt: minutes(10_000), closedAt: minutes(10_000), kept: false });
  });
});

describe('the cadence clock', () => {
  it('starts at creation for an incident with no timeline, and knows when the client last heard from us', () => {
    const bare = { ...anIncident(), timeline: [] };
    expect(cadenceClockStart(bare)).toEqual(T0);
    expect(lastClientUpdateAt(bare)).toBeUndefined();
    const told = postUpdate(recordClientUpdated(anIncident(), 'UOWNER', minutes(20)), 'UOWNER', { text: 'internal', clientTold: false }, minutes(40));
    expect(lastClientUpdateAt(told)).toEqual(minutes(20));
    expect(cadenceClockStart(told)).toEqual(minutes(20));
  });

  it('waits a calendar day for "one working day" when the week has no working hours', () => {
    const noHours: CadencePolicy = {
      ...POLICY,
      cadenceMinutes: { sev1: 60, sev2: 240, sev3: null },
      workingHours: { days: [], startMinute: 540, endMinute: 1080 },
    };
    expect(clientUpdateDueAfter(T0, 'sev3', noHours)).toEqual(hours(24));
  });

  it('follows the workspace settings: its cadences, hours and team time zone', () => {
    const settings = { ...DEFAULT_SETTINGS, timeZone: 'America/New_York', incidentCadenceMinutes: { sev1: 30, sev2: 120, sev3: null } };
    expect(cadencePolicy(settings)).toEqual({
      cadenceMinutes: settings.incidentCadenceMinutes,
      workingHours: settings.workingHours,
      teamTimeZone: 'America/New_York',
    });
  });
});
