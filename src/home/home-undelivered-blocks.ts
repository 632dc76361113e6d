import type { KnownBlock } from '@slack/types';
import type { GivenUp } from '../shared/delivery/delivery-ledger.js';
import { section } from '../shared/slack/block-kit.js';
import type { Viewer } from '../shared/viewer.js';

/** Slack answers a lead can do something about, and what. */
const CHANNEL_ERRORS = new Set(['channel_not_found', 'not_in_channel', 'is_archived']);
const PERSON_ERRORS = new Set(['user_not_found', 'user_disabled', 'account_inactive', 'cannot_dm_bot']);
const AUTH_ERRORS = new Set(['invalid_auth', 'not_authed', 'token_revoked', 'missing_scope', 'no_installation']);

/**
 * For the leads: scheduled messages Kept gave up on lately, counted by kind and reason, each with what
 * to check ("2 alerts could not be delivered: channel_not_found — check the leads channel"). Nothing
 * when everything arrived.
 */
export function buildUndelivered(viewer: Viewer, givenUp: readonly GivenUp[]): KnownBlock[] {
  if (givenUp.length === 0) return [];
  const { m } = viewer;
  const groups = new Map<string, { purpose: GivenUp['purpose']; error: string; count: number }>();
  for (const g of givenUp) {
    const key = `${g.purpose}\u0000${g.error}`;
    const group = groups.get(key) ?? { purpose: g.purpose, error: g.error, count: 0 };
    group.count++;
    groups.set(key, group);
  }
  const lines = [...groups.values()].slice(0, 5).map(({ purpose, error, count }) => {
    const hint = CHANNEL_ERRORS.has(error)
      ? m.digest.hint_channel
      : PERSON_ERRORS.has(error)
        ? m.digest.hint_person
        : AUTH_ERRORS.has(error)
          ? m.digest.hint_auth
          : m.digest.hint_other;
    return m.digest.undelivered(count, purpose, error.slice(0, 60), hint);
  });
  return [section(lines.join('\n'))];
}
