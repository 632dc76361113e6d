// Over signed HTTP, the whole app: a Slack Connect client asks in the ACME channel; the account owner
// hears at the standard (working hours of the owner, Europe/Warsaw), once; a reply or a promise prevents it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { watchId } from '../../src/clients/client-watch.js';
import { CLIENT_ACTIONS } from '../../src/clients/client-watch-blocks.js';
import { FIELDS, PROMISE_VIEWS } from '../../src/promises/promise-blocks.js';
import { PROMISE_SHORTCUTS } from '../../src/promises/promise-shortcuts.js';
import type { RecordedCall } from '../support/fake-slack.js';
import { SIGNING_SECRET } from '../support/kept-harness.js';
import { blockActionPayload, interactionBody, postSigned } from '../support/slack-requests.js';
import { CHANNELS, type ClientWorld, startClientWorld } from './client-world.js';

let w: ClientWorld;

beforeEach(async () => {
  w = await startClientWorld();
  await w.h.command(w.team, 'UADMIN', '/kept', 'leads <@ULEAD>');
  expect(await w.command('UADMIN', `ACME channel <#${CHANNELS.acme}|acme-shared>`)).toContain('ACME');
  expect(await w.command('UADMIN', 'ACME owner <@UANA>')).toContain('<@UANA>');
  expect(await w.command('UANA', 'ACME response 2h')).toContain('2 h');
});
afterEach(() => w.stop());

const watchDmsTo = (user: string) => w.dmsTo(user).filter((dm) => JSON.stringify(dm.blocks ?? []).includes(CLIENT_ACTIONS.notRequest));

