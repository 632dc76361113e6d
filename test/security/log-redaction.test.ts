// The logger's redaction against tricky inputs: tokens and secrets inside JSON (nested, so their quotes
// arrive escaped), inside error stacks and messages, URL-encoded, at the start of a line, and secrets that
// carry no label at all (the configured ones, which the logger is told about).
import { describe, expect, it } from 'vitest';
import { loadConfig, secretsOf } from '../../src/config.js';
import { JsonLogger, redactSecrets } from '../../src/shared/logger.js';

const BOT = 'xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOpQrStUvWx';
const USER = 'xoxp-1234567890-1111111111-2222222222-abcdef0123456789abcdef';
const REFRESH = 'xoxe-1-My0xLTEyMzQ1Njc4OTAtMTIzNDU2Nzg5MDEyMy1hYmNkZWY';
const ROTATED = 'xoxe.xoxb-1-MS0yLTEyMzQ1Njc4OTAtMTIzNDU2Nzg5MDEyMy0';
const APP = 'xapp-1-A0123456789-1234567890123-0123456789abcdef0123456789abcdef';
const WORKFLOW = 'xwfp-1234567890-A0123456789-Fx0123ABCD-0123456789abcdef0123';
const SIGNING = '8f14e45fceea167a5a36dedd4bea2543';
const OIDC = 'eyJhbGciOiJSUzI1NiJ9.eyJlbWFpbCI6InNjaGVkdWxlciJ9.c2lnbmF0dXJl';
const JOBS = 'a-long-shared-jobs-secret-0123456789';
/** 32 bytes in base64: the key that seals stored OAuth tokens (required with OAuth distribution). */
const TOKEN_KEY = Buffer.alloc(32, 7).toString('base64');

/** Logs through every door the logger has, and returns the lines it wrote. */
function lines(log: (logger: JsonLogger) => void, secrets: string[] = []): string[] {
  const out: string[] = [];
  log(new JsonLogger('debug', (line) => out.push(line), { secrets }));
  return out;
}

const withSecret = (text: string) =>
  [BOT, USER, REFRESH, ROTATED, APP, WORKFLOW, SIGNING, OIDC, JOBS].filter((s) => text.includes(s) || text.includes(s.slice(5, 25)));

const CASES: { name: string; log: (logger: JsonLogger) => void }[] = [
  { name: 'a bot token in a message', log: (l) => l.info(`posting with ${BOT}`) },
  { name: 'every kind of Slack token', log: (l) => l.warn(`${USER} ${REFRESH} ${ROTATED} ${APP}`) },
  { name: 'a token at the start of a line of a multi-line message', log: (l) => l.error(`could not post:\n${BOT}\n${APP}`) },
  { name: 'a token after a tab or a quote', log: (l) => l.error(`a\t${BOT} '${USER}' "${APP}"`) },
  { name: 'a token glued to a word', log: (l) => l.info(`token_${BOT} tok${USER}`) },
  { name: 'a token in an object', log: (l) => l.info('request', { token: BOT, nested: { headers: { Authorization: `Bearer ${BOT}` } } }) },
  {
    name: 'a token in a structured field',
    log: (l) => l.event('error', 'failed', { error: `invalid_auth for ${BOT}`, body: JSON.stringify({ token: USER }) }),
  },
  { name: 'a token in an error message and stack', log: (l) => l.error(new Error(`An API error occurred with ${BOT}`)) },
  { name: 'an error inside an object', log: (l) => l.error('failed', { cause: new Error(`refused ${APP}`) }) },
  { name: 'a URL-encoded form body', log: (l) => l.debug(`body: token=${encodeURIComponent(BOT)}&channel=C1&authorization=Bearer%20${BOT}`) },
  { name: 'a token after an encoded separator', log: (l) => l.debug(`token%3D${BOT}%26x%3D1 Bearer%20${USER} %22${APP}%22`) },
  { name: 'a token with an encoded hyphen', log: (l) => l.debug(`token=${BOT.replaceAll('-', '%2D')}`) },
  {
    name: "a workflow step's token in its event body",
    log: (l) => l.event('error', 'request failed', { body: JSON.stringify({ event: { type: 'function_executed', bot_access_token: WORKFLOW } }) }),
  },
  { name: 'a token in a URL', log: (l) => l.info(`GET https://slack.com/api/auth.test?token=${BOT}&pretty=1`) },
  { name: 'a labelled signing secret in prose', log: (l) => l.warn(`signing secret: ${SIGNING}`) },
  { name: 'a signing secret in an object (escaped quotes once logged)', log: (l) => l.info('config', { slack: { signingSecret: SIGNING, botToken: BOT } }) },
  { name: 'an environment dump', log: (l) => l.info(`SLACK_SIGNING_SECRET=${SIGNING} SLACK_BOT_TOKEN=${BOT} SLACK_APP_TOKEN=${APP}`) },
  {
    name: 'a JSON string holding JSON',
    log: (l) => l.event('warn', 'bad config', { raw: JSON.stringify({ SLACK_SIGNING_SECRET: SIGNING, jobs: { secret: JOBS } }) }),
  },
  { name: 'a client secret in an OAuth exchange', log: (l) => l.debug(`oauth.v2.access client_id=1.2&client_secret=${SIGNING}&code=abc`) },
  { name: 'a non-Slack bearer token (OIDC)', log: (l) => l.warn('jobs call refused', { headers: { authorization: `Bearer ${OIDC}` } }) },
  { name: 'a jobs secret header', log: (l) => l.warn(`refused: x-kept-jobs-secret: ${JOBS}`) },
];

