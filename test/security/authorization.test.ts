// The authorization matrix for promises: every protected action, every kind of user, over signed HTTP.
// "Only the owner, the creator or a lead may change a promise" (PRODUCT.md, issue 2); workspace admins and
// owners are not named there, so they are refused like any teammate. A user of another workspace naming
// the promise's id finds nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIELDS, PROMISE_ACTIONS, PROMISE_VIEWS } from '../../src/promises/promise-blocks.js';
import { REASSIGN_VIEW, REMINDER_ACTIONS } from '../../src/promises/reminder-blocks.js';
import { messagesFor } from '../../src/shared/i18n/index.js';
import { type KeptHarness, startKept } from '../support/kept-harness.js';
import {
  type Actor,
  actorFor,
  addUsers,
  attempt,
  driver,
  leadWorkspace,
  Matrix,
  NEW_OWNER,
  ROLES,
  type Role,
  type Run,
  type Seen,
  USERS,
} from './authz-support.js';

const en = messagesFor('en');
const NOW = new Date('2026-12-01T09:00:00Z');
const DAY = 86_400_000;

let h: KeptHarness;
let send: ReturnType<typeof driver>;
beforeAll(async () => {
  h = await startKept({ now: NOW });
  addUsers(h);
  send = driver(h);
});
afterAll(async () => {
  console.log(matrix.render());
  await h.stop();
});

const Y = true;
const N = false;
const PROMISE_RULE = { owner: Y, creator: Y, lead: Y, admin: N, wsOwner: N, member: N, other: N };
/** Action × role → allowed? Every change of a promise follows the one rule (canChangePromise). */
const RULES: Record<string, Partial<Record<Role, boolean>>> = {
  Kept: PROMISE_RULE,
  'Renegotiate (open)': PROMISE_RULE,
  'Renegotiate (submit)': PROMISE_RULE,
  Cancel: PROMISE_RULE,
  Snooze: PROMISE_RULE,
  Nudge: PROMISE_RULE,
  'Reassign (open)': PROMISE_RULE,
  'Reassign (submit)': PROMISE_RULE,
};

type Perform = (actor: Actor, id: string) => Promise<Seen>;
/** How to ask for each action, and the effect that shows it was done. */
const ACTIONS: Record<string, { perform: Perform; done: (run: Run) => boolean }> = {
  Kept: {
    perform: (actor, id) => send.click(actor, PROMISE_ACTIONS.kept, id),
    done: ({ after }) => after.data.status === 'kept',
  },
  'Renegotiate (open)': {
    perform: (actor, id) => send.click(actor, PROMISE_ACTIONS.renegotiate, id),
    done: ({ seen, before, after }) => seen.opened.includes(PROMISE_VIEWS.renegotiate) && before.version === after.version,
  },
  'Renegotiate (submit)': {
    perform: (actor, id) =>
      send.submit(
        actor,
        PROMISE_VIEWS.renegotiate,
        {
          [FIELDS.due]: { [FIELDS.value]: { type: 'datetimepicker', selected_date_time: Math.floor((NOW.getTime() + 5 * DAY) / 1000) } },
          [FIELDS.reason]: { [FIELDS.value]: { type: 'plain_text_input', value: 'the client moved the meeting' } },
          [FIELDS.informed]: { [FIELDS.value]: { type: 'checkboxes', selected_options: [{ value: 'yes' }] } },
        },
        { id },
      ),
    done: ({ after }) => after.data.renegotiations?.length === 1,
  },
  Cancel: {
    perform: (actor, id) => send.click(actor, PROMISE_ACTIONS.cancel, id),
    done: ({ after }) => after.data.status === 'cancelled',
  },
  Snooze: {
    perform: (actor, id) => send.click(actor, REMINDER_ACTIONS.snooze, id),
    done: ({ after }) => Boolean(after.data.snoozedUntil),
  },
  Nudge: {
    perform: (actor, id) => send.click(actor, REMINDER_ACTIONS.nudge, id),
    done: ({ seen }) => seen.replies.includes(en.reminder.nudged_reply(`<@${USERS.owner}>`)),
  },
  'Reassign (open)': {
    perform: (actor, id) => send.click(actor, REMINDER_ACTIONS.reassign, id),
    done: ({ seen, before, after }) => seen.opened.includes(REASSIGN_VIEW) && before.version === after.version,
  },
  'Reassign (submit)': {
    perform: (actor, id) =>
      send.submit(actor, REASSIGN_VIEW, { [FIELDS.owner]: { [FIELDS.value]: { type: 'users_select', selected_user: NEW_OWNER } } }, { id }),
    done: ({ after }) => after.data.ownerId === NEW_OWNER,
  },
};

const matrix = new Matrix('Authorization matrix: promises', ROLES);

describe('who may change a promise', () => {
  for (const { action, role, allowed, rule } of matrix.cellsOf(RULES))
    it(`${action} by the ${role}: ${rule}`, async () => {
      const workspace = await leadWorkspace(h);
      const promise = await h.kept.services.promises.logPromise(
        workspace,
        {
          creatorId: USERS.creator,
          ownerId: USERS.owner,
          ownerTimeZone: 'Europe/Warsaw',
          client: 'ACME',
          what: 'send the revised quote',
          dueAt: new Date(NOW.getTime() + 2 * DAY),
        },
        NOW,
      );
      const ref = h.db.collection('teams').doc(workspace.teamId).collection('promises').doc(promise.id);
      const actor = actorFor(role as Role, workspace);
      const spec = ACTIONS[action]!;
      // The refusal names the owner (who can change it); under a modal field, where a mention shows raw, it does not.
      const refusal = role === 'other' ? en.errors.promise_not_found : [en.errors.promise_not_allowed(`<@${USERS.owner}>`), en.errors.promise_not_allowed()];
      const { observed, seen } = await attempt(ref, () => spec.perform(actor, promise.id), refusal, spec.done);
      matrix.record(action, role, observed);
      expect({ observed, status: seen.status }, JSON.stringify(seen)).toEqual({ observed: allowed ? 'allowed' : 'refused', status: 200 });
      if (role === 'other') {
        // The other workspace got "not found", and nothing was created under its own id either.
        const theirs = await h.db.collection('teams').doc(actor.teamId).collection('promises').get();
        expect(theirs.size).toBe(0);
      }
    });
});
