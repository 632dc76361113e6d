import type { App, RespondFn, webApi } from '@slack/bolt';
import { defuseBroadcasts, mention } from '../shared/slack/block-kit.js';
import { callerFromBody, type RequestContext, resolveContext } from '../shared/slack/request-context.js';
import { workspaceKey } from '../shared/workspace/workspace.js';
import { registerPromiseActions } from './promise-actions.js';
import { buildDraftHelp, buildPromiseCard, buildPromiseHelp } from './promise-blocks.js';
import { parsePromiseCommand } from './promise-command.js';
import { type ListFilter, promiseListMessage } from './promise-list.js';
import { registerPromiseShortcuts } from './promise-shortcuts.js';
import { notifyNewOwner, openNewPromiseModal, type PromiseListenerDeps, refreshHomes } from './promise-slack.js';
import { registerPromiseViews } from './promise-views.js';
import { registerReminderActions } from './reminder-actions.js';

/** What this slice answers, declared in slack-manifest.yml (test/manifest.test.ts checks both ways). */
export const PROMISE_COMMAND = '/promise';

export function registerPromiseListeners(app: App, deps: PromiseListenerDeps): void {
  app.command(PROMISE_COMMAND, async ({ command, ack, respond, client }) => {
    await ack();
    const ctx = await resolveContext(deps, client, callerFromBody(command));
    const parsed = parsePromiseCommand(defuseBroadcasts(command.text ?? ''), {
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
        const { draft, problems } = parsed;
        if (problems.length > 0 || !draft.client || !draft.what || !draft.dueAt) {
          await respond({ response_type: 'ephemeral', text: ctx.viewer.m.promise.problem_due, blocks: buildDraftHelp(ctx.viewer, draft, problems) });
          return;
        }
        const ownerId = draft.ownerId ?? ctx.user.id;
        const owner = ownerId === ctx.user.id ? ctx.user : await deps.users.find(client, workspaceKey(ctx.workspace), ownerId, ctx.now);
        if (!owner) {
          await respond({ response_type: 'ephemeral', text: ctx.viewer.m.promise.problem_owner_unknown(mention(ownerId)) });
          return;
        }
        if (owner.isBot || owner.deleted) {
          await respond({ response_type: 'ephemeral', text: ctx.viewer.m.promise.problem_owner_bot });
          return;
        }
        const promise = await deps.promises.logPromise(
          ctx.workspace,
          {
            creatorId: ctx.user.id,
            ownerId,
            ownerTimeZone: owner.timeZone,
            client: draft.client,
            what: draft.what,
            dueAt: draft.dueAt,
            channelId: command.channel_id,
          },
          ctx.now,
        );
        await respond({
          response_type: 'ephemeral',
          text: ctx.viewer.m.promise.logged_title,
          blocks: buildPromiseCard(ctx.viewer, promise, ctx.viewer.m.promise.logged_title),
        });
        await notifyNewOwner(deps, client, ctx, promise);
        await refreshHomes(deps, client, ctx, promise.ownerId);
        return;
      }
    }
  });
  registerPromiseActions(app, deps);
  registerPromiseViews(app, deps);
  registerReminderActions(app, deps);
  registerPromiseShortcuts(app, deps);
}

async function replyWithList(deps: PromiseListenerDeps, client: webApi.WebClient, ctx: RequestContext, respond: RespondFn, filter: ListFilter) {
  await respond({ response_type: 'ephemeral', ...(await promiseListMessage(deps, client, ctx, filter)) });
}
