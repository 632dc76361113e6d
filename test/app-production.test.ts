import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOBS_SECRET_HEADER, jobRoute } from '../src/jobs/job-route.js';
import { createJobs } from '../src/jobs/jobs.js';
import { type KeptHarness, newTeamId, SIGNING_SECRET, startKept } from './support/kept-harness.js';
import { eventBody, postSigned } from './support/slack-requests.js';
import { isolatedProjectId } from './support/sweep-fixture.js';

const SECRET = 'a-long-shared-jobs-secret';
let h: KeptHarness;
let accepting = true;
const oidcTokens = new Map([['good-token', { email: 'scheduler@kept-prod.iam.gserviceaccount.com' }]]);
beforeAll(async () => {
  h = await startKept({
    projectId: isolatedProjectId(),
    config: (base) => ({ ...base, jobs: { secret: SECRET, oidcAudience: undefined, oidcEmail: undefined } }),
    routes: ({ db, fakeUrl, clock, logger, config }) => [
      jobRoute({
        jobs: createJobs({ config: { slack: { ...config.slack, apiUrl: fakeUrl } }, db, logger, channelIntervalMs: 0 }),
        config,
        clock,
        logger,
        accepting: () => accepting,
      }),
    ],
  });
});
afterAll(() => h.stop());

const trigger = (name: string, headers: Record<string, string> = {}) =>
  fetch(`${h.url}/jobs/${name}`, { method: 'POST', headers }).then(async (r) => ({ status: r.status, body: await r.json() }));

describe('POST /jobs/:name', () => {
  it('runs a job for a caller with the shared secret and answers its summary', async () => {
    h.now = new Date('2031-01-01T00:00:00Z');
    const { status, body } = await trigger('reminders', { [JOBS_SECRET_HEADER]: SECRET });
    expect(status).toBe(200);
    expect(body).toMatchObject({ ok: true, job: 'reminders', failed: 0 });
  });

  it('refuses a missing or wrong secret with 401, and an unknown job with 404', async () => {
    expect((await trigger('reminders')).status).toBe(401);
    expect((await trigger('reminders', { [JOBS_SECRET_HEADER]: 'a-long-shared-jobs-secreT' })).status).toBe(401);
    expect((await trigger('everything', { [JOBS_SECRET_HEADER]: SECRET })).status).toBe(404);
  });

  it('takes no new work while stopping', async () => {
    accepting = false;
    expect((await trigger('reminders', { [JOBS_SECRET_HEADER]: SECRET })).status).toBe(503);
    accepting = true;
  });
});

describe('the jobs endpoint with Google OIDC', () => {
  let oidc: KeptHarness;
  beforeAll(async () => {
    oidc = await startKept({
      projectId: isolatedProjectId(),
      config: (base) => ({
        ...base,
        jobs: { secret: undefined, oidcAudience: 'https://kept.example/jobs', oidcEmail: 'scheduler@kept-prod.iam.gserviceaccount.com' },
      }),
      routes: ({ db, fakeUrl, clock, logger, config }) => [
        jobRoute({
          jobs: createJobs({ config: { slack: { ...config.slack, apiUrl: fakeUrl } }, db, logger }),
          config,
          clock,
          logger,
          accepting: () => true,
          verifyOidc: async (token, audience) => (audience === 'https://kept.example/jobs' ? oidcTokens.get(token) : undefined),
        }),
      ],
    });
    oidc.now = new Date('2031-01-01T00:00:00Z');
  });
  afterAll(() => oidc.stop());
  const call = (auth?: string) => fetch(`${oidc.url}/jobs/reminders`, { method: 'POST', headers: auth ? { authorization: auth } : {} }).then((r) => r.status);

  it('accepts a verified token from the configured service account only', async () => {
    expect(await call('Bearer good-token')).toBe(200);
    expect(await call('Bearer forged-token')).toBe(401);
    expect(await call()).toBe(401);
  });
});

describe('Slack retries and bad requests', () => {
  it('handles an event once even when Slack sends it again with X-Slack-Retry-Num', async () => {
    const seen: string[] = [];
    h.kept.app.event('app_mention', async ({ event }) => {
      seen.push(event.ts);
    });
    // Event ids are remembered for a day in a collection every test shares: this one is new on every run.
    const eventId = `Ev0RETRY${Date.now().toString(36).toUpperCase()}`;
    const body = eventBody({
      teamId: newTeamId(),
      eventId,
      event: { type: 'app_mention', user: 'UANA', text: '<@UBOT> hi', ts: '1.1', channel: 'C1', event_ts: '1.1' },
    });
    const signedAt = Math.floor(Date.now() / 1000);
    const first = await postSigned(`${h.url}/slack/events`, body, { signingSecret: SIGNING_SECRET, timestampSeconds: signedAt });
    const retries = await Promise.all(
      [1, 2, 3].map((n) =>
        postSigned(`${h.url}/slack/events`, body, {
          signingSecret: SIGNING_SECRET,
          // Slack signs each retry anew: the same signature twice would be a replay, dropped before Bolt.
          timestampSeconds: signedAt - n,
          headers: { 'x-slack-retry-num': String(n), 'x-slack-retry-reason': 'http_timeout' },
        }),
      ),
    );
    expect([first, ...retries].map((r) => r.status)).toEqual([200, 200, 200, 200]);
    // Events are acknowledged before they are handled: wait until all four were dealt with.
    const dropped = () => h.logLines.filter((l) => l.includes('repeated Slack event dropped') && l.includes(eventId)).length;
    for (let i = 0; i < 100 && (seen.length < 1 || dropped() < 3); i++) await new Promise((r) => setTimeout(r, 50));
    expect(seen).toEqual(['1.1']);
    expect(dropped()).toBe(3);
  });
  // Unsigned, forged and stale requests of every kind: test/security/request-signing.test.ts.
});
