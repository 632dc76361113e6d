import type { App } from '@slack/bolt';
import type { RawUser } from '../shared/slack/slack-users.js';
import { availabilityOf } from '../shared/workspace/person.js';
import { workspaceFrom, workspaceKey } from '../shared/workspace/workspace.js';
import type { SettingsListenerDeps } from './settings-slack.js';

/** Declared in slack-manifest.yml (needs `users:read`). */
export const STATUS_EVENT = 'user_change';

/**
 * Slack tells Kept when someone's profile or status changes: the cached user (time zone, status) is
 * replaced, so an "away" status holds their reminders from the next sweep on; when a status that said
 * away is cleared early, what they own is planned again (their reminders were waiting for the old date).
 */
export function registerStatusEvents(app: App, deps: SettingsListenerDeps): void {
  app.event(STATUS_EVENT, async ({ event, body, context }) => {
    const user = event.user as { id?: string; team_id?: string };
    const workspace = workspaceFrom(context.teamId ?? (body as { team_id?: string }).team_id ?? user.team_id, context.enterpriseId);
    if (!workspace || typeof user.id !== 'string') return;
    const now = deps.clock();
    const key = workspaceKey(workspace);
    const before = deps.users.cached(key, user.id, now);
    const after = deps.users.remember(key, user.id, event.user as RawUser, now);
    const wasAway = availabilityOf(undefined, before?.status, now).away !== undefined;
    const isAway = availabilityOf(undefined, after.status, now).away !== undefined;
    if (wasAway && !isAway) await deps.onPersonChanged?.(workspace, user.id);
  });
}
