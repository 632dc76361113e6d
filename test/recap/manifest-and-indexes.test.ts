import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SHARE_STORY_SHORTCUT } from '../../src/stories/story-blocks.js';

const manifest = parse(readFileSync('slack-manifest.yml', 'utf8'));
const indexes = JSON.parse(readFileSync('firestore.indexes.json', 'utf8')) as {
  indexes: { collectionGroup: string; queryScope: string; fields: { fieldPath: string }[] }[];
  fieldOverrides: { collectionGroup: string; fieldPath: string; indexes: object[] }[];
};

describe('what stories and the recap need from Slack and Firestore', () => {
  it('declares /story, the Share as story shortcut, reaction events and the scopes they need', () => {
    expect(manifest.features.slash_commands.map((c: { command: string }) => c.command)).toContain('/story');
    expect(manifest.features.shortcuts).toContainEqual(expect.objectContaining({ type: 'message', callback_id: SHARE_STORY_SHORTCUT, name: 'Share as story' }));
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(expect.arrayContaining(['reaction_added', 'reaction_removed']));
    expect(manifest.oauth_config.scopes.bot).toEqual(expect.arrayContaining(['commands', 'chat:write', 'files:write', 'reactions:read']));
  });

  it("lists the composite indexes the week's counts (recap and Home) and the Home's per-owner overdue counts use", () => {
    const has = (...fields: string[]) =>
      indexes.indexes.some(
        (i) => i.collectionGroup === 'promises' && i.queryScope === 'COLLECTION' && i.fields.map((f) => f.fieldPath).join() === fields.join(),
      );
    expect(has('status', 'outcome.onTime', 'dueAt')).toBe(true);
    expect(has('status', 'dueAt')).toBe(true);
    expect(has('status', 'ownerId', 'dueAt')).toBe(true);
  });

  it("keeps the automatic index that finds a week's renegotiated promises (movedDueDays array-contains-any)", () => {
    expect(indexes.fieldOverrides.some((o) => o.collectionGroup === 'promises' && o.fieldPath === 'movedDueDays')).toBe(false);
  });
});
