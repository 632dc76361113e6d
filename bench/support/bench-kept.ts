import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Firestore } from '@google-cloud/firestore';
import { createApp, type KeptApp } from '../../src/app.js';
import type { Config } from '../../src/config.js';
import { JsonLogger } from '../../src/shared/logger.js';

export interface BenchKeptOptions {
  readonly db: Firestore;
  readonly projectId: string;
  /** The Firestore emulator's host:port. */
  readonly host: string;
  /** The fake Slack Web API's URL. */
  readonly slackApiUrl: string | undefined;
  readonly signingSecret: string;
  readonly clock: () => Date;
}

/** Kept over HTTP on a free port, as the benches run it: the emulator, a fake Slack, no scheduler, errors only, no retries. */
export async function startBenchKept(options: BenchKeptOptions): Promise<{ kept: KeptApp; server: Server; url: string }> {
  const config: Config = {
    slack: { botToken: 'xoxb-bench', signingSecret: options.signingSecret, appToken: undefined, apiUrl: options.slackApiUrl },
    port: 0,
    firestore: { mode: 'emulator', projectId: options.projectId, host: options.host },
    schedulerEnabled: false,
    logLevel: 'error',
    jobs: { secret: undefined, oidcAudience: undefined, oidcEmail: undefined },
  };
  const kept = createApp({ config, db: options.db, logger: new JsonLogger('error'), clock: options.clock, retryConfig: { retries: 0 } });
  const server = (await kept.app.start({ port: 0, host: '127.0.0.1' } as never)) as unknown as Server;
  return { kept, server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events` };
}
