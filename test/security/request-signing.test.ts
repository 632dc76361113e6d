// Forged, unsigned and stale requests: every kind of request Slack sends (slash command, block_actions,
// view_submission, event, message and global shortcut), each spoiled in every way we know, must get 401
// and reach no listener (no Slack call, no Firestore write). The same requests correctly signed get 200.
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIELDS, PROMISE_ACTIONS, PROMISE_VIEWS } from '../../src/promises/promise-blocks.js';
import { type KeptHarness, newTeamId, SIGNING_SECRET, startKept } from '../support/kept-harness.js';
import {
  blockActionPayload,
  eventBody,
  globalShortcutPayload,
  interactionBody,
  messageShortcutPayload,
  signSlackRequest,
  slashCommandBody,
  viewSubmissionPayload,
} from '../support/slack-requests.js';

let h: KeptHarness;
beforeAll(async () => {
  h = await startKept();
  h.fake.addUser({ id: 'UANA', tz: 'Europe/Warsaw', is_admin: true });
});
afterAll(() => h.stop());

/** One request of each kind, in its own workspace; each would write to Firestore if it were handled. */
function requestsOfEachKind(): { kind: string; teamId: string; body: string }[] {
  const kinds: [string, (teamId: string) => string][] = [
    [
      'slash command',
      (teamId) => slashCommandBody({ teamId, userId: 'UANA', command: '/kept', text: 'language pl', responseUrl: h.fake.responseUrl('signed') }),
    ],
    [
      'block_actions',
      (teamId) =>
        interactionBody(blockActionPayload({ teamId, userId: 'UANA', actionId: PROMISE_ACTIONS.kept, value: 'p1', responseUrl: h.fake.responseUrl('signed') })),
    ],
    [
      'view_submission',
      (teamId) =>
        interactionBody(
          viewSubmissionPayload({
            teamId,
            userId: 'UANA',
            callbackId: PROMISE_VIEWS.create,
            values: {
              [FIELDS.client]: { value: { type: 'plain_text_input', value: 'ACME' } },
              [FIELDS.what]: { value: { type: 'plain_text_input', value: 'x' } },
            },
          }),
        ),
    ],
    ['event', (teamId) => eventBody({ teamId, event: { type: 'app_home_opened', user: 'UANA', channel: 'DANA', tab: 'home', event_ts: '1.1' } })],
    [
      'message shortcut',
      (teamId) =>
        interactionBody(
          messageShortcutPayload({
            teamId,
            userId: 'UANA',
            callbackId: 'log_promise',
            channelId: 'C1',
            messageTs: '1.1',
            messageText: 'ACME: x',
            responseUrl: h.fake.responseUrl('signed'),
          }),
        ),
    ],
    ['global shortcut', (teamId) => interactionBody(globalShortcutPayload({ teamId, userId: 'UANA', callbackId: 'new_promise' }))],
  ];
  return kinds.map(([kind, build]) => {
    const teamId = newTeamId();
    return { kind, teamId, body: build(teamId) };
  });
}

const now = () => Math.floor(Date.now() / 1000);
const contentType = (body: string) => (body.startsWith('{') ? 'application/json' : 'application/x-www-form-urlencoded');
const hmac = (secret: string, ts: number, body: string) => createHmac('sha256', secret).update(`v0:${ts}:${body}`).digest('hex');

