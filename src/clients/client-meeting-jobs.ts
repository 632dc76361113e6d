import { nextWorkingMomentAtOrAfter } from '../shared/dates/working-hours.js';
import { type Deliverer, deliveryId } from '../shared/delivery/delivery.js';
import { runDueSweep } from '../shared/delivery/due-sweep.js';
import { retryMomentOf, type StepSummary } from '../shared/delivery/step-summary.js';
import { messagesFor } from '../shared/i18n/index.js';
import type { JsonLogger } from '../shared/logger.js';
import { type AvailabilityLookup, bestEffortAvailability } from '../shared/workspace/availability.js';
import type { SettingsStore } from '../shared/workspace/settings-store.js';
import { workCalendar } from '../shared/workspace/work-calendar.js';
import type { Workspace } from '../shared/workspace/workspace.js';
import { availableResponder, firstResponder, meetingWindow } from './client-record.js';
import type { ClientStore, DueClient } from './client-store.js';
import { buildMeetingMessage } from './client-watch-blocks.js';

export interface MeetingSweepDeps {
  readonly clients: ClientStore;
  readonly settings: SettingsStore;
  readonly deliverer: Deliverer;
  readonly timeZoneOf: (workspace: Workspace, userId: string) => Promise<string>;
  /** A person's own hours, absence and backup; absent, everyone keeps the team's hours and nobody is away. */
  readonly availabilityOf?: AvailabilityLookup | undefined;
  readonly logger: JsonLogger;
}

/**
 * Clients whose next meeting is overdue (one indexed range query on `nextStepAt`): the account owner
 * (else the backup) is nudged once per cadence window, inside their working hours (holidays and company
 * days off excluded). An owner who is away is stood in for by the client's backup or their own; with
 * nobody to stand in, the nudge waits until the owner is back.
 */
export function sweepMeetingNudges(deps: MeetingSweepDeps, now: Date): Promise<StepSummary> {
  return runDueSweep<DueClient, { client: DueClient['client']; timeZone: string }>(
    {
      findDue: (at, limit, cursor) => deps.clients.findDue(at, limit, cursor),
      describe: (due) => ({ clientId: due.client.id }),
      settings: deps.settings,
      logger: deps.logger,
      deliverer: deps.deliverer,
      // Every meeting due for one person in this sweep is one nudge.
      render: (_kind, settings, entries) =>
        buildMeetingMessage(
          { m: messagesFor(settings.language), timeZone: entries[0]!.timeZone, now },
          entries.map((e) => e.client),
        ),
      async plan(due, settings, summary) {
        const { workspace, client } = due;
        const window = meetingWindow(client, now);
        const owner = firstResponder(client);
        if (!window || !owner || client.stepsDone.includes(window.key)) {
          summary.skipped++;
          const after = window && client.meetEveryDays ? new Date(window.at.getTime() + client.meetEveryDays * 86_400_000) : null;
          return { deliveries: [], finish: async () => void (await deps.clients.saveSchedule(due, client.stepsDone, owner ? after : null)) };
        }
        const availability = bestEffortAvailability(deps.availabilityOf, deps.logger);
        const { responder, away } = await availableResponder(client, (userId) => availability(workspace, userId, now));
        if (!responder) {
          summary.deferred++;
          const back = away?.availability.away?.until ?? now;
          return { deliveries: [], finish: async () => void (await deps.clients.saveSchedule(due, client.stepsDone, back)) };
        }
        const nudged = responder.id;
        const timeZone = await deps.timeZoneOf(workspace, nudged);
        const notBefore = nextWorkingMomentAtOrAfter(now, workCalendar(settings, responder.availability.hours), timeZone);
        if (notBefore && notBefore.getTime() > now.getTime()) {
          summary.deferred++;
          return { deliveries: [], finish: async () => void (await deps.clients.saveSchedule(due, client.stepsDone, notBefore)) };
        }
        const id = deliveryId(client.id, window.key, nudged);
        const nextWindow = new Date(window.at.getTime() + client.meetEveryDays! * 86_400_000);
        return {
          deliveries: [
            {
              id,
              channel: nudged,
              kind: 'client_meeting',
              purpose: 'reminder',
              urgency: window.at.getTime(),
              expiresAt: nextWindow,
              entry: { client, timeZone },
            },
          ],
          async finish(outcomes) {
            const retry = retryMomentOf(outcomes.get(id), now);
            await deps.clients.saveSchedule(
              due,
              retry === undefined ? [window.key] : client.stepsDone,
              retry === undefined ? nextWindow : new Date(Math.min(retry, nextWindow.getTime())),
            );
          },
        };
      },
    },
    now,
    'meeting nudge',
  );
}
