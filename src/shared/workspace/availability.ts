import type { JsonLogger } from '../logger.js';
import type { Availability } from './person.js';
import type { Workspace } from './workspace.js';

/** A person's own hours, absence and backup as a sweep reads them (Kept's settings and their Slack status). */
export type AvailabilityLookup = (workspace: Workspace, userId: string, now: Date) => Promise<Availability>;

/**
 * Best effort: without a lookup, or when it fails, a person simply has the team's hours and is not away
 * (a reminder is worth more on time than held back by a status Kept could not read).
 */
export function bestEffortAvailability(lookup: AvailabilityLookup | undefined, logger: JsonLogger): AvailabilityLookup {
  if (!lookup) return async () => ({});
  return (workspace, userId, now) =>
    lookup(workspace, userId, now).catch((error: unknown) => {
      logger.event('debug', 'availability not read', { workspace: workspace.teamId, error: String(error) });
      return {};
    });
}
