import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PROMISE_ACTIONS } from '../../src/promises/promise-blocks.js';
import { NOMINATE_STORY_ACTION } from '../../src/shared/slack/story-nomination.js';
import type { Story } from '../../src/stories/story.js';
import { SHARE_STORY_SHORTCUT, STORY_ACTIONS, STORY_FIELDS, STORY_VIEW } from '../../src/stories/story-blocks.js';
import { storyFromStored } from '../../src/stories/story-store.js';
import { type KeptHarness, newTeamId, SIGNING_SECRET, startKept } from '../support/kept-harness.js';
import { blockActionPayload, eventBody, interactionBody, messageShortcutPayload, postSigned } from '../support/slack-requests.js';

let h: KeptHarness;
beforeAll(async () => {
  h = await startKept();
});
afterAll(() => h.stop());

const NOW = new Date('2026-12-01T09:00:00Z');
let team: string;
beforeEach(() => {
  h.now = NOW;
  team = newTeamId();
  h.fake.reset();
  for (const id of ['UANA', 'UBEN', 'UCARL']) h.fake.addUser({ id, tz: 'Europe/Warsaw' });
  h.fake.addUser({ id: 'UBOT2', is_bot: true });
});

const ws = () => ({ teamId: team });
const text = (value: unknown) => JSON.stringify(value ?? '');

async function setRecapChannel(channel: string | undefined) {
  const settings = await h.kept.services.settings.get(ws());
  await h.kept.services.settings.save(ws(), { ...settings, channels: { ...settings.channels, ...(channel ? { recap: channel } : {}) } });
}

async function stories(): Promise<Story[]> {
  const snapshot = await h.db.collection('teams').doc(team).collection('stories').orderBy('createdAt').get();
  return snapshot.docs.map((d) => storyFromStored(d.id, d.data()));
}

async function share(commandText: string, userId = 'UANA') {
  const result = await h.command(team, userId, '/story', commandText);
  return { ...result, stories: await stories() };
}

/** A click on a story's Upvote button, on the message Kept posted. */
async function clickUpvote(story: Story, userId: string) {
  const key = `up${Math.random().toString(36).slice(2)}`;
  const payload = blockActionPayload({
    teamId: team,
    userId,
    actionId: STORY_ACTIONS.upvote,
    value: story.id,
    channelId: story.message!.channel,
    messageTs: story.message!.ts,
    responseUrl: h.fake.responseUrl(key),
  });
  await postSigned(`${h.url}/slack/events`, interactionBody(payload), { signingSecret: SIGNING_SECRET });
  return key;
}

async function react(story: Story, userId: string, reaction: string, added = true, itemUser = 'UBOT') {
  const event = {
    type: added ? 'reaction_added' : 'reaction_removed',
    user: userId,
    reaction,
    item_user: itemUser,
    item: { type: 'message', channel: story.message!.channel, ts: story.message!.ts },
    event_ts: '1764579600.000100',
  };
  const res = await postSigned(`${h.url}/slack/events`, eventBody({ teamId: team, event }), { signingSecret: SIGNING_SECRET });
  expect(res.status).toBe(200);
}

/** Waits until the stored votes are exactly `votes` (events are processed after Slack gets its 200). */
async function votesBecome(votes: Record<string, string[]>): Promise<Story> {
  for (let i = 0; i < 60; i++) {
    const [story] = await stories();
    if (story && JSON.stringify(story.votes) === JSON.stringify(votes)) return story;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`votes never became ${JSON.stringify(votes)}: ${JSON.stringify((await stories())[0]?.votes)}`);
}

