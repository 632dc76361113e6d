import type { webApi } from '@slack/bolt';
import type { KnownBlock } from '@slack/types';
import type { RequestContext } from '../shared/slack/request-context.js';
import { workspaceKey } from '../shared/workspace/workspace.js';
import type { ClientPromise } from './client-promise.js';
import { buildPromiseList, type ListFilter } from './promise-blocks.js';
import type { PromiseListenerDeps } from './promise-slack.js';

export type { ListFilter } from './promise-blocks.js';

const LIST_LIMIT = 40;

/**
 * `/promise list …` as a message: the title, the rows, and how to narrow it. `changed`: a promise just
 * closed from this list, shown in its row (kept, cancelled) instead of disappearing, so the list stays.
 */
export async function promiseListMessage(
  deps: PromiseListenerDeps,
  client: webApi.WebClient,
  ctx: RequestContext,
  filter: ListFilter,
  changed?: ClientPromise,
): Promise<{ text: string; blocks: KnownBlock[] }> {
  const { m } = ctx.viewer;
  if (filter.overdue) {
    const page = withRow(await deps.promises.listOverdue(ctx.workspace, ctx.now, LIST_LIMIT), changed);
    const title = m.promise.list_title_overdue(page.total);
    return { text: title, blocks: buildPromiseList(ctx.viewer, page, title, m.promise.list_empty_overdue, m.promise.list_narrow_overdue_command, filter) };
  }
  const ownerId = filter.client && !filter.ownerId ? undefined : (filter.ownerId ?? ctx.user.id);
  const page = withRow(await deps.promises.listOpen(ctx.workspace, { ownerId, client: filter.client }, LIST_LIMIT), changed);
  const mine = ownerId === ctx.user.id && !filter.client;
  const title = filter.client
    ? m.promise.list_title_client(filter.client, page.total)
    : mine
      ? m.promise.list_title_mine(page.total)
      : // A header is plain text: a mention would show raw there, so the owner goes by name.
        m.promise.list_title_owner((await deps.users.find(client, workspaceKey(ctx.workspace), ownerId!, ctx.now))?.name ?? ownerId!, page.total);
  const empty = mine ? m.promise.list_empty_mine : m.promise.list_empty_filtered;
  const listed = { ...(ownerId ? { ownerId } : {}), ...(filter.client ? { client: filter.client } : {}) };
  return { text: title, blocks: buildPromiseList(ctx.viewer, page, title, empty, m.promise.list_narrow_command, listed) };
}

/** The page with a just-closed promise back in its place by due time (it no longer matches "open"). */
function withRow(page: { promises: ClientPromise[]; total: number }, changed: ClientPromise | undefined) {
  if (!changed || page.promises.some((p) => p.id === changed.id)) return page;
  const promises = [...page.promises, changed].sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
  return { promises, total: page.total };
}
