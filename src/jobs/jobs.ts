import type { Firestore } from '@google-cloud/firestore';
import { webApi } from '@slack/bolt';
import type { Config } from '../config.js';
import { sweepPromiseSteps } from '../promises/promise-jobs.js';
import { FirestorePromiseStore } from '../promises/promise-store.js';
import { SlackChartUploader } from '../recap/chart-upload.js';
import { type IncidentWeekStatsProvider, noIncidentStats } from '../recap/incident-week-stats.js';
import { FirestoreRecapCalendar } from '../recap/recap-calendar.js';
import { runRecap } from '../recap/recap-jobs.js';
import { FirestoreRecapQueries } from '../recap/recap-queries.js';
import { FirestoreSettingsStore } from '../settings/settings-store.js';
import { DEFAULT_DELIVERY_POLICY, Deliverer, DeliveryLedger, type DeliveryPolicy } from '../shared/delivery.js';
import type { JsonLogger } from '../shared/logger.js';
import { SlackPoster } from '../shared/slack-poster.js';
import { UserDirectory } from '../shared/slack-users.js';
import { addSummaries, type StepSummary } from '../shared/step-summary.js';
import { type Workspace, workspaceKey } from '../shared/workspace.js';

export type JobName = 'reminders' | 'recap';
export const JOB_NAMES: readonly JobName[] = ['reminders', 'recap'];

export type Jobs = Record<JobName, (now: Date) => Promise<StepSummary>>;

export interface JobDeps {
  readonly config: Pick<Config, 'slack'>;
  readonly db: Firestore;
  readonly logger: JsonLogger;
  readonly deliveryPolicy?: DeliveryPolicy;
  readonly concurrency?: number;
  /** Minimum gap between two posts to one channel (Slack allows about one a second). */
  readonly channelIntervalMs?: number;
  /** The week's incident numbers for the recap; none until /incident provides them. */
  readonly incidentStats?: IncidentWeekStatsProvider;
}

/** Every scheduled job, each a function of `now`; the in-process schedule and the CLI both run these. */
export function createJobs(deps: JobDeps): Jobs {
  // Scheduled posts must not be retried by the Web API client (no idempotency key): the sweep owns retries.
  const client = new webApi.WebClient(deps.config.slack.botToken, {
    ...(deps.config.slack.apiUrl ? { slackApiUrl: deps.config.slack.apiUrl } : {}),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: 10_000,
    logLevel: webApi.LogLevel.ERROR,
  });
  const clientFor = async (_workspace: Workspace) => client;
  const settings = new FirestoreSettingsStore(deps.db);
  const promises = new FirestorePromiseStore(deps.db);
  const poster = new SlackPoster(clientFor, deps.channelIntervalMs);
  const deliverer = new Deliverer(new DeliveryLedger(deps.db, deps.deliveryPolicy ?? DEFAULT_DELIVERY_POLICY), poster);
  const users = new UserDirectory();

  return {
    async reminders(now) {
      const timeZoneOf = async (workspace: Workspace, userId: string) => {
        const slack = await clientFor(workspace);
        if (!slack) return 'UTC';
        return (await users.get(slack, workspaceKey(workspace), userId, now).catch(() => undefined))?.timeZone ?? 'UTC';
      };
      const promiseSteps = await sweepPromiseSteps(
        { store: promises, settings, deliverer, timeZoneOf, logger: deps.logger, ...(deps.concurrency ? { concurrency: deps.concurrency } : {}) },
        now,
      );
      return addSummaries(promiseSteps, { sent: 0, skipped: 0, deferred: 0, failed: 0 });
    },
    recap(now) {
      return runRecap(
        {
          calendar: new FirestoreRecapCalendar(deps.db),
          settings,
          queries: new FirestoreRecapQueries(deps.db),
          incidents: deps.incidentStats ?? noIncidentStats,
          deliverer,
          poster,
          charts: new SlackChartUploader(clientFor),
          logger: deps.logger,
        },
        now,
      );
    },
  };
}

export function formatSummary(name: string, summary: StepSummary): string {
  return `${name}: sent ${summary.sent}, skipped ${summary.skipped}, deferred ${summary.deferred}, failed ${summary.failed}`;
}
