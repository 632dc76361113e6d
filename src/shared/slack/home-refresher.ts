import type { webApi } from '@slack/bolt';
import type { Workspace } from '../workspace/workspace.js';

/** The parts of the App Home (home/home-sections.ts builds one section each). */
export type HomePart = 'undelivered' | 'my_promises' | 'my_incidents' | 'my_stories' | 'your_time' | 'my_clients' | 'team_promises' | 'team_incidents';

/**
 * Republishes people's App Home after a change made through Kept. Features call it with the people a
 * change concerns; home/ implements it, so no feature imports home/ (home sits above them).
 */
export interface HomeRefresher {
  /**
   * Never throws: a stale Home is not worth failing the click that changed something. `only`: the parts
   * the change can have touched (a new promise: only "my promises"); the others are shown as this
   * instance last drew them, when that was moments ago. Without it, every part is read again.
   */
  refresh(client: webApi.WebClient, workspace: Workspace, userIds: readonly (string | undefined)[], only?: readonly HomePart[]): Promise<void>;
}