describe('/story in one line', () => {
  it('shares the story in the recap channel with an Upvote button, and thanks the author', async () => {
    await setRecapChannel('C_RECAP');
    const { reply, stories: saved } = await share('<@UBEN|ben> stayed late to walk ACME through the migration');
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ authorId: 'UANA', featuredIds: ['UBEN'], what: 'stayed late to walk ACME through the migration', sharedIn: 'C_TEST' });
    const [post] = h.fake.callsTo('chat.postMessage');
    expect(post!.args.channel).toBe('C_RECAP');
    expect(text(post!.args.blocks)).toContain('<@UANA> shared a story about <@UBEN>');
    expect(text(post!.args.blocks)).toContain(STORY_ACTIONS.upvote);
    expect(saved[0]!.message).toMatchObject({ channel: 'C_RECAP', ts: post!.response!.ts, permalink: expect.stringContaining('https://') });
    expect(reply.text).toContain('Shared in <#C_RECAP>');
  });

  it('posts where it was shared when no recap channel is set, and reads a client prefix and several teammates', async () => {
    const { stories: saved } = await share('<@UBEN> <@UANA> Globex: turned an angry call into a renewal');
    expect(saved[0]).toMatchObject({ featuredIds: ['UBEN', 'UANA'], client: 'Globex', what: 'turned an angry call into a renewal' });
    expect(h.fake.callsTo('chat.postMessage')[0]!.args.channel).toBe('C_TEST');
  });

  it('asks for a teammate when nobody is named, refuses a bot, and shares nothing', async () => {
    const nobody = await share('the team stayed late for ACME');
    expect(text(nobody.reply.blocks)).toContain('Name at least one teammate');
    expect(text(nobody.reply.blocks)).toContain(STORY_ACTIONS.finishInForm);
    const bot = await share('<@UBOT2> answered every ticket');
    expect(bot.reply.text).toContain('not bots');
    expect(bot.stories).toHaveLength(0);
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('names someone Slack cannot show this workspace (a Slack Connect guest, say) in the story, instead of an error id', async () => {
    const { reply, stories: saved } = await share('<@UGUEST|guest> <@UBEN> walked ACME through the migration');
    expect(saved).toHaveLength(1);
    expect(saved[0]!.featuredIds).toEqual(['UGUEST', 'UBEN']);
    expect(reply.text).toContain('Thank you for telling it');
    expect(reply.text).not.toContain('error id');
    expect(text(h.fake.callsTo('chat.postMessage')[0]!.args.blocks)).toContain('<@UGUEST>');
  });

  it('still keeps the story for the recap when Kept may not post in that channel, and says how to fix it', async () => {
    h.fake.injectFault('chat.postMessage', { kind: 'error', error: 'not_in_channel' });
    const { reply, stories: saved } = await share('<@UBEN> fixed the printer at ACME on a Sunday');
    expect(saved).toHaveLength(1);
    expect(saved[0]!.message).toBeUndefined();
    expect(reply.text).toContain('couldn’t post it');
    expect(reply.text).toContain('/kept channel recap');
  });

  it('answers in Polish in a Polish workspace', async () => {
    await h.kept.services.settings.save(ws(), { ...(await h.kept.services.settings.get(ws())), language: 'pl' });
    await share('<@UBEN> został po godzinach');
    expect(text(h.fake.callsTo('chat.postMessage')[0]!.args.blocks)).toContain('w roli głównej: <@UBEN>');
  });
});

describe('the story form', () => {
  const values = (who: string[], what: string, extra: Record<string, object> = {}) => ({
    [STORY_FIELDS.who]: { [STORY_FIELDS.value]: { type: 'multi_users_select', selected_users: who } },
    [STORY_FIELDS.client]: { [STORY_FIELDS.value]: { type: 'plain_text_input', value: 'ACME' } },
    [STORY_FIELDS.what]: { [STORY_FIELDS.value]: { type: 'plain_text_input', value: what } },
    [STORY_FIELDS.why]: { [STORY_FIELDS.value]: { type: 'plain_text_input', value: 'They went live on time' } },
    ...extra,
  });

  it('opens for a bare /story', async () => {
    await h.command(team, 'UANA', '/story', '', { replyWaitMs: 0 });
    const [open] = await h.fake.waitForCalls('views.open', 1);
    expect(open!.args.view.callback_id).toBe(STORY_VIEW);
    expect(open!.args.view.blocks.map((b: { block_id: string }) => b.block_id)).toEqual([
      STORY_FIELDS.who,
      STORY_FIELDS.client,
      STORY_FIELDS.what,
      STORY_FIELDS.why,
    ]);
  });

  it('shares a story from the form and confirms in the conversation it came from', async () => {
    const metadata = JSON.stringify({ sharedIn: 'C_TEST', responseUrl: h.fake.responseUrl('form') });
    const res = await h.submit(team, 'UANA', STORY_VIEW, values(['UBEN', 'UCARL'], 'Drove 200 km to fix <their> setup'), metadata);
    expect(res.status).toBe(200);
    const [reply] = await h.fake.waitForCalls('response_url:form', 1);
    expect(reply!.args.text).toContain('Thank you for telling it');
    const [saved] = await stories();
    expect(saved).toMatchObject({
      featuredIds: ['UBEN', 'UCARL'],
      client: 'ACME',
      what: 'Drove 200 km to fix &lt;their&gt; setup',
      why: 'They went live on time',
    });
    expect(text(h.fake.callsTo('chat.postMessage')[0]!.args.blocks)).toContain('Why it mattered');
  });

  it('keeps the form open with inline errors, writing nothing', async () => {
    const res = await h.submit(team, 'UANA', STORY_VIEW, values([], '  '));
    expect(res.json).toEqual({
      response_action: 'errors',
      errors: { [STORY_FIELDS.who]: 'Pick at least one teammate.', [STORY_FIELDS.what]: 'Tell what happened.' },
    });
    const bot = await h.submit(team, 'UANA', STORY_VIEW, values(['UBOT2'], 'answered fast'));
    expect(bot.json.errors[STORY_FIELDS.who]).toBe('Pick teammates, not bots.');
    expect(await stories()).toHaveLength(0);
  });
});

