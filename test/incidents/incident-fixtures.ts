import { type ClientIncident, createIncident, type Severity } from '../../src/incidents/client-incident.js';
import type { CadencePolicy } from '../../src/incidents/incident-cadence.js';
import { DEFAULT_SETTINGS } from '../../src/shared/workspace/workspace-settings.js';

/** Tuesday 1 December 2026, 09:00 UTC (10:00 in Warsaw). */
export const T0 = new Date('2026-12-01T09:00:00Z');
export const minutes = (n: number, from = T0) => new Date(from.getTime() + n * 60_000);
export const hours = (n: number, from = T0) => minutes(n * 60, from);

export const POLICY: CadencePolicy = {
  cadenceMinutes: DEFAULT_SETTINGS.incidentCadenceMinutes,
  workingHours: DEFAULT_SETTINGS.workingHours,
  teamTimeZone: 'Europe/Warsaw',
};

export function anIncident(overrides: Partial<ClientIncident> & { severity?: Severity } = {}, at = T0): ClientIncident {
  return {
    ...createIncident(
      {
        id: 'i1',
        client: ' ACME ',
        title: ' checkout returns 500 ',
        severity: overrides.severity ?? 'sev2',
        ownerId: 'UOWNER',
        ownerTimeZone: 'Europe/Warsaw',
        reporterId: 'UREPORTER',
        channelId: 'CINC',
        messageTs: '1700000000.000100',
      },
      at,
    ),
    ...overrides,
  };
}
