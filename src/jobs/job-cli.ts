import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, secretsOf, serviceContextFrom } from '../config.js';
import { createFirestore } from '../shared/firestore/firestore.js';
import { JsonLogger } from '../shared/logger.js';
import { createJobs, formatSummary, JOB_NAMES, type JobName } from './jobs.js';

const USAGE = `Usage: npm run job -- <${JOB_NAMES.join('|')}> [--now 2026-12-03T09:00:00Z]

Runs one job once and exits: for deployments with an external scheduler, and for operators.
  --now   evaluate as of this instant (ISO 8601) instead of the current time
Exit code: 0 when every step went out or was deferred, 1 when a step failed, 2 on bad usage.`;

/** Process entry for one job run; like main.ts, the only other place that reads the clock. */
async function run(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { now: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const [name, ...extra] = parsed.positionals;
  if (parsed.values.help || !name || extra.length > 0 || !JOB_NAMES.includes(name as JobName)) {
    process.stderr.write(`${name && !parsed.values.help ? `Unknown job "${name}".\n\n` : ''}${USAGE}\n`);
    return parsed.values.help ? 0 : 2;
  }
  const now = parsed.values.now ? new Date(parsed.values.now) : new Date();
  if (Number.isNaN(now.getTime())) {
    process.stderr.write(`--now must be an ISO 8601 instant, like 2026-12-03T09:00:00Z.\n`);
    return 2;
  }

  if (existsSync('.env')) process.loadEnvFile('.env');
  let config;
  try {
    config = loadConfig(process.env, { forJobs: true });
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
  if (config.firestore.mode === 'embedded') {
    process.stderr.write(
      'The job needs the database the app uses: set FIRESTORE_EMULATOR_HOST (npm start logs its embedded emulator address) or GOOGLE_CLOUD_PROJECT.\n',
    );
    return 2;
  }
  const logger = new JsonLogger(config.logLevel, (line) => process.stderr.write(`${line}\n`), {
    secrets: secretsOf(config),
    serviceContext: serviceContextFrom(),
  });
  const db = createFirestore(config.firestore.projectId, config.firestore.mode === 'emulator' ? config.firestore.host : undefined);
  try {
    const summary = await createJobs({ config, db, logger })[name as JobName](now);
    process.stdout.write(`${formatSummary(name, summary)}\n`);
    return summary.failed > 0 ? 1 : 0;
  } finally {
    await db.terminate();
  }
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`The job could not run: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
