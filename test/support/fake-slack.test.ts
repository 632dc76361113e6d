import { ErrorCode, WebClient } from '@slack/web-api';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeSlack, startFakeSlack } from './fake-slack.js';

let fake: FakeSlack;
let client: WebClient;

beforeAll(async () => {
  fake = await startFakeSlack();
  client = new WebClient('xoxb-fake', { slackApiUrl: fake.url, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true });
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  fake.reset();
});

const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });

describe('fake Slack Web API', () => {
  it('records the method, the decoded args and the bearer token of each call', async () => {
    const res = await client.chat.postMessage({ channel: 'C1', text: 'hi', blocks: [section('*hi*')], metadata: { event_type: 'x', event_payload: { a: 1 } } });
    expect(res.ok).toBe(true);
    expect(res.channel).toBe('C1');
    expect(res.ts).toMatch(/^\d{10}\.\d{6}$/);
    const [call] = fake.callsTo('chat.postMessage');
    expect(call?.token).toBe('xoxb-fake');
    expect(call?.args).toMatchObject({ channel: 'C1', text: 'hi', blocks: [section('*hi*')], metadata: { event_payload: { a: 1 } } });
    expect(call?.args).not.toHaveProperty('token');
  });

  it('gives each posted message a unique, increasing ts', async () => {
    const a = await client.chat.postMessage({ channel: 'C1', text: 'a' });
    const b = await client.chat.postMessage({ channel: 'C1', text: 'b' });
    expect(Number(b.ts)).toBeGreaterThan(Number(a.ts));
  });

  it('uses a per-call token over the client default, as Bolt does for each workspace', async () => {
    await client.chat.postMessage({ channel: 'C1', text: 'x', token: 'xoxb-other' });
    expect(fake.callsTo('chat.postMessage')[0]?.token).toBe('xoxb-other');
  });

  it('answers not_authed when no token is sent', async () => {
    const anonymous = new WebClient(undefined, { slackApiUrl: fake.url, retryConfig: { retries: 0 } });
    await expect(anonymous.chat.postMessage({ channel: 'C1', text: 'x' })).rejects.toMatchObject({ data: { error: 'not_authed' } });
    expect(fake.callsTo('chat.postMessage')).toHaveLength(0);
    expect(fake.calls[0]?.ok).toBe(false);
  });

  it('answers users.info with the user time zone and its current offset', async () => {
    fake.addUser({ id: 'U1', tz: 'Europe/Warsaw', is_admin: true, name: 'ana' });
    const res = await client.users.info({ user: 'U1' });
    expect(res.user).toMatchObject({ id: 'U1', tz: 'Europe/Warsaw', is_admin: true, is_owner: false, profile: { display_name: 'ana' } });
    expect([3600, 7200]).toContain(res.user?.tz_offset);
    expect(res.user?.tz_label).toMatch(/Central European/);
    fake.addUser({ id: 'U2' });
    expect((await client.users.info({ user: 'U2' })).user).toMatchObject({ tz: 'UTC', tz_offset: 0 });
    await expect(client.users.info({ user: 'U404' })).rejects.toMatchObject({ code: ErrorCode.PlatformError, data: { error: 'user_not_found' } });
  });

  it('answers auth.test for the configured team with the bot user UBOT', async () => {
    fake.setTeam('T9', { enterpriseId: 'E9' });
    expect(await client.auth.test()).toMatchObject({ team_id: 'T9', enterprise_id: 'E9', user_id: 'UBOT' });
    fake.setTeam('T_TEST');
  });

  it('opens a DM channel named after the user and echoes opened views with an id', async () => {
    expect((await client.conversations.open({ users: 'U7' })).channel?.id).toBe('DU7');
    const view = { type: 'modal' as const, callback_id: 'cb', title: { type: 'plain_text' as const, text: 'New promise' }, blocks: [section('x')] };
    const res = await client.views.open({ trigger_id: 't', view });
    expect(res.view?.id).toMatch(/^V/);
    expect(res.view).toMatchObject({ callback_id: 'cb', blocks: [section('x')] });
    expect(fake.callsTo('views.open')[0]?.args.view).toMatchObject(view);
  });

  it('surfaces a 429 with Retry-After as a rate-limited error', async () => {
    fake.injectFault('chat.postMessage', { kind: 'status', status: 429, retryAfterSeconds: 7 });
    await expect(client.chat.postMessage({ channel: 'C1', text: 'x' })).rejects.toMatchObject({ code: ErrorCode.RateLimitedError, retryAfter: 7 });
    expect(fake.calls[0]?.fault).toEqual({ kind: 'status', status: 429, retryAfterSeconds: 7 });
    expect(fake.callsTo('chat.postMessage')).toHaveLength(0);
    await client.chat.postMessage({ channel: 'C1', text: 'x' });
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('surfaces a 500 as an HTTP error and an injected error as a platform error', async () => {
    fake.injectFault('*', { kind: 'status', status: 500 });
    await expect(client.auth.test()).rejects.toMatchObject({ code: ErrorCode.HTTPError, statusCode: 500 });
    fake.injectFault('views.open', { kind: 'error', error: 'expired_trigger_id' }, 2);
    const open = () => client.views.open({ trigger_id: 't', view: { type: 'modal', title: { type: 'plain_text', text: 'x' }, blocks: [] } });
    await expect(open()).rejects.toMatchObject({ data: { error: 'expired_trigger_id' } });
    await expect(open()).rejects.toMatchObject({ data: { error: 'expired_trigger_id' } });
    await expect(open()).resolves.toMatchObject({ ok: true });
  });

  it('consumes one injected fault per call, so a retrying client gets through', async () => {
    const retrying = new WebClient('xoxb-fake', { slackApiUrl: fake.url, retryConfig: { retries: 2, minTimeout: 5, maxTimeout: 5 } });
    fake.injectFault('auth.test', { kind: 'status', status: 503 }, 2);
    await expect(retrying.auth.test()).resolves.toMatchObject({ ok: true });
    expect(fake.calls.map((c) => c.fault?.kind ?? 'ok')).toEqual(['status', 'status', 'ok']);
  });

  it('answers late when delayed and hangs up on a dropped call', async () => {
    fake.injectFault('chat.postMessage', { kind: 'delay', ms: 150 });
    const started = Date.now();
    await client.chat.postMessage({ channel: 'C1', text: 'x' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    fake.injectFault('chat.postMessage', { kind: 'drop' });
    await expect(client.chat.postMessage({ channel: 'C1', text: 'y' })).rejects.toMatchObject({ code: ErrorCode.RequestError });
    expect(fake.callsTo('chat.postMessage').map((c) => c.args.text)).toEqual(['x']);
    expect(fake.calls.map((c) => c.fault?.kind)).toEqual(['delay', 'drop']);
  });

  it('delays every answer to a method given a latency', async () => {
    fake.setLatency('*', 100);
    const started = Date.now();
    await client.auth.test();
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
  });

  it('refuses what Slack refuses: too many blocks, long texts, long modal titles', async () => {
    const many = Array.from({ length: 51 }, (_, i) => section(`b${i}`));
    await expect(client.chat.postMessage({ channel: 'C1', text: 'x', blocks: many })).rejects.toMatchObject({ data: { error: 'invalid_blocks' } });
    await expect(client.chat.postMessage({ channel: 'C1', text: 'x', blocks: many.slice(0, 50) })).resolves.toMatchObject({ ok: true });
    await expect(client.chat.update({ channel: 'C1', ts: '1.2', text: 'x', blocks: [section('x'.repeat(3001))] })).rejects.toMatchObject({
      data: { error: 'invalid_blocks' },
    });
    const modal = (title: string, n: number) => ({
      type: 'modal' as const,
      title: { type: 'plain_text' as const, text: title },
      blocks: Array.from({ length: n }, () => section('x')),
    });
    await expect(client.views.open({ trigger_id: 't', view: modal('x'.repeat(25), 1) })).rejects.toMatchObject({ data: { error: 'invalid_arguments' } });
    await expect(client.views.open({ trigger_id: 't', view: modal('ok', 101) })).rejects.toMatchObject({ data: { error: 'invalid_arguments' } });
    await expect(client.views.open({ trigger_id: 't', view: modal('x'.repeat(24), 100) })).resolves.toMatchObject({ ok: true });
  });

  it('records posts to a response_url under its key', async () => {
    const url = fake.responseUrl('cmd1');
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'done', response_type: 'ephemeral' }),
    });
    expect(res.status).toBe(200);
    const [call] = await fake.waitForCalls('response_url:cmd1', 1);
    expect(call?.args).toEqual({ text: 'done', response_type: 'ephemeral' });
  });

  it('accepts a file upload through getUploadURLExternal, the upload URL and completeUploadExternal', async () => {
    const res = await client.filesUploadV2({ channel_id: 'C1', filename: 'chart.png', title: 'Chart', file: Buffer.alloc(1234, 1) });
    expect(res.ok).toBe(true);
    const [urlCall] = fake.callsTo('files.getUploadURLExternal');
    expect(urlCall?.args).toMatchObject({ filename: 'chart.png', length: '1234' });
    const fileId = urlCall?.response?.file_id as string;
    expect(fake.callsTo(`upload:${fileId}`)[0]?.args).toMatchObject({ bytes: 1234, contentType: 'multipart/form-data' });
    expect(fake.callsTo('files.completeUploadExternal')[0]?.args).toMatchObject({ channel_id: 'C1', files: [{ id: fileId, title: 'Chart' }] });
  });

  it('waits for calls and explains what it saw on timeout', async () => {
    setTimeout(() => {
      void client.chat.postMessage({ channel: 'C1', text: 'later' });
    }, 50);
    await expect(fake.waitForCalls('chat.postMessage', 1)).resolves.toHaveLength(1);
    await expect(fake.waitForCalls('chat.delete', 1, 100)).rejects.toThrow(
      /expected 1 ok call\(s\) to chat.delete within 100 ms, got 0\. Calls so far: chat.postMessage/,
    );
  });
});
