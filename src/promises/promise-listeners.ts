import type { App, BlockAction, RespondFn, webApi } from '@slack/bolt';
import { mention, neutraliseUserText } from '../shared/slack/block-kit.js';
import { callerFromBody, type RequestContext, resolveContext } from '../shared/slack/request-context.js';
import { DIGEST_ACTIONS } from './digest-blocks.js';
import { registerPromiseActions } from './promise-actions.js';
import { buildDraftHelp, buildPromiseHelp } from './promise-blocks.js';
import { parsePromiseCommand } from './promise-command.js';
import { registerDueActions } from './promise-due-actions.js';
import { buildDueQuestion, buildLoggedConfirmation } from './promise-due-blocks.js';
import { type ListFilter, promiseListMessage } from './promise-list.js';
import { promiseMetadata } from './promise-metadata.js';
import { registerPromiseShortcuts } from './promise-shortcuts.js';
import { logPromiseForOwner, notifyNewOwner, openNewPromiseModal, type PromiseListenerDeps, refreshHomesAfterLogging } from './promise-slack.js';
import { registerPromiseViews } from './promise-views.js';
import { registerReminderActions } from './reminder-actions.js';

/** What this slice answers, declared in slack-manifest.yml (test/manifest.test.ts checks both ways). */
export const PROMISE_COMMAND = '/promise';

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
        await replyWithList(deps, client, ctx, respond, parsed);
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
          const ownerId = draft.ownerId ?? ctx.user.id;
          const text =
            logged.problem === 'owner_unknown' ? ctx.viewer.m.promise.problem_owner_unknown(mention(ownerId)) : ctx.viewer.m.promise.problem_owner_bot;
          await respond({ response_type: 'ephemeral', text });
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
  // "Show all" under a long digest: the same list as the command it names, beside the digest.
  app.action<BlockAction>(DIGEST_ACTIONS.showAll, async ({ ack, body, action, client, respond }) => {
    await ack();
    const ctx = await resolveContext(deps, client, callerFromBody(body));
    const beside: RespondFn = (message) =>
      respond(typeof message === 'string' ? { text: message, replace_original: false } : { ...message, replace_original: false });
    await replyWithList(deps, client, ctx, beside, 'value' in action && action.value === 'overdue' ? { overdue: true } : {});
  });
  registerPromiseActions(app, deps);
  registerDueActions(app, deps);
  registerPromiseViews(app, deps);
  registerReminderActions(app, deps);
  registerPromiseShortcuts(app, deps);
}

async function replyWithList(deps: PromiseListenerDeps, client: webApi.WebClient, ctx: RequestContext, respond: RespondFn, filter: ListFilter) {
  await respond({ response_type: 'ephemeral', ...(await promiseListMessage(deps, client, ctx, filter)) });
}
