import { describe, expect, it } from 'vitest';
import { cadencePolicy, clientUpdateDueAfter } from '../../src/incidents/incident-cadence.js';
import { incidentStepNotBefore, planIncidentSteps } from '../../src/incidents/incident-schedule.js';
import { workCalendar } from '../../src/shared/workspace/work-calendar.js';
import { DEFAULT_SETTINGS } from '../../src/shared/workspace/workspace-settings.js';
import { anIncident } from './incident-fixtures.js';

const polish = { ...DEFAULT_SETTINGS, language: 'pl' as const, timeZone: 'Europe/Warsaw' };
// Wednesday 23 December 2026, 10:00 Warsaw; 24–26 December are public holidays in Poland.
const beforeChristmas = new Date('2026-12-23T09:00:00Z');

describe('incident cadences on holidays', () => {
  it('counts "one working day" for sev3 past the public holidays', () => {
    expect(clientUpdateDueAfter(beforeChristmas, 'sev3', cadencePolicy(polish)).toISOString()).toBe('2026-12-28T09:00:00.000Z');
    expect(clientUpdateDueAfter(beforeChristmas, 'sev3', cadencePolicy({ ...polish, holidays: 'none' })).toISOString()).toBe('2026-12-24T09:00:00.000Z');
  });

  it("holds a sev2 owner's reminder on a holiday until the next working hour, and never a sev1", () => {
    const policy = cadencePolicy(polish);
    const onChristmasEve = new Date('2026-12-24T07:00:00Z');
    for (const severity of ['sev2', 'sev1'] as const) {
      const incident = anIncident({ severity }, onChristmasEve);
      const step = planIncidentSteps(incident, policy).find((s) => s.kind === 'cadence_owner')!;
      const notBefore = incidentStepNotBefore(step, incident, policy, { timeZone: 'Europe/Warsaw' });
      expect(notBefore?.toISOString(), severity).toBe(severity === 'sev1' ? step.at.toISOString() : '2026-12-28T08:00:00.000Z');
    }
  });

  it("holds a sev2 reminder for the owner's own hours", () => {
    const policy = cadencePolicy({ ...DEFAULT_SETTINGS, timeZone: 'Europe/Warsaw' });
    // Opened Thursday 3 December 13:00 Warsaw: due four hours later, 17:00, after the owner's own day ends at 16:00.
    const incident = anIncident({ severity: 'sev2' }, new Date('2026-12-03T12:00:00Z'));
    const step = planIncidentSteps(incident, policy).find((s) => s.kind === 'cadence_owner')!;
    const own = workCalendar(DEFAULT_SETTINGS, { days: [1, 2, 3, 4], startMinute: 8 * 60, endMinute: 16 * 60 });
    expect(incidentStepNotBefore(step, incident, policy, { timeZone: 'Europe/Warsaw' })?.toISOString()).toBe('2026-12-03T16:00:00.000Z');
    expect(incidentStepNotBefore(step, incident, policy, { timeZone: 'Europe/Warsaw', hours: own })?.toISOString()).toBe('2026-12-07T07:00:00.000Z');
  });
});
