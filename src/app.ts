import type { Firestore } from '@google-cloud/firestore';
import { App, type CustomRoute, LogLevel, type webApi } from '@slack/bolt';
import type { ExtendedErrorHandlerArgs } from '@slack/bolt/dist/App.js';
import type { Config } from './config.js';
import { FirestorePromiseStore } from './promises/promise-store.js';
import { PromiseService } from './promises/promise-service.js';
import { registerPromiseListeners } from './promises/promise-listeners.js';
import { registerSettingsListeners } from './settings/settings-listeners.js';
import { FirestoreSettingsStore } from './settings/settings-store.js';
import { newErrorId, UserFacingError } from './shared/errors.js';
import { pingFirestore } from './shared/firestore.js';
import { messagesFor } from './shared/i18n/index.js';
import type { JsonLogger } from './shared/logger.js';
import { callerFromBody } from './shared/request-context.js';
import { UserDirectory } from './shared/slack-users.js';
import { workspaceFrom } from './shared/workspace.js';
import { registerStoryListeners } from './stories/story-listeners.js';
import { StoryService } from './stories/story-service.js';
import { FirestoreStoryStore } from './stories/story-store.js';

export interface AppDeps {
  readonly config: Config;
  readonly db: Firestore;
  readonly logger: JsonLogger;
  /** The only clock; tests pass their own. */
  readonly clock: () => Date;
  /** Web API retry policy for interactive calls; tests pass `{ retries: 0 }`. */
  readonly retryConfig?: webApi.RetryOptions;
}

export interface KeptApp {
  readonly app: App;
  readonly services: { readonly promises: PromiseService; readonly settings: FirestoreSettingsStore; readonly stories: StoryService };
}

/** The composition root: stores → services → listeners, one global error handler, and /healthz. */
export function createApp(deps: AppDeps): KeptApp {
  const { config, db, logger } = deps;
  const settings = new FirestoreSettingsStore(db, deps.clock);
  const promises = new PromiseService(new FirestorePromiseStore(db), settings);
  const stories = new StoryService(new FirestoreStoryStore(db));
  const users = new UserDirectory();

  const healthz: CustomRoute = {
    path: '/healthz',
    method: ['GET'],
    handler: async (_req, res) => {
      const ok = await pingFirestore(db);
      res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok, firestore: ok ? 'reachable' : 'unreachable' }));
    },
  };

  const app = new App({
    token: config.slack.botToken,
    ...(config.slack.appToken
      ? { socketMode: true, appToken: config.slack.appToken, installerOptions: { port: config.port } }
      : { signingSecret: config.slack.signingSecret!, port: config.port }),
    customRoutes: [healthz],
    logger,
    logLevel: config.logLevel as LogLevel,
    extendedErrorHandler: true,
    clientOptions: {
      ...(config.slack.apiUrl ? { slackApiUrl: config.slack.apiUrl } : {}),
      // Interactive replies are worth a quick retry or two, never the client's default half hour.
      retryConfig: deps.retryConfig ?? { retries: 2, factor: 2, minTimeout: 500, maxTimeout: 2_000 },
    },
  });

  const contextDeps = { settings, users, clock: deps.clock };
  registerPromiseListeners(app, { ...contextDeps, promises });
  registerSettingsListeners(app, contextDeps);
  registerStoryListeners(app, {
    ...contextDeps,
    stories,
    nominationSources: {
      promise: async (workspace, id) => {
        const p = await promises.get(workspace, id);
        return p?.status === 'kept' ? { featuredIds: [p.ownerId], client: p.client, what: p.what, source: { kind: 'promise', id, title: `${p.client}: ${p.what}` } } : undefined;
      },
    },
  });

  app.error(async ({ error, body, context }: ExtendedErrorHandlerArgs) => {
    const original = unwrap(error);
    const caller = callerFromBody(body);
    const workspace = workspaceFrom(caller.teamId ?? context?.teamId, caller.enterpriseId ?? context?.enterpriseId);
    const language = workspace ? (await settings.get(workspace).catch(() => undefined))?.language : undefined;
    const m = messagesFor(language ?? 'en');
    let text: string;
    if (original instanceof UserFacingError) {
      text = original.render(m);
    } else {
      const id = newErrorId();
      logger.event('error', 'request failed', { errorId: id, workspace: workspace?.teamId, error: describe(original) });
      text = m.common.error_with_id(id);
    }
    const responseUrl = (body as { response_url?: string } | undefined)?.response_url;
    if (responseUrl) {
      await fetch(responseUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ response_type: 'ephemeral', replace_original: false, text }),
      }).catch((e) => logger.event('warn', 'could not show an error to the user', { error: describe(e) }));
    }
  });

  return { app, services: { promises, settings, stories } };
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
