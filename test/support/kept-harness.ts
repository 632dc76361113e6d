import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Firestore } from '@google-cloud/firestore';
import type { CustomRoute } from '@slack/bolt';
import { createApp, type KeptApp } from '../../src/app.js';
import type { Config } from '../../src/config.js';
import { createFirestore } from '../../src/shared/firestore/firestore.js';
import { JsonLogger } from '../../src/shared/logger.js';
import { type FakeSlack, startFakeSlack } from './fake-slack.js';
import { testDb } from './test-db.js';

export { newTeamId } from './test-db.js';

import {
  blockActionPayload,
  eventBody,
  globalShortcutPayload,
  interactionBody,
  messageShortcutPayload,
  type PostResult,
  postSigned,
  slashCommandBody,
  viewSubmissionPayload,
} from './slack-requests.js';

export const SIGNING_SECRET = 'kept-test-signing-secret';

export interface KeptHarness {
  readonly kept: KeptApp;
  readonly fake: FakeSlack;
  readonly db: Firestore;
  readonly url: string;
  readonly logLines: string[];
  now: Date;
  /** Sends a signed slash command; waits briefly for the reply Kept posts to its response_url. */
  command(
    teamId: string,
    userId: string,
    command: string,
    text: string,
    extra?: { channelId?: string; replyWaitMs?: number },
  ): Promise<{ status: number; reply: Record<string, any> }>;
  action(
    teamId: string,
    userId: string,
    actionId: string,
    value: string,
    extra?: { selectedOption?: string; replyWaitMs?: number; blockId?: string; messageTs?: string },
  ): Promise<{ status: number; reply?: Record<string, any> }>;
  submit(teamId: string, userId: string, callbackId: string, values: Record<string, Record<string, object>>, privateMetadata?: string): Promise<PostResult>;
  /** A button click on the user's App Home: no response_url, the Home view as container. */
  homeAction(teamId: string, userId: string, actionId: string, value: string): Promise<PostResult>;
  /** Sends a signed Events API callback. */
  event(teamId: string, event: object): Promise<PostResult>;
  messageShortcut(
    teamId: string,
    userId: string,
    callbackId: string,
    message: { channelId: string; ts: string; text: string; userId?: string },
    responseKey?: string,
  ): Promise<PostResult>;
  globalShortcut(teamId: string, userId: string, callbackId: string): Promise<PostResult>;
  stop(): Promise<void>;
}

export interface KeptOptions {
  now?: Date;
  /** A Firestore project of its own, for tests that sweep every workspace. */
  projectId?: string;
  /** A Firestore client of the test's own (for example one that cannot reach any database). */
  db?: Firestore;
  /** Overrides of the configuration (OAuth, the jobs endpoint's secret, …). */
  config?: (base: Config) => Config;
  /** Extra routes, e.g. the jobs endpoint, given the app's Firestore and the fake's URL. */
  routes?: (env: { db: Firestore; fakeUrl: string; clock: () => Date; logger: JsonLogger; config: Config }) => CustomRoute[];
}

