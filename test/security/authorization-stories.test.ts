// The authorization matrix for stories (issue 5): anyone may share one or nominate a kept promise; an
// upvote counts once per teammate, by button or reaction, and the author's own never counts. Here
// "allowed" means the upvote counted. A user of another workspace naming the story finds nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messagesFor } from '../../src/shared/i18n/index.js';
import { NOMINATE_STORY_ACTION } from '../../src/shared/slack/story-nomination.js';
import { STORY_ACTIONS, STORY_VIEW } from '../../src/stories/story-blocks.js';
import { type KeptHarness, newTeamId, startKept } from '../support/kept-harness.js';
import { type Actor, addUsers, attempt, driver, leadWorkspace, Matrix, type Run, type Seen, USERS } from './authz-support.js';

const en = messagesFor('en');
const NOW = new Date('2026-12-01T09:00:00Z');
const STORY_MESSAGE = { channelId: 'CRECAP', messageTs: '1700000000.007700' };
const AUTHOR = 'UAUTHOR';
const FEATURED = 'UFEATURED';

let h: KeptHarness;
let send: ReturnType<typeof driver>;
beforeAll(async () => {
  h = await startKept({ now: NOW });
  addUsers(h);
  for (const id of [AUTHOR, FEATURED]) h.fake.addUser({ id, tz: 'Europe/Warsaw' });
  send = driver(h);
});
afterAll(async () => {
  console.log(matrix.render());
  await h.stop();
});

const COLUMNS = ['author', 'featured', 'lead', 'admin', 'wsOwner', 'member', 'other'] as const;
type Column = (typeof COLUMNS)[number];
const USER_OF: Record<Column, string> = {
  author: AUTHOR,
  featured: FEATURED,
  lead: USERS.lead,
  admin: USERS.admin,
  wsOwner: USERS.wsOwner,
  member: USERS.member,
  other: USERS.other,
};

const Y = true;
const N = false;
const TEAMMATES = { author: N, featured: Y, lead: Y, admin: Y, wsOwner: Y, member: Y, other: N };
/** Action × role → allowed (for upvotes: counted)? */
const RULES: Record<string, Partial<Record<Column, boolean>>> = {
  'Upvote (button)': TEAMMATES,
  'Upvote (reaction)': TEAMMATES,
  'Upvote again (button + reaction)': { author: N, featured: N, lead: N, admin: N, wsOwner: N, member: N, other: N },
  'Nominate a kept promise': { author: Y, featured: Y, lead: Y, admin: Y, wsOwner: Y, member: Y, other: N },
};

const clickUpvote = (actor: Actor, id: string) => send.click(actor, STORY_ACTIONS.upvote, id, STORY_MESSAGE);
const react = async (actor: Actor): Promise<Seen> => {
  const event = {
    type: 'reaction_added',
    user: actor.userId,
    reaction: 'tada',
    item_user: 'UBOT',
    item: { type: 'message', channel: STORY_MESSAGE.channelId, ts: STORY_MESSAGE.messageTs },
    event_ts: '1764579600.000100',
  };
  return send.event({ teamId: actor.teamId }, event);
};
const upvotes = (run: Run, when: 'before' | 'after') => Number(run[when].data.upvotes ?? 0);
const counted = (run: Run) => upvotes(run, 'after') === upvotes(run, 'before') + 1;
const sameCount = (run: Run) => upvotes(run, 'after') === upvotes(run, 'before');

const matrix = new Matrix('Authorization matrix: stories ("allowed" for upvotes = it counted)', COLUMNS);

describe('who may upvote and nominate', () => {
  for (const { action, role, allowed, rule } of matrix.cellsOf(RULES))
    it(`${action} by the ${role}: ${rule}`, async () => {
      const workspace = await leadWorkspace(h);
      const column = role as Column;
      const actor: Actor = { teamId: column === 'other' ? newTeamId() : workspace.teamId, userId: USER_OF[column] };
      const notFound = column === 'other';
      const { stories, promises } = h.kept.services;
      const story = await stories.share(workspace, { authorId: AUTHOR, featuredIds: [FEATURED], client: 'ACME', what: 'drove 200 km to fix the setup' }, NOW);
      await stories.attachMessage(workspace, story.id, { channel: STORY_MESSAGE.channelId, ts: STORY_MESSAGE.messageTs });
      const storyRef = h.db.collection('teams').doc(workspace.teamId).collection('stories').doc(story.id);

      let result;
      if (action === 'Upvote (button)') {
        const refusal = notFound ? en.errors.story_not_found : en.story.upvote_own;
        result = await attempt(storyRef, () => clickUpvote(actor, story.id), refusal, counted);
      } else if (action === 'Upvote (reaction)') {
        // Nobody waits for an answer to a reaction: a refusal is only "it did not count".
        result = await attempt(storyRef, () => react(actor), undefined, counted);
      } else if (action === 'Upvote again (button + reaction)') {
        if (!notFound) await clickUpvote(actor, story.id);
        // The second click comes a moment after the first: a double click, answered with silence (the author still
        // hears that their own upvote doesn't count).
        const refusal = notFound ? en.errors.story_not_found : column === 'author' ? en.story.upvote_own : undefined;
        const again = async () => {
          const seen = await clickUpvote(actor, story.id);
          await react(actor);
          return seen;
        };
        // A second way of upvoting is remembered (taking the reaction back must not take the vote), but it counts once.
        result = await attempt(storyRef, again, refusal, counted, sameCount);
      } else {
        const kept = await promises.logPromise(
          workspace,
          { creatorId: USERS.owner, ownerId: USERS.owner, ownerTimeZone: 'UTC', client: 'ACME', what: 'migrate', dueAt: new Date(NOW.getTime() + 86_400_000) },
          NOW,
        );
        await promises.keep(workspace, kept.id, USERS.owner, NOW);
        const ref = h.db.collection('teams').doc(workspace.teamId).collection('promises').doc(kept.id);
        const nominate = () => send.click(actor, NOMINATE_STORY_ACTION, JSON.stringify({ kind: 'promise', id: kept.id }));
        result = await attempt(ref, nominate, en.errors.nomination_not_found, ({ seen }) => seen.opened.includes(STORY_VIEW));
      }
      matrix.record(action, role, result.observed);
      expect({ observed: result.observed, status: result.seen.status }, JSON.stringify(result.seen)).toEqual({
        observed: allowed ? 'allowed' : 'refused',
        status: 200,
      });
      if (notFound) expect((await h.db.collection('teams').doc(actor.teamId).collection('stories').get()).size).toBe(0);
    });
});
