import type { App, ViewSubmitAction, webApi } from '@slack/bolt';
import { defuseBroadcasts, escapeMrkdwn } from '../shared/slack/block-kit.js';
import { attemptBeforeAck, replyAfterModal } from '../shared/slack/modal-submission.js';
import { callerFromBody, type RequestContext, resolveContext } from '../shared/slack/request-context.js';
import { formatWhen } from '../shared/viewer.js';
import { workspaceKey } from '../shared/workspace/workspace.js';
import { LIMITS, validateRenegotiation } from './client-promise.js';
import { buildPromiseCard, FIELDS, PROMISE_VIEWS } from './promise-blocks.js';
import { readDueWords } from './promise-command.js';
import { promiseMetadata } from './promise-metadata.js';
import {
  logPromiseForOwner,
  notifyNewOwner,
  type PromiseListenerDeps,
  type PromiseModalMetadata,
  refreshHomes,
  refreshHomesAfterLogging,
} from './promise-slack.js';

type Values = ViewSubmitAction['view']['state']['values'];

/** The new-promise and renegotiate modals' submissions. */
export function registerPromiseViews(app: App, deps: PromiseListenerDeps): void {
  app.view(PROMISE_VIEWS.create, async ({ ack, body, view, client, logger }) => {
    const ctx = await resolveContext(deps, client, callerFromBody(body));
    const { m } = ctx.viewer;
    const metadata = metadataOf(view);
    const form = await readPromiseForm(deps, client, ctx, view.state.values);
    if ('errors' in form) return void (await ack({ response_action: 'errors', errors: form.errors }));
    const { client: client_, what, dueSeconds, ownerId } = form;

    const logged = await attemptBeforeAck(ctx, ack, logger, FIELDS.client, () =>
      logPromiseForOwner(deps, client, ctx, {
        ownerId,
        client: client_,
        what,
        dueAt: new Date(dueSeconds! * 1000),
        channelId: metadata.channelId,
        permalink: metadata.permalink,
      }),
    );
    if (!logged) return;
    if (!logged.ok) return void (await ack({ response_action: 'errors', errors: { [FIELDS.owner]: m.promise.error_owner_bot } }));
    const { promise } = logged;
    await ack();
    if (!metadata.home) {
      const blocks = buildPromiseCard(ctx.viewer, promise, m.promise.logged_title);
      await replyAfterModal(client, ctx.user.id, metadata.responseUrl, {
        text: m.promise.logged_title,
        blocks,
        metadata: promiseMetadata('kept_promise_logged', promise),
      });
    }
    await notifyNewOwner(deps, client, ctx, promise);
    if (metadata.channelId && metadata.messageTs && deps.onLoggedFromMessage) {
      const announce = (view.state.values[FIELDS.announce]?.[FIELDS.value]?.selected_options ?? []).length > 0;
      const source = { channelId: metadata.channelId, messageTs: metadata.messageTs, threadTs: metadata.threadTs };
      await deps.onLoggedFromMessage(client, ctx, { promise, ...source, announce });
    }
    await refreshHomesAfterLogging(deps, client, ctx, promise.ownerId);
  });

  app.view(PROMISE_VIEWS.change, async ({ ack, body, view, client, logger }) => {
    const ctx = await resolveContext(deps, client, callerFromBody(body));
    const { m } = ctx.viewer;
    const metadata = metadataOf(view);
    const form = await readPromiseForm(deps, client, ctx, view.state.values);
    if ('errors' in form) return void (await ack({ response_action: 'errors', errors: form.errors }));
    const { client: client_, what, dueSeconds, ownerId, owner } = form;

    const fix = { client: client_, what, dueAt: new Date(dueSeconds! * 1000), ownerId, ownerTimeZone: owner.timeZone };
    const change = await attemptBeforeAck(ctx, ack, logger, FIELDS.due, () =>
      deps.promises.correct(ctx.workspace, metadata.id ?? '', ctx.user.id, fix, ctx.now),
    );
    if (!change) return;
    await ack();
    const blocks = buildPromiseCard(ctx.viewer, change.after, m.promise.changed_title);
    await replyAfterModal(client, ctx.user.id, metadata.responseUrl, { text: m.promise.changed_title, blocks }, true);
    if (change.before.ownerId !== change.after.ownerId) await notifyNewOwner(deps, client, ctx, change.after);
    await refreshHomes(deps, client, ctx, change.before.ownerId, change.after.ownerId);
  });

  app.view(PROMISE_VIEWS.renegotiate, async ({ ack, body, view, client, logger }) => {
    const ctx = await resolveContext(deps, client, callerFromBody(body));
    const { m } = ctx.viewer;
    const metadata = metadataOf(view);
    const values = view.state.values;
    const dueSeconds = values[FIELDS.due]?.[FIELDS.value]?.selected_date_time;
    const words = readDueWords(textValue(values, FIELDS.dueWords), { now: ctx.now, timeZone: ctx.user.timeZone, locale: ctx.settings.language });
    if (words && words.kind !== 'due') {
      const error =
        words.kind === 'unreadable'
          ? m.promise.error_due_words
          : m.promise.error_due_two_readings(formatWhen(ctx.viewer, words.readings[0]), formatWhen(ctx.viewer, words.readings[1]));
      return void (await ack({ response_action: 'errors', errors: { [FIELDS.dueWords]: error } }));
    }
    const request = {
      newDueAt: words ? words.dueAt : dueSeconds ? new Date(dueSeconds * 1000) : undefined,
      reason: defuseBroadcasts(escapeMrkdwn(textValue(values, FIELDS.reason))),
      clientInformed: (values[FIELDS.informed]?.[FIELDS.value]?.selected_options ?? []).length > 0,
    };
    const current = await attemptBeforeAck(ctx, ack, logger, FIELDS.due, () => deps.promises.getChangeable(ctx.workspace, metadata.id ?? '', ctx.user.id));
    if (!current) return;
    const problems = validateRenegotiation(current, request, ctx.now);
    if (problems.due || problems.reason) {
      const errors: Record<string, string> = {};
      if (problems.due)
        errors[words ? FIELDS.dueWords : FIELDS.due] = {
          due_required: m.promise.error_due_required,
          due_past: m.promise.error_due_past,
          due_same: m.promise.error_due_same,
        }[problems.due as 'due_past'];
      if (problems.reason)
        errors[FIELDS.reason] = problems.reason === 'reason_required' ? m.promise.error_reason_required : m.promise.error_what_too_long(LIMITS.reason);
      return void (await ack({ response_action: 'errors', errors }));
    }
    const change = await attemptBeforeAck(ctx, ack, logger, FIELDS.due, () =>
      deps.promises.renegotiate(ctx.workspace, current.id, ctx.user.id, { ...request, newDueAt: request.newDueAt! }, ctx.now),
    );
    if (!change) return;
    await ack();
    if (!metadata.home) {
      const title = m.promise.renegotiated_reply(formatWhen(ctx.viewer, change.after.dueAt), request.clientInformed);
      const message = {
        text: title,
        blocks: buildPromiseCard(ctx.viewer, change.after, title),
        metadata: promiseMetadata('kept_promise_renegotiated', change.after),
      };
      await replyAfterModal(client, ctx.user.id, metadata.responseUrl, message, !metadata.digest);
    }
    await refreshHomes(deps, client, ctx, change.after.ownerId);
  });
}

