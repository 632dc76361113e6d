import type { ActionsBlock, Button, HomeView, KnownBlock } from '@slack/types';
import { byUrgency, type ClientPromise, canSnooze, isOverdue } from '../promises/client-promise.js';
import { PROMISE_ACTIONS, promiseButtons, sourceLink } from '../promises/promise-blocks.js';
import type { PromisePage } from '../promises/promise-store.js';
import type { OnTimeRate, TimeWindow } from '../promises/promise-week.js';
import { REMINDER_ACTIONS } from '../promises/reminder-blocks.js';
import { SETTINGS_ACTIONS } from '../settings/settings-modal.js';
import { button, context, mention, plain, SLACK_LIMITS, section, truncate } from '../shared/slack/block-kit.js';
import { formatFromNow, formatWhen, type Viewer } from '../shared/viewer.js';

export const HOME_CALLBACK_ID = 'kept_home';
export const HOME_ACTIONS = { newPromise: 'home_new_promise' } as const;
/** "Due soon" on the Home: within the next two days. */
export const DUE_SOON_MS = 48 * 3_600_000;

/** A part of the Home and the most blocks it may take; the parts' budgets together fit Slack's 100. */
export interface HomePart {
  readonly maxBlocks: number;
  readonly blocks: readonly KnownBlock[];
}

/** The blocks every Home starts with: a title and the buttons (Settings only for those who may change them). */
export const HOME_TOP_BLOCKS = 2;

export function buildHomeTop(viewer: Viewer, canEditSettings: boolean): KnownBlock[] {
  const { m } = viewer;
  const buttons: Button[] = [button(m.home.button_new_promise, HOME_ACTIONS.newPromise, 'new', 'primary')];
  if (canEditSettings) buttons.push(button(m.home.button_settings, SETTINGS_ACTIONS.open, 'open'));
  return [
    { type: 'header', text: plain(m.home.header, 150) },
    { type: 'actions', block_id: 'home_top', elements: buttons },
  ];
}

/** Total blocks a Home with these budgets can take: the top, and a divider before each part. */
export function homeBudget(maxBlocks: readonly number[]): number {
  return HOME_TOP_BLOCKS + maxBlocks.reduce((sum, n) => sum + n + 1, 0);
}

/** Puts the parts together; each is cut to its budget, so the view never passes Slack's limit. */
export function buildHomeView(top: readonly KnownBlock[], parts: readonly HomePart[]): HomeView {
  const budget = homeBudget(parts.map((p) => p.maxBlocks));
  if (budget > SLACK_LIMITS.viewBlocks) throw new Error(`Home sections may take ${budget} blocks, more than ${SLACK_LIMITS.viewBlocks}`);
  const blocks: KnownBlock[] = [...top.slice(0, HOME_TOP_BLOCKS)];
  for (const part of parts) {
    if (part.blocks.length === 0) continue;
    blocks.push({ type: 'divider' }, ...part.blocks.slice(0, part.maxBlocks));
  }
  return { type: 'home', callback_id: HOME_CALLBACK_ID, blocks };
}

/** Blocks the "my promises" part needs besides its items: a title, three group labels and the "more" line. */
const MY_FIXED_BLOCKS = 5;
const BLOCKS_PER_ITEM = 2;

/** How many promises fit a "my promises" part of `maxBlocks`. */
export function myPromisesCapacity(maxBlocks: number): number {
  return Math.max(0, Math.floor((maxBlocks - MY_FIXED_BLOCKS) / BLOCKS_PER_ITEM));
}

/**
 * My open promises: overdue first, then due in the next 48 hours, then later (each oldest due first),
 * each with its buttons; past the cap, a count and the command that lists them all.
 */
export function buildMyPromises(viewer: Viewer, page: PromisePage, maxBlocks: number): KnownBlock[] {
  const { m } = viewer;
  const header: KnownBlock = { type: 'header', text: plain(m.home.my_title(page.total), 150) };
  if (page.promises.length === 0) return [header, section(m.home.my_empty), context(m.home.my_empty_hint)];
  const now = viewer.now.getTime();
  const group = (p: ClientPromise) => (isOverdue(p, viewer.now) ? 0 : p.dueAt.getTime() - now <= DUE_SOON_MS ? 1 : 2);
  const shown = [...page.promises].sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime()).slice(0, myPromisesCapacity(maxBlocks));
  const labels = [m.home.group_overdue, m.home.group_soon, m.home.group_later];
  const blocks: KnownBlock[] = [header];
  let current = -1;
  for (const promise of shown) {
    const g = group(promise);
    if (g !== current) {
      blocks.push(context(labels[g]!));
      current = g;
    }
    blocks.push(...homePromiseItem(viewer, promise));
  }
  const more = page.total - shown.length;
  if (more > 0) blocks.push(context(m.home.my_more(more, m.home.list_command)));
  return blocks;
}

