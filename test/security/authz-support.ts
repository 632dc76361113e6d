// Drives the real app over signed HTTP as different kinds of users, and keeps the authorization matrix:
// for each action and role, what the rule says (allowed or refused) and what a request actually did.

import { randomBytes } from 'node:crypto';
import type { DocumentReference, Firestore } from '@google-cloud/firestore';
import { DEFAULT_SETTINGS } from '../../src/shared/workspace/workspace-settings.js';
import { type KeptHarness, newTeamId, SIGNING_SECRET } from '../support/kept-harness.js';
import { blockActionPayload, eventBody, interactionBody, postSigned, slashCommandBody, viewSubmissionPayload } from '../support/slack-requests.js';

/** Who is asking. `other` is a user of ANOTHER workspace naming the first workspace's ids. */
export const USERS = {
  owner: 'UOWNER',
  creator: 'UCREATOR',
  lead: 'ULEAD',
  admin: 'UADMIN',
  wsOwner: 'UWSOWNER',
  member: 'UMEMBER',
  other: 'UOTHER',
} as const;
export type Role = keyof typeof USERS;
export const ROLES = Object.keys(USERS) as Role[];
/** The teammate a reassignment hands work to. */
export const NEW_OWNER = 'UNEW';

export function addUsers(h: KeptHarness): void {
  for (const id of Object.values(USERS)) h.fake.addUser({ id, tz: 'Europe/Warsaw' });
  h.fake.addUser({ id: USERS.admin, tz: 'Europe/Warsaw', is_admin: true });
  // An owner who is not also flagged admin: the owner flag alone must count where admins count.
  h.fake.addUser({ id: USERS.wsOwner, tz: 'Europe/Warsaw', is_owner: true });
  h.fake.addUser({ id: NEW_OWNER, tz: 'America/New_York' });
}

export interface Actor {
  teamId: string;
  userId: string;
  enterpriseId?: string;
}

/** What a request did, as the user and Slack saw it. */
export interface Seen {
  status: number;
  /** Texts shown through this request's response_url (ephemeral replies, refusals, replaced cards). */
  replies: string[];
  /** Callback ids of the modals opened with this request's trigger id. */
  opened: string[];
  /** A view submission's inline errors (`response_action: 'errors'`). */
  modalErrors: Record<string, string>;
}

/** Signed requests; each returns once Kept has finished handling it (not just acknowledged it). */
export function driver(h: KeptHarness) {
  const send = async (body: string, key: string, trigger: string): Promise<Seen> => {
    const res = await postSigned(`${h.url}/slack/events`, body, { signingSecret: SIGNING_SECRET });
    await h.kept.idle(10_000);
    return {
      status: res.status,
      replies: h.fake.calls.filter((c) => c.method === `response_url:${key}`).map((c) => String(c.args.text ?? '')),
      opened: h.fake.calls.filter((c) => c.method === 'views.open' && c.args.trigger_id === trigger).map((c) => String(c.args.view?.callback_id)),
      modalErrors: res.json?.response_action === 'errors' ? res.json.errors : {},
    };
  };
  const ids = () => {
    const key = `sec${randomBytes(6).toString('hex')}`;
    return { key, trigger: `trig.${key}` };
  };
  return {
    /** A button click on a message in C_TEST (not the incident or story message itself unless `where` says so). */
    click(actor: Actor, actionId: string, value: string, where: { channelId?: string; messageTs?: string } = {}) {
      const { key, trigger } = ids();
      const payload = blockActionPayload({ ...actor, actionId, value, responseUrl: h.fake.responseUrl(key), triggerId: trigger, ...where });
      return send(interactionBody(payload), key, trigger);
    },
    submit(actor: Actor, callbackId: string, values: Record<string, Record<string, object>>, metadata: object) {
      const { key, trigger } = ids();
      // The modal answers where it was opened from: this request's own response_url stands in for it.
      const privateMetadata = JSON.stringify({ responseUrl: h.fake.responseUrl(key), ...metadata });
      const payload = viewSubmissionPayload({ ...actor, callbackId, values, privateMetadata, triggerId: trigger });
      return send(interactionBody(payload), key, trigger);
    },
    command(actor: Actor, command: string, text: string) {
      const { key, trigger } = ids();
      return send(slashCommandBody({ ...actor, command, text, responseUrl: h.fake.responseUrl(key), triggerId: trigger }), key, trigger);
    },
    event(actor: Omit<Actor, 'userId'>, event: object) {
      const { key, trigger } = ids();
      return send(eventBody({ ...actor, event }), key, trigger);
    },
  };
}

/** A fresh workspace whose only lead is ULEAD. */
export async function leadWorkspace(h: KeptHarness): Promise<{ teamId: string }> {
  const workspace = { teamId: newTeamId() };
  await h.kept.services.settings.save(workspace, { ...DEFAULT_SETTINGS, timeZone: 'Europe/Warsaw', leads: [USERS.lead] });
  return workspace;
}

/** The actor for a role: `other` asks from a workspace of its own. */
export function actorFor(role: Role, workspace: { teamId: string }): Actor {
  return { teamId: role === 'other' ? newTeamId() : workspace.teamId, userId: USERS[role] };
}

