import { existsSync } from 'node:fs';
import { createApp } from './app.js';
import { ConfigError, loadConfig, SETUP_HELP, secretsOf } from './config.js';
import { jobRoute } from './jobs/job-route.js';
import { createJobs } from './jobs/jobs.js';
import { type RunningSchedule, startSchedule } from './jobs/schedule.js';
import { createFirestore } from './shared/firestore/firestore.js';
import { type RunningEmulator, startFirestoreEmulator } from './shared/firestore/firestore-emulator.js';
import { JsonLogger } from './shared/logger.js';
import { FirestoreInstallationStore } from './shared/slack/installation-store.js';
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
  const logger = new JsonLogger(config.logLevel, undefined, { secrets: secretsOf(config) });
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
  const installations = config.slack.oauth ? new FirestoreInstallationStore(db) : undefined;
  // One directory of Slack users for the app and the schedule: a user_change event updates both.
  const users = new UserDirectory();
  const jobs = createJobs({ config, db, logger, installations, users });
  let accepting = true;
  const extraRoutes = [jobRoute({ jobs, config, clock, logger, accepting: () => accepting })];
  const kept = createApp({ config, db, logger, clock, installations, extraRoutes, users });
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
    logger.event('info', 'stopping', { signal });
    // Finish what is in flight within 10 s; past that, go anyway (the claims of unfinished posts lapse).
    const deadline = setTimeout(() => process.exit(1), 20_000);
    deadline.unref();
    await Promise.all([
      schedule?.stop(10_000),
      (async () => {
        await app.stop().catch((e) => logger.event('warn', 'app did not stop cleanly', { error: String(e) }));
        if (!(await kept.idle(10_000))) logger.event('warn', 'stopping with requests still being handled');
      })(),
    ]);
    await db.terminate().catch(() => undefined);
    // The emulator writes its data to .data/ on the way out, so a restart finds it again.
    await emulator?.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error) => {
  process.stderr.write(`Kept could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
