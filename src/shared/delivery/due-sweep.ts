import type { JsonLogger } from '../logger.js';
import type { SettingsStore } from '../workspace/settings-store.js';
import { type Workspace, workspaceKey } from '../workspace/workspace.js';
import type { WorkspaceSettings } from '../workspace/workspace-settings.js';
import { emptySummary, inPool, type StepSummary } from './step-summary.js';

/** What one sweep shares across the items it handles. */
export interface SweepState {
  /** After a 429 nothing more is posted in this sweep; the rest waits for the next one. */
  rateLimitedUntil: Date | undefined;
}

export interface DueSweep<Item extends { workspace: Workspace }> {
  /** One page of due items, oldest first, after `cursor`: an indexed range query. */
  findDue(now: Date, limit: number, cursor: Item | undefined): Promise<Item[]>;
  handle(item: Item, settings: WorkspaceSettings, summary: StepSummary, state: SweepState): Promise<void>;
  /** For the log line when an item fails. */
  describe(item: Item): Record<string, string>;
  readonly settings: SettingsStore;
  readonly logger: JsonLogger;
  readonly concurrency?: number | undefined;
  readonly pageSize?: number | undefined;
}

/**
 * The loop every sweep shares: page through what is due, a bounded number in flight, the workspace
 * settings read once per sweep, and one item's failure logged and counted without stopping the rest.
 */
export async function runDueSweep<Item extends { workspace: Workspace }>(sweep: DueSweep<Item>, now: Date, name: string): Promise<StepSummary> {
  const summary = emptySummary();
  const settingsCache = new Map<string, Promise<WorkspaceSettings>>();
  const settingsOf = (workspace: Workspace) => {
    const key = workspaceKey(workspace);
    if (!settingsCache.has(key)) settingsCache.set(key, sweep.settings.get(workspace));
    return settingsCache.get(key)!;
  };
  const state: SweepState = { rateLimitedUntil: undefined };
  const pageSize = sweep.pageSize ?? 200;
  let cursor: Item | undefined;
  for (;;) {
    const page = await sweep.findDue(now, pageSize, cursor);
    await inPool(page, sweep.concurrency ?? 16, async (item) => {
      try {
        await sweep.handle(item, await settingsOf(item.workspace), summary, state);
      } catch (error) {
        summary.failed++;
        sweep.logger.event('error', `${name} sweep step failed`, { workspace: item.workspace.teamId, ...sweep.describe(item), error: String(error) });
      }
    });
    if (page.length < pageSize) break;
    cursor = page.at(-1);
  }
  return summary;
}
