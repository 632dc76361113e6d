import type { webApi } from '@slack/bolt';
import { withDeadline } from '../deadline.js';
import { UserFacingError } from '../errors.js';
import { messagesFor } from '../i18n/index.js';
import type { Viewer } from '../viewer.js';
import type { SettingsStore } from '../workspace/settings-store.js';
import { type Workspace, workspaceFrom, workspaceKey } from '../workspace/workspace.js';
import { settingsFromProfile, type WorkspaceSettings } from '../workspace/workspace-settings.js';
import type { SlackUser, UserDirectory } from './slack-users.js';

/** What every listener needs to know about who is asking, resolved once per request. */
/** How long a request waits for the workspace settings before telling the user the database is out of reach. */
export const STORAGE_DEADLINE_MS = 8_000;

export interface RequestContext {
  readonly workspace: Workspace;
  readonly settings: WorkspaceSettings;
  readonly user: SlackUser;
  readonly viewer: Viewer;
  readonly now: Date;
}

export interface ContextDeps {
  readonly settings: SettingsStore;
  readonly users: UserDirectory;
  readonly clock: () => Date;
}

export interface Caller {
  teamId?: string | undefined | null;
  enterpriseId?: string | undefined | null;
  userId: string;
}

export async function resolveContext(deps: ContextDeps, client: webApi.WebClient, caller: Caller): Promise<RequestContext> {
  const workspace = workspaceFrom(caller.teamId, caller.enterpriseId);
  if (!workspace || !caller.userId) throw new UserFacingError('invalid_request');
  const now = deps.clock();
  const [settings, user] = await Promise.all([
    // The first read of every request: when Firestore does not answer, say so quickly (nothing is written yet)
    // instead of letting the client's own retries hold the user for most of a minute.
    withDeadline(deps.settings.get(workspace), STORAGE_DEADLINE_MS, () => new UserFacingError('storage_unavailable')),
    deps.users.get(client, workspaceKey(workspace), caller.userId, now),
  ]);
  // Nobody has configured Kept here yet: the team time zone and language follow the Slack profile of the
  // first workspace admin or owner to use it (who installed it, as a rule). A member's request writes nothing.
  const canSeed = (user.isAdmin || user.isOwner) && !user.isBot;
  const adopted = (canSeed ? await deps.settings.adopt?.(workspace, settingsFromProfile(user)) : undefined) ?? settings;
  return { workspace, settings: adopted, user, now, viewer: { m: messagesFor(adopted.language), timeZone: user.timeZone, now } };
}

/** Team and enterprise ids as Bolt's body carries them for commands, actions and views. */
export function callerFromBody(body: unknown): Caller {
  const b = body as {
    team_id?: string;
    enterprise_id?: string;
    user_id?: string;
    team?: { id?: string } | null;
    enterprise?: { id?: string } | null;
    user?: { id?: string; team_id?: string };
  };
  return {
    teamId: b.team_id ?? b.team?.id ?? b.user?.team_id,
    enterpriseId: b.enterprise_id ?? b.enterprise?.id,
    userId: b.user_id ?? b.user?.id ?? '',
  };
}
