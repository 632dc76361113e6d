// Workspace isolation over signed HTTP: two workspaces side by side. Everything a request from workspace B
// can carry that names workspace A's data (button values, modal private_metadata, list filters, nominations,
// reactions on A's story message) reaches nothing of A's: B is told "not found" or sees an empty list, and
// every document of A keeps its version. The same user id, a lead and an admin in both, changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INCIDENT_ACTIONS, INCIDENT_VIEWS } from '../../src/incidents/incident-blocks.js';
import { INCIDENT_FIELDS } from '../../src/incidents/incident-modals.js';
import { FIELDS, PROMISE_ACTIONS, PROMISE_VIEWS } from '../../src/promises/promise-blocks.js';
import { REASSIGN_VIEW, REMINDER_ACTIONS } from '../../src/promises/reminder-blocks.js';
import { messagesFor } from '../../src/shared/i18n/index.js';
import { NOMINATE_STORY_ACTION } from '../../src/shared/slack/story-nomination.js';
import { DEFAULT_SETTINGS } from '../../src/shared/workspace/workspace-settings.js';
import { STORY_ACTIONS } from '../../src/stories/story-blocks.js';
import { type KeptHarness, newTeamId, startKept } from '../support/kept-harness.js';
import { driver, type Seen, workspaceTree } from './authz-support.js';

const en = messagesFor('en');
const NOW = new Date('2026-12-01T09:00:00Z');
const HOUR = 3_600_000;
/** Every text of A's data carries this mark: it must never show up in anything Kept sends while serving B. */
const MARK = 'A-ONLY';
const ANA = 'UANA';
const STORY_MESSAGE = { channelId: 'CRECAP', messageTs: '1700000000.004400' };

let h: KeptHarness;
let send: ReturnType<typeof driver>;
const A = { teamId: newTeamId() };
const B = { teamId: newTeamId() };
const ids = { promise: '', overdue: '', kept: '', incident: '', resolved: '', story: '' };
beforeAll(async () => {
  h = await startKept({ now: NOW });
  h.fake.addUser({ id: ANA, tz: 'Europe/Warsaw', is_admin: true });
  h.fake.addUser({ id: 'UBEN', tz: 'Europe/Warsaw' });
  send = driver(h);
  const { settings, promises, incidents, stories } = h.kept.services;
  for (const ws of [A, B]) await settings.save(ws, { ...DEFAULT_SETTINGS, leads: [ANA] });
  const promise = (what: string, dueAt: Date, at = NOW, ownerId = ANA) =>
    promises.logPromise(A, { creatorId: ANA, ownerId, ownerTimeZone: 'UTC', client: 'ACME', what: `${MARK} ${what}`, dueAt }, at);
  ids.promise = (await promise('send the quote', new Date(NOW.getTime() + 48 * HOUR))).id;
  ids.overdue = (await promise('call back', new Date(NOW.getTime() - HOUR), new Date(NOW.getTime() - 48 * HOUR), 'UBEN')).id;
  ids.kept = (await promise('migrate', new Date(NOW.getTime() + 24 * HOUR))).id;
  await promises.keep(A, ids.kept, ANA, NOW);
  const incident = (title: string) =>
    incidents.open(A, { reporterId: ANA, ownerId: ANA, ownerTimeZone: 'UTC', client: 'ACME', title: `${MARK} ${title}`, severity: 'sev1' }, NOW, async () => ({
      channelId: 'CINC',
      messageTs: `1700000000.00${title.length}`,
    }));
  ids.incident = (await incident('checkout down')).id;
  ids.resolved = (await incident('login slow')).id;
  await incidents.resolve(A, ids.resolved, { id: ANA, isAdmin: true, isOwner: false }, { note: 'fixed', clientConfirmed: true }, NOW);
  ids.story = (await stories.share(A, { authorId: 'UBEN', featuredIds: [ANA], client: 'ACME', what: `${MARK} drove 200 km` }, NOW)).id;
  await stories.attachMessage(A, ids.story, { channel: STORY_MESSAGE.channelId, ts: STORY_MESSAGE.messageTs });
});
afterAll(() => h.stop());

const fromB = { teamId: B.teamId, userId: ANA };
const input = (value: object) => ({ value });
const notFound = {
  promise: en.errors.promise_not_found,
  incident: en.errors.incident_not_found,
  story: en.errors.story_not_found,
  nomination: en.errors.nomination_not_found,
};

