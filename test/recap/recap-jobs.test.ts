import { spawn } from 'node:child_process';
import type { Firestore } from '@google-cloud/firestore';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createJobs } from '../../src/jobs/jobs.js';
import { SCHEDULE } from '../../src/jobs/schedule.js';
import { createPromise, markKept } from '../../src/promises/client-promise.js';
import { FirestorePromiseStore } from '../../src/promises/promise-store.js';
import { toDate } from '../../src/shared/firestore/firestore.js';
import { JsonLogger } from '../../src/shared/logger.js';
import { FirestoreSettingsStore } from '../../src/shared/workspace/settings-store.js';
import { DEFAULT_SETTINGS, type WorkspaceSettings } from '../../src/shared/workspace/workspace-settings.js';
import { addVote, createStory } from '../../src/stories/story.js';
import { FirestoreStoryStore } from '../../src/stories/story-store.js';
import { type FakeSlack, type RecordedCall, startFakeSlack } from '../support/fake-slack.js';
import { newTeamId, testDb } from '../support/test-db.js';

let fake: FakeSlack;
const clients: Firestore[] = [];
const db = () => {
  const client = testDb();
  clients.push(client);
  return client;
};
beforeAll(async () => {
  fake = await startFakeSlack();
});
afterAll(async () => {
  await fake.close();
  await Promise.all(clients.map((c) => c.terminate()));
});

// Friday 5 March 2027, 15:00 in Warsaw (CET) = 14:00 UTC: the recap time.
const RECAP_AT = new Date('2027-03-05T14:00:00Z');
const minutes = (n: number) => new Date(RECAP_AT.getTime() + n * 60_000);
const SETUP = new Date('2027-03-01T09:00:00Z');

let team: string;
let channel: string;
let store: Firestore;
beforeEach(() => {
  fake.reset();
  team = newTeamId();
  channel = `C${team.slice(1)}`;
  store = db();
});

function jobs(client = store) {
  const logger = new JsonLogger('error', () => undefined);
  const config = { slack: { botToken: 'xoxb-test-token', signingSecret: undefined, appToken: undefined, apiUrl: fake.url } };
  return createJobs({ config, db: client, logger, channelIntervalMs: 0 });
}

async function configure(over: Partial<WorkspaceSettings> = {}, at = SETUP) {
  const settings = new FirestoreSettingsStore(store, () => at);
  await settings.save({ teamId: team }, { ...DEFAULT_SETTINGS, timeZone: 'Europe/Warsaw', channels: { recap: channel }, ...over });
}

async function seedWeek(storyCount = 2) {
  const stories = new FirestoreStoryStore(store);
  for (let i = 0; i < storyCount; i++) {
    let s = createStory({ id: `s${i}`, authorId: 'UANA', featuredIds: [`UF${i}`], client: 'ACME', what: `went the extra mile #${i}` }, minutes(-24 * 60 - i));
    if (i === 1) s = addVote(s, 'UBEN', 'button');
    await stories.create(
      { teamId: team },
      { ...s, message: { channel, ts: `1700000000.00${i}`, permalink: `https://kept-test.slack.com/archives/${channel}/p${i}` } },
    );
  }
  const promises = new FirestorePromiseStore(store);
  const p = createPromise(
    { id: 'p1', client: 'ACME', what: 'quote', ownerId: 'UANA', ownerTimeZone: 'Europe/Warsaw', creatorId: 'UANA', dueAt: minutes(-2 * 24 * 60) },
    minutes(-3 * 24 * 60),
  );
  await promises.create({ teamId: team }, markKept(p, 'UANA', minutes(-2 * 24 * 60 - 60)));
}

const toChannel = (method: string) => fake.callsTo(method).filter((c) => c.args.channel === channel || c.args.channel_id === channel);
const recapPosts = () => toChannel('chat.postMessage').filter((c) => !c.args.thread_ts);
const blocksOf = (call: RecordedCall | undefined) => JSON.stringify(call?.args.blocks ?? []);
async function recapNextAt(): Promise<Date | null> {
  const value = (await store.collection('teams').doc(team).get()).get('recapNextAt');
  return value ? toDate(value) : null;
}

