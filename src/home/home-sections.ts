import type { KnownBlock } from '@slack/types';
import { readOwnedClients } from '../clients/client-overview.js';
import type { ClientService } from '../clients/client-service.js';
import type { WatchService } from '../clients/client-watch-service.js';
import { cadencePolicy } from '../incidents/incident-cadence.js';
import type { IncidentService } from '../incidents/incident-service.js';
import type { PromiseService } from '../promises/promise-service.js';
import { rateOf, teamWeekAt } from '../promises/promise-week.js';
import { buildYourTime } from '../settings/personal-modal.js';
import { formatLastDayBefore } from '../shared/dates/day-format.js';
import { calendarMonthContaining } from '../shared/dates/month.js';
import { formatWorkingHours } from '../shared/dates/working-hours-text.js';
import { isValidTimeZone } from '../shared/dates/zoned.js';
import type { DeliveryLedger } from '../shared/delivery/delivery.js';
import type { HomePart } from '../shared/slack/home-refresher.js';
import type { SlackUser } from '../shared/slack/slack-users.js';
import type { Viewer } from '../shared/viewer.js';
import type { PeopleStore } from '../shared/workspace/people-store.js';
import { availabilityOf } from '../shared/workspace/person.js';
import type { Workspace } from '../shared/workspace/workspace.js';
import type { WorkspaceSettings } from '../shared/workspace/workspace-settings.js';
import type { StoryService } from '../stories/story-service.js';
import { buildMyPromises, buildTeamHeader, buildTeamOverdue, buildTeamRate, myPromisesCapacity, overdueOwners, TEAM_OVERDUE_OWNERS } from './home-blocks.js';
import { buildMyClients, CLIENTS_FIXED_BLOCKS, CLIENTS_SHOWN } from './home-client-blocks.js';
import { buildMyIncidents, buildTeamIncidents, myIncidentsCapacity, teamIncidentsCapacity } from './home-incident-blocks.js';
import { buildMyStories } from './home-story-blocks.js';
import { buildUndelivered } from './home-undelivered-blocks.js';

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
  readonly incidents: IncidentService;
  readonly stories: StoryService;
  /** Scheduled messages given up lately; absent, the leads see no delivery problems. */
  readonly deliveries?: Pick<DeliveryLedger, 'givenUpSince'> | undefined;
  /** The clients slice; absent, no Clients section. */
  readonly clients?: { readonly clients: ClientService; readonly watch: WatchService } | undefined;
  /** People's own hours and absence; without it the Home has no "Your time". */
  readonly people?: PeopleStore;
}

/**
 * One part of the Home: who sees it, the most blocks it may take, and how it is read and drawn.
 * The Home is HOME_SECTIONS in order; incidents and stories add theirs as entries here.
 */
export interface HomeSection {
  readonly id: HomePart;
  readonly audience: 'everyone' | 'leads';
  readonly maxBlocks: number;
  build(request: HomeRequest, sources: HomeSources, maxBlocks: number): Promise<KnownBlock[]>;
}

/** Read at most this many of my stories this month, to rank them by upvotes (the count covers all). */
export const STORIES_READ = 12;
/** Read at most this many overdue promises for the team view (oldest first); the counts cover all. */
export const TEAM_OVERDUE_READ = 12;
/** Read at most this many promises renegotiated away from this week's due times (the rest of the rate is counted). */
export const WEEK_RENEGOTIATED_READ = 20;

/*
 * Reads of one Home refresh, at most, whatever the history (bench/home-reads-bench.ts measures it): settings 1;
 * my promises 13 + a count; my incidents 5 + a count; my stories STORIES_READ + a count; for leads the week's
 * rate (4 counts + WEEK_RENEGOTIATED_READ), the overdue list (TEAM_OVERDUE_READ + a count + one count per owner
 * shown when the list is longer than the page) and the team's incidents (12 + a count). A count costs one read
 * per 1,000 entries it counts.
 */

/*
 * Budgets: the top (2) and a divider before each part, with every part at its most, stay within Slack's
 * 100 blocks (2 + 2 + 31 + 14 + 11 + 2 + 2 + 21 + 15 = 100); homeBudget() checks it when the publisher is built.
 */
const myPromises: HomeSection = {
  id: 'my_promises',
  audience: 'everyone',
  maxBlocks: 30,
  async build({ workspace, user, viewer }, { promises }, maxBlocks) {
    const page = await promises.listOpen(workspace, { ownerId: user.id }, myPromisesCapacity(maxBlocks));
    return buildMyPromises(viewer, page, maxBlocks);
  },
};

const myIncidents: HomeSection = {
  id: 'my_incidents',
  audience: 'everyone',
  maxBlocks: 13,
  async build({ workspace, settings, user, viewer }, { incidents }, maxBlocks) {
    const page = await incidents.listOpenOwnedBy(workspace, user.id, myIncidentsCapacity(maxBlocks));
    return buildMyIncidents(viewer, page, cadencePolicy(settings), maxBlocks);
  },
};