describe('the first-response watch, end to end', () => {
  it('DMs the account owner once at the standard, not before, with who asked, what, and the three buttons', async () => {
    // Tue 10:00 in Warsaw: two working hours later is 12:00 (11:00 UTC).
    const ts = await w.message('UEXT', CHANNELS.acme, '2026-12-01T09:00:00Z', 'Can you send the signed contract?\nThanks!', { outside: true });
    expect((await w.waitWatched(CHANNELS.acme, ts)).status).toBe('waiting');
    await w.sweep('2026-12-01T10:59:00Z');
    expect(watchDmsTo('UANA')).toHaveLength(0);
    await w.sweep('2026-12-01T11:00:30Z');
    await w.sweep('2026-12-01T11:05:00Z');
    const dms = watchDmsTo('UANA');
    expect(dms).toHaveLength(1);
    const blocks = JSON.stringify(dms[0]!.blocks);
    expect(blocks).toContain('<@UEXT>');
    expect(blocks).toContain('Can you send the signed contract?');
    expect(blocks).not.toContain('Thanks!');
    expect(blocks).toContain(`https://slack.com/archives/${CHANNELS.acme}/p${ts.replace('.', '')}`);
    for (const action of [CLIENT_ACTIONS.reply, CLIENT_ACTIONS.tellWhen, CLIENT_ACTIONS.notRequest]) expect(blocks).toContain(action);
    expect(watchDmsTo('ULEAD')).toHaveLength(0);
    expect(dms[0]!.metadata).toMatchObject({
      event_type: 'kept_client_waiting',
      event_payload: { client: 'ACME', message_ts: ts, author_id: 'UEXT', to: 'owner' },
    });
  });

  it('counts only working hours: a question at 17:30 in Warsaw reaches the owner at 10:30 the next working day (half an hour that evening, ninety minutes the next morning)', async () => {
    const ts = await w.message('UEXT', CHANNELS.acme, '2026-12-01T16:30:00Z', 'Is the fix live?', { outside: true });
    await w.waitWatched(CHANNELS.acme, ts);
    await w.sweep('2026-12-01T18:31:00Z');
    await w.sweep('2026-12-02T09:29:00Z');
    expect(watchDmsTo('UANA')).toHaveLength(0);
    await w.sweep('2026-12-02T09:30:30Z');
    expect(watchDmsTo('UANA')).toHaveLength(1);
  });

  it('tells the leads at twice the standard when the question still waits', async () => {
    const ts = await w.message('UEXT', CHANNELS.acme, '2026-12-01T09:00:00Z', 'Any news?', { outside: true });
    await w.waitWatched(CHANNELS.acme, ts);
    await w.sweep('2026-12-01T11:01:00Z');
    expect(watchDmsTo('ULEAD')).toHaveLength(0);
    await w.sweep('2026-12-01T13:01:00Z');
    await w.sweep('2026-12-01T13:10:00Z');
    expect(watchDmsTo('ULEAD')).toHaveLength(1);
    expect(watchDmsTo('UANA')).toHaveLength(1);
  });

  it('a teammate replying in the thread stops the clock; a reaction does not', async () => {
    const answered = await w.message('UEXT', CHANNELS.acme, '2026-12-01T09:00:00Z', 'Where is the invoice?', { outside: true });
    const ignored = await w.message('UEXT2', CHANNELS.acme, '2026-12-01T09:00:10Z', 'And the report?', { outside: true, threadTs: tsAtNothing() });
    await w.waitWatched(CHANNELS.acme, answered);
    await w.message('UBEN', CHANNELS.acme, '2026-12-01T09:20:00Z', 'Sending it now', { threadTs: answered });
    const reaction = {
      type: 'reaction_added',
      user: 'UBEN',
      reaction: 'eyes',
      item_user: 'UEXT2',
      item: { type: 'message', channel: CHANNELS.acme, ts: ignored },
      event_ts: ignored,
    };
    expect((await w.h.event(w.team, reaction)).status).toBe(200);
    await w.sweep('2026-12-01T11:01:00Z');
    expect((await w.watched(CHANNELS.acme, answered))?.status).toBe('answered');
    const dms = watchDmsTo('UANA');
    expect(dms).toHaveLength(1);
    expect(JSON.stringify(dms[0]!.blocks)).toContain('And the report?');
  });

  it('a teammate writing at the top level after the question answers it, and a later client reply in a thread the team answered starts no clock', async () => {
    const question = await w.message('UEXT', CHANNELS.acme, '2026-12-01T09:00:00Z', 'Can we move the call?', { outside: true });
    await w.waitWatched(CHANNELS.acme, question);
    await w.message('UANA', CHANNELS.acme, '2026-12-01T09:05:00Z', 'Sure, Thursday works');
    expect((await w.watched(CHANNELS.acme, question))?.status).toBe('answered');
    const thread = await w.message('UEXT', CHANNELS.acme, '2026-12-01T09:10:00Z', 'One more thing', { outside: true });
    await w.message('UANA', CHANNELS.acme, '2026-12-01T09:15:00Z', 'Go ahead', { threadTs: thread });
    const thanks = await w.message('UEXT', CHANNELS.acme, '2026-12-01T09:16:00Z', 'Thanks!', { outside: true, threadTs: thread });
    expect(await w.watched(CHANNELS.acme, thanks)).toBeUndefined();
    await w.sweep('2026-12-01T12:00:00Z');
    expect(watchDmsTo('UANA')).toHaveLength(0);
  });

  it('Log as promise on the client message stops the clock: an honest "by Friday" is an answer', async () => {
    const ts = await w.message('UEXT', CHANNELS.acme, '2026-12-01T09:00:00Z', 'When will the export be ready?', { outside: true });
    await w.waitWatched(CHANNELS.acme, ts);
    await w.h.messageShortcut(w.team, 'UANA', PROMISE_SHORTCUTS.logFromMessage, {
      channelId: CHANNELS.acme,
      ts,
      text: 'When will the export be ready?',
      userId: 'UEXT',
    });
    const [open] = await w.h.fake.waitForCalls('views.open', 1);
    const res = await w.h.submit(w.team, 'UANA', PROMISE_VIEWS.create, promiseValues('2026-12-04T14:00:00Z'), open!.args.view.private_metadata);
    expect(res.status).toBe(200);
    await w.h.kept.idle(5_000);
    expect((await w.watched(CHANNELS.acme, ts))?.status).toBe('promised');
    await w.sweep('2026-12-01T14:00:00Z');
    expect(watchDmsTo('UANA')).toHaveLength(0);
  });

  it('Tell them when opens the promise form prefilled, logs the promise linked to the message and, when ticked, says it in the thread', async () => {
    const ts = await w.message('UEXT', CHANNELS.acme, '2026-12-01T09:00:00Z', 'Can you fix the login page?', { outside: true });
    await w.waitWatched(CHANNELS.acme, ts);
    await w.sweep('2026-12-01T11:01:00Z');
    w.h.now = new Date('2026-12-01T11:02:00Z');
    await w.h.action(w.team, 'UANA', CLIENT_ACTIONS.tellWhen, watchId(CHANNELS.acme, ts));
    const [open] = await w.h.fake.waitForCalls('views.open', 1);
    const view = open!.args.view;
    const form = JSON.stringify(view.blocks);
    expect(form).toContain('"initial_value":"ACME"');
    expect(form).toContain('Can you fix the login page?');
    expect(form).toContain(FIELDS.announce);
    expect(form).toContain('<@UANA> will get back to you by');
    expect(form).not.toContain('initial_options');
    const values = {
      ...promiseValues('2026-12-04T14:00:00Z'),
      [FIELDS.announce]: { [FIELDS.value]: { type: 'checkboxes', selected_options: [{ value: 'announce' }] } },
    };
    expect((await w.h.submit(w.team, 'UANA', PROMISE_VIEWS.create, values, view.private_metadata)).status).toBe(200);
    await w.h.kept.idle(5_000);
    const [promise] = (await w.h.kept.services.promises.listOpen({ teamId: w.team }, { ownerId: 'UANA' }, 10)).promises;
    expect(promise).toMatchObject({
      client: 'ACME',
      channelId: CHANNELS.acme,
      permalink: `https://slack.com/archives/${CHANNELS.acme}/p${ts.replace('.', '')}`,
    });
    const said = w.dmsTo(CHANNELS.acme);
    expect(said).toHaveLength(1);
    expect(said[0]).toMatchObject({ thread_ts: ts, metadata: { event_type: 'kept_promise_logged' } });
    expect(said[0]!.text).toMatch(/^<@UANA> will get back to you by <!date\^1796392800\^/);
    expect((await w.watched(CHANNELS.acme, ts))?.status).toBe('promised');
    await w.sweep('2026-12-01T13:30:00Z');
    expect(watchDmsTo('ULEAD')).toHaveLength(0);
  });

  it('Not a request stops the clock before anyone else hears', async () => {
    const ts = await w.message('UEXT', CHANNELS.acme, '2026-12-01T09:00:00Z', 'Thanks a lot, all good!', { outside: true });
    await w.waitWatched(CHANNELS.acme, ts);
    await w.sweep('2026-12-01T11:01:00Z');
    const { reply } = await w.h.action(w.team, 'UANA', CLIENT_ACTIONS.notRequest, watchId(CHANNELS.acme, ts));
    expect(reply?.text).toContain('not a request');
    expect((await w.watched(CHANNELS.acme, ts))?.status).toBe('dismissed');
    await w.sweep('2026-12-01T13:30:00Z');
    expect(watchDmsTo('ULEAD')).toHaveLength(0);
  });
});

