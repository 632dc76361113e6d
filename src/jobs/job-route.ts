import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CustomRoute } from '@slack/bolt';
import { OAuth2Client } from 'google-auth-library';
import type { Config } from '../config.js';
import type { JsonLogger } from '../shared/logger.js';
import { formatSummary, JOB_NAMES, type JobName, type Jobs } from './jobs.js';

export const JOBS_SECRET_HEADER = 'x-kept-jobs-secret';

export interface JobRouteDeps {
  readonly jobs: Jobs;
  readonly config: Pick<Config, 'jobs'>;
  readonly clock: () => Date;
  readonly logger: JsonLogger;
  /** False once the process is stopping: no new work. */
  readonly accepting: () => boolean;
  /** Checks a Google-signed OIDC token (Cloud Scheduler, Cloud Tasks); replaceable in tests. */
  readonly verifyOidc?: (token: string, audience: string) => Promise<{ email?: string | undefined } | undefined>;
}

/**
 * `POST /jobs/:name` for an external scheduler (Cloud Scheduler → Cloud Run). Authenticated by the
 * shared secret header and/or a Google OIDC token, whichever are configured; with neither, the
 * route answers 404 as if it were not there.
 */
export function jobRoute(deps: JobRouteDeps): CustomRoute {
  const oidc = new OAuth2Client();
  const verifyOidc =
    deps.verifyOidc ??
    (async (token: string, audience: string) => {
      const ticket = await oidc.verifyIdToken({ idToken: token, audience });
      const payload = ticket.getPayload();
      return payload?.email_verified ? { email: payload.email } : undefined;
    });

  return {
    path: '/jobs/:name',
    method: ['POST'],
    handler: async (req: IncomingMessage & { params?: Record<string, string | string[]> }, res: ServerResponse) => {
      const { secret, oidcAudience } = deps.config.jobs;
      if (!secret && !oidcAudience) return send(res, 404, { ok: false, error: 'not_found' });
      if (!(await authorized(req, deps, verifyOidc))) return send(res, 401, { ok: false, error: 'unauthorized' });
      const name = String(req.params?.name ?? '');
      if (!JOB_NAMES.includes(name as JobName)) return send(res, 404, { ok: false, error: 'unknown_job', jobs: JOB_NAMES });
      if (!deps.accepting()) return send(res, 503, { ok: false, error: 'stopping' });
      try {
        const summary = await deps.jobs[name as JobName](deps.clock());
        deps.logger.event(summary.failed > 0 ? 'warn' : 'info', formatSummary(name, summary), { job: name, trigger: 'http', ...summary });
        // Non-2xx when a step failed, so the scheduler's own monitoring sees it; re-running is harmless.
        return send(res, summary.failed > 0 ? 500 : 200, { ok: summary.failed === 0, job: name, ...summary });
      } catch (error) {
        deps.logger.event('error', `${name} failed`, { job: name, trigger: 'http', error });
        return send(res, 500, { ok: false, error: 'job_failed' });
      }
    },
  };
}

async function authorized(req: IncomingMessage, deps: JobRouteDeps, verifyOidc: NonNullable<JobRouteDeps['verifyOidc']>): Promise<boolean> {
  const { secret, oidcAudience, oidcEmail } = deps.config.jobs;
  if (secret) {
    const given = Buffer.from(String(req.headers[JOBS_SECRET_HEADER] ?? ''));
    const expected = Buffer.from(secret);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return false;
  }
  if (oidcAudience) {
    const token = String(req.headers.authorization ?? '').replace(/^Bearer\s+/i, '');
    if (!token) return false;
    const identity = await verifyOidc(token, oidcAudience).catch(() => undefined);
    // Config validation requires the email with the audience; without one nobody is let in.
    if (!identity || !oidcEmail || identity.email !== oidcEmail) return false;
  }
  return true;
}

function send(res: ServerResponse, status: number, body: object): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
