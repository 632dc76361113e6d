// Bolt refuses requests signed more than 5 minutes ago; Kept also refuses those signed more than 5 minutes ahead,
// and drops a correctly signed request it has already seen (a replay), on whichever instance it arrives.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type KeptHarness, newTeamId, SIGNING_SECRET, startKept } from '../support/kept-harness.js';
import { postSigned, slashCommandBody } from '../support/slack-requests.js';

let h: KeptHarness;
let other: KeptHarness;
beforeAll(async () => {
  [h, other] = await Promise.all([startKept(), startKept()]);
  for (const k of [h, other]) k.fake.addUser({ id: 'UANA', tz: 'Europe/Warsaw' });
});
afterAll(() => Promise.all([h.stop(), other.stop()]));

const nowSeconds = () => Math.floor(Date.now() / 1000);
const promiseCommand = (teamId: string, text: string, key: string) =>
  slashCommandBody({ teamId, userId: 'UANA', command: '/promise', text, responseUrl: h.fake.responseUrl(key) });
const send = (to: KeptHarness, body: string, timestampSeconds: number) =>
  postSigned(`${to.url}/slack/events`, body, { signingSecret: SIGNING_SECRET, timestampSeconds });
const openPromises = async (teamId: string) => (await h.kept.services.promises.listOpen({ teamId }, {}, 50)).total;

describe('request timestamps', () => {
  it('refuses a correctly signed request dated more than 5 minutes ahead with 401, logs it, and does nothing', async () => {
    const team = newTeamId();
    const res = await send(h, promiseCommand(team, 'ACME: send the quote 2099-12-03 10:00', 'ahead'), nowSeconds() + 6 * 60);
    expect(res.status).toBe(401);
    await new Promise((r) => setTimeout(r, 300));
    expect(h.fake.callsTo('response_url:ahead')).toHaveLength(0);
    expect(await openPromises(team)).toBe(0);
    expect(h.logLines.some((l) => l.includes('"severity":"WARNING"') && l.includes('more than 5 minutes ahead'))).toBe(true);
  });

  it('accepts a clock up to 5 minutes fast', async () => {
    const team = newTeamId();
    const res = await send(h, promiseCommand(team, 'ACME: send the quote 2099-12-03 10:00', 'skewed'), nowSeconds() + 4 * 60);
    expect(res.status).toBe(200);
    await h.fake.waitForCalls('response_url:skewed', 1);
    expect(await openPromises(team)).toBe(1);
  });
});

describe('replayed requests', () => {
  it('creates one promise when the same signed request arrives five times, answering the repeats 200 with nothing', async () => {
    const team = newTeamId();
    const body = promiseCommand(team, 'ACME: send the quote 2099-12-03 10:00', 'replayed');
    const timestamp = nowSeconds();
    const first = await send(h, body, timestamp);
    expect(first.status).toBe(200);
    await h.fake.waitForCalls('response_url:replayed', 1);
    const repeats = await Promise.all([h, other, h, other].map((to) => send(to, body, timestamp)));
    // Each drop is logged within its request's trace, as Cloud Run sends it.
    const traced = await postSigned(`${h.url}/slack/events`, body, {
      signingSecret: SIGNING_SECRET,
      timestampSeconds: timestamp,
      headers: { 'x-cloud-trace-context': '0123456789abcdef0123456789abcdef/1;o=1' },
    });
    expect(traced.status).toBe(200);
    expect(repeats.map((r) => [r.status, r.text])).toEqual(Array(4).fill([200, '']));
    await new Promise((r) => setTimeout(r, 500));
    expect(await openPromises(team)).toBe(1);
    expect(h.fake.callsTo('response_url:replayed')).toHaveLength(1);
    const dropped = [...h.logLines, ...other.logLines].filter((l) => l.includes('replayed Slack request dropped'));
    expect(dropped).toHaveLength(5);
    expect(dropped.filter((l) => l.includes('"logging.googleapis.com/trace":"projects/kept-test/traces/0123456789abcdef0123456789abcdef"'))).toHaveLength(1);
  });

  it('still handles the same command sent again with a new signature (a new timestamp)', async () => {
    const team = newTeamId();
    const body = promiseCommand(team, 'ACME: send the quote 2099-12-03 10:00', 'again');
    await send(h, body, nowSeconds() - 2);
    await send(h, body, nowSeconds());
    await h.fake.waitForCalls('response_url:again', 2);
    expect(await openPromises(team)).toBe(2);
  });
});