const myStories: HomeSection = {
  id: 'my_stories',
  audience: 'everyone',
  maxBlocks: 10,
  async build({ workspace, settings, user, viewer }, { stories }, maxBlocks) {
    const month = calendarMonthContaining(viewer.now, teamZone(settings));
    const page = await stories.listFeaturing(workspace, user.id, { from: month.start, to: month.end }, STORIES_READ);
    return buildMyStories(viewer, page, maxBlocks);
  },
};

/** Your own hours (or the team's) and your absence, Kept's or your Slack status's, with a button to change them. */
const yourTime: HomeSection = {
  id: 'your_time',
  audience: 'everyone',
  maxBlocks: 1,
  async build({ workspace, settings, user, viewer }, { people }) {
    if (!people) return [];
    const { m } = viewer;
    const t = m.settings.days_off;
    const own = availabilityOf(await people.get(workspace, user.id), user.status, viewer.now);
    const hours = own.hours
      ? t.my_hours_value(formatWorkingHours(own.hours, m.locale))
      : t.team_hours_value(formatWorkingHours(settings.workingHours, m.locale));
    const away = own.away ? [t.away_value(formatLastDayBefore(own.away.until, viewer.now, viewer.timeZone, m.locale))] : [];
    return [buildYourTime(m, [hours, ...away].join(' · '))];
  },
};

/** For account owners (and backups): their clients, how many questions wait, when the next meeting is due. */
const myClients: HomeSection = {
  id: 'my_clients',
  audience: 'everyone',
  maxBlocks: CLIENTS_FIXED_BLOCKS,
  async build({ workspace, user, viewer }, { clients }) {
    if (!clients) return [];
    return buildMyClients(viewer, await readOwnedClients(clients.clients, clients.watch, workspace, user.id, CLIENTS_SHOWN));
  },
};

const teamPromises: HomeSection = {
  id: 'team_promises',
  audience: 'leads',
  maxBlocks: 20,
  async build({ workspace, settings, viewer }, { promises }, maxBlocks) {
    const week = teamWeekAt(viewer.now, { recap: settings.recap, timeZone: teamZone(settings) });
    const [overdue, tally] = await Promise.all([
      promises.listOverdue(workspace, viewer.now, TEAM_OVERDUE_READ),
      promises.weekTally(workspace, week, viewer.now, WEEK_RENEGOTIATED_READ),
    ]);
    const owners = overdueOwners(overdue.promises).slice(0, TEAM_OVERDUE_OWNERS);
    // The page holds every overdue promise when it is not full; otherwise each owner shown is counted.
    const complete = overdue.total <= overdue.promises.length;
    const totals = await Promise.all(
      owners.map(
        async (ownerId) =>
          [
            ownerId,
            complete ? overdue.promises.filter((p) => p.ownerId === ownerId).length : await promises.countOverdue(workspace, viewer.now, ownerId),
          ] as const,
      ),
    );
    const rate = buildTeamRate(viewer, rateOf(tally.tally), week, tally.truncated ? WEEK_RENEGOTIATED_READ : undefined);
    const head = [buildTeamHeader(viewer), ...rate];
    return [...head, ...buildTeamOverdue(viewer, overdue, new Map(totals), maxBlocks - head.length)];
  },
};

const teamIncidents: HomeSection = {
  id: 'team_incidents',
  audience: 'leads',
  maxBlocks: 14,
  async build({ workspace, settings, viewer }, { incidents }, maxBlocks) {
    const page = await incidents.listOpen(workspace, teamIncidentsCapacity(maxBlocks));
    return buildTeamIncidents(viewer, page, cadencePolicy(settings), maxBlocks);
  },
};

/** Delivery problems of the last week a lead can fix (a missing leads channel, a person gone): one block. */
export const UNDELIVERED_DAYS = 7;
export const UNDELIVERED_READ = 50;
const undelivered: HomeSection = {
  id: 'undelivered',
  audience: 'leads',
  maxBlocks: 1,
  async build({ workspace, viewer }, { deliveries }) {
    if (!deliveries) return [];
    const since = new Date(viewer.now.getTime() - UNDELIVERED_DAYS * 24 * 3_600_000);
    return buildUndelivered(viewer, await deliveries.givenUpSince(workspace, since, UNDELIVERED_READ));
  },
};

export const HOME_SECTIONS: readonly HomeSection[] = [undelivered, myPromises, myIncidents, myStories, yourTime, myClients, teamPromises, teamIncidents];

/** The team's time zone, as the week and the month are counted in; UTC if the stored one is unusable. */
function teamZone(settings: WorkspaceSettings): string {
  return isValidTimeZone(settings.timeZone) ? settings.timeZone : 'UTC';
}
