import type { AddressInfo } from 'node:net';
import { App, LogLevel } from '@slack/bolt';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeSlack, startFakeSlack } from './fake-slack.js';
import { blockActionPayload, eventBody, interactionBody, postSigned, signSlackRequest, slashCommandBody, viewSubmissionPayload } from './slack-requests.js';

describe('signSlackRequest', () => {
  it("matches the example in Slack's request-verification docs", () => {
    const body =
      'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
    expect(signSlackRequest(body, '8f742231b10e8888abcd99yyyzzz85a5', 1531420618)).toEqual({
      'x-slack-signature': 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503',
      'x-slack-request-timestamp': '1531420618',
    });
  });
});

describe('a real Bolt app over HTTP, talking to the fake Slack', () => {
  const signingSecret = 'test-secret';
  let fake: FakeSlack;
  let app: App;
  let endpoint: string;
  const actions: Array<{ actionId: string; value: unknown; userId: string; teamId: string | undefined }> = [];
  const submissions: string[] = [];
  const events: string[] = [];
  const errors: Array<{ code?: string; statusCode?: number }> = [];

  beforeAll(async () => {
    fake = await startFakeSlack();
    app = new App({
      signingSecret,
      token: 'xoxb-test',
      logLevel: LogLevel.ERROR,
      clientOptions: { slackApiUrl: fake.url, retryConfig: { retries: 0 } },
    });
    app.command('/ping', async ({ ack, respond }) => {
      await ack();
      await respond('pong');
    });
    app.error(async (error) => {
      errors.push(error as { code?: string; statusCode?: number });
    });
    app.action('kept_button', async ({ ack, body, action, respond }) => {
      await ack();
      actions.push({ actionId: 'kept_button', value: (action as { value?: string }).value, userId: body.user.id, teamId: body.team?.id });
      await respond({ text: 'Marked as kept', replace_original: true });
    });
    app.view('new_promise', async ({ ack, view }) => {
      const text = view.state.values.b_text?.a_text?.value ?? '';
      if (text === '') {
        await ack({ response_action: 'errors', errors: { b_text: 'Say what you promised' } });
        return;
      }
      submissions.push(text);
      await ack();
    });
    app.event('app_home_opened', async ({ event, client }) => {
      events.push(event.user);
      await client.views.publish({ user_id: event.user, view: { type: 'home', blocks: [] } });
    });
    const server = await app.start({ port: 0, host: '127.0.0.1' });
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
  });
  afterAll(async () => {
    await app.stop();
    await fake.close();
  });
  beforeEach(() => {
    fake.reset();
  });

  const ping = (responseUrl: string) => slashCommandBody({ teamId: 'T_PING', userId: 'U1', command: '/ping', text: 'hello there', responseUrl });

  it('acks a signed slash command with 200 and its respond() lands on the response_url', async () => {
    const res = await postSigned(endpoint, ping(fake.responseUrl('ping')), { signingSecret });
    expect(res.status).toBe(200);
    const [call] = await fake.waitForCalls('response_url:ping', 1);
    expect(call?.args).toEqual({ text: 'pong' });
  });

  it('rejects a forged signature with 401 and never runs the listener', async () => {
    const res = await postSigned(endpoint, ping(fake.responseUrl('forged')), { signingSecret, signature: `v0=${'0'.repeat(64)}` });
    expect(res.status).toBe(401);
    const wrongSecret = await postSigned(endpoint, ping(fake.responseUrl('forged')), { signingSecret: 'not-the-secret' });
    expect(wrongSecret.status).toBe(401);
    await new Promise((r) => setTimeout(r, 100));
    expect(fake.callsTo('response_url:forged')).toHaveLength(0);
  });

  it('rejects a correctly signed request older than five minutes with 401', async () => {
    const sixMinutesAgo = Math.floor(Date.now() / 1000) - 6 * 60;
    const res = await postSigned(endpoint, ping(fake.responseUrl('stale')), { signingSecret, timestampSeconds: sixMinutesAgo });
    expect(res.status).toBe(401);
    const fourMinutesAgo = Math.floor(Date.now() / 1000) - 4 * 60;
    const fresh = await postSigned(endpoint, ping(fake.responseUrl('stale')), { signingSecret, timestampSeconds: fourMinutesAgo });
    expect(fresh.status).toBe(200);
    await fake.waitForCalls('response_url:stale', 1);
  });

  it('delivers a signed block_actions payload to app.action', async () => {
    const payload = blockActionPayload({ teamId: 'T_ACT', userId: 'U2', actionId: 'kept_button', value: 'promise-42', responseUrl: fake.responseUrl('act') });
    const res = await postSigned(endpoint, interactionBody(payload), { signingSecret });
    expect(res.status).toBe(200);
    const [call] = await fake.waitForCalls('response_url:act', 1);
    expect(call?.args).toEqual({ text: 'Marked as kept', replace_original: true });
    expect(actions).toContainEqual({ actionId: 'kept_button', value: 'promise-42', userId: 'U2', teamId: 'T_ACT' });
  });

  it('returns view_submission validation errors in the HTTP response and accepts a valid one', async () => {
    const submit = (value: string) =>
      postSigned(
        endpoint,
        interactionBody(
          viewSubmissionPayload({
            teamId: 'T_VIEW',
            userId: 'U3',
            callbackId: 'new_promise',
            values: { b_text: { a_text: { type: 'plain_text_input', value } } },
          }),
        ),
        { signingSecret },
      );
    const invalid = await submit('');
    expect(invalid.status).toBe(200);
    expect(invalid.json).toEqual({ response_action: 'errors', errors: { b_text: 'Say what you promised' } });
    const valid = await submit('send the quote');
    expect(valid.status).toBe(200);
    expect(valid.text).toBe('');
    expect(submissions).toContain('send the quote');
  });

  it('delivers a signed JSON event and the listener calls the fake with the bot token', async () => {
    const body = eventBody({ teamId: 'T_EVT', event: { type: 'app_home_opened', user: 'U4', channel: 'DU4', tab: 'home', event_ts: '1700000000.000200' } });
    const res = await postSigned(endpoint, body, { signingSecret });
    expect(res.status).toBe(200);
    const [publish] = await fake.waitForCalls('views.publish', 1);
    expect(publish).toMatchObject({ token: 'xoxb-test', args: { user_id: 'U4', view: { type: 'home' } } });
    expect(events).toContain('U4');
  });

  it('reports a failed respond() (e.g. an expired response_url) to the app error handler', async () => {
    fake.injectFault('response_url:gone', { kind: 'status', status: 404 });
    const res = await postSigned(endpoint, ping(fake.responseUrl('gone')), { signingSecret });
    expect(res.status).toBe(200);
    await expect.poll(() => errors).toContainEqual(expect.objectContaining({ code: 'slack_bolt_respond_error', statusCode: 404 }));
  });

  it('answers 400 when a form body is sent with a charset suffix (Bolt matches the content type exactly)', async () => {
    const res = await postSigned(endpoint, ping(fake.responseUrl('charset')), {
      signingSecret,
      contentType: 'application/x-www-form-urlencoded; charset=utf-8',
    });
    expect(res.status).toBe(400);
  });
});