/** Each request B sends naming A's data, and what B must be told. */
const REQUESTS: { name: string; send: () => Promise<Seen>; told: string }[] = [
  { name: 'promise Kept button', send: () => send.click(fromB, PROMISE_ACTIONS.kept, ids.promise), told: notFound.promise },
  { name: 'promise Cancel button', send: () => send.click(fromB, PROMISE_ACTIONS.cancel, ids.promise), told: notFound.promise },
  { name: 'promise Renegotiate button', send: () => send.click(fromB, PROMISE_ACTIONS.renegotiate, ids.promise), told: notFound.promise },
  { name: 'promise details (overflow)', send: () => send.click(fromB, PROMISE_ACTIONS.overflow, `details:${ids.promise}`), told: notFound.promise },
  { name: 'promise Kept (overflow)', send: () => send.click(fromB, PROMISE_ACTIONS.overflow, `kept:${ids.promise}`), told: notFound.promise },
  { name: 'promise Snooze button', send: () => send.click(fromB, REMINDER_ACTIONS.snooze, ids.promise), told: notFound.promise },
  { name: 'overdue alert Nudge button', send: () => send.click(fromB, REMINDER_ACTIONS.nudge, ids.overdue), told: notFound.promise },
  { name: 'overdue alert Reassign button', send: () => send.click(fromB, REMINDER_ACTIONS.reassign, ids.overdue), told: notFound.promise },
  {
    name: 'renegotiate form (metadata id)',
    send: () =>
      send.submit(
        fromB,
        PROMISE_VIEWS.renegotiate,
        {
          [FIELDS.due]: input({ type: 'datetimepicker', selected_date_time: Math.floor(NOW.getTime() / 1000) + 96 * 3600 }),
          [FIELDS.reason]: input({ type: 'plain_text_input', value: 'moved' }),
        },
        { id: ids.promise },
      ),
    told: notFound.promise,
  },
  {
    name: 'reassign form (metadata id)',
    send: () => send.submit(fromB, REASSIGN_VIEW, { [FIELDS.owner]: input({ type: 'users_select', selected_user: 'UBEN' }) }, { id: ids.promise }),
    told: notFound.promise,
  },
  { name: 'incident Acknowledge', send: () => send.click(fromB, INCIDENT_ACTIONS.acknowledge, ids.incident), told: notFound.incident },
  { name: 'incident Post update', send: () => send.click(fromB, INCIDENT_ACTIONS.update, ids.incident), told: notFound.incident },
  { name: 'incident Client updated', send: () => send.click(fromB, INCIDENT_ACTIONS.clientUpdated, ids.incident), told: notFound.incident },
  { name: 'incident Resolve', send: () => send.click(fromB, INCIDENT_ACTIONS.resolve, ids.incident), told: notFound.incident },
  { name: 'incident Reassign', send: () => send.click(fromB, INCIDENT_ACTIONS.reassign, ids.incident), told: notFound.incident },
  { name: 'incident Reopen', send: () => send.click(fromB, INCIDENT_ACTIONS.reopen, ids.resolved), told: notFound.incident },
  { name: 'incident to promise', send: () => send.click(fromB, INCIDENT_ACTIONS.promise, ids.incident), told: notFound.incident },
  {
    name: 'incident update form (metadata id)',
    send: () => send.submit(fromB, INCIDENT_VIEWS.update, { [INCIDENT_FIELDS.text]: input({ type: 'plain_text_input', value: 'x' }) }, { id: ids.incident }),
    told: notFound.incident,
  },
  {
    name: 'incident resolve form (metadata id)',
    send: () => send.submit(fromB, INCIDENT_VIEWS.resolve, { [INCIDENT_FIELDS.note]: input({ type: 'plain_text_input', value: 'x' }) }, { id: ids.incident }),
    told: notFound.incident,
  },
  {
    name: 'incident reassign form (metadata id)',
    send: () =>
      send.submit(fromB, INCIDENT_VIEWS.reassign, { [INCIDENT_FIELDS.owner]: input({ type: 'users_select', selected_user: 'UBEN' }) }, { id: ids.incident }),
    told: notFound.incident,
  },
  { name: 'story Upvote', send: () => send.click(fromB, STORY_ACTIONS.upvote, ids.story, STORY_MESSAGE), told: notFound.story },
  {
    name: "nominate A's kept promise",
    send: () => send.click(fromB, NOMINATE_STORY_ACTION, JSON.stringify({ kind: 'promise', id: ids.kept })),
    told: notFound.nomination,
  },
  {
    name: "nominate A's resolved incident",
    send: () => send.click(fromB, NOMINATE_STORY_ACTION, JSON.stringify({ kind: 'incident', id: ids.resolved })),
    told: notFound.nomination,
  },
  { name: '/promise list client:ACME', send: () => send.command(fromB, '/promise', 'list client:ACME'), told: en.promise.list_title_client('ACME', 0) },
  { name: '/promise list (mine)', send: () => send.command(fromB, '/promise', 'list'), told: en.promise.list_title_mine(0) },
  { name: '/promise list @owner', send: () => send.command(fromB, '/promise', 'list <@UBEN|ben>'), told: en.promise.list_title_owner('<@UBEN>', 0) },
  { name: '/promise list overdue', send: () => send.command(fromB, '/promise', 'list overdue'), told: en.promise.list_title_overdue(0) },
  { name: '/incident list', send: () => send.command(fromB, '/incident', 'list'), told: en.incident.list_title(0) },
];

