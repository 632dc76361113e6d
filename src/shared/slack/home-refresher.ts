import type { webApi } from '@slack/bolt';
import type { Workspace } from '../workspace/workspace.js';

/**
 * Republishes people's App Home after a change made through Kept. Features call it with the people a
 * change concerns; home/ implements it, so no feature imports home/ (home sits above them).
 */
export interface HomeRefresher {
  /** Never throws: a stale Home is not worth failing the click that changed something. */
  refresh(client: webApi.WebClient, workspace: Workspace, userIds: readonly (string | undefined)[]): Promise<void>;
}

export const NO_HOME_REFRESH: HomeRefresher = { refresh: async () => undefined };
