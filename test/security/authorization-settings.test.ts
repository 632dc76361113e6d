// The authorization matrix for settings (issue 6): workspace admins, workspace owners and Kept leads may
// change them, through the `/kept <change>` text forms and the settings form; anyone else is refused.
// A user of another workspace can only ever reach their own workspace's settings, never these.
import type { InputBlock } from '@slack/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSettingsModal, SETTINGS_ACTIONS, SETTINGS_VIEW, VALUE } from '../../src/settings/settings-modal.js';
import { messagesFor } from '../../src/shared/i18n/index.js';
import type { WorkspaceSettings } from '../../src/shared/workspace/workspace-settings.js';
import { type KeptHarness, startKept } from '../support/kept-harness.js';
import { type Actor, actorFor, addUsers, attempt, driver, leadWorkspace, Matrix, NEW_OWNER, type Role, type Run, readDoc, type Seen } from './authz-support.js';

const en = messagesFor('en');
const NOW = new Date('2026-12-01T09:00:00Z');

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

const COLUMNS: Role[] = ['lead', 'admin', 'wsOwner', 'member', 'other'];
const Y = true;
const N = false;
const ADMINS_OWNERS_LEADS = { lead: Y, admin: Y, wsOwner: Y, member: N, other: N };
/** Action × role → allowed? One rule for every way of changing settings (canChangeSettings). */
const RULES: Record<string, Partial<Record<Role, boolean>>> = {
  '/kept leads @someone': ADMINS_OWNERS_LEADS,
  '/kept channel incidents #c': ADMINS_OWNERS_LEADS,
  '/kept language pl': ADMINS_OWNERS_LEADS,
  '/kept cadence sev1 30m': ADMINS_OWNERS_LEADS,
  'Settings form (open)': ADMINS_OWNERS_LEADS,
  'Settings form (submit)': ADMINS_OWNERS_LEADS,
};

/** The form as Slack sends it back: every input with the value it was shown with, then `change` on top. */
function formValues(settings: WorkspaceSettings, change: Record<string, object>): Record<string, Record<string, object>> {
  const values: Record<string, Record<string, object>> = {};
  for (const block of buildSettingsModal(en, settings).blocks) {
    if (block.type !== 'input' || !block.block_id) continue;
    const e = (block as InputBlock).element as Record<string, any>;
    const value =
      e.type === 'static_select'
        ? { selected_option: e.initial_option }
        : e.type === 'multi_users_select'
          ? { selected_users: e.initial_users ?? [] }
          : e.type === 'multi_conversations_select'
            ? { selected_conversations: e.initial_conversations ?? [] }
            : { value: e.initial_value ?? '' };
    values[block.block_id] = { [VALUE]: { type: e.type, ...value } };
  }
  for (const [blockId, value] of Object.entries(change)) values[blockId] = { [VALUE]: value };
  return values;
}

const settingsOf = (run: Run) => (run.after.data.settings ?? {}) as Partial<WorkspaceSettings>;
/** How to ask for each action, and the effect that shows it was done. */
const ACTIONS: Record<string, { perform: (actor: Actor, settings: WorkspaceSettings) => Promise<Seen>; done: (run: Run) => boolean; refusal: string }> = {
  '/kept leads @someone': {
    perform: (actor) => send.command(actor, '/kept', `leads <@${NEW_OWNER}|new>`),
    done: (run) => settingsOf(run).leads?.includes(NEW_OWNER) === true,
    refusal: en.common.not_allowed_settings,
  },
  '/kept channel incidents #c': {
    perform: (actor) => send.command(actor, '/kept', 'channel incidents <#CINCIDENTS|incidents>'),
    done: (run) => settingsOf(run).channels?.incidents === 'CINCIDENTS',
    refusal: en.common.not_allowed_settings,
  },
  '/kept language pl': {
    perform: (actor) => send.command(actor, '/kept', 'language pl'),
    done: (run) => settingsOf(run).language === 'pl',
    refusal: en.common.not_allowed_settings,
  },
  '/kept cadence sev1 30m': {
    perform: (actor) => send.command(actor, '/kept', 'cadence sev1 30m'),
    done: (run) => settingsOf(run).incidentCadenceMinutes?.sev1 === 30,
    refusal: en.common.not_allowed_settings,
  },
  'Settings form (open)': {
    perform: (actor) => send.click(actor, SETTINGS_ACTIONS.open, 'open'),
    done: ({ seen, before, after }) => seen.opened.includes(SETTINGS_VIEW) && before.version === after.version,
    refusal: en.errors.settings_not_allowed,
  },
  'Settings form (submit)': {
    perform: (actor, settings) =>
      send.submit(actor, SETTINGS_VIEW, formValues(settings, { time_zone: { type: 'plain_text_input', value: 'America/New_York' } }), {}),
    done: (run) => settingsOf(run).timeZone === 'America/New_York',
    refusal: en.errors.settings_not_allowed,
  },
};

const matrix = new Matrix('Authorization matrix: settings', COLUMNS);

describe('who may change the settings', () => {
  for (const { action, role, allowed, rule } of matrix.cellsOf(RULES))
    it(`${action} by the ${role}: ${rule}`, async () => {
      const workspace = await leadWorkspace(h);
      const settings = await h.kept.services.settings.get(workspace);
      const ref = h.db.collection('teams').doc(workspace.teamId);
      const actor = actorFor(role as Role, workspace);
      const spec = ACTIONS[action]!;

      const { observed, seen } = await attempt(ref, () => spec.perform(actor, settings), spec.refusal, spec.done);
      matrix.record(action, role, observed);
      expect({ observed, status: seen.status }, JSON.stringify(seen)).toEqual({ observed: allowed ? 'allowed' : 'refused', status: 200 });
      // The other workspace's user was refused in their own workspace: nothing was written there either.
      if (role === 'other') expect((await readDoc(h.db.collection('teams').doc(actor.teamId))).version).toBe('missing');
    });
});
