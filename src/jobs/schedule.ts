import cron from 'node-cron';
import type { JsonLogger } from '../shared/logger.js';
import { formatSummary, type JobName, type Jobs } from './jobs.js';

/** The one schedule table: which job runs when (node-cron syntax, UTC). */
export const SCHEDULE: ReadonlyArray<{ job: JobName; cron: string }> = [
  { job: 'reminders', cron: '* * * * *' },
  // Each workspace's recap time is in its own zone: the job looks every 5 minutes at those whose time has come.
  { job: 'recap', cron: '*/5 * * * *' },
];

export interface RunningSchedule {
  /** Stops new runs and waits (up to `graceMs`) for the ones in flight. */
  stop(graceMs?: number): Promise<void>;
}

/** Runs the jobs in-process. A run still going when its next tick comes is not started twice. */
export function startSchedule(jobs: Jobs, clock: () => Date, logger: JsonLogger): RunningSchedule {
  const inFlight = new Map<JobName, Promise<void>>();
  const tasks = SCHEDULE.map(({ job, cron: expression }) =>
    cron.schedule(
      expression,
      () => {
        if (inFlight.has(job)) return;
        const run = jobs[job](clock())
          .then((summary) => {
            const quiet = summary.sent + summary.failed + summary.deferred + summary.skipped === 0;
            logger.event(summary.failed > 0 ? 'warn' : quiet ? 'debug' : 'info', formatSummary(job, summary), { job, ...summary });
          })
          .catch((error) => logger.event('error', `${job} failed`, { job, error }))
          .finally(() => inFlight.delete(job));
        inFlight.set(job, run);
      },
      { timezone: 'UTC', noOverlap: true, name: `kept-${job}` },
    ),
  );
  return {
    async stop(graceMs = 10_000) {
      for (const task of tasks) await task.stop();
      await Promise.race([Promise.all(inFlight.values()), new Promise((r) => setTimeout(r, graceMs).unref())]);
    },
  };
}