describe('the weekly recap job', () => {
  it('is in the schedule, every five minutes', () => {
    expect(SCHEDULE).toContainEqual({ job: 'recap', cron: '*/5 * * * *' });
  });

  it("posts nothing before the team's recap time, then the recap once, with the chart uploaded into its thread", async () => {
    await configure();
    await seedWeek();
    expect(await recapNextAt()).toEqual(RECAP_AT);
    await jobs().recap(minutes(-5));
    expect(recapPosts()).toHaveLength(0);

    await jobs().recap(minutes(5));
    const [post] = recapPosts();
    expect(blocksOf(post)).toContain('Weekly recap · 26 Feb – 5 Mar');
    expect(blocksOf(post).indexOf('<@UF1>')).toBeLessThan(blocksOf(post).indexOf('<@UF0>'));
    expect(blocksOf(post)).toContain('1 kept on time');
    const [getUrl] = fake.callsTo('files.getUploadURLExternal').filter((c) => c.args.filename === 'keeping-rate-2027-W09.png');
    const fileId = getUrl!.response!.file_id as string;
    const [upload] = await fake.waitForCalls(`upload:${fileId}`, 1);
    expect(upload!.args.bytes).toBeGreaterThan(5_000);
    const [complete] = toChannel('files.completeUploadExternal');
    expect(complete!.args).toMatchObject({ channel_id: channel, thread_ts: post!.response!.ts });
    expect(complete!.args.files).toEqual([expect.objectContaining({ id: fileId })]);
    expect(await recapNextAt()).toEqual(new Date('2027-03-12T14:00:00Z'));

    await jobs().recap(minutes(10));
    expect(recapPosts()).toHaveLength(1);
  });

  it('posts once when three instances run at the same moment', async () => {
    await configure();
    await seedWeek();
    const instances = [jobs(db()), jobs(db()), jobs(db())];
    const summaries = await Promise.all(instances.map((j) => j.recap(minutes(5))));
    expect(recapPosts()).toHaveLength(1);
    expect(toChannel('files.completeUploadExternal')).toHaveLength(1);
    expect(summaries.reduce((sum, s) => sum + s.failed, 0)).toBe(0);
  });

  it('posts the chart as a line of text in the thread when the upload fails, and the recap still goes out', async () => {
    await configure();
    await seedWeek();
    fake.injectFault('files.completeUploadExternal', { kind: 'error', error: 'internal_error' });
    await jobs().recap(minutes(5));
    const [post] = recapPosts();
    expect(post).toBeDefined();
    const [line] = toChannel('chat.postMessage').filter((c) => c.args.thread_ts === post!.response!.ts);
    expect(line!.args.text).toMatch(/Promise-keeping rate, last 8 weeks: .*26 Feb — · 5 Mar 100%/);
  });

  it("keeps a very busy week within Slack's limits (the fake refuses anything over them)", async () => {
    await configure();
    await seedWeek(200);
    const summary = await jobs().recap(minutes(5));
    expect(summary.failed).toBe(0);
    const [post] = recapPosts();
    expect(post!.args.blocks.length).toBeLessThanOrEqual(50);
    expect(blocksOf(post)).toContain('…and 190 more stories this week.');
  });

  it('gives a quiet week a short, warm post without a chart', async () => {
    await configure();
    await jobs().recap(minutes(5));
    const [post] = recapPosts();
    expect(blocksOf(post)).toContain('A quiet week');
    expect(toChannel('files.completeUploadExternal')).toHaveLength(0);
  });

  it('follows the recap day and time set with /kept recap, in the team time zone', async () => {
    await configure({ recap: { weekday: 1, minute: 9 * 60 }, timeZone: 'America/New_York' });
    expect(await recapNextAt()).toEqual(new Date('2027-03-01T14:00:00Z'));
    await jobs().recap(new Date('2027-03-01T14:01:00Z'));
    expect(recapPosts()).toHaveLength(1);
  });

  it('does not skip the week when settings change just after the recap time, before the job ran', async () => {
    await configure();
    await configure({ language: 'pl' }, minutes(2));
    expect(await recapNextAt()).toEqual(RECAP_AT);
    await jobs().recap(minutes(5));
    expect(blocksOf(recapPosts()[0])).toContain('Podsumowanie tygodnia');
  });

  it('skips a recap more than a day late, and plans the next one', async () => {
    await configure();
    await jobs().recap(minutes(25 * 60));
    expect(recapPosts()).toHaveLength(0);
    expect(await recapNextAt()).toEqual(new Date('2027-03-12T14:00:00Z'));
  });

  it('stops looking at a workspace once its recap channel is removed', async () => {
    await configure();
    await configure({ channels: {} });
    expect(await recapNextAt()).toBeNull();
  });

  it('runs once from the command line: npm run job -- recap --now', async () => {
    await configure();
    await seedWeek(1);
    const run = spawn(process.execPath, ['--import', 'tsx', 'src/jobs/job-cli.ts', 'recap', '--now', minutes(5).toISOString()], {
      env: {
        PATH: process.env.PATH ?? '',
        SLACK_BOT_TOKEN: 'xoxb-cli',
        SLACK_API_URL: fake.url,
        FIRESTORE_EMULATOR_HOST: process.env.FIRESTORE_EMULATOR_HOST!,
        GOOGLE_CLOUD_PROJECT: process.env.GOOGLE_CLOUD_PROJECT ?? 'kept-test',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    run.stdout!.on('data', (d) => (out += d));
    run.stderr!.on('data', (d) => (out += d));
    const code = await new Promise((resolve) => run.on('exit', resolve));
    expect(out).toMatch(/^recap: sent \d+/m);
    expect(code).toBe(0);
    expect(recapPosts()).toHaveLength(1);
  }, 60_000);
});