describe('days off and absence in the watch', () => {
  const kept = async (user: string, text: string) => String((await w.h.command(w.team, user, '/kept', text)).reply.text ?? '');

  it('skips a company day off: a question at 17:30 the evening before reaches the owner at 10:30 the working day after it', async () => {
    await kept('UADMIN', 'dayoff 2026-12-02');
    expect((await w.h.kept.services.settings.get({ teamId: w.team })).daysOff).toEqual(['2026-12-02']);
    const ts = await w.message('UEXT', CHANNELS.acme, '2026-12-01T16:30:00Z', 'Is the fix live?', { outside: true });
    await w.waitWatched(CHANNELS.acme, ts);
    await w.sweep('2026-12-02T09:30:30Z');
    await w.sweep('2026-12-03T09:29:00Z');
    expect(watchDmsTo('UANA')).toHaveLength(0);
    await w.sweep('2026-12-03T09:30:30Z');
    expect(watchDmsTo('UANA')).toHaveLength(1);
  });

  it('skips a public holiday of the workspace calendar (Epiphany in Poland)', async () => {
    await kept('UADMIN', 'holidays PL');
    const ts = await w.message('UEXT', CHANNELS.acme, '2027-01-05T16:30:00Z', 'Is the fix live?', { outside: true });
    await w.waitWatched(CHANNELS.acme, ts);
    await w.sweep('2027-01-06T09:30:30Z');
    expect(watchDmsTo('UANA')).toHaveLength(0);
    await w.sweep('2027-01-07T09:30:30Z');
    expect(watchDmsTo('UANA')).toHaveLength(1);
  });

  it("tells the client's backup at the standard while the owner is away, and the owner nothing", async () => {
    await w.command('UADMIN', 'ACME backup <@UBEN>');
    await kept('ULEAD', 'away <@UANA> until 4 Dec');
    const ts = await w.message('UEXT', CHANNELS.acme, '2026-12-01T09:00:00Z', 'Can you send the signed contract?', { outside: true });
    await w.waitWatched(CHANNELS.acme, ts);
    await w.sweep('2026-12-01T11:00:30Z');
    expect(watchDmsTo('UBEN')).toHaveLength(1);
    expect(JSON.stringify(watchDmsTo('UBEN')[0]!.blocks)).toContain('<@UANA> is away until Fri 4 Dec, so this comes to you.');
    expect(watchDmsTo('UANA')).toHaveLength(0);
    expect(watchDmsTo('ULEAD')).toHaveLength(0);
  });

  it('tells the leads at the standard when the owner is away and nobody stands in', async () => {
    await kept('ULEAD', 'away <@UANA> until 4 Dec');
    const ts = await w.message('UEXT', CHANNELS.acme, '2026-12-01T09:00:00Z', 'Any news?', { outside: true });
    await w.waitWatched(CHANNELS.acme, ts);
    await w.sweep('2026-12-01T11:00:30Z');
    expect(watchDmsTo('ULEAD')).toHaveLength(1);
    expect(JSON.stringify(watchDmsTo('ULEAD')[0]!.blocks)).toContain('<@UANA> is away until Fri 4 Dec');
    expect(watchDmsTo('UANA')).toHaveLength(0);
  });

  it("waits for a lead's own hours before telling them", async () => {
    await kept('ULEAD', 'my hours Mon-Fri 15:00-18:00');
    // At 09:00 in Warsaw: the owner hears at 11:00, the leads at 13:00, and this lead starts at 15:00 (14:00 UTC).
    const ts = await w.message('UEXT', CHANNELS.acme, '2026-12-01T08:00:00Z', 'Any news?', { outside: true });
    await w.waitWatched(CHANNELS.acme, ts);
    await w.sweep('2026-12-01T12:00:30Z');
    expect(watchDmsTo('UANA')).toHaveLength(1);
    expect(watchDmsTo('ULEAD')).toHaveLength(0);
    await w.sweep('2026-12-01T14:00:30Z');
    expect(watchDmsTo('ULEAD')).toHaveLength(1);
  });
});

