import { nextWorkingMomentAtOrAfter } from '../shared/dates/working-hours.js';
import { type Deliverer, deliveryId } from '../shared/delivery/delivery.js';
import { runDueSweep } from '../shared/delivery/due-sweep.js';
import { countDelivery, type StepSummary } from '../shared/delivery/step-summary.js';
import { messagesFor } from '../shared/i18n/index.js';
import type { JsonLogger } from '../shared/logger.js';
import type { SettingsStore } from '../shared/workspace/settings-store.js';
import type { Workspace } from '../shared/workspace/workspace.js';
import { firstResponder, meetingWindow } from './client-record.js';
import type { ClientStore, DueClient } from './client-store.js';
import { buildMeetingNudge } from './client-watch-blocks.js';

export interface MeetingSweepDeps {
  readonly clients: ClientStore;
  readonly settings: SettingsStore;
  readonly deliverer: Deliverer;
  readonly timeZoneOf: (workspace: Workspace, userId: string) => Promise<string>;
  readonly logger: JsonLogger;
}

/**
 * Clients whose next meeting is overdue (one indexed range query on `nextStepAt`): the account owner
 * (else the backup) is nudged once per cadence window, inside their working hours.
 */
export function sweepMeetingNudges(deps: MeetingSweepDeps, now: Date): Promise<StepSummary> {
  return runDueSweep<DueClient>(
    {
      findDue: (at, limit, cursor) => deps.clients.findDue(at, limit, cursor),
      describe: (due) => ({ clientId: due.client.id }),
      settings: deps.settings,
      logger: deps.logger,
      async handle(due, settings, summary, state) {
        const { workspace, client } = due;
        const window = meetingWindow(client, now);
        const owner = firstResponder(client);
        if (!window || !owner || client.stepsDone.includes(window.key)) {
          summary.skipped++;
          const after = window && client.meetEveryDays ? new Date(window.at.getTime() + client.meetEveryDays * 86_400_000) : null;
          await deps.clients.saveSchedule(due, client.stepsDone, owner ? after : null);
          return;
        }
        const timeZone = await deps.timeZoneOf(workspace, owner);
        const notBefore = nextWorkingMomentAtOrAfter(now, settings.workingHours, timeZone);
        const wait = notBefore && notBefore.getTime() > now.getTime() ? notBefore : state.rateLimitedUntil;
        if (wait) {
          summary.deferred++;
          await deps.clients.saveSchedule(due, client.stepsDone, wait);
          return;
        }
        const viewer = { m: messagesFor(settings.language), timeZone, now };
        const outcome = await deps.deliverer.deliver(
          workspace,
          deliveryId(client.id, window.key, owner),
          { channel: owner, ...buildMeetingNudge(viewer, client) },
          now,
        );
        const waits: number[] = [];
        const finished = countDelivery(outcome, summary, waits);
        const nextWindow = new Date(window.at.getTime() + client.meetEveryDays! * 86_400_000);
        await deps.clients.saveSchedule(
          due,
          finished ? [window.key] : client.stepsDone,
          finished ? nextWindow : new Date(Math.min(...waits, nextWindow.getTime())),
        );
      },
    },
    now,
    'meeting nudge',
  );
}