/** One promise on the Home: what, to whom, when, and its buttons. */
export function homePromiseItem(viewer: Viewer, promise: ClientPromise): KnownBlock[] {
  const { m } = viewer;
  const relative = formatFromNow(viewer, promise.dueAt);
  const when = isOverdue(promise, viewer.now) ? m.promise.list_overdue(relative) : m.promise.list_due(relative);
  const link = sourceLink(viewer, promise);
  const text = `*${truncate(promise.client, 200)}*: ${truncate(promise.what, 1500)}\n${formatWhen(viewer, promise.dueAt)} · ${when}${link ? ` · ${link}` : ''}`;
  const buttons = promiseButtons(viewer, promise);
  if (canSnooze(promise, viewer.now)) {
    const cancelAt = buttons.findIndex((b) => b.action_id === PROMISE_ACTIONS.cancel);
    buttons.splice(cancelAt, 0, button(m.reminder.button_snooze, REMINDER_ACTIONS.snooze, promise.id));
  }
  const actions: ActionsBlock = { type: 'actions', block_id: `home:${promise.id}`, elements: buttons };
  return [section(text), actions];
}

/** This week's on-time rate for the team view, and which week that is (the recap's week, promise-week.ts). */
export function buildTeamRate(viewer: Viewer, rate: OnTimeRate, week: TimeWindow, renegotiatedReadLimit?: number): KnownBlock[] {
  const { m } = viewer;
  const line = rate.rate === null ? m.home.team_rate_none : m.home.team_rate(Math.round(rate.rate * 100), rate.good, rate.due);
  const notes = [m.home.team_week(formatWhen(viewer, week.start), formatWhen(viewer, week.end))];
  if (renegotiatedReadLimit) notes.push(m.home.team_rate_partial(renegotiatedReadLimit));
  return [section(line), context(notes.join(' '))];
}

/** Owner sections the overdue list shows at most; the rest are counted with the command that lists them. */
export const TEAM_OVERDUE_OWNERS = 6;
const LINES_PER_OWNER = 5;
/** Blocks of the overdue list besides one per owner: its title and the "more people" line. */
const OVERDUE_FIXED_BLOCKS = 2;

/** Owners of a page of overdue promises, whoever has the oldest first. */
export function overdueOwners(promises: readonly ClientPromise[]): string[] {
  return [...new Set([...promises].sort(byUrgency).map((p) => p.ownerId))];
}

/**
 * The team's overdue promises, grouped by owner (whoever has the oldest first): the oldest of each from
 * the page, `totals` saying how many each owner has in all; capped with counts and commands.
 */
export function buildTeamOverdue(viewer: Viewer, page: PromisePage, totals: ReadonlyMap<string, number>, maxBlocks: number): KnownBlock[] {
  const { m } = viewer;
  if (page.total === 0) return [section(`${m.home.team_overdue_title(0)}\n${m.home.team_overdue_none}`)];
  const owners = overdueOwners(page.promises);
  const shownOwners = owners.filter((id) => totals.has(id)).slice(0, Math.max(1, maxBlocks - OVERDUE_FIXED_BLOCKS));
  const blocks: KnownBlock[] = [section(m.home.team_overdue_title(page.total))];
  for (const ownerId of shownOwners) {
    const promises = page.promises.filter((p) => p.ownerId === ownerId).sort(byUrgency);
    const total = Math.max(totals.get(ownerId) ?? 0, promises.length);
    const lines = promises.slice(0, LINES_PER_OWNER).map((p) => {
      const relative = formatFromNow(viewer, p.dueAt);
      return `• *${truncate(p.client, 80)}*: ${truncate(p.what, 150)} · ${m.promise.list_overdue(relative)}`;
    });
    const notShown = total - lines.length;
    if (notShown > 0) lines.push(m.home.team_owner_more(notShown, `${m.home.list_command} ${mention(ownerId)}`));
    blocks.push(section(`${m.home.team_owner(mention(ownerId), total)}\n${lines.join('\n')}`));
  }
  const counted = shownOwners.reduce((sum, id) => sum + Math.max(totals.get(id) ?? 0, 1), 0);
  if (page.total > counted) blocks.push(context(m.home.team_more_overdue(page.total - counted, m.home.list_overdue_command)));
  return blocks;
}

export function buildTeamHeader(viewer: Viewer): KnownBlock {
  return { type: 'header', text: plain(viewer.m.home.team_title, 150) };
}