describe('the logger', () => {
  it.each(CASES)('keeps secrets out of the line: $name', ({ log }) => {
    const out = lines(log);
    expect(out).toHaveLength(1);
    expect(() => JSON.parse(out[0]!)).not.toThrow();
    expect(withSecret(out[0]!)).toEqual([]);
  });

  it('redacts the configured secrets wherever they appear, even with no label at all', () => {
    const out = lines(
      (l) => {
        l.error(`verification failed: expected ${SIGNING}`);
        l.event('warn', 'refused', { got: encodeURIComponent(JOBS), nested: { deeper: [JOBS] } });
        l.error(new Error(`boom ${SIGNING}`));
      },
      [SIGNING, JOBS],
    );
    expect(out.filter((line) => withSecret(line).length > 0)).toEqual([]);
    expect(out.every((line) => line.includes('[redacted]'))).toBe(true);
  });

  it('is told every configured token and secret at start-up', () => {
    const TOKEN_KEY = Buffer.alloc(32, 3).toString('base64');
    const config = loadConfig({
      SLACK_BOT_TOKEN: BOT,
      SLACK_SIGNING_SECRET: SIGNING,
      SLACK_APP_TOKEN: APP,
      KEPT_JOBS_SECRET: JOBS,
      SLACK_CLIENT_ID: '123.456',
      SLACK_CLIENT_SECRET: 'oauth-client-secret-value',
      SLACK_STATE_SECRET: 'oauth-state-secret-value',
      KEPT_TOKEN_KEY: TOKEN_KEY,
      GOOGLE_CLOUD_PROJECT: 'p',
    });
    expect(secretsOf(config).sort()).toEqual([BOT, SIGNING, APP, JOBS, 'oauth-client-secret-value', 'oauth-state-secret-value', TOKEN_KEY].sort());
    const out = lines((l) => l.info(`state oauth-state-secret-value, client oauth-client-secret-value`), secretsOf(config));
    expect(out[0]).not.toContain('secret-value');
  });

  it('leaves ordinary words alone', () => {
    const text = 'tokens_revoked: Kept was uninstalled or its tokens revoked; token expired; the secret sauce is kindness';
    expect(redactSecrets(text)).toBe(text);
    expect(JSON.parse(lines((l) => l.info(text))[0]!).message).toBe(text);
  });

  it('counts its work: every case above, no secret left', () => {
    const out = CASES.flatMap((c) => lines(c.log));
    const leaking = out.filter((line) => withSecret(line).length > 0).length;
    console.log(`Log redaction: ${CASES.length} tricky inputs, ${out.length} lines, ${leaking} with a secret left`);
    expect(leaking).toBe(0);
  });
});
