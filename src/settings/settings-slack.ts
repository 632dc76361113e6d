import type { HomeRefresher } from '../shared/slack/home-refresher.js';
import type { ContextDeps } from '../shared/slack/request-context.js';
import type { PeopleStore } from '../shared/workspace/people-store.js';
import type { Workspace } from '../shared/workspace/workspace.js';

/** What the `/kept` command and the settings form share. */
export interface SettingsListenerDeps extends ContextDeps {
  /** Republishes the App Home of people a settings change concerns; absent, nothing is refreshed. */
  readonly home?: HomeRefresher;
  /** People's own hours, absence and backup. */
  readonly people: PeopleStore;
  /** Told after a person's hours or absence changed, so what they own is planned again. */
  readonly onPersonChanged?: (workspace: Workspace, userId: string) => Promise<void>;
}
