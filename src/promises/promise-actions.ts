import type { App, BlockAction, RespondFn, webApi } from '@slack/bolt';
import { UserFacingError } from '../shared/errors.js';
import type { KeptEventType } from '../shared/slack/message-metadata.js';
import { callerFromBody, type RequestContext, resolveContext } from '../shared/slack/request-context.js';
import { buildPromiseCard, PROMISE_ACTIONS } from './promise-blocks.js';
import { latestPromiseEvent, promiseMetadata } from './promise-metadata.js';
import { buildRenegotiateModal } from './promise-modals.js';
import type { PromiseChange } from './promise-service.js';
import { isFromHome, openNewPromiseModal, type PromiseListenerDeps, refreshHomes } from './promise-slack.js';

type ActionArgs = { body: BlockAction; client: webApi.WebClient; respond: RespondFn };

/**
 * Buttons on promise cards, lists and the App Home. A click on a message card updates the card through
 * its response_url; a click on the Home has none, so the Home is republished instead (it always is,
 * for the owner and whoever clicked).
 */
export function registerPromiseActions(app: App, deps: PromiseListenerDeps): void {
  const onAction = (actionId: string, handle: (args: ActionArgs, value: string) => Promise<void>) =>
    app.action<BlockAction>(actionId, async ({ ack, body, client, respond, action }) => {
      await ack();
      const value = 'value' in action ? (action.value ?? '') : 'selected_option' in action ? (action.selected_option?.value ?? '') : '';
      await handle({ body, client, respond }, value);
    });

  const keep = async ({ body, client, respond }: ActionArgs, id: string) => {
    const ctx = await resolveContext(deps, client, callerFromBody(body));
    const change = await deps.promises.keep(ctx.workspace, id, ctx.user.id, ctx.now);
    const onTime = change.after.outcome?.kind === 'kept' && change.after.outcome.onTime;
    await showChange(ctx, body, respond, change, ctx.viewer.m.promise.kept_reply(change.after.client, Boolean(onTime)), 'kept_promise_kept');
    await refreshHomes(deps, client, ctx, change.after.ownerId);
  };
  const cancel = async ({ body, client, respond }: ActionArgs, id: string) => {
    const ctx = await resolveContext(deps, client, callerFromBody(body));
    const change = await deps.promises.cancel(ctx.workspace, id, ctx.user.id, ctx.now);
    await showChange(ctx, body, respond, change, ctx.viewer.m.promise.cancelled_reply, 'kept_promise_cancelled');
    await refreshHomes(deps, client, ctx, change.after.ownerId);
  };
  const openRenegotiate = async ({ body, client }: ActionArgs, id: string) => {
    const ctx = await resolveContext(deps, client, callerFromBody(body));
    const promise = await deps.promises.getChangeable(ctx.workspace, id, ctx.user.id);
    const metadata = JSON.stringify({ id, responseUrl: body.response_url, ...(isFromHome(body) ? { home: true } : {}) });
    await client.views.open({ trigger_id: body.trigger_id, view: buildRenegotiateModal(ctx.viewer, promise, metadata) });
  };
  const details = async ({ body, client, respond }: ActionArgs, id: string) => {
    const ctx = await resolveContext(deps, client, callerFromBody(body));
    const promise = await deps.promises.get(ctx.workspace, id);
    if (!promise) throw new UserFacingError('promise_not_found');
    if (!body.response_url) return;
    await respond({
      response_type: 'ephemeral',
      replace_original: false,
      text: promise.what,
      blocks: buildPromiseCard(ctx.viewer, promise, promise.client),
      metadata: promiseMetadata(latestPromiseEvent(promise), promise),
    });
  };

  onAction(PROMISE_ACTIONS.kept, keep);
  onAction(PROMISE_ACTIONS.cancel, cancel);
  onAction(PROMISE_ACTIONS.renegotiate, openRenegotiate);
  onAction(PROMISE_ACTIONS.overflow, async (args, value) => {
    const [verb, id = ''] = value.split(':');
    const handler = { kept: keep, renegotiate: openRenegotiate, details }[verb ?? ''];
    if (!handler) throw new UserFacingError('invalid_request');
    await handler(args, id);
  });
  onAction(PROMISE_ACTIONS.finishInForm, async ({ body, client }, value) => {
    const ctx = await resolveContext(deps, client, callerFromBody(body));
    const draft = parseDraftValue(value);
    await openNewPromiseModal(client, body.trigger_id, ctx, { ...draft, ownerId: draft.ownerId ?? ctx.user.id }, { responseUrl: body.response_url });
  });
}

/** Replaces the card the button was on; a Home click has no card to replace (the Home refresh shows it). */
async function showChange(
  ctx: RequestContext,
  body: BlockAction,
  respond: RespondFn,
  change: PromiseChange,
  title: string,
  eventType: KeptEventType,
): Promise<void> {
  if (!body.response_url) return;
  const metadata = promiseMetadata(eventType, change.after);
  await respond({ replace_original: true, text: title, blocks: buildPromiseCard(ctx.viewer, change.after, title), metadata });
}

function parseDraftValue(value: string): { client?: string; what?: string; dueAt?: Date; ownerId?: string } {
  try {
    const raw = JSON.parse(value);
    return {
      client: typeof raw.client === 'string' ? raw.client : undefined,
      what: typeof raw.what === 'string' ? raw.what : undefined,
      dueAt: typeof raw.dueAt === 'number' ? new Date(raw.dueAt) : undefined,
      ownerId: typeof raw.ownerId === 'string' ? raw.ownerId : undefined,
    } as { client?: string; what?: string; dueAt?: Date; ownerId?: string };
  } catch {
    return {};
  }
}
