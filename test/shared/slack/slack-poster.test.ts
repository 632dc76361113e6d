import { webApi } from '@slack/bolt';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FirestoreChannelPacer } from '../../../src/shared/delivery/channel-pacing.js';
import { SlackPoster } from '../../../src/shared/slack/slack-poster.js';
import { type FakeSlack, startFakeSlack } from '../../support/fake-slack.js';
import { newTeamId, testDb } from '../../support/test-db.js';

let fake: FakeSlack;
const db = testDb();
beforeAll(async () => {
  fake = await startFakeSlack();
});
afterAll(async () => {
  await fake.close();
  await db.terminate();
});
beforeEach(() => fake.reset());

/** When each post left Kept for Slack, per channel: what the pacing controls (arrival adds the machine's own jitter). */
const sentAt = new Map<string, number[]>();
beforeEach(() => sentAt.clear());
const client = () => {
  const web = new webApi.WebClient('xoxb-poster', { slackApiUrl: fake.url, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true });
  const post = web.chat.postMessage.bind(web.chat);
  web.chat.postMessage = ((args: { channel: string }) => {
    sentAt.set(args.channel, [...(sentAt.get(args.channel) ?? []), Date.now()]);
    return post(args as never);
  }) as typeof web.chat.postMessage;
  return web;
};
const gapsIn = (channel: string) => {
  const at = [...(sentAt.get(channel) ?? [])].sort((a, b) => a - b);
  return at.slice(1).map((t, i) => t - at[i]!);
};

describe('posting scheduled messages', () => {
  it('spaces posts to one channel and remembers a bounded number of channels, the least recently used forgotten first', async () => {
    const web = client();
    const poster = new SlackPoster(async () => web, 200, 3);
    const workspace = { teamId: newTeamId() };
    await Promise.all([1, 2, 3].map((i) => poster.post(workspace, { channel: 'C1', text: `one ${i}` })));
    expect(gapsIn('C1')).toHaveLength(2);
    // A post goes at most 40 ms after its slot (a later one is taken otherwise).
    expect(Math.min(...gapsIn('C1'))).toBeGreaterThanOrEqual(160);
    for (const channel of ['C2', 'C3', 'C4', 'C5']) await poster.post(workspace, { channel, text: 'hello' });
    expect(poster.pacedChannels).toBe(3);
  });

  it('two instances sharing the pacing store never post to one channel closer than the interval', async () => {
    const pacer = new FirestoreChannelPacer(db);
    const clients = [client(), client()];
    const instances = clients.map((web) => new SlackPoster(async () => web, 300, undefined, undefined, pacer));
    const workspace = { teamId: newTeamId() };
    await Promise.all(instances.flatMap((poster, n) => [0, 1, 2].map((i) => poster.post(workspace, { channel: 'CLEADS', text: `${n}.${i}` }))));
    const gaps = gapsIn('CLEADS');
    console.log(`two instances, 6 posts to one channel: smallest gap ${Math.min(...gaps)} ms (interval 300 ms)`);
    expect(gaps).toHaveLength(5);
    // A post goes at most a few milliseconds after its slot (a later one is taken otherwise).
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(260);
  });

  it('finds a message it posted by the delivery id in its metadata, in a DM since a moment; not another', async () => {
    const web = client();
    fake.setClock(() => Date.parse('2026-12-03T14:00:00Z'));
    const poster = new SlackPoster(async () => web, 0);
    const workspace = { teamId: newTeamId() };
    const metadata = { event_type: 'kept_delivery' as const, event_payload: { v: 1, delivery_id: 'd-1' } };
    const posted = await poster.post(workspace, { channel: 'UANA', text: 'reminder', metadata });
    expect(posted.ok).toBe(true);
    const since = new Date('2026-12-03T13:59:00Z');
    expect(await poster.findPosted(workspace, 'UANA', 'd-1', since)).toEqual({ found: true, ts: (posted as { ts: string }).ts });
    expect(await poster.findPosted(workspace, 'UANA', 'd-2', since)).toEqual({ found: false });
    expect(await poster.findPosted(workspace, 'UANA', 'd-1', new Date('2026-12-03T15:00:00Z'))).toEqual({ found: false });
    fake.injectFault('conversations.history', { kind: 'error', error: 'missing_scope' });
    expect(await poster.findPosted(workspace, 'UANA', 'd-1', since)).toEqual({ unknown: true, error: 'missing_scope' });
  });

  it('finds a thread reply in its thread, where the channel history does not show it', async () => {
    const web = client();
    fake.setClock(() => Date.parse('2026-12-03T14:00:00Z'));
    const poster = new SlackPoster(async () => web, 0);
    const workspace = { teamId: newTeamId() };
    const parent = await poster.post(workspace, { channel: 'CINC', text: 'incident' });
    const threadTs = (parent as { ts: string }).ts;
    const metadata = { event_type: 'kept_delivery' as const, event_payload: { v: 1, delivery_id: 'd-thread' } };
    const reply = await poster.post(workspace, { channel: 'CINC', threadTs, text: 'nobody has acknowledged it', metadata });
    const since = new Date('2026-12-03T13:59:00Z');
    expect(await poster.findPosted(workspace, 'CINC', 'd-thread', since)).toEqual({ found: false });
    expect(await poster.findPosted(workspace, 'CINC', 'd-thread', since, threadTs)).toEqual({ found: true, ts: (reply as { ts: string }).ts });
  });
});
