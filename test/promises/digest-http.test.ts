import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIGEST_ACTIONS } from '../../src/promises/digest-blocks.js';
import { PROMISE_ACTIONS } from '../../src/promises/promise-blocks.js';
import { REASSIGN_VIEW, REMINDER_ACTIONS } from '../../src/promises/reminder-blocks.js';
import type { RecordedCall } from '../support/fake-slack.js';
import { type KeptHarness, newTeamId, SIGNING_SECRET, startKept } from '../support/kept-harness.js';
import { blockActionPayload, interactionBody, postSigned } from '../support/slack-requests.js';
import { isolatedProjectId } from '../support/sweep-fixture.js';

const projectId = isolatedProjectId();
let h: KeptHarness;
const team = newTeamId();
beforeAll(async () => {
  h = await startKept({ projectId, now: new Date('2026-12-02T09:00:00Z') });
  h.fake.addUser({ id: 'UOWNER', tz: 'Europe/Warsaw' });
  h.fake.addUser({ id: 'ULEAD', tz: 'Europe/Warsaw' });
  h.fake.addUser({ id: 'UNEW', tz: 'Europe/Warsaw' });
});
afterAll(() => h.stop());

/** `npm run job -- reminders --now …` against the app's database and fake Slack. */
function runJob(now: string): Promise<{ code: number | null; stdout: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/jobs/job-cli.ts', 'reminders', '--now', now], {
    env: {
      PATH: process.env.PATH ?? '',
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_API_URL: h.fake.url,
      FIRESTORE_EMULATOR_HOST: process.env.FIRESTORE_EMULATOR_HOST ?? '',
      GOOGLE_CLOUD_PROJECT: projectId,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  child.stdout!.on('data', (d) => (stdout += d));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout })));
}

let clicks = 0;
/** A signed click on a button of a message Kept posted, the way Slack sends it (the message's blocks included). */
async function click(message: RecordedCall, userId: string, actionId: string, blockId: string, value: string) {
  const key = `digest-click-${++clicks}`;
  const payload = blockActionPayload({
    teamId: team,
    userId,
    actionId,
    value,
    blockId,
    channelId: `D${message.args.channel}`,
    responseUrl: h.fake.responseUrl(key),
  }) as Record<string, any>;
  payload.message = { ...payload.message, ts: message.response?.ts, text: message.args.text, blocks: message.args.blocks };
  const res = await postSigned(`${h.url}/slack/events`, interactionBody(payload), { signingSecret: SIGNING_SECRET });
  expect(res.status).toBe(200);
  return key;
}
const reply = async (key: string) => (await h.fake.waitForCalls(`response_url:${key}`, 1))[0]!.args;
/** A word per promise (digits in the text would read as times). */
const code = (i: number) => `q${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`;
const buttonsOf = (message: RecordedCall) =>
  (message.args.blocks as Array<Record<string, any>>)
    .filter((b) => b.type === 'actions')
    .flatMap((b) => b.elements.map((e: any) => ({ block: b.block_id, action: e.action_id, value: e.value })));

