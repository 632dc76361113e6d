import type { App, BlockAction } from '@slack/bolt';
import { UserFacingError } from '../shared/errors.js';
import { mention } from '../shared/slack/block-kit.js';
import { callerFromBody, resolveContext } from '../shared/slack/request-context.js';
import { formatWhen } from '../shared/viewer.js';
import { workspaceKey } from '../shared/workspace/workspace.js';
import { buildPromiseCard, FIELDS } from './promise-blocks.js';
import { promiseMetadata } from './promise-metadata.js';
import { type PromiseListenerDeps, refreshHomes } from './promise-slack.js';
import { buildNudge, buildReassignModal, REASSIGN_VIEW, REMINDER_ACTIONS } from './reminder-blocks.js';

/** Buttons on reminders and overdue alerts: Snooze 1 h, Nudge owner, Reassign. */
export function registerReminderActions(app: App, deps: PromiseListenerDeps): void {
  app.action<BlockAction>(REMINDER_ACTIONS.snooze, async ({ ack, body, action, client, respond }) => {
    await ack();
    const ctx = await resolveContext(deps, client, callerFromBody(body));
    const id = 'value' in action ? (action.value ?? '') : '';
    const { after } = await deps.promises.snooze(ctx.workspace, id, ctx.user.id, ctx.now);
    const title = ctx.viewer.m.reminder.snoozed_reply(formatWhen(ctx.viewer, after.snoozedUntil ?? after.dueAt));
    if (body.response_url) {
      await respond({
        replace_original: true,
        text: title,
        blocks: buildPromiseCard(ctx.viewer, after, title),
        metadata: promiseMetadata('kept_promise_snoozed', after),
      });
    }
    await refreshHomes(deps, client, ctx, after.ownerId);
  });

  app.action<BlockAction>(REMINDER_ACTIONS.nudge, async ({ ack, body, action, client, respond }) => {
    await ack();
    const ctx = await resolveContext(deps, client, callerFromBody(body));
    const promise = await deps.promises.getChangeable(ctx.workspace, 'value' in action ? (action.value ?? '') : '', ctx.user.id);
    if (promise.status !== 'open') throw new UserFacingError(promise.status === 'kept' ? 'promise_closed_kept' : 'promise_closed_cancelled');
    const owner = await deps.users.get(client, workspaceKey(ctx.workspace), promise.ownerId, ctx.now);
    const message = buildNudge({ ...ctx.viewer, timeZone: owner.timeZone }, promise, ctx.user.id);
    await client.chat.postMessage({ channel: promise.ownerId, ...message, metadata: promiseMetadata('kept_promise_reminder', promise) });
    if (body.response_url)
      await respond({ response_type: 'ephemeral', replace_original: false, text: ctx.viewer.m.reminder.nudged_reply(mention(promise.ownerId)) });
  });

  app.action<BlockAction>(REMINDER_ACTIONS.reassign, async ({ ack, body, action, client }) => {
    await ack();
    const ctx = await resolveContext(deps, client, callerFromBody(body));
    const promise = await deps.promises.getChangeable(ctx.workspace, 'value' in action ? (action.value ?? '') : '', ctx.user.id);
    const metadata = JSON.stringify({ id: promise.id, responseUrl: body.response_url });
    await client.views.open({ trigger_id: body.trigger_id, view: buildReassignModal(ctx.viewer, promise, metadata) });
  });

  app.view(REASSIGN_VIEW, async ({ ack, body, view, client }) => {
    const ctx = await resolveContext(deps, client, callerFromBody(body));
    const { m } = ctx.viewer;
    const ownerId = view.state.values[FIELDS.owner]?.[FIELDS.value]?.selected_user;
    const owner = ownerId ? await deps.users.get(client, workspaceKey(ctx.workspace), ownerId, ctx.now) : undefined;
    if (!owner || owner.isBot || owner.deleted) {
      await ack({ response_action: 'errors', errors: { [FIELDS.owner]: m.promise.error_owner_bot } });
      return;
    }
    let metadata: { id?: string; responseUrl?: string } = {};
    try {
      metadata = JSON.parse(view.private_metadata || '{}');
    } catch {
      // treated as an unknown promise below
    }
    let change;
    try {
      change = await deps.promises.reassign(ctx.workspace, String(metadata.id ?? ''), ctx.user.id, { id: owner.id, timeZone: owner.timeZone });
    } catch (error) {
      if (!(error instanceof UserFacingError)) throw error;
      await ack({ response_action: 'errors', errors: { [FIELDS.owner]: error.render(m) } });
      return;
    }
    await ack();
    const promise = change.after;
    const title = m.reminder.reassigned_dm(mention(ctx.user.id));
    await client.chat.postMessage({
      channel: owner.id,
      text: title,
      blocks: buildPromiseCard({ ...ctx.viewer, timeZone: owner.timeZone }, promise, title),
      metadata: promiseMetadata('kept_promise_reassigned', promise),
    });
    await refreshHomes(deps, client, ctx, change.before.ownerId, promise.ownerId);
    const reply = m.reminder.reassigned_reply(mention(owner.id));
    if (typeof metadata.responseUrl === 'string' && metadata.responseUrl.startsWith('http')) {
      await fetch(metadata.responseUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ response_type: 'ephemeral', replace_original: false, text: reply }),
      }).catch(() => undefined);
    }
  });
}
