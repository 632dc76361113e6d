import type { App, BlockAction, Logger, RespondFn, ViewSubmitAction, webApi } from '@slack/bolt';
import { defuseBroadcasts, escapeMrkdwn } from '../shared/block-kit.js';
import { newErrorId, UserFacingError } from '../shared/errors.js';
import { callerFromBody, type RequestContext, resolveContext } from '../shared/request-context.js';
import { formatWhen } from '../shared/viewer.js';
import { workspaceKey } from '../shared/workspace.js';
import { LIMITS, validateRenegotiation } from './client-promise.js';
import { buildPromiseCard, buildRenegotiateModal, FIELDS, PROMISE_ACTIONS, PROMISE_VIEWS } from './promise-blocks.js';
import { notifyNewOwner, openNewPromiseModal, type PromiseListenerDeps } from './promise-listeners.js';
import type { PromiseChange } from './promise-service.js';

type Values = ViewSubmitAction['view']['state']['values'];
type ActionArgs = { body: BlockAction; client: webApi.WebClient; respond: RespondFn };

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
    await showChange(ctx, respond, change, ctx.viewer.m.promise.kept_reply(change.after.client, Boolean(onTime)));
  };
  const cancel = async ({ body, client, respond }: ActionArgs, id: string) => {
    const ctx = await resolveContext(deps, client, callerFromBody(body));
    const change = await deps.promises.cancel(ctx.workspace, id, ctx.user.id, ctx.now);
    await showChange(ctx, respond, change, ctx.viewer.m.promise.cancelled_reply);
  };
  const openRenegotiate = async ({ body, client }: ActionArgs, id: string) => {
    const ctx = await resolveContext(deps, client, callerFromBody(body));
    const promise = await deps.promises.getChangeable(ctx.workspace, id, ctx.user.id);
    const metadata = JSON.stringify({ id, responseUrl: body.response_url });
    await client.views.open({ trigger_id: body.trigger_id, view: buildRenegotiateModal(ctx.viewer, promise, metadata) });
  };
  const details = async ({ body, client, respond }: ActionArgs, id: string) => {
    const ctx = await resolveContext(deps, client, callerFromBody(body));
    const promise = await deps.promises.get(ctx.workspace, id);
    if (!promise) throw new UserFacingError('promise_not_found');
    await respond({ response_type: 'ephemeral', replace_original: false, text: promise.what, blocks: buildPromiseCard(ctx.viewer, promise, promise.client) });
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

  app.view(PROMISE_VIEWS.create, async ({ ack, body, view, client, logger }) => {
    const ctx = await resolveContext(deps, client, callerFromBody(body));
    const { m } = ctx.viewer;
    const values = view.state.values;
    const client_ = escapeMrkdwn(textValue(values, FIELDS.client));
    const what = defuseBroadcasts(escapeMrkdwn(textValue(values, FIELDS.what)));
    const dueSeconds = values[FIELDS.due]?.[FIELDS.value]?.selected_date_time;
    const ownerId = values[FIELDS.owner]?.[FIELDS.value]?.selected_user ?? ctx.user.id;
    const errors: Record<string, string> = {};
    if (!client_) errors[FIELDS.client] = m.promise.error_client_required;
    else if (client_.length > LIMITS.client) errors[FIELDS.client] = m.promise.error_client_too_long(LIMITS.client);
    if (!what) errors[FIELDS.what] = m.promise.error_what_required;
    else if (what.length > LIMITS.what) errors[FIELDS.what] = m.promise.error_what_too_long(LIMITS.what);
    if (!dueSeconds) errors[FIELDS.due] = m.promise.error_due_required;
    else if (dueSeconds * 1000 <= ctx.now.getTime()) errors[FIELDS.due] = m.promise.error_due_past;
    const owner = await deps.users.get(client, workspaceKey(ctx.workspace), ownerId, ctx.now);
    if (owner.isBot || owner.deleted) errors[FIELDS.owner] = m.promise.error_owner_bot;
    if (Object.keys(errors).length > 0) return void (await ack({ response_action: 'errors', errors }));

    const promise = await attempt(ctx, ack, logger, FIELDS.client, () =>
      deps.promises.logPromise(
        ctx.workspace,
        { creatorId: ctx.user.id, ownerId, ownerTimeZone: owner.timeZone, client: client_, what, dueAt: new Date(dueSeconds! * 1000) },
        ctx.now,
      ),
    );
    if (!promise) return;
    await ack();
    const blocks = buildPromiseCard(ctx.viewer, promise, m.promise.logged_title);
    await replyAfterModal(client, ctx, metadataOf(view).responseUrl, { text: m.promise.logged_title, blocks });
    await notifyNewOwner(deps, client, ctx, promise);
  });

  app.view(PROMISE_VIEWS.renegotiate, async ({ ack, body, view, client, logger }) => {
    const ctx = await resolveContext(deps, client, callerFromBody(body));
    const { m } = ctx.viewer;
    const metadata = metadataOf(view);
    const values = view.state.values;
    const dueSeconds = values[FIELDS.due]?.[FIELDS.value]?.selected_date_time;
    const request = {
      newDueAt: dueSeconds ? new Date(dueSeconds * 1000) : undefined,
      reason: defuseBroadcasts(escapeMrkdwn(textValue(values, FIELDS.reason))),
      clientInformed: (values[FIELDS.informed]?.[FIELDS.value]?.selected_options ?? []).length > 0,
    };
    const current = await attempt(ctx, ack, logger, FIELDS.due, () => deps.promises.getChangeable(ctx.workspace, metadata.id ?? '', ctx.user.id));
    if (!current) return;
    const problems = validateRenegotiation(current, request, ctx.now);
    if (problems.due || problems.reason) {
      const errors: Record<string, string> = {};
      if (problems.due) errors[FIELDS.due] = { due_required: m.promise.error_due_required, due_past: m.promise.error_due_past, due_same: m.promise.error_due_same }[problems.due as 'due_past'];
      if (problems.reason) errors[FIELDS.reason] = problems.reason === 'reason_required' ? m.promise.error_reason_required : m.promise.error_what_too_long(LIMITS.reason);
      return void (await ack({ response_action: 'errors', errors }));
    }
    const change = await attempt(ctx, ack, logger, FIELDS.due, () =>
      deps.promises.renegotiate(ctx.workspace, current.id, ctx.user.id, { ...request, newDueAt: request.newDueAt! }, ctx.now),
    );
    if (!change) return;
    await ack();
    const title = m.promise.renegotiated_reply(formatWhen(ctx.viewer, change.after.dueAt), request.clientInformed);
    const message = { text: title, blocks: buildPromiseCard(ctx.viewer, change.after, title) };
    await replyAfterModal(client, ctx, metadata.responseUrl, message, true);
  });
}

