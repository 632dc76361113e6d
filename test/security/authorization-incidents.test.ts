// The authorization matrix for incidents (issue 4): anyone may open, acknowledge, post updates, record a
// client update and reopen; only the owner, a lead or a workspace admin (or owner) may resolve or reassign.
// The reporter ("creator") is a teammate like any other once someone else owns the incident.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INCIDENT_ACTIONS, INCIDENT_VIEWS } from '../../src/incidents/incident-blocks.js';
import { INCIDENT_FIELDS as F } from '../../src/incidents/incident-modals.js';
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
/** The incident message; clicks come from elsewhere (a DM card), so Kept answers them through the response_url. */
const INCIDENT_MESSAGE = { channelId: 'CINC', messageTs: '1700000000.009900' };

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
const ANYONE = { owner: Y, creator: Y, lead: Y, admin: Y, wsOwner: Y, member: Y, other: N };
const MANAGERS = { owner: Y, creator: N, lead: Y, admin: Y, wsOwner: Y, member: N, other: N };
/** Action × role → allowed? */
const RULES: Record<string, Partial<Record<Role, boolean>>> = {
  Acknowledge: ANYONE,
  'Post update (open)': ANYONE,
  'Post update (submit)': ANYONE,
  'Client updated': ANYONE,
  'Resolve (open)': MANAGERS,
  'Resolve (submit)': MANAGERS,
  Reopen: ANYONE,
  'Reassign (open)': MANAGERS,
  'Reassign (submit)': MANAGERS,
};

const input = (value: object) => ({ [F.value]: value });
const statusReply = (status: 'acknowledged' | 'open') => en.incident.done_reply('ACME', en.incident.status_names[status]);
const lastEntry = (run: Run) => run.after.data.timeline?.at(-1)?.kind;
type Perform = (actor: Actor, id: string) => Promise<Seen>;

/** How to ask for each action, the state the incident must be in, and the effect that shows it was done. */
const ACTIONS: Record<string, { perform: Perform; done: (run: Run) => boolean; resolved?: boolean }> = {
  Acknowledge: {
    perform: (actor, id) => send.click(actor, INCIDENT_ACTIONS.acknowledge, id),
    done: (run) => run.after.data.status === 'acknowledged' && run.seen.replies.includes(statusReply('acknowledged')),
  },
  'Post update (open)': {
    perform: (actor, id) => send.click(actor, INCIDENT_ACTIONS.update, id),
    done: ({ seen, before, after }) => seen.opened.includes(INCIDENT_VIEWS.update) && before.version === after.version,
  },
  'Post update (submit)': {
    perform: (actor, id) =>
      send.submit(
        actor,
        INCIDENT_VIEWS.update,
        { [F.text]: input({ type: 'plain_text_input', value: 'Rolled back the deploy' }), [F.told]: input({ type: 'checkboxes', selected_options: [] }) },
        { id },
      ),
    done: (run) => lastEntry(run) === 'update',
  },
  'Client updated': {
    perform: (actor, id) => send.click(actor, INCIDENT_ACTIONS.clientUpdated, id),
    done: (run) => lastEntry(run) === 'client_updated',
  },
  'Resolve (open)': {
    perform: (actor, id) => send.click(actor, INCIDENT_ACTIONS.resolve, id),
    done: ({ seen, before, after }) => seen.opened.includes(INCIDENT_VIEWS.resolve) && before.version === after.version,
  },
  'Resolve (submit)': {
    perform: (actor, id) =>
      send.submit(
        actor,
        INCIDENT_VIEWS.resolve,
        {
          [F.note]: input({ type: 'plain_text_input', value: 'Fixed the config' }),
          [F.confirmed]: input({ type: 'checkboxes', selected_options: [{ value: 'yes' }] }),
        },
        { id },
      ),
    done: (run) => run.after.data.status === 'resolved',
  },
  Reopen: {
    resolved: true,
    perform: (actor, id) => send.click(actor, INCIDENT_ACTIONS.reopen, id),
    done: (run) => run.after.data.status === 'acknowledged' && lastEntry(run) === 'reopened',
  },
  'Reassign (open)': {
    perform: (actor, id) => send.click(actor, INCIDENT_ACTIONS.reassign, id),
    done: ({ seen, before, after }) => seen.opened.includes(INCIDENT_VIEWS.reassign) && before.version === after.version,
  },
  'Reassign (submit)': {
    perform: (actor, id) => send.submit(actor, INCIDENT_VIEWS.reassign, { [F.owner]: input({ type: 'users_select', selected_user: NEW_OWNER }) }, { id }),
    done: (run) => run.after.data.ownerId === NEW_OWNER,
  },
};

const matrix = new Matrix('Authorization matrix: incidents (creator = the reporter)', ROLES);

describe('who may act on an incident', () => {
  for (const { action, role, allowed, rule } of matrix.cellsOf(RULES))
    it(`${action} by the ${role}: ${rule}`, async () => {
      const workspace = await leadWorkspace(h);
      const { incidents } = h.kept.services;
      const incident = await incidents.open(
        workspace,
        { reporterId: USERS.creator, ownerId: USERS.owner, ownerTimeZone: 'Europe/Warsaw', client: 'ACME', title: 'checkout returns 500', severity: 'sev2' },
        NOW,
        async () => INCIDENT_MESSAGE,
      );
      const spec = ACTIONS[action]!;
      if (spec.resolved)
        await incidents.resolve(workspace, incident.id, { id: USERS.owner, isAdmin: false, isOwner: false }, { note: 'fixed', clientConfirmed: true }, NOW);
      const ref = h.db.collection('teams').doc(workspace.teamId).collection('incidents').doc(incident.id);
      const actor = actorFor(role as Role, workspace);
      // The refusal names the owner; under a modal field (plain text, where a mention shows raw) it does not.
      const refusal = role === 'other' ? en.errors.incident_not_found : [en.errors.incident_not_allowed(`<@${USERS.owner}>`), en.errors.incident_not_allowed()];

      const { observed, seen } = await attempt(ref, () => spec.perform(actor, incident.id), refusal, spec.done);
      matrix.record(action, role, observed);
      expect({ observed, status: seen.status }, JSON.stringify(seen)).toEqual({ observed: allowed ? 'allowed' : 'refused', status: 200 });
      if (role === 'other') expect((await h.db.collection('teams').doc(actor.teamId).collection('incidents').get()).size).toBe(0);
    });
});
