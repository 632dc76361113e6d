import type { ClientIncident } from './client-incident.js';
import { type CadencePolicy, cadenceWindows } from './incident-cadence.js';

/** What Kept measures per incident. Pure: the stats reply and the weekly recap both use it. */
export interface IncidentMetrics {
  readonly timeToAcknowledgeMs?: number | undefined;
  readonly timeToResolveMs?: number | undefined;
  /** Cadence windows kept (the client heard from us in time)… */
  readonly updatesSent: number;
  /** …out of every window that came due. */
  readonly updatesDue: number;
}

export function incidentMetrics(incident: ClientIncident, policy: CadencePolicy, now: Date): IncidentMetrics {
  const windows = cadenceWindows(incident, policy, now);
  return {
    timeToAcknowledgeMs: incident.acknowledgedAt ? incident.acknowledgedAt.getTime() - incident.createdAt.getTime() : undefined,
    timeToResolveMs: incident.resolvedAt ? incident.resolvedAt.getTime() - incident.createdAt.getTime() : undefined,
    updatesSent: windows.filter((w) => w.kept).length,
    updatesDue: windows.length,
  };
}

/** An incident nobody had acknowledged by the end of the range: what a median time to acknowledge cannot show. */
export interface UnacknowledgedIncident {
  readonly id: string;
  readonly severity: ClientIncident['severity'];
  readonly client: string;
  readonly title: string;
  readonly createdAt: Date;
}

export interface IncidentStats {
  readonly opened: number;
  readonly resolved: number;
  /** Still unresolved at the end of the range, of those looked at. */
  readonly open: number;
  /** Unresolved and not acknowledged at the end of the range (opened in it or before), worst first. */
  readonly unacknowledged: readonly UnacknowledgedIncident[];
  /** How many acknowledgements the median time to acknowledge stands on. */
  readonly acknowledged: number;
  readonly medianAcknowledgeMs?: number | undefined;
  readonly medianResolveMs?: number | undefined;
  readonly updatesSent: number;
  readonly updatesDue: number;
}

export interface StatsRange {
  readonly from: Date;
  /** Exclusive; also "now" for windows still running. */
  readonly to: Date;
}

/**
 * Stats over a range, from the incidents that touch it (opened in it, resolved in it, or open):
 * opened and resolved count what happened inside the range; time to acknowledge is over the
 * incidents opened in it, time to resolve over those resolved in it; the cadence counts the
 * windows that closed inside it.
 */
export function incidentStats(incidents: readonly ClientIncident[], policy: CadencePolicy, range: StatsRange): IncidentStats {
  const inRange = (d: Date | undefined) => d !== undefined && d.getTime() >= range.from.getTime() && d.getTime() < range.to.getTime();
  const unique = [...new Map(incidents.map((i) => [i.id, i])).values()];
  const opened = unique.filter((i) => inRange(i.createdAt));
  const resolved = unique.filter((i) => i.status === 'resolved' && inRange(i.resolvedAt));
  const acknowledge = opened
    .filter((i) => i.acknowledgedAt && i.acknowledgedAt.getTime() < range.to.getTime())
    .map((i) => i.acknowledgedAt!.getTime() - i.createdAt.getTime());
  let updatesSent = 0;
  let updatesDue = 0;
  for (const incident of unique) {
    for (const window of cadenceWindows(incident, policy, range.to)) {
      if (!inRange(window.closedAt)) continue;
      updatesDue++;
      if (window.kept) updatesSent++;
    }
  }
  const open = unique.filter((i) => i.status !== 'resolved' && i.createdAt.getTime() < range.to.getTime());
  const unacknowledged = open
    .filter((i) => !i.acknowledgedAt || i.acknowledgedAt.getTime() >= range.to.getTime())
    .sort((a, b) => a.severity.localeCompare(b.severity) || a.createdAt.getTime() - b.createdAt.getTime())
    .map(({ id, severity, client, title, createdAt }) => ({ id, severity, client, title, createdAt }));
  return {
    opened: opened.length,
    resolved: resolved.length,
    open: open.length,
    unacknowledged,
    acknowledged: acknowledge.length,
    medianAcknowledgeMs: median(acknowledge),
    medianResolveMs: median(resolved.map((i) => i.resolvedAt!.getTime() - i.createdAt.getTime())),
    updatesSent,
    updatesDue,
  };
}

export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
