import type { WorkCalendar } from '../dates/working-hours.js';
import type { JsonLogger } from '../logger.js';
import type { Availability } from './person.js';
import { workCalendar } from './work-calendar.js';
import type { Workspace } from './workspace.js';
import type { WorkspaceSettings } from './workspace-settings.js';

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

/** Where a scheduled message goes, in whose zone, and whose own working hours it waits for. */
export interface Addressee {
  readonly channel: string;
  readonly timeZone: string;
  /** Their own hours, holidays and days off taken out; absent: the team's. */
  readonly hours?: WorkCalendar;
}

/**
 * Who hears the leads' alerts: their channel (in the team's zone and hours), else each lead by DM in their own
 * zone and hours. Empty when the workspace has neither.
 */
export async function leadRecipients(
  settings: WorkspaceSettings,
  workspace: Workspace,
  lookups: { timeZoneOf: (workspace: Workspace, userId: string) => Promise<string>; availabilityOf: AvailabilityLookup },
  now: Date,
): Promise<Addressee[]> {
  if (settings.channels.leads) return [{ channel: settings.channels.leads, timeZone: settings.timeZone }];
  return Promise.all(
    settings.leads.map(async (lead) => {
      const [timeZone, own] = await Promise.all([lookups.timeZoneOf(workspace, lead), lookups.availabilityOf(workspace, lead, now)]);
      return { channel: lead, timeZone, ...(own.hours ? { hours: workCalendar(settings, own.hours) } : {}) };
    }),
  );
}
