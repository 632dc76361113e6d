import type { KnownBlock } from '@slack/types';
import type { PromiseService } from '../promises/promise-service.js';
import { onTimeRate } from '../promises/promise-week.js';
import type { WorkspaceSettings } from '../settings/workspace-settings.js';
import { isoWeekContaining } from '../shared/dates/week.js';
import { isValidTimeZone } from '../shared/dates/zoned.js';
import type { SlackUser } from '../shared/slack-users.js';
import type { Viewer } from '../shared/viewer.js';
import type { Workspace } from '../shared/workspace.js';
import { buildMyPromises, buildTeamHeader, buildTeamOverdue, buildTeamRate, myPromisesCapacity } from './home-blocks.js';

/** Whose Home is being built, and what they may see. */
export interface HomeRequest {
  readonly workspace: Workspace;
  readonly settings: WorkspaceSettings;
  readonly user: SlackUser;
  readonly viewer: Viewer;
  readonly isLead: boolean;
}

/** What sections read from; each feature's service, added as features join the Home. */
export interface HomeSources {
  readonly promises: PromiseService;
}

/**
 * One part of the Home: who sees it, the most blocks it may take, and how it is read and drawn.
 * The Home is HOME_SECTIONS in order; incidents and stories add theirs as entries here.
 */
export interface HomeSection {
  readonly id: string;
  readonly audience: 'everyone' | 'leads';
  readonly maxBlocks: number;
  build(request: HomeRequest, sources: HomeSources, maxBlocks: number): Promise<KnownBlock[]>;
}

/** Read at most this many overdue promises for the team view (oldest first); the count covers all. */
export const TEAM_OVERDUE_READ = 200;
/** Read at most this many promises of each due-time field for this week's rate. */
export const WEEK_READ = 1_000;

const myPromises: HomeSection = {
  id: 'my_promises',
  audience: 'everyone',
  maxBlocks: 36,
  async build({ workspace, user, viewer }, { promises }, maxBlocks) {
    const page = await promises.listOpen(workspace, { ownerId: user.id }, myPromisesCapacity(maxBlocks));
    return buildMyPromises(viewer, page, maxBlocks);
  },
};

const teamPromises: HomeSection = {
  id: 'team_promises',
  audience: 'leads',
  maxBlocks: 20,
  async build({ workspace, settings, viewer }, { promises }, maxBlocks) {
    const week = isoWeekContaining(viewer.now, isValidTimeZone(settings.timeZone) ? settings.timeZone : 'UTC');
    const [overdue, due] = await Promise.all([
      promises.listOverdue(workspace, viewer.now, TEAM_OVERDUE_READ),
      promises.listDueBetween(workspace, week.start, week.end, WEEK_READ),
    ]);
    const rate = buildTeamRate(viewer, onTimeRate(due.promises, week, viewer.now), due.truncated ? WEEK_READ : undefined);
    const head = [buildTeamHeader(viewer), ...rate];
    return [...head, ...buildTeamOverdue(viewer, overdue, maxBlocks - head.length)];
  },
};

export const HOME_SECTIONS: readonly HomeSection[] = [
  myPromises,
  // my open incidents (incidents/), stories I featured in this month (stories/)
  teamPromises,
  // open incidents of the team (incidents/)
];
