import type { Firestore } from '@google-cloud/firestore';
import { type InstallationStore, InstallProvider } from '@slack/oauth';
// The Web API client alone, not all of Bolt (its receivers, Socket Mode and HTTP stack): a job run starts faster.
import * as webApi from '@slack/web-api';
import { sweepMeetingNudges } from '../clients/client-meeting-jobs.js';
import { ClientService } from '../clients/client-service.js';
import { FirestoreClientStore } from '../clients/client-store.js';
import { sweepWatchSteps } from '../clients/client-watch-jobs.js';
import { WatchService } from '../clients/client-watch-service.js';
import { FirestoreWatchStore } from '../clients/client-watch-store.js';
import { clientWeekStats } from '../clients/client-week.js';
import type { Config } from '../config.js';
import { sweepIncidentSteps } from '../incidents/incident-jobs.js';
import { IncidentService } from '../incidents/incident-service.js';
import { refreshIncidentMessage } from '../incidents/incident-slack.js';
import { FirestoreIncidentStore } from '../incidents/incident-store.js';
import { sweepPromiseSteps } from '../promises/promise-jobs.js';
import { PromiseService } from '../promises/promise-service.js';
import { FirestorePromiseStore } from '../promises/promise-store.js';
import type { IncidentWeekStatsProvider } from '../recap/incident-week-stats.js';
import { FirestoreChannelPacer } from '../shared/delivery/channel-pacing.js';
import { DEFAULT_DELIVERY_POLICY, Deliverer, DeliveryLedger, type DeliveryPolicy } from '../shared/delivery/delivery.js';
import { addSummaries, type StepSummary } from '../shared/delivery/step-summary.js';
import type { JsonLogger } from '../shared/logger.js';
import { installationStoreFor } from '../shared/slack/installation-store.js';
import { SlackPoster } from '../shared/slack/slack-poster.js';
import { UserDirectory } from '../shared/slack/slack-users.js';
import { FirestorePeopleStore } from '../shared/workspace/people-store.js';
import { availabilityOf } from '../shared/workspace/person.js';
import { FirestoreSettingsStore } from '../shared/workspace/settings-store.js';
import { workCalendar } from '../shared/workspace/work-calendar.js';
import { type Workspace, workspaceKey } from '../shared/workspace/workspace.js';

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
  /** A Slack call taking longer than this counts as failed and is retried on a later sweep. */
  readonly requestTimeoutMs?: number;
  /** With OAuth distribution: where each workspace's bot token is (by default the Firestore store, as the app uses). */
  readonly installations?: InstallationStore | undefined;
  /** The week's incident numbers for the recap; by default the incidents slice's own metrics. */
  readonly incidentStats?: IncidentWeekStatsProvider;
  /** Slack users (time zones, statuses), shared with the app so a user_change event reaches the sweep too. */
  readonly users?: UserDirectory;
}

/**
 * Every scheduled job, each a function of `now`: the one factory behind the in-process schedule,
 * `POST /jobs/:name` and the job CLI, so all three find each workspace's token the same way.
 */