/** Every way a request can fail to prove it comes from Slack: the headers to send with the (possibly altered) body. */
const SPOILED: Record<string, (body: string) => { headers: Record<string, string>; body: string }> = {
  'signed with another secret': (body) => ({ body, headers: signSlackRequest(body, 'not-the-signing-secret', now()) }),
  unsigned: (body) => ({ body, headers: {} }),
  'stale (signed 6 minutes ago)': (body) => ({ body, headers: signSlackRequest(body, SIGNING_SECRET, now() - 6 * 60) }),
  'stale by hours': (body) => ({ body, headers: signSlackRequest(body, SIGNING_SECRET, now() - 3 * 3600) }),
  'body changed after signing': (body) => ({ body: body.replace('UANA', 'UEVE'), headers: signSlackRequest(body, SIGNING_SECRET, now()) }),
  'old signature, fresh timestamp': (body) => {
    const old = now() - 10 * 60;
    return { body, headers: { 'x-slack-signature': `v0=${hmac(SIGNING_SECRET, old, body)}`, 'x-slack-request-timestamp': String(now()) } };
  },
  'unknown signature version': (body) => ({
    body,
    headers: { 'x-slack-signature': `v1=${hmac(SIGNING_SECRET, now(), body)}`, 'x-slack-request-timestamp': String(now()) },
  }),
  'no timestamp header': (body) => ({ body, headers: { 'x-slack-signature': `v0=${hmac(SIGNING_SECRET, now(), body)}` } }),
  'empty signature': (body) => ({ body, headers: { 'x-slack-signature': 'v0=', 'x-slack-request-timestamp': String(now()) } }),
};

async function post(body: string, headers: Record<string, string>): Promise<number> {
  const res = await fetch(`${h.url}/slack/events`, { method: 'POST', headers: { 'content-type': contentType(body), ...headers }, body });
  await res.text();
  return res.status;
}

describe('requests that do not prove they come from Slack', () => {
  it('are all refused with 401, of every kind, and none reaches a listener', async () => {
    h.fake.reset();
    const requests = requestsOfEachKind();
    const tried: { what: string; status: number }[] = [];
    for (const request of requests) {
      for (const [way, spoil] of Object.entries(SPOILED)) {
        const { body, headers } = spoil(request.body);
        tried.push({ what: `${request.kind}, ${way}`, status: await post(body, headers) });
      }
    }
    await h.kept.idle(10_000);
    const rejected = tried.filter((t) => t.status === 401).length;
    // auth.test is Bolt checking its own token at start-up, not a listener at work.
    const listenerCalls = h.fake.calls.filter((c) => c.method !== 'auth.test').map((c) => c.method);
    const written = await Promise.all(
      requests.map(
        async (r) =>
          (await h.db.collection('teams').doc(r.teamId).listCollections()).length + Number((await h.db.collection('teams').doc(r.teamId).get()).exists),
      ),
    );
    console.log(
      `Forged, unsigned and stale requests: ${tried.length} tried (${requests.length} kinds × ${Object.keys(SPOILED).length} ways), ${rejected} rejected with 401; Slack calls made by listeners: ${listenerCalls.length}; workspaces written: ${written.filter((n) => n > 0).length}`,
    );
    expect(tried.filter((t) => t.status !== 401)).toEqual([]);
    expect(listenerCalls).toEqual([]);
    expect(written.every((n) => n === 0)).toBe(true);
  });

  it('are told apart from the same requests correctly signed, which get 200 and are handled', async () => {
    const statuses = await Promise.all(
      requestsOfEachKind().map(async (r) => ({ kind: r.kind, status: await post(r.body, signSlackRequest(r.body, SIGNING_SECRET, now())) })),
    );
    expect(statuses.filter((s) => s.status !== 200)).toEqual([]);
    await h.kept.idle(10_000);
    expect(h.fake.calls.filter((c) => c.method === 'users.info').length).toBeGreaterThan(0);
  });

  it('cannot smuggle a request past verification inside an ssl_check', async () => {
    h.fake.reset();
    const teamId = newTeamId();
    const command = slashCommandBody({ teamId, userId: 'UANA', command: '/kept', text: 'language pl', responseUrl: h.fake.responseUrl('smuggled') });
    const smuggled = [`ssl_check=1&${command}`, `${command}&ssl_check=1`];
    const statuses = await Promise.all(smuggled.map((body) => post(body, {})));
    await h.kept.idle(10_000);
    // Slack's SSL check is answered (200) without a signature, and nothing else in the body is looked at.
    expect(statuses).toEqual([200, 200]);
    expect(h.fake.calls.filter((c) => c.method !== 'auth.test')).toEqual([]);
    expect((await h.db.collection('teams').doc(teamId).get()).exists).toBe(false);
  });
});