describe("a request from workspace B naming workspace A's data", () => {
  it('never reads or writes A: B is told "not found" or sees nothing, and every document of A is unchanged', async () => {
    const before = await workspaceTree(h.db, A.teamId);
    const fromCall = h.fake.calls.length;
    const outcomes: { name: string; ok: boolean; seen: Seen }[] = [];
    for (const request of REQUESTS) {
      const seen = await request.send();
      const ok =
        seen.status === 200 && (seen.replies.includes(request.told) || Object.values(seen.modalErrors).includes(request.told)) && seen.opened.length === 0;
      outcomes.push({ name: request.name, ok, seen });
    }
    // Events carry no reply: a reaction on A's story message (same channel and ts) and B's App Home.
    const reaction = {
      type: 'reaction_added',
      user: ANA,
      reaction: 'tada',
      item_user: 'UBOT',
      item: { type: 'message', channel: STORY_MESSAGE.channelId, ts: STORY_MESSAGE.messageTs },
      event_ts: '1.1',
    };
    await send.event(B, reaction);
    await send.event(B, { type: 'app_home_opened', user: ANA, channel: 'DANA', tab: 'home', event_ts: '1.2' });

    const after = await workspaceTree(h.db, A.teamId);
    const leaked = h.fake.calls
      .slice(fromCall)
      .filter((c) => JSON.stringify(c.args).includes(MARK))
      .map((c) => c.method);
    // B's own Home drawing (what B's user last saw) is the one document serving B may create; it holds nothing of A.
    const bHomes = (await h.db.collection('teams').doc(B.teamId).collection('homes').get()).docs;
    const bTree = [...(await workspaceTree(h.db, B.teamId)).keys()].filter(
      (path) => !path.endsWith(`teams/${B.teamId}`) && !path.includes(`teams/${B.teamId}/homes/`),
    );
    const unchanged = [...before].filter(([path, version]) => after.get(path) === version).length;
    console.log(
      `Workspace isolation: ${REQUESTS.length + 2} requests from B naming A's data (${REQUESTS.length} answered, 2 events); ` +
        `${outcomes.filter((o) => o.ok).length}/${REQUESTS.length} told "not found" or an empty list; ` +
        `A: ${unchanged}/${before.size} documents unchanged, ${after.size - before.size} added; ` +
        `A's data in anything sent while serving B: ${leaked.length}; documents created under B: ${bTree.length}`,
    );
    expect(outcomes.filter((o) => !o.ok).map((o) => `${o.name}: ${JSON.stringify(o.seen)}`)).toEqual([]);
    expect(after).toEqual(before);
    expect(leaked).toEqual([]);
    expect(bTree).toEqual([]);
    expect(bHomes.filter((doc) => JSON.stringify(doc.data()).includes(MARK)).map((doc) => doc.id)).toEqual([]);
    // B's Home was published, empty of A's promises and incidents.
    expect(h.fake.calls.slice(fromCall).some((c) => c.method === 'views.publish' && c.args.user_id === ANA)).toBe(true);
  });
});