/** A document as read, with the version Firestore gave its last write: an unchanged version means nothing was written. */
export interface DocState {
  version: string;
  data: Record<string, any>;
}

export async function readDoc(ref: DocumentReference): Promise<DocState> {
  const snapshot = await ref.get();
  return { version: snapshot.updateTime ? `${snapshot.updateTime.seconds}:${snapshot.updateTime.nanoseconds}` : 'missing', data: snapshot.data() ?? {} };
}

/** Every document of a workspace (`teams/{ws}` and everything under it), by path, with its version. */
export async function workspaceTree(db: Firestore, teamId: string): Promise<Map<string, string>> {
  const team = db.collection('teams').doc(teamId);
  const tree = new Map<string, string>();
  const root = await readDoc(team);
  if (root.version !== 'missing') tree.set(team.path, root.version);
  for (const collection of await team.listCollections()) {
    for (const doc of (await collection.get()).docs) tree.set(doc.ref.path, `${doc.updateTime.seconds}:${doc.updateTime.nanoseconds}`);
  }
  return tree;
}

export type Observed = 'allowed' | 'refused' | 'unclear';

export interface Run {
  seen: Seen;
  before: DocState;
  after: DocState;
}

/**
 * Reads the document, sends the request, reads it again, and says what the request did. "Nothing changed"
 * means no write at all (the same update time), unless the area says what counts (`unchanged`).
 */
export async function attempt(
  ref: DocumentReference,
  perform: () => Promise<Seen>,
  refusal: string | readonly string[] | undefined,
  done: (run: Run) => boolean,
  unchanged: (run: Run) => boolean = (run) => run.before.version === run.after.version,
): Promise<Run & { observed: Observed }> {
  const before = await readDoc(ref);
  const seen = await perform();
  const after = await readDoc(ref);
  const run = { seen, before, after };
  return { ...run, observed: observe(seen, refusal, done(run), unchanged(run)) };
}

/**
 * Refused: the user was shown the polite refusal (unless nobody waits for an answer: `refusal` undefined,
 * as for events) and nothing changed. Allowed: the action's effect happened and no refusal was shown.
 * Anything else is unclear (and fails the cell).
 */
export function observe(seen: Seen, refusal: string | readonly string[] | undefined, effect: boolean, unchanged: boolean): Observed {
  const refusals: readonly string[] = refusal === undefined ? [] : typeof refusal === 'string' ? [refusal] : refusal;
  const refusalShown = refusals.some((r) => seen.replies.includes(r) || Object.values(seen.modalErrors).includes(r));
  if ((refusal === undefined || refusalShown) && unchanged && !effect) return 'refused';
  if (!refusalShown && effect && seen.status === 200) return 'allowed';
  return 'unclear';
}

const mark = (allowed: boolean) => (allowed ? '✓' : '✗');

/** The table of rules for one area, filled in with what each request did; printed at the end of the file's run. */
export class Matrix {
  private readonly cells = new Map<string, { expected: boolean; observed?: Observed }>();
  private readonly actions: string[] = [];

  constructor(
    readonly title: string,
    readonly columns: readonly string[],
  ) {}

  /** The cells to test, from a table of rules (`undefined`: the role does not apply to that action). */
  cellsOf(rules: Record<string, Partial<Record<string, boolean>>>): { action: string; role: string; allowed: boolean; rule: string }[] {
    const out = [];
    for (const [action, row] of Object.entries(rules)) {
      this.actions.push(action);
      for (const role of this.columns) {
        const allowed = row[role];
        if (allowed === undefined) continue;
        this.cells.set(`${action}|${role}`, { expected: allowed });
        out.push({ action, role, allowed, rule: allowed ? 'allowed' : 'refused' });
      }
    }
    return out;
  }

  record(action: string, role: string, observed: Observed): void {
    const cell = this.cells.get(`${action}|${role}`);
    if (cell) cell.observed = observed;
  }

  render(): string {
    const width = Math.max(...this.actions.map((a) => a.length)) + 2;
    const cols = this.columns.map((c) => Math.max(c.length, 3) + 2);
    const lines = [`${this.title}  (✓ allowed, ✗ refused, · n/a; "!" marks a cell whose request did not do what the rule says)`];
    lines.push(''.padEnd(width) + this.columns.map((c, i) => c.padEnd(cols[i]!)).join(''));
    const misses: string[] = [];
    let total = 0;
    for (const action of this.actions) {
      const row = this.columns.map((role, i) => {
        const cell = this.cells.get(`${action}|${role}`);
        if (!cell) return '·'.padEnd(cols[i]!);
        total++;
        const ok = cell.observed === (cell.expected ? 'allowed' : 'refused');
        if (!ok) misses.push(`  ${action} by ${role}: rule ${cell.expected ? 'allowed' : 'refused'}, request ${cell.observed ?? 'not run'}`);
        return `${mark(cell.expected)}${ok ? '' : '!'}`.padEnd(cols[i]!);
      });
      lines.push(action.padEnd(width) + row.join(''));
    }
    lines.push(`${total} cells, ${total - misses.length} matched the rule${misses.length === 0 ? '' : `, ${misses.length} DID NOT:`}`, ...misses);
    return lines.join('\n');
  }
}
