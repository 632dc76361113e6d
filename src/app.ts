import type { Firestore } from '@google-cloud/firestore';
import { App, type AppOptions, type CustomRoute, type LogLevel, type webApi } from '@slack/bolt';
import type { ExtendedErrorHandlerArgs } from '@slack/bolt/dist/App.js';
import { registerClientListeners } from './clients/client-listeners.js';
import { ClientService } from './clients/client-service.js';
import { type ClientListenerDeps, followPromiseFromMessage } from './clients/client-slack.js';
import { FirestoreClientStore } from './clients/client-store.js';
import { WatchService } from './clients/client-watch-service.js';
import { FirestoreWatchStore } from './clients/client-watch-store.js';
import type { Config } from './config.js';
import { FirestoreHomeDrawings } from './home/home-drawing-store.js';
import { registerHomeListeners } from './home/home-listeners.js';
import { HomePublisher } from './home/home-view.js';
import { isNominatable as isIncidentNominatable } from './incidents/client-incident.js';
import { registerIncidentListeners } from './incidents/incident-listeners.js';
import { IncidentService } from './incidents/incident-service.js';
import { FirestoreIncidentStore } from './incidents/incident-store.js';
import { isNominatable as isPromiseNominatable } from './promises/client-promise.js';
import { registerPromiseListeners } from './promises/promise-listeners.js';
import { PromiseService } from './promises/promise-service.js';
import { FirestorePromiseStore } from './promises/promise-store.js';
import { registerSettingsListeners } from './settings/settings-listeners.js';
import { withDeadline } from './shared/deadline.js';
import { DeliveryLedger } from './shared/delivery/delivery.js';
import { newErrorId, UserFacingError } from './shared/errors.js';
import { pingFirestore } from './shared/firestore/firestore.js';
import { messagesFor } from './shared/i18n/index.js';
import { InFlight } from './shared/in-flight.js';
import { type JsonLogger, withRequestTrace } from './shared/logger.js';
import { OutageWatch } from './shared/outage-watch.js';
import { showErrorToUser } from './shared/slack/error-reply.js';
import { type FirestoreInstallationStore, installationStoreFor } from './shared/slack/installation-store.js';
import { botScopesFromManifest } from './shared/slack/manifest-scopes.js';
import { callerFromBody } from './shared/slack/request-context.js';
import { gateAck, guardSlackRequests, httpReceiverOf, ReplayedRequest } from './shared/slack/request-guard.js';
import { dropRepeatedEvents, registerInstallationEvents } from './shared/slack/slack-events.js';
import { UserDirectory } from './shared/slack/slack-users.js';
import { FirestorePeopleStore } from './shared/workspace/people-store.js';
import { FirestoreSettingsStore } from './shared/workspace/settings-store.js';
import { workspaceFrom } from './shared/workspace/workspace.js';
import { cadencePolicyChanged, reminderPolicyChanged } from './shared/workspace/workspace-settings.js';
import { registerStoryListeners } from './stories/story-listeners.js';
import { StoryService } from './stories/story-service.js';
import { FirestoreStoryStore } from './stories/story-store.js';
import { registerWorkflowListeners } from './workflows/workflow-listeners.js';

export interface AppDeps {
  readonly config: Config;
  readonly db: Firestore;
  readonly logger: JsonLogger;
  /** The only clock; tests pass their own. */
  readonly clock: () => Date;
  /** Web API retry policy for interactive calls; tests pass `{ retries: 0 }`. */
  readonly retryConfig?: webApi.RetryOptions;
  /** More HTTP routes, e.g. `POST /jobs/:name` from main. */
  readonly extraRoutes?: CustomRoute[];
  /** Required with OAuth distribution (`config.slack.oauth`): where installations are kept. */
  readonly installations?: FirestoreInstallationStore | undefined;
  /** False once the process is stopping: /healthz answers 503 so load balancers send no more. */
  readonly accepting?: () => boolean;
  /** Wall-clock milliseconds that Slack's request timestamps are checked against (by Bolt and by Kept). */
  readonly wallClockMs?: () => number;
  /** Slack users, shared with the schedule (main passes one); a new one otherwise. */
  readonly users?: UserDirectory;
}

