import type { App, RespondFn } from '@slack/bolt';
import { mention, neutraliseUserText } from '../shared/slack/block-kit.js';
import { callerFromBody, type RequestContext, resolveContext } from '../shared/slack/request-context.js';
import { registerPromiseActions } from './promise-actions.js';
import { buildDraftHelp, buildPromiseHelp, buildPromiseList } from './promise-blocks.js';
import { parsePromiseCommand } from './promise-command.js';
import { registerDueActions } from './promise-due-actions.js';
import { buildDueQuestion, buildLoggedConfirmation } from './promise-due-blocks.js';
import { promiseMetadata } from './promise-metadata.js';
import { registerPromiseShortcuts } from './promise-shortcuts.js';
import { logPromiseForOwner, notifyNewOwner, openNewPromiseModal, type PromiseListenerDeps, refreshHomesAfterLogging } from './promise-slack.js';
import { registerPromiseViews } from './promise-views.js';
import { registerReminderActions } from './reminder-actions.js';

/** What this slice answers, declared in slack-manifest.yml (test/manifest.test.ts checks both ways). */
export const PROMISE_COMMAND = '/promise';

const LIST_LIMIT = 40;

export function registerPromiseListeners(app: App, deps: PromiseListenerDeps): void {
  app.command(PROMISE_COMMAND, async ({ command, ack, respond, client }) => {
    await ack();
    const ctx = await resolveContext(deps, client, callerFromBody(command));
    const parsed = parsePromiseCommand(neutraliseUserText(command.text ?? ''), {
      now: ctx.now,
      timeZone: ctx.user.timeZone,
      locale: ctx.settings.language,
    });
    switch (parsed.kind) {
      case 'open_modal':
        await openNewPromiseModal(client, command.trigger_id, ctx, { ownerId: ctx.user.id }, { responseUrl: command.response_url });
        return;
      case 'help':
        await respond({ response_type: 'ephemeral', text: ctx.viewer.m.promise.help_title, blocks: buildPromiseHelp(ctx.viewer) });
        return;
      case 'list':
        await replyWithList(deps, ctx, respond, parsed);
        return;
      case 'log': {
        const { draft, problems, reading } = parsed;
        if (problems.length > 0 || !draft.client || !draft.what || !draft.dueAt) {
          await respond({ response_type: 'ephemeral', text: ctx.viewer.m.promise.problem_due, blocks: buildDraftHelp(ctx.viewer, draft, problems) });
          return;
        }
        const complete = { ...draft, client: draft.client, what: draft.what, dueAt: draft.dueAt };
        if (reading?.alternative) {
          // Two plausible readings: ask, and save nothing until one is picked.
          const blocks = buildDueQuestion(ctx.viewer, complete, reading, [draft.dueAt, reading.alternative]);
          await respond({ response_type: 'ephemeral', text: ctx.viewer.m.promise.ask_title, blocks });
          return;
        }
        const logged = await logPromiseForOwner(deps, client, ctx, {
          ownerId: draft.ownerId ?? ctx.user.id,
          client: draft.client,
          what: draft.what,
          dueAt: draft.dueAt,
          channelId: command.channel_id,
        });
        if (!logged.ok) {
          await respond({ response_type: 'ephemeral', text: ctx.viewer.m.promise.problem_owner_bot });
          return;
        }
        const { promise } = logged;
        await respond({
          response_type: 'ephemeral',
          text: ctx.viewer.m.promise.logged_title,
          blocks: buildLoggedConfirmation(ctx.viewer, promise, reading),
          metadata: promiseMetadata('kept_promise_logged', promise),
        });
        await notifyNewOwner(deps, client, ctx, promise);
        await refreshHomesAfterLogging(deps, client, ctx, promise.ownerId);
        return;
      }
    }
  });
  registerPromiseActions(app, deps);
  registerDueActions(app, deps);
  registerPromiseViews(app, deps);
  registerReminderActions(app, deps);
  registerPromiseShortcuts(app, deps);
}

async function replyWithList(
  deps: PromiseListenerDeps,
  ctx: RequestContext,
  respond: RespondFn,
  filter: { ownerId?: string; client?: string; overdue?: boolean },
) {
  const { m } = ctx.viewer;
  if (filter.overdue) {
    const page = await deps.promises.listOverdue(ctx.workspace, ctx.now, LIST_LIMIT);
    const title = m.promise.list_title_overdue(page.total);
    await respond({
      response_type: 'ephemeral',
      text: title,
      blocks: buildPromiseList(ctx.viewer, page, title, m.promise.list_empty_overdue, '`/promise list @owner`'),
    });
    return;
  }
  const ownerId = filter.client && !filter.ownerId ? undefined : (filter.ownerId ?? ctx.user.id);
  const page = await deps.promises.listOpen(ctx.workspace, { ownerId, client: filter.client }, LIST_LIMIT);
  const mine = ownerId === ctx.user.id && !filter.client;
  const title = filter.client
    ? m.promise.list_title_client(filter.client, page.total)
    : mine
      ? m.promise.list_title_mine(page.total)
      : m.promise.list_title_owner(mention(ownerId!), page.total);
  const empty = mine ? m.promise.list_empty_mine : m.promise.list_empty_filtered;
  await respond({ response_type: 'ephemeral', text: title, blocks: buildPromiseList(ctx.viewer, page, title, empty, '`/promise list client:NAME`') });
}