describe('digests over signed HTTP and the job CLI', () => {
  it('30 overdue promises give the lead one message and the owner one; every item is listed once and every button works', async () => {
    await h.kept.services.settings.save(
      { teamId: team },
      { ...(await h.kept.services.settings.get({ teamId: team })), timeZone: 'Europe/Warsaw', leads: ['ULEAD'] },
    );
    for (let i = 0; i < 30; i++) {
      const { status, reply: logged } = await h.command(team, 'UOWNER', '/promise', `ACME ${i}: send quote ${code(i)} tomorrow 15:00`);
      expect(status).toBe(200);
      expect(JSON.stringify(logged)).toContain(`send quote ${code(i)}`);
    }
    h.fake.reset();
    h.now = new Date('2026-12-03T15:00:00Z');
    const run = await runJob('2026-12-03T15:00:00Z');
    expect(run.code).toBe(0);
    const toLead = h.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === 'ULEAD');
    const toOwner = h.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === 'UOWNER');
    expect([toLead.length, toOwner.length]).toEqual([1, 1]);
    const [alert] = toLead;
    const [notice] = toOwner;
    expect(alert!.args.text).toMatch(/^30 overdue promises: ACME \d+ – send quote q\w+ \(<@UOWNER>, 1 h late\) and 29 more$/);
    expect(notice!.args.text).toMatch(/^30 promises need you: ACME \d+ – send quote q\w+ \(was due an hour ago\) and 29 more$/);

    // Fifteen shown with their buttons, the rest behind Show all: together, every promise once.
    const leadButtons = buttonsOf(alert!);
    const nudges = leadButtons.filter((b) => b.action === REMINDER_ACTIONS.nudge);
    expect(nudges).toHaveLength(15);
    expect(new Set(nudges.map((b) => b.value)).size).toBe(15);
    const showAll = leadButtons.find((b) => b.action === DIGEST_ACTIONS.showAll)!;
    const all = await reply(await click(alert!, 'ULEAD', showAll.action, showAll.block, showAll.value));
    expect(all.replace_original).toBe(false);
    const listed = JSON.stringify(all.blocks);
    for (let i = 0; i < 30; i++) expect(listed.match(new RegExp(`send quote ${code(i)}\\b`, 'g')), `send quote ${code(i)}`).toHaveLength(1);

    // Nudge owner: the owner hears from the lead.
    const nudge = nudges[0]!;
    const nudged = await reply(await click(alert!, 'ULEAD', nudge.action, nudge.block, nudge.value));
    expect(nudged.text).toContain('Reminder sent to <@UOWNER>');
    const dm = await h.fake.waitForCalls('chat.postMessage', 1);
    expect(dm.at(-1)!.args.text).toMatch(/^<@ULEAD> is asking about ACME \d+: send quote q\w+ – an hour overdue$/);

    // Reassign: the form opens for that promise.
    const reassign = leadButtons.filter((b) => b.action === REMINDER_ACTIONS.reassign)[1]!;
    await click(alert!, 'ULEAD', reassign.action, reassign.block, reassign.value);
    const form = await h.fake.waitForCalls('views.open', 1);
    expect(form[0]!.args.view.callback_id).toBe(REASSIGN_VIEW);
    expect(JSON.parse(form[0]!.args.view.private_metadata).id).toBe(reassign.value);

    // Kept, on the owner's digest: that item says so, the other fourteen keep their buttons.
    const ownerButtons = buttonsOf(notice!);
    const kept = ownerButtons.filter((b) => b.action === PROMISE_ACTIONS.kept)[2]!;
    const afterKept = await reply(await click(notice!, 'UOWNER', kept.action, kept.block, kept.value));
    expect(afterKept.replace_original).toBe(true);
    const remaining = (afterKept.blocks as Array<Record<string, any>>).filter((b) => b.type === 'actions' && String(b.block_id).startsWith('digest:'));
    expect(remaining).toHaveLength(14);
    expect(JSON.stringify(remaining)).not.toContain(kept.value);
    expect(JSON.stringify(afterKept.blocks)).toContain(':ballot_box_with_check: Kept, a little late');
    expect((await h.kept.services.promises.get({ teamId: team }, kept.value))?.status).toBe('kept');

    // Renegotiate: the form opens, and its answer will go beside the digest, not in its place.
    const renegotiate = ownerButtons.filter((b) => b.action === PROMISE_ACTIONS.renegotiate)[3]!;
    await click(notice!, 'UOWNER', renegotiate.action, renegotiate.block, renegotiate.value);
    const forms = await h.fake.waitForCalls('views.open', 2);
    expect(JSON.parse(forms[1]!.args.view.private_metadata)).toMatchObject({ id: renegotiate.value, digest: true });
  }, 120_000);
});