describe('several questions at once', () => {
  const watchPosts = (user: string) =>
    w.h.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === user && JSON.stringify(c.args.blocks ?? []).includes(CLIENT_ACTIONS.notRequest));
  const notRequestButtons = (blocks: unknown) =>
    (blocks as Array<Record<string, any>>)
      .filter((b) => b.type === 'actions')
      .flatMap((b) => b.elements.filter((e: any) => e.action_id === CLIENT_ACTIONS.notRequest).map((e: any) => ({ block: b.block_id, value: e.value })));
  let clicks = 0;
  /** A signed click on a button of a DM Kept posted, the way Slack sends it (the message's blocks included). */
  async function click(post: RecordedCall, userId: string, blockId: string, value: string) {
    const key = `watch-click-${++clicks}`;
    const payload = blockActionPayload({
      teamId: w.team,
      userId,
      actionId: CLIENT_ACTIONS.notRequest,
      value,
      blockId,
      channelId: `D${userId}`,
      responseUrl: w.h.fake.responseUrl(key),
    }) as Record<string, any>;
    payload.message = { ...payload.message, ts: post.response?.ts, text: post.args.text, blocks: post.args.blocks };
    expect((await postSigned(`${w.h.url}/slack/events`, interactionBody(payload), { signingSecret: SIGNING_SECRET })).status).toBe(200);
    return (await w.h.fake.waitForCalls(`response_url:${key}`, 1))[0]!.args;
  }

  it('reach the owner as one DM, the longest waiting first, each with its buttons; Not a request on one leaves the others, and the leads get one DM of what still waits', async () => {
    await w.command('UADMIN', `Globex channel <#${CHANNELS.globex}>`);
    await w.command('UADMIN', 'Globex owner <@UANA>');
    const asked = [
      await w.message('UEXT', CHANNELS.acme, '2026-12-01T09:00:00Z', 'First: the signed contract?', { outside: true }),
      await w.message('UEXT2', CHANNELS.globex, '2026-12-01T09:01:00Z', 'Second: is the export fixed?', { outside: true }),
      await w.message('UEXT', CHANNELS.acme, '2026-12-01T09:02:00Z', 'Third: the invoice address?', { outside: true }),
    ];
    for (const [i, ts] of asked.entries()) await w.waitWatched(i === 1 ? CHANNELS.globex : CHANNELS.acme, ts);
    await w.sweep('2026-12-01T11:02:30Z');

    const [digest, ...more] = watchPosts('UANA');
    expect(more).toHaveLength(0);
    expect(digest!.args.text).toBe('3 client questions waiting: ACME – “First: the signed contract?” (2 hours ago) and 2 more');
    const json = JSON.stringify(digest!.args.blocks);
    expect(json.indexOf('First:')).toBeLessThan(json.indexOf('Second:'));
    expect(json.indexOf('Second:')).toBeLessThan(json.indexOf('Third:'));
    expect(digest!.args.metadata).toMatchObject({ event_type: 'kept_client_waiting_digest', event_payload: { count: 3, to: 'owner' } });
    const buttons = notRequestButtons(digest!.args.blocks);
    expect(buttons).toHaveLength(3);

    const after = await click(digest!, 'UANA', buttons[1]!.block, buttons[1]!.value);
    expect(after.replace_original).toBe(true);
    expect(notRequestButtons(after.blocks).map((b) => b.value)).toEqual([buttons[0]!.value, buttons[2]!.value]);
    expect(JSON.stringify(after.blocks)).toContain('Marked as not a request');
    expect((await w.watched(CHANNELS.globex, asked[1]!))?.status).toBe('dismissed');

    await w.sweep('2026-12-01T13:02:30Z');
    const leads = watchPosts('ULEAD');
    expect(leads).toHaveLength(1);
    expect(notRequestButtons(leads[0]!.args.blocks)).toHaveLength(2);
    expect(JSON.stringify(leads[0]!.args.blocks)).not.toContain('Second:');
  });
});

function promiseValues(due: string) {
  return {
    [FIELDS.client]: { [FIELDS.value]: { type: 'plain_text_input', value: 'ACME' } },
    [FIELDS.what]: { [FIELDS.value]: { type: 'plain_text_input', value: 'Get back about the export' } },
    [FIELDS.due]: { [FIELDS.value]: { type: 'datetimepicker', selected_date_time: Date.parse(due) / 1000 } },
    [FIELDS.owner]: { [FIELDS.value]: { type: 'users_select', selected_user: 'UANA' } },
  };
}

/** A thread the team never wrote in. */
function tsAtNothing(): string {
  return '1796115000.000100';
}