/** The promise form's fields, checked: each problem shown under its field. */
type PromiseForm = { errors: Record<string, string> } | { client: string; what: string; dueSeconds: number; ownerId: string; owner: { timeZone: string } };

async function readPromiseForm(deps: PromiseListenerDeps, slack: webApi.WebClient, ctx: RequestContext, values: Values): Promise<PromiseForm> {
  const { m } = ctx.viewer;
  const client = escapeMrkdwn(textValue(values, FIELDS.client));
  const what = restoreUserMentions(defuseBroadcasts(escapeMrkdwn(textValue(values, FIELDS.what))));
  const dueSeconds = values[FIELDS.due]?.[FIELDS.value]?.selected_date_time ?? 0;
  const ownerId = values[FIELDS.owner]?.[FIELDS.value]?.selected_user ?? ctx.user.id;
  const errors: Record<string, string> = {};
  if (!client) errors[FIELDS.client] = m.promise.error_client_required;
  else if (client.length > LIMITS.client) errors[FIELDS.client] = m.promise.error_client_too_long(LIMITS.client);
  if (!what) errors[FIELDS.what] = m.promise.error_what_required;
  else if (what.length > LIMITS.what) errors[FIELDS.what] = m.promise.error_what_too_long(LIMITS.what);
  if (!dueSeconds) errors[FIELDS.due] = m.promise.error_due_required;
  else if (dueSeconds * 1000 <= ctx.now.getTime()) errors[FIELDS.due] = m.promise.error_due_past;
  const owner = await deps.users.get(slack, workspaceKey(ctx.workspace), ownerId, ctx.now);
  if (owner.isBot || owner.deleted) errors[FIELDS.owner] = m.promise.error_owner_bot;
  if (Object.keys(errors).length > 0) return { errors };
  return { client, what, dueSeconds, ownerId, owner };
}

function textValue(values: Values, blockId: string): string {
  return (values[blockId]?.[FIELDS.value]?.value ?? '').trim();
}

/** Text typed or prefilled in a modal comes back raw; user mentions (`<@U…>`) stay mentions once escaped. */
function restoreUserMentions(text: string): string {
  return text.replace(/&lt;@([UW][A-Z0-9]{2,})(?:\|[^&<>]*)?&gt;/g, '<@$1>');
}

const isTs = (value: unknown): value is string => typeof value === 'string' && /^\d{1,12}\.\d{1,8}$/.test(value);
const isUrl = (value: unknown): value is string => typeof value === 'string' && /^https?:\/\//.test(value);

export function metadataOf(view: { private_metadata?: string }): PromiseModalMetadata {
  try {
    const parsed = JSON.parse(view.private_metadata || '{}');
    return {
      id: typeof parsed.id === 'string' ? parsed.id : undefined,
      responseUrl: isUrl(parsed.responseUrl) ? parsed.responseUrl : undefined,
      permalink: isUrl(parsed.permalink) ? parsed.permalink : undefined,
      channelId: typeof parsed.channelId === 'string' && /^[CDG][A-Z0-9]+$/.test(parsed.channelId) ? parsed.channelId : undefined,
      messageTs: isTs(parsed.messageTs) ? parsed.messageTs : undefined,
      threadTs: isTs(parsed.threadTs) ? parsed.threadTs : undefined,
      home: parsed.home === true,
      digest: parsed.digest === true,
    };
  } catch {
    return {};
  }
}