describe('Share as story', () => {
  it('opens the form prefilled with the message text, its author and a link to it', async () => {
    const payload = messageShortcutPayload({
      teamId: team,
      userId: 'UANA',
      callbackId: SHARE_STORY_SHORTCUT,
      channelId: 'C_CLIENT',
      messageTs: '1764579600.000200',
      messageText: 'Thanks so much for staying on the call until it worked!',
      messageUserId: 'UBEN',
      responseUrl: h.fake.responseUrl('sc'),
    });
    await postSigned(`${h.url}/slack/events`, interactionBody(payload), { signingSecret: SIGNING_SECRET });
    const [open] = await h.fake.waitForCalls('views.open', 1);
    const view = open!.args.view;
    expect(view.callback_id).toBe(STORY_VIEW);
    const body = text(view.blocks);
    expect(body).toContain('Thanks so much for staying on the call until it worked!');
    expect(body).toContain('https://kept-test.slack.com/archives/C_CLIENT/p1764579600000200');
    expect(view.blocks.find((b: { block_id?: string }) => b.block_id === STORY_FIELDS.who).element.initial_users).toEqual(['UBEN']);
    expect(JSON.parse(view.private_metadata)).toMatchObject({ sharedIn: 'C_CLIENT', source: { kind: 'message', link: expect.stringContaining('C_CLIENT') } });
  });
});

describe('upvotes', () => {
  async function posted(): Promise<Story> {
    await setRecapChannel('C_RECAP');
    const { stories: saved } = await share('<@UBEN> stayed late for ACME');
    h.fake.reset();
    return saved[0]!;
  }

  it('counts a teammate once, however often they click, and shows the count on the story', async () => {
    const story = await posted();
    await clickUpvote(story, 'UCARL');
    const [update] = await h.fake.waitForCalls('chat.update', 1);
    expect(update!.args).toMatchObject({ channel: 'C_RECAP', ts: story.message!.ts });
    expect(text(update!.args.blocks)).toContain('Upvote · 1');
    // A later click, once the first is long done, gets told it already counts.
    h.now = new Date(h.now.getTime() + 60_000);
    const again = await clickUpvote(story, 'UCARL');
    const [reply] = await h.fake.waitForCalls(`response_url:${again}`, 1);
    expect(reply!.args.text).toContain('already counts');
    await votesBecome({ UCARL: ['button'] });
  });

  it('answers nothing to a double click: the second click a moment later is silent, and counts nothing', async () => {
    const story = await posted();
    const first = await clickUpvote(story, 'UCARL');
    h.now = new Date(h.now.getTime() + 1_500);
    const second = await clickUpvote(story, 'UCARL');
    await h.kept.idle(5_000);
    expect(h.fake.callsTo(`response_url:${first}`)).toHaveLength(0);
    expect(h.fake.callsTo(`response_url:${second}`)).toHaveLength(0);
    await votesBecome({ UCARL: ['button'] });
  });

  it("does not count the author's own upvote", async () => {
    const story = await posted();
    const key = await clickUpvote(story, 'UANA');
    const [reply] = await h.fake.waitForCalls(`response_url:${key}`, 1);
    expect(reply!.args.text).toContain('your story');
    await votesBecome({});
    expect(h.fake.callsTo('chat.update')).toHaveLength(0);
  });

  it('counts reactions on the story message as upvotes, once per teammate, and takes them back when removed', async () => {
    const story = await posted();
    await react(story, 'UCARL', 'tada');
    await votesBecome({ UCARL: ['reaction:tada'] });
    await react(story, 'UCARL', 'heart');
    await votesBecome({ UCARL: ['reaction:tada', 'reaction:heart'] });
    await clickUpvote(story, 'UCARL');
    await votesBecome({ UCARL: ['reaction:tada', 'reaction:heart', 'button'] });
    await react(story, 'UBEN', 'clap');
    await votesBecome({ UCARL: ['reaction:tada', 'reaction:heart', 'button'], UBEN: ['reaction:clap'] });
    await h.fake.waitForCalls('chat.update', 2);
    expect(text(h.fake.callsTo('chat.update').at(-1)!.args.blocks)).toContain('Upvote · 2');
    await react(story, 'UCARL', 'tada', false);
    await react(story, 'UCARL', 'heart', false);
    await votesBecome({ UCARL: ['button'], UBEN: ['reaction:clap'] });
    await react(story, 'UBEN', 'clap', false);
    await votesBecome({ UCARL: ['button'] });
    await h.fake.waitForCalls('chat.update', 3);
    // The author's reaction is sent before a teammate's: once the teammate's counted, the author's was seen and ignored.
    await react(story, 'UANA', 'tada');
    await react(story, 'UBEN', 'eyes');
    await votesBecome({ UCARL: ['button'], UBEN: ['reaction:eyes'] });
    // Counts shown: 1 (tada), 2 (clap), 1 (clap removed), 2 (eyes); the rest changed no count.
    const updates = await h.fake.waitForCalls('chat.update', 4);
    expect(updates.map((u) => text(u.args.blocks).match(/Upvote · (\d)/)?.[1])).toEqual(['1', '2', '1', '2']);
  });

  it('ignores reactions on other messages', async () => {
    const story = await posted();
    await react({ ...story, message: { channel: 'C_RECAP', ts: '1700000000.999999' } }, 'UCARL', 'tada');
    await react(story, 'UCARL', 'tada', true, 'UBEN');
    await react(story, 'UBEN', 'clap');
    await votesBecome({ UBEN: ['reaction:clap'] });
    const [update] = await h.fake.waitForCalls('chat.update', 1);
    expect(text(update!.args.blocks)).toContain('Upvote · 1');
    expect(h.fake.callsTo('chat.update')).toHaveLength(1);
  });
});