async function showChange(ctx: RequestContext, respond: RespondFn, change: PromiseChange, title: string): Promise<void> {
  await respond({ replace_original: true, text: title, blocks: buildPromiseCard(ctx.viewer, change.after, title) });
}

/**
 * Runs a step of a modal submission before acknowledging it, so a refusal shows in the modal and nothing
 * is half-done. On failure it answers the modal itself; on success the caller acknowledges.
 */
async function attempt<T>(
  ctx: RequestContext,
  ack: (r?: any) => Promise<void>,
  logger: Logger,
  blockId: string,
  work: () => Promise<T>,
): Promise<T | undefined> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof UserFacingError) {
      await ack({ response_action: 'errors', errors: { [blockId]: error.render(ctx.viewer.m) } });
      return undefined;
    }
    const id = newErrorId();
    logger.error(`modal submission failed [error id ${id}]`, error);
    await ack({ response_action: 'errors', errors: { [blockId]: ctx.viewer.m.common.error_with_id(id) } });
    return undefined;
  }
}

/** Where a modal's result goes: back to the conversation it came from, or to the user's DM with Kept. */
async function replyAfterModal(
  client: webApi.WebClient,
  ctx: RequestContext,
  responseUrl: string | undefined,
  message: { text: string; blocks: ReturnType<typeof buildPromiseCard> },
  replaceOriginal = false,
): Promise<void> {
  if (responseUrl) {
    const res = await fetch(responseUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ response_type: 'ephemeral', replace_original: replaceOriginal, ...message }),
    }).catch(() => undefined);
    if (res?.ok) return;
  }
  await client.chat.postMessage({ channel: ctx.user.id, ...message });
}

function textValue(values: Values, blockId: string): string {
  return (values[blockId]?.[FIELDS.value]?.value ?? '').trim();
}

function metadataOf(view: { private_metadata?: string }): { id?: string; responseUrl?: string } {
  try {
    const parsed = JSON.parse(view.private_metadata || '{}');
    return {
      id: typeof parsed.id === 'string' ? parsed.id : undefined,
      responseUrl: typeof parsed.responseUrl === 'string' && parsed.responseUrl.startsWith('http') ? parsed.responseUrl : undefined,
    };
  } catch {
    return {};
  }
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
