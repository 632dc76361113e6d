import type { webApi } from '@slack/bolt';
import { canChangeSettings } from '../settings/settings-command.js';
import { inPool } from '../shared/delivery/step-summary.js';
import { messagesFor } from '../shared/i18n/index.js';
import type { JsonLogger } from '../shared/logger.js';
import { SLACK_LIMITS } from '../shared/slack/block-kit.js';
import type { HomePart, HomeRefresher } from '../shared/slack/home-refresher.js';
import type { UserDirectory } from '../shared/slack/slack-users.js';
import type { SettingsStore } from '../shared/workspace/settings-store.js';
import { type Workspace, workspaceKey } from '../shared/workspace/workspace.js';
import { isLead } from '../shared/workspace/workspace-settings.js';
import { buildHomeTop, buildHomeView, homeBudget } from './home-blocks.js';
import { type HomeDrawings, InMemoryHomeDrawings } from './home-drawings.js';
import { HOME_SECTIONS, type HomeRequest, type HomeSection, type HomeSources } from './home-sections.js';

export interface HomeDeps extends HomeSources {
  readonly settings: SettingsStore;
  readonly users: UserDirectory;
  readonly clock: () => Date;
  readonly logger: JsonLogger;
  /** Where the last drawing of each Home is kept; in memory when not given. */
  readonly drawings?: HomeDrawings;
}

/** At most this many Homes are republished for one change (a settings change may concern every lead). */
const MAX_REFRESH = 50;

/** Builds and publishes people's App Home; the refresher features call after each change. */
export class HomePublisher implements HomeRefresher {
  /** Publishes under way, per person; a request arriving meanwhile makes that one run once more (with the parts asked for). */
  private readonly running = new Map<string, { again: boolean; only: Set<HomePart> | 'all'; done: Promise<void> }>();
  private readonly drawings: HomeDrawings;

  constructor(
    private readonly deps: HomeDeps,
    private readonly sections: readonly HomeSection[] = HOME_SECTIONS,
  ) {
    const budget = homeBudget(sections.map((s) => s.maxBlocks));
    if (budget > SLACK_LIMITS.viewBlocks) throw new Error(`Home sections may take ${budget} blocks, more than ${SLACK_LIMITS.viewBlocks}`);
    this.drawings = deps.drawings ?? new InMemoryHomeDrawings();
  }

  /**
   * Publishes the person's Home with what is stored now. Two publishes for one person never overlap, so
   * an older read cannot land after a newer one; requests that arrive during a publish share one rerun.
   */
  publish(client: webApi.WebClient, workspace: Workspace, userId: string, only?: readonly HomePart[]): Promise<void> {
    const key = `${workspaceKey(workspace)}:${userId}`;
    const current = this.running.get(key);
    if (current) {
      current.again = true;
      current.only = current.only === 'all' || !only ? 'all' : new Set([...current.only, ...only]);
      return current.done;
    }
    const entry = { again: false, only: (only ? new Set(only) : 'all') as Set<HomePart> | 'all', done: Promise.resolve() };
    entry.done = (async () => {
      try {
        do {
          entry.again = false;
          const parts = entry.only;
          entry.only = new Set();
          await this.publishNow(client, workspace, userId, parts);
        } while (entry.again);
      } finally {
        this.running.delete(key);
      }
    })();
    this.running.set(key, entry);
    return entry.done;
  }

  protected async publishNow(client: webApi.WebClient, workspace: Workspace, userId: string, only: Set<HomePart> | 'all' = 'all'): Promise<void> {
    const now = this.deps.clock();
    const [settings, user, before] = await Promise.all([
      this.deps.settings.get(workspace),
      this.deps.users.get(client, workspaceKey(workspace), userId, now),
      only === 'all' ? undefined : this.drawings.get(workspace, userId).catch(() => undefined),
    ]);
    if (user.isBot || user.deleted) return;
    const request: HomeRequest = {
      workspace,
      settings,
      user,
      isLead: isLead(settings, userId),
      viewer: { m: messagesFor(settings.language), timeZone: user.timeZone, now },
    };
    const canEdit = canChangeSettings(settings, user);
    const shape = JSON.stringify([settings.language, settings.timeZone, settings.recap, user.timeZone, request.isLead, canEdit]);
    const fresh = only === 'all' ? undefined : only;
    // The parts a refresh does not name are shown as last drawn, whatever their age: Slack shows that drawing
    // until Kept publishes again, so it is never staler than what the person has in front of them, and opening
    // the Home (app_home_opened) reads every part again.
    const reusable = fresh && before && before.shape === shape ? before : undefined;
    const visible = this.sections.filter((s) => s.audience === 'everyone' || request.isLead);
    const built = await Promise.all(
      visible.map(async (s) => {
        const kept = reusable && !fresh?.has(s.id) ? reusable.parts.get(s.id) : undefined;
        return { id: s.id, maxBlocks: s.maxBlocks, blocks: kept ?? (await s.build(request, this.deps, s.maxBlocks)) };
      }),
    );
    const view = buildHomeView(buildHomeTop(request.viewer, canEdit), built);
    await client.views.publish({ user_id: userId, view });
    const drawn = { at: now, shape, parts: new Map(built.map((b) => [b.id, b.blocks])) };
    await this.drawings.save(workspace, userId, drawn).catch((error: unknown) => {
      this.deps.logger.event('warn', 'could not keep the drawing of a Home', { workspace: workspace.teamId, userId, error: String(error) });
    });
  }

  async refresh(client: webApi.WebClient, workspace: Workspace, userIds: readonly (string | undefined)[], only?: readonly HomePart[]): Promise<void> {
    const unique = [...new Set(userIds.filter((id): id is string => typeof id === 'string' && /^[UW][A-Z0-9]+$/.test(id)))].slice(0, MAX_REFRESH);
    await inPool(unique, 4, async (userId) => {
      try {
        await this.publish(client, workspace, userId, only);
      } catch (error) {
        this.deps.logger.event('warn', 'could not refresh a Home', { workspace: workspace.teamId, userId, error: String(error) });
      }
    });
  }
}