/** The real Kept app in HTTP mode on a free port, its Web API pointed at a fake Slack, its data in the emulator. */
export async function startKept(options: KeptOptions = {}): Promise<KeptHarness> {
  const fake = await startFakeSlack();
  const db = options.db ?? (options.projectId ? createFirestore(options.projectId, process.env.FIRESTORE_EMULATOR_HOST) : testDb());
  const logLines: string[] = [];
  const baseConfig: Config = {
    slack: { botToken: 'xoxb-test-token', signingSecret: SIGNING_SECRET, appToken: undefined, apiUrl: fake.url },
    port: 0,
    firestore: { mode: 'emulator', projectId: 'kept-test', host: process.env.FIRESTORE_EMULATOR_HOST ?? '' },
    schedulerEnabled: false,
    logLevel: 'info',
    jobs: { secret: undefined, oidcAudience: undefined, oidcEmail: undefined },
  };
  const config = options.config ? options.config(baseConfig) : baseConfig;
  const harness = { now: options.now ?? new Date('2026-12-01T09:00:00Z') } as KeptHarness;
  const logger = new JsonLogger('info', (line) => logLines.push(line));
  const clock = () => harness.now;
  const extraRoutes = options.routes?.({ db, fakeUrl: fake.url, clock, logger, config }) ?? [];
  const kept = createApp({ config, db, logger, clock, retryConfig: { retries: 0 }, extraRoutes });
  const server = (await kept.app.start({ port: 0, host: '127.0.0.1' } as never)) as unknown as Server;
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let counter = 0;

  const post = (body: string) => postSigned(`${url}/slack/events`, body, { signingSecret: SIGNING_SECRET });

  return Object.assign(harness, {
    kept,
    fake,
    db,
    url,
    logLines,
    async command(teamId: string, userId: string, command: string, text: string, extra: { channelId?: string; replyWaitMs?: number } = {}) {
      const key = `cmd${++counter}`;
      const result = await post(
        slashCommandBody({ teamId, userId, command, text, responseUrl: fake.responseUrl(key), channelId: extra.channelId ?? 'C_TEST' }),
      );
      const [reply] = await fake.waitForCalls(`response_url:${key}`, 1, extra.replyWaitMs ?? 5_000).catch(() => [undefined]);
      return { status: result.status, reply: reply?.args ?? {} };
    },
    async action(
      teamId: string,
      userId: string,
      actionId: string,
      value: string,
      extra: { selectedOption?: string; replyWaitMs?: number; blockId?: string; messageTs?: string } = {},
    ) {
      const key = `act${++counter}`;
      const payload = blockActionPayload({
        teamId,
        userId,
        actionId,
        ...(extra.blockId ? { blockId: extra.blockId } : {}),
        ...(extra.messageTs ? { messageTs: extra.messageTs } : {}),
        ...(extra.selectedOption ? { selectedOption: { value: extra.selectedOption } } : { value }),
        responseUrl: fake.responseUrl(key),
      });
      const result = await post(interactionBody(payload));
      const [reply] = await fake.waitForCalls(`response_url:${key}`, 1, extra.replyWaitMs ?? 1_500).catch(() => [undefined]);
      return { status: result.status, reply: reply?.args };
    },
    submit(teamId: string, userId: string, callbackId: string, values: Record<string, Record<string, object>>, privateMetadata = '{}') {
      return post(interactionBody(viewSubmissionPayload({ teamId, userId, callbackId, values, privateMetadata })));
    },
    homeAction(teamId: string, userId: string, actionId: string, value: string) {
      const view = { id: 'VHOME', type: 'home', callback_id: 'kept_home' };
      return post(interactionBody(blockActionPayload({ teamId, userId, actionId, value, view })));
    },
    event(teamId: string, event: object) {
      return post(eventBody({ teamId, event }));
    },
    messageShortcut(
      teamId: string,
      userId: string,
      callbackId: string,
      message: { channelId: string; ts: string; text: string; userId?: string },
      responseKey = 'shortcut',
    ) {
      return post(
        interactionBody(
          messageShortcutPayload({
            teamId,
            userId,
            callbackId,
            channelId: message.channelId,
            messageTs: message.ts,
            messageText: message.text,
            ...(message.userId ? { messageUserId: message.userId } : {}),
            responseUrl: fake.responseUrl(responseKey),
          }),
        ),
      );
    },
    globalShortcut(teamId: string, userId: string, callbackId: string) {
      return post(interactionBody(globalShortcutPayload({ teamId, userId, callbackId })));
    },
    async stop() {
      // Work Kept does after acknowledging (Home refreshes, thread posts) finishes before Firestore closes.
      await kept.idle(10_000);
      await kept.app.stop();
      // As main.ts does: work still under way after the last ack (a Home refresh) finishes before Firestore closes.
      await kept.idle(10_000);
      await fake.close();
      // Close only what the harness opened: a test's own client (like one with no database behind it,
      // whose calls are still retrying) is the test's to close.
      if (!options.db) await db.terminate();
    },
  });
}
