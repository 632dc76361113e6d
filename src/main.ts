import { existsSync } from 'node:fs';
import { createApp } from './app.js';
import { ConfigError, loadConfig, SETUP_HELP, secretsOf, serviceContextFrom } from './config.js';
import { jobRoute } from './jobs/job-route.js';
import { createJobs, JOB_NAMES, type Jobs } from './jobs/jobs.js';
import { type RunningSchedule, startSchedule } from './jobs/schedule.js';
import { createFirestore } from './shared/firestore/firestore.js';
import { type RunningEmulator, startFirestoreEmulator } from './shared/firestore/firestore-emulator.js';
import { InFlight } from './shared/in-flight.js';
import { JsonLogger } from './shared/logger.js';
import { installationStoreFor } from './shared/slack/installation-store.js';
import { UserDirectory } from './shared/slack/slack-users.js';

/** Process entry: config → store → app → (scheduler); a graceful stop. The only place that reads the clock. */
async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.missingSlackCredentials ? `${SETUP_HELP}\n\n` : ''}${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = new JsonLogger(config.logLevel, undefined, { secrets: secretsOf(config), serviceContext: serviceContextFrom() });
  const startedAt = performance.now();

  let emulator: RunningEmulator | undefined;
  let emulatorHost: string | undefined;
  if (config.firestore.mode === 'embedded') {
    logger.event('info', 'starting the local Firestore emulator', { dataDir: config.firestore.dataDir });
    emulator = await startFirestoreEmulator({
      dataDir: config.firestore.dataDir,
      projectId: config.firestore.projectId,
      log: (line) => logger.event('debug', line, { component: 'firestore-emulator' }),
    });
    emulatorHost = emulator.host;
  } else if (config.firestore.mode === 'emulator') {
    emulatorHost = config.firestore.host;
  }
  const db = createFirestore(config.firestore.projectId, emulatorHost);
  const clock = () => new Date();
  const installations = config.slack.oauth ? installationStoreFor(db, config.slack.oauth.tokenKeys) : undefined;
  // One directory of Slack users for the app and the schedule: a user_change event updates both.
  const users = new UserDirectory();
  const jobs = createJobs({ config, db, logger, installations, users });
  let accepting = true;
  // Job runs started by POST /jobs/:name, so a stop waits for them as it does for Slack requests.
  const jobRuns = new InFlight();
  const trackedJobs = Object.fromEntries(JOB_NAMES.map((name) => [name, (now: Date) => jobRuns.track(jobs[name](now))])) as Jobs;
  const extraRoutes = [jobRoute({ jobs: trackedJobs, config, clock, logger, accepting: () => accepting })];
  const kept = createApp({ config, db, logger, clock, installations, extraRoutes, accepting: () => accepting, users });
  const { app } = kept;
  await app.start();
  const schedule: RunningSchedule | undefined = config.schedulerEnabled ? startSchedule(jobs, clock, logger) : undefined;
  logger.event('info', 'Kept is ready', {
    mode: config.slack.appToken ? 'socket' : 'http',
    workspaces: config.slack.oauth ? 'oauth' : 'single',
    port: config.port,
    firestore: config.firestore.mode,
    ...(emulatorHost ? { firestoreEmulatorHost: emulatorHost } : {}),
    scheduler: schedule ? 'on' : 'off',
    startupMs: Math.round(performance.now() - startedAt),
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    accepting = false;
    const stopAt = performance.now();
    logger.event('info', 'stopping', { signal });
    // Past 15 s, go anyway: Cloud Run's SIGKILL comes 10 s after SIGTERM, and unfinished posts keep claims that lapse.
    const deadline = setTimeout(() => process.exit(1), 15_000);
    deadline.unref();
    // The server stays up while work drains: /jobs and /healthz answer 503 instead of refusing the connection.
    const drained = await Promise.all([schedule?.stop(10_000).then(() => true), kept.idle(10_000), jobRuns.idle(10_000)]);
    if (drained.includes(false)) logger.event('warn', 'stopping with work still under way', { signal });
    await app.stop().catch((e) => logger.event('warn', 'app did not stop cleanly', { error: e instanceof Error ? e.message : String(e) }));
    await db.terminate().catch(() => undefined);
    // The emulator writes its data to .data/ on the way out, so a restart finds it again.
    await emulator?.stop();
    logger.event('info', 'stopped', { signal, stopMs: Math.round(performance.now() - stopAt) });
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error) => {
  process.stderr.write(`Kept could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