describe('Nominate as story', () => {
  it('offers the button on a kept promise and opens the story form prefilled and linked to it', async () => {
    await h.command(team, 'UBEN', '/promise', 'ACME: send the revised quote tomorrow 10:00');
    const [promise] = (await h.kept.services.promises.listOpen(ws(), {}, 5)).promises;
    const { reply } = await h.action(team, 'UBEN', PROMISE_ACTIONS.kept, promise!.id);
    const nominate = reply!.blocks
      .flatMap((b: { elements?: { action_id: string; value: string }[] }) => b.elements ?? [])
      .find((e: { action_id: string }) => e.action_id === NOMINATE_STORY_ACTION);
    expect(JSON.parse(nominate.value)).toEqual({ kind: 'promise', id: promise!.id });

    await h.action(team, 'UANA', NOMINATE_STORY_ACTION, nominate.value, { replyWaitMs: 0 });
    const [open] = await h.fake.waitForCalls('views.open', 1);
    const view = open!.args.view;
    expect(view.blocks.find((b: { block_id?: string }) => b.block_id === STORY_FIELDS.who).element.initial_users).toEqual(['UBEN']);
    expect(text(view.blocks)).toContain('From a kept promise: ACME: send the revised quote');
    const res = await h.submit(
      team,
      'UANA',
      STORY_VIEW,
      {
        [STORY_FIELDS.who]: { [STORY_FIELDS.value]: { type: 'multi_users_select', selected_users: ['UBEN'] } },
        [STORY_FIELDS.what]: { [STORY_FIELDS.value]: { type: 'plain_text_input', value: 'Sent it a day early with a walkthrough video' } },
      },
      view.private_metadata,
    );
    expect(res.status).toBe(200);
    const [story] = await stories();
    expect(story!.source).toEqual({ kind: 'promise', id: promise!.id, title: 'ACME: send the revised quote' });
    const post = await h.fake.waitForCalls('chat.postMessage', 1);
    expect(text(post.at(-1)!.args.blocks)).toContain('From a kept promise');
  });

  it('says so when the nominated promise is gone', async () => {
    const { reply } = await h.action(team, 'UANA', NOMINATE_STORY_ACTION, JSON.stringify({ kind: 'promise', id: 'nope' }));
    expect(reply?.text).toContain('couldn’t find what you nominated');
  });
});