export interface KeptApp {
  readonly app: App;
  /** Waits until no request is being handled (true), or gives up after `timeoutMs` (false). */
  idle(timeoutMs: number): Promise<boolean>;
  readonly services: {
    readonly promises: PromiseService;
    readonly settings: FirestoreSettingsStore;
    readonly home: HomePublisher;
    readonly incidents: IncidentService;
    readonly stories: StoryService;
    readonly clients: ClientService;
    readonly watch: WatchService;
  };
  /** With OAuth distribution: each workspace's installation (and bot token). */
  readonly installations: FirestoreInstallationStore | undefined;
}

/** The composition root: stores → services → listeners, one global error handler, and /healthz. */
export function createApp(deps: AppDeps): KeptApp {
  const { config, db, logger } = deps;
  const settings = new FirestoreSettingsStore(db, deps.clock);
  const people = new FirestorePeopleStore(db);
  const promises = new PromiseService(new FirestorePromiseStore(db), settings, people);
  const incidents = new IncidentService(new FirestoreIncidentStore(db), settings);
  const stories = new StoryService(new FirestoreStoryStore(db));
  const clients = new ClientService(new FirestoreClientStore(db), settings);
  const watch = new WatchService(new FirestoreWatchStore(db));
  const users = deps.users ?? new UserDirectory();
  const home = new HomePublisher({
    settings,
    users,
    promises,
    incidents,
    stories,
    clients: { clients, watch },
    people,
    deliveries: new DeliveryLedger(db),
    clock: deps.clock,
    logger,
    drawings: new FirestoreHomeDrawings(db),
  });

  // Many requests failing for want of Firestore are one outage to an operator: an ERROR, then a WARNING with its duration.
  const outage = new OutageWatch({ probe: () => pingFirestore(db), clock: deps.clock, logger, what: 'Firestore' });

  const healthz: CustomRoute = {
    path: '/healthz',
    method: ['GET'],
    handler: async (_req, res) => {
      if (deps.accepting && !deps.accepting()) {
        res.writeHead(503, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ ok: false, stopping: true }));
        return;
      }
      const ok = await pingFirestore(db);
      if (!ok) outage.failed();
      res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok, firestore: ok ? 'reachable' : 'unreachable' }));
    },
  };

  const { oauth } = config.slack;
  const installations = oauth ? (deps.installations ?? installationStoreFor(db, oauth.tokenKeys)) : undefined;
  const auth: AppOptions = oauth
    ? {
        clientId: oauth.clientId,
        clientSecret: oauth.clientSecret,
        stateSecret: oauth.stateSecret,
        scopes: botScopesFromManifest(),
        installationStore: installations,
        installerOptions: { directInstall: true, ...(config.slack.appToken ? { port: config.port } : {}) },
      }
    : { token: config.slack.botToken };
  const app = new App({
    ...auth,
    ...(config.slack.appToken
      ? { socketMode: true, appToken: config.slack.appToken, ...(oauth ? {} : { installerOptions: { port: config.port } }) }
      : { signingSecret: config.slack.signingSecret!, port: config.port }),
    customRoutes: [healthz, ...(deps.extraRoutes ?? [])],
    logger,
    logLevel: config.logLevel as LogLevel,
    extendedErrorHandler: true,
    clientOptions: {
      ...(config.slack.apiUrl ? { slackApiUrl: config.slack.apiUrl } : {}),
      // Interactive replies are worth a quick retry or two, never the client's default half hour.
      retryConfig: deps.retryConfig ?? { retries: 2, factor: 2, minTimeout: 500, maxTimeout: 2_000 },
    },
  });

  // HTTP mode: no request signed more than 5 minutes ahead, no signed request twice, and each request's log lines
  // carry its Cloud Trace ids.
  if (!config.slack.appToken) {
    const receiver = httpReceiverOf(app);
    const guarded = guardSlackRequests(receiver.requestListener, {
      db,
      signingSecret: config.slack.signingSecret!,
      logger,
      nowMs: deps.wallClockMs ?? Date.now,
    });
    receiver.requestListener = (req, res) => withRequestTrace(req.headers, config.firestore.projectId, () => guarded(req, res));
  }

  // Every request runs to its end before a stop closes Firestore (listeners keep working after ack).
  const inFlight = new InFlight();
  const processEvent = app.processEvent.bind(app);
  // A replayed request is acknowledged, then stops (its ack throws ReplayedRequest; events are acked before any middleware).
  app.processEvent = (event) =>
    inFlight.track(
      processEvent({ ...event, ack: gateAck(event.ack) }).catch((error) => {
        if (!(error instanceof ReplayedRequest)) throw error;
      }),
    );

  // A new lead time, working day, zone or cadence applies to what is already open, not only to what comes next.
  settings.onSaved((workspace, before, after) => {
    const replan = async () => {
      if (reminderPolicyChanged(before, after)) await promises.replanOpen(workspace);
      if (cadencePolicyChanged(before, after)) await incidents.replanOpen(workspace);
    };
    void inFlight.track(
      replan().catch((error) => logger.event('error', 're-planning after a settings change failed', { workspace: workspace.teamId, error: describe(error) })),
    );
  });

  app.use(dropRepeatedEvents(db, deps.clock, logger));
  registerInstallationEvents(app, installations, logger);
  const contextDeps = { settings, users, clock: deps.clock };
  const clientDeps: ClientListenerDeps = { ...contextDeps, clients, watch, sources: { promises, incidents, stories, watch }, logger, home };
  registerPromiseListeners(app, { ...contextDeps, promises, home, onLoggedFromMessage: followPromiseFromMessage(clientDeps) });
  registerClientListeners(app, clientDeps);
  registerSettingsListeners(app, {
    ...contextDeps,
    home,
    people,
    onPersonChanged: async (workspace, userId) => {
      await promises.replanOwner(workspace, userId);
    },
  });
  registerHomeListeners(app, { ...contextDeps, home });
  registerIncidentListeners(app, { ...contextDeps, incidents, home });
  registerStoryListeners(app, {
    ...contextDeps,
    stories,
    home,
    nominationSources: {
      promise: async (workspace, id) => {
        const p = await promises.get(workspace, id);
        return p && isPromiseNominatable(p)
          ? { featuredIds: [p.ownerId], client: p.client, what: p.what, source: { kind: 'promise', id, title: `${p.client}: ${p.what}` } }
          : undefined;
      },
      incident: async (workspace, id) => {
        const i = await incidents.get(workspace, id);
        return i && isIncidentNominatable(i)
          ? { featuredIds: [i.ownerId], client: i.client, what: i.title, source: { kind: 'incident', id, title: `${i.client}: ${i.title}` } }
          : undefined;
      },
    },
  });

  registerWorkflowListeners(app, { ...contextDeps, promises, incidents, stories, home, logger });

  app.error(async ({ error, body, context }: ExtendedErrorHandlerArgs) => {
    const original = unwrap(error);
    if (original instanceof ReplayedRequest) return;
    // An event from a workspace that uninstalled Kept (a channel message still on its way): nobody to answer, nothing to fix.
    if ((error as { code?: string }).code === 'slack_bolt_authorization_error' && (body as { type?: string })?.type === 'event_callback') {
      logger.event('info', 'event for a workspace Kept is not installed in, ignored', { workspace: (body as { team_id?: string }).team_id });
      return;
    }
    const caller = callerFromBody(body);
    const workspace = workspaceFrom(caller.teamId ?? context?.teamId, caller.enterpriseId ?? context?.enterpriseId);
    const language = workspace ? (await withDeadline(settings.get(workspace), 2_000, () => new Error('timeout')).catch(() => undefined))?.language : undefined;
    const m = messagesFor(language ?? 'en');
    let text: string;
    if (isStorageOutage(original)) outage.failed();
    if (original instanceof UserFacingError) {
      text = original.render(m);
    } else {
      const id = newErrorId();
      logger.event('error', 'request failed', { errorId: id, workspace: workspace?.teamId, error: describe(original) });
      text = m.common.error_with_id(id);
    }
    // A workflow step is failed with the step's own token (the one its event brought).
    await showErrorToUser(app.client, body, m, text, context?.functionBotAccessToken ?? context?.botToken).catch((e) =>
      logger.event('warn', 'could not show an error to the user', { error: describe(e) }),
    );
  });

  return { app, idle: (timeoutMs) => inFlight.idle(timeoutMs), services: { promises, settings, home, incidents, stories, clients, watch }, installations };
}

/** Firestore out of reach: the request's deadline passed, or gRPC said UNAVAILABLE (14) or DEADLINE_EXCEEDED (4). */
function isStorageOutage(error: unknown): boolean {
  if (error instanceof UserFacingError) return error.key === 'storage_unavailable';
  const code = (error as { code?: unknown })?.code;
  return code === 14 || code === 4;
}

function unwrap(error: unknown): unknown {
  const e = error as { original?: unknown; originals?: unknown[] };
  if (e?.original) return e.original;
  if (Array.isArray(e?.originals) && e.originals.length > 0) return e.originals[0];
  return error;
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