export function createJobs(deps: JobDeps): Jobs {
  const { oauth } = deps.config.slack;
  const installations = deps.installations ?? (oauth ? installationStoreFor(deps.db, oauth.tokenKeys) : undefined);
  // With OAuth, tokens come through Bolt's own InstallProvider: with token rotation it refreshes an access token
  // about to expire (and stores the new pair, sealed), exactly as the app does for requests.
  const installProvider =
    oauth && installations
      ? new InstallProvider({
          clientId: oauth.clientId,
          clientSecret: oauth.clientSecret,
          stateSecret: oauth.stateSecret,
          installationStore: installations,
          clientOptions: deps.config.slack.apiUrl ? { slackApiUrl: deps.config.slack.apiUrl } : {},
          logLevel: webApi.LogLevel.ERROR,
        })
      : undefined;
  // Scheduled posts must not be retried by the Web API client (no idempotency key): the sweep owns retries.
  const clientOptions: webApi.WebClientOptions = {
    ...(deps.config.slack.apiUrl ? { slackApiUrl: deps.config.slack.apiUrl } : {}),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: deps.requestTimeoutMs ?? 10_000,
    logLevel: webApi.LogLevel.ERROR,
  };
  const clients = new Map<string, webApi.WebClient>();
  const clientWith = (token: string) => {
    if (!clients.has(token)) clients.set(token, new webApi.WebClient(token, clientOptions));
    return clients.get(token)!;
  };
  const clientFor = async (workspace: Workspace): Promise<webApi.WebClient | undefined> => {
    if (!installations) return deps.config.slack.botToken ? clientWith(deps.config.slack.botToken) : undefined;
    const query = { teamId: workspace.teamId, enterpriseId: workspace.enterpriseId, isEnterpriseInstall: false };
    if (installProvider) {
      const token = (await installProvider.authorize(query).catch(() => undefined))?.botToken;
      return token ? clientWith(token) : undefined;
    }
    const installation = await installations
      .fetchInstallation({ teamId: workspace.teamId, enterpriseId: workspace.enterpriseId, isEnterpriseInstall: false })
      .catch(() => undefined);
    const token = installation?.bot?.token;
    return token ? clientWith(token) : undefined;
  };
  const settings = new FirestoreSettingsStore(deps.db);
  const promises = new FirestorePromiseStore(deps.db);
  const incidents = new FirestoreIncidentStore(deps.db);
  const poster = new SlackPoster(clientFor, deps.channelIntervalMs, undefined, undefined, new FirestoreChannelPacer(deps.db));
  const deliverer = new Deliverer(new DeliveryLedger(deps.db, deps.deliveryPolicy ?? DEFAULT_DELIVERY_POLICY), poster);
  const users = deps.users ?? new UserDirectory();
  const people = new FirestorePeopleStore(deps.db);
  const incidentService = new IncidentService(incidents, settings);
  const clientService = new ClientService(new FirestoreClientStore(deps.db), settings);
  // The recap's view of a week's incidents: the incidents slice's own stats, as /incident stats shows them.
  const incidentWeekStats: IncidentWeekStatsProvider = (workspace, from, to) => incidentService.stats(workspace, { from, to });

  return {
    async reminders(now) {
      // Each person is looked up once per sweep (users.info, Kept's own hours and "away until"), however many of
      // their items are due and however many plans ask at once; user_change keeps the directory's copy current.
      const slackUser = oncePerPerson(async (workspace, userId) => {
        const slack = await clientFor(workspace);
        return slack ? users.get(slack, workspaceKey(workspace), userId, now).catch(() => undefined) : undefined;
      });
      const timeZoneOf = async (workspace: Workspace, userId: string) => (await slackUser(workspace, userId))?.timeZone ?? 'UTC';
      const availability = oncePerPerson((workspace, userId) =>
        Promise.all([people.get(workspace, userId), slackUser(workspace, userId)]).then(([person, user]) => availabilityOf(person, user?.status, now)),
      );
      const promiseSteps = await sweepPromiseSteps(
        {
          store: promises,
          settings,
          deliverer,
          timeZoneOf,
          availabilityOf: availability,
          logger: deps.logger,
          ...(deps.concurrency ? { concurrency: deps.concurrency } : {}),
        },
        now,
      );
      const incidentSteps = await sweepIncidentSteps(
        {
          store: incidents,
          settings,
          deliverer,
          timeZoneOf,
          availabilityOf: availability,
          logger: deps.logger,
          refreshMessage: async (workspace, incident, viewer, policy) => {
            const slack = await clientFor(workspace);
            if (slack) await refreshIncidentMessage(slack, viewer, incident, policy);
          },
          ...(deps.concurrency ? { concurrency: deps.concurrency } : {}),
        },
        now,
      );
      // Clients: requests waiting past their standard, and meetings that are due.
      const clientDeps = { clients: new FirestoreClientStore(deps.db), settings, deliverer, timeZoneOf, availabilityOf: availability, logger: deps.logger };
      const watchSteps = await sweepWatchSteps({ ...clientDeps, watches: new FirestoreWatchStore(deps.db), concurrency: deps.concurrency }, now);
      const meetingSteps = await sweepMeetingNudges(clientDeps, now);
      return [incidentSteps, watchSteps, meetingSteps].reduce(addSummaries, promiseSteps);
    },
    async recap(now) {
      // Loaded when a recap runs, not by every reminders sweep: the recap's queries, post and chart are its own.
      const [{ SlackChartUploader }, { FirestoreRecapCalendar }, { runRecap }, { FirestoreRecapQueries }] = await Promise.all([
        import('../recap/chart-upload.js'),
        import('../recap/recap-calendar.js'),
        import('../recap/recap-jobs.js'),
        import('../recap/recap-queries.js'),
      ]);
      return runRecap(
        {
          calendar: new FirestoreRecapCalendar(deps.db),
          settings,
          queries: new FirestoreRecapQueries(deps.db),
          incidents: deps.incidentStats ?? incidentWeekStats,
          clients: (workspace, from, to, ws) =>
            clientWeekStats(
              {
                clients: clientService,
                watch: new WatchService(new FirestoreWatchStore(deps.db)),
                promises: new PromiseService(promises, settings),
                incidents: incidentService,
              },
              workspace,
              from,
              to,
              { defaultStandard: ws.responseMinutes, workingHours: workCalendar(ws), timeZone: ws.timeZone },
            ),
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

/** `look` once per person: later calls share the first answer (a failed one is asked again). */
function oncePerPerson<T>(look: (workspace: Workspace, userId: string) => Promise<T>): (workspace: Workspace, userId: string) => Promise<T> {
  const found = new Map<string, Promise<T>>();
  return (workspace, userId) => {
    const key = `${workspaceKey(workspace)}:${userId}`;
    let answer = found.get(key);
    if (!answer) {
      answer = look(workspace, userId);
      answer.catch(() => found.delete(key));
      found.set(key, answer);
    }
    return answer;
  };
}
