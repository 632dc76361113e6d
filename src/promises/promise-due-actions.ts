import { createHash } from 'node:crypto';
import type { App, BlockAction } from '@slack/bolt';
import { UserFacingError } from '../shared/errors.js';
import { callerFromBody, resolveContext } from '../shared/slack/request-context.js';
import { formatWhen } from '../shared/viewer.js';
import { buildLoggedConfirmation, DUE_ACTIONS, parsePickedDraft } from './promise-due-blocks.js';
import { promiseMetadata } from './promise-metadata.js';
import { buildNewPromiseModal } from './promise-modals.js';
import { logPromiseForOwner, notifyNewOwner, type PromiseListenerDeps, refreshHomes } from './promise-slack.js';

/**
 * The buttons that fix a due date read from text: **Change** on the confirmation opens the form
 * filled with the promise just logged; a reading on the due question logs the promise with it.
 */
export function registerDueActions(app: App, deps: PromiseListenerDeps): void {
  app.action<BlockAction>(DUE_ACTIONS.change, async ({ ack, body, client, action }) => {
    await ack();
    const ctx = await resolveContext(deps, client, callerFromBody(body));
    const id = 'value' in action ? (action.value ?? '') : '';
    const promise = await deps.promises.getChangeable(ctx.workspace, id, ctx.user.id);
    if (promise.status !== 'open') throw new UserFacingError(promise.status === 'kept' ? 'promise_closed_kept' : 'promise_closed_cancelled');
    const metadata = JSON.stringify({ id, responseUrl: body.response_url });
    const prefill = { client: promise.client, what: promise.what, dueAt: promise.dueAt, ownerId: promise.ownerId };
    await client.views.open({ trigger_id: body.trigger_id, view: buildNewPromiseModal(ctx.viewer, prefill, metadata, 'change') });
  });

  app.action<BlockAction>(new RegExp(`^${DUE_ACTIONS.pick}_\\d$`), async ({ ack, body, client, action, respond }) => {
    await ack();
    const ctx = await resolveContext(deps, client, callerFromBody(body));
    const picked = parsePickedDraft('value' in action ? (action.value ?? '') : '');
    if (!picked) throw new UserFacingError('invalid_request');
    const dueAt = new Date(picked.dueAt);
    if (dueAt.getTime() <= ctx.now.getTime()) {
      await respond({ replace_original: false, response_type: 'ephemeral', text: ctx.viewer.m.promise.problem_due_past(formatWhen(ctx.viewer, dueAt)) });
      return;
    }
    const logged = await logPromiseForOwner(
      deps,
      client,
      ctx,
      { ownerId: picked.ownerId ?? ctx.user.id, client: picked.client, what: picked.what, dueAt, channelId: body.channel?.id },
      questionId(body, ctx.user.id),
    );
    // A second click on the same question, whichever reading: the first one logged the promise and answers.
    if (!logged.ok && logged.problem === 'repeated') return;
    if (!logged.ok) throw new UserFacingError('promise_owner_bot');
    const { promise } = logged;
    const title = ctx.viewer.m.promise.logged_title;
    await respond({
      replace_original: true,
      text: title,
      blocks: buildLoggedConfirmation(ctx.viewer, promise, undefined),
      metadata: promiseMetadata('kept_promise_logged', promise),
    });
    await notifyNewOwner(deps, client, ctx, promise);
    await refreshHomes(deps, client, ctx, promise.ownerId);
  });
}

/**
 * One promise per due question: its id comes from who answers it and the question message, so a double
 * click (or a click on each reading) logs it once. Without a message ts, each click logs as it comes.
 */
function questionId(body: BlockAction, userId: string): string | undefined {
  const ts = body.container?.message_ts ?? body.message?.ts;
  if (typeof ts !== 'string' || ts === '') return undefined;
  return createHash('sha256')
    .update(`due-question:${body.channel?.id ?? ''}:${ts}:${userId}`)
    .digest('hex')
    .slice(0, 20);
}
