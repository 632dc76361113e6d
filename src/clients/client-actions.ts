import type { App, BlockAction, BlockElementAction, StaticSelectAction } from '@slack/bolt';
import type { KnownBlock } from '@slack/types';
import { openNewPromiseModal } from '../promises/promise-slack.js';
import { callerFromBody, type RequestContext, resolveContext } from '../shared/slack/request-context.js';
import { workCalendar } from '../shared/workspace/work-calendar.js';
import { actorOfContext } from './client-actor.js';
import type { Client } from './client-record.js';
import type { ClientChangeResult } from './client-service.js';
import { type ClientListenerDeps, tellThemText } from './client-slack.js';
import { addWorkingMinutes, type WatchedMessage } from './client-watch.js';
import { buildConnectNewModal, CLIENT_ACTIONS, CLIENT_VIEWS, CONNECT_FIELDS, messageLink, replaceWatchItem } from './client-watch-blocks.js';

const buttonValue = (action: BlockElementAction): string => ('value' in action && typeof action.value === 'string' ? action.value : '');

/** The buttons of the watch's DM (Reply, Tell them when, Not a request) and of the Slack Connect question. */
export function registerClientActions(app: App, deps: ClientListenerDeps): void {
  // Reply is a link to the thread; Slack still tells the app about the click.
  app.action<BlockAction>(CLIENT_ACTIONS.reply, async ({ ack }) => {
    await ack();
  });

  app.action<BlockAction>(CLIENT_ACTIONS.notRequest, async ({ ack, body, action, client, respond }) => {
    await ack();
    const ctx = await resolveContext(deps, client, callerFromBody(body));
    const { m } = ctx.viewer;
    const before = await deps.watch.get(ctx.workspace, buttonValue(action));
    if (!before) return void (await respond({ response_type: 'ephemeral', replace_original: false, text: m.client.watch_gone }));
    if (before.status !== 'waiting') return void (await respond({ response_type: 'ephemeral', replace_original: false, text: m.client.already_answered }));
    await deps.watch.dismiss(ctx.workspace, before.id, ctx.user.id, ctx.now);
    // In a digest only this question gives way; the others keep their buttons.
    const blockId = body.actions[0]?.block_id;
    const digest = replaceWatchItem((body.message?.blocks ?? []) as KnownBlock[], blockId, before.id, m.client.dismissed);
    if (digest) await respond({ replace_original: true, text: body.message?.text ?? m.client.dismissed, blocks: digest });
    else await respond({ replace_original: true, text: m.client.dismissed });
  });

  app.action<BlockAction>(CLIENT_ACTIONS.tellWhen, async ({ ack, body, action, client, respond }) => {
    await ack();
    const ctx = await resolveContext(deps, client, callerFromBody(body));
    const { m } = ctx.viewer;
    const watched = await deps.watch.get(ctx.workspace, buttonValue(action));
    const customer = watched ? await deps.clients.get(ctx.workspace, watched.clientId) : undefined;
    if (!watched || !customer) return void (await respond({ response_type: 'ephemeral', replace_original: false, text: m.client.watch_gone }));
    const dueAt = suggestedDue(ctx, customer);
    const announce = { label: m.client.tell_label, text: tellThemText(ctx, ctx.user.id, dueAt, ctx.user.timeZone, false), hint: m.client.tell_hint };
    await openNewPromiseModal(
      client,
      body.trigger_id,
      ctx,
      { client: customer.name, what: m.client.tell_what(watched.text), dueAt, ownerId: ctx.user.id, announce },
      { responseUrl: body.response_url, ...sourceOf(watched) },
    );
  });

  app.action<BlockAction<StaticSelectAction>>(CLIENT_ACTIONS.connectPick, async ({ ack, body, action, client, respond }) => {
    await ack();
    const ctx = await resolveContext(deps, client, callerFromBody(body));
    const [channelId = '', clientId = ''] = (action.selected_option?.value ?? '').split(':');
    const result = await deps.clients.claimChannel(ctx.workspace, channelId, { clientId }, actorOfContext(ctx), ctx.now);
    await respond({ replace_original: true, text: claimReply(ctx, channelId, result) });
  });

  app.action<BlockAction>(CLIENT_ACTIONS.connectNew, async ({ ack, body, action, client }) => {
    await ack();
    const ctx = await resolveContext(deps, client, callerFromBody(body));
    await client.views.open({ trigger_id: body.trigger_id, view: buildConnectNewModal(ctx.viewer.m, buttonValue(action)) });
  });

  app.view(CLIENT_VIEWS.connectNew, async ({ ack, body, view, client }) => {
    const ctx = await resolveContext(deps, client, callerFromBody(body));
    const name = (view.state.values[CONNECT_FIELDS.name]?.[CONNECT_FIELDS.value]?.value ?? '').trim();
    const channelId = channelOf(view.private_metadata);
    if (!name || !channelId) return void (await ack({ response_action: 'errors', errors: { [CONNECT_FIELDS.name]: ctx.viewer.m.client.connect_need_choice } }));
    await ack();
    const result = await deps.clients.claimChannel(ctx.workspace, channelId, { name }, actorOfContext(ctx), ctx.now);
    await client.chat.postMessage({ channel: ctx.user.id, text: claimReply(ctx, channelId, result) });
  });
}

/** The message the promise is logged from: its link, channel, ts and thread. */
function sourceOf(watched: WatchedMessage) {
  return { permalink: messageLink(watched), channelId: watched.channelId, messageTs: watched.ts, threadTs: watched.threadTs };
}

/** A due time to start from: the client's standard (at least an hour) of the person's working time from now, on a quarter hour. */
function suggestedDue(ctx: RequestContext, customer: Client): Date {
  const minutes = Math.max(60, customer.responseMinutes ?? ctx.settings.responseMinutes);
  const due = addWorkingMinutes(ctx.now, minutes, workCalendar(ctx.settings), ctx.user.timeZone) ?? new Date(ctx.now.getTime() + minutes * 60_000);
  const quarter = 15 * 60_000;
  return new Date(Math.ceil(due.getTime() / quarter) * quarter);
}

function claimReply(ctx: RequestContext, channelId: string, result: ClientChangeResult): string {
  const c = ctx.viewer.m.client;
  const channel = `<#${channelId}>`;
  if (result.kind === 'channel_taken') return c.channel_taken(channel, result.otherClient);
  if (result.kind === 'unknown') return c.unknown(result.name);
  return c.linked(result.client.name, channel);
}

function channelOf(metadata: string | undefined): string | undefined {
  try {
    const channelId = JSON.parse(metadata || '{}').channelId;
    return typeof channelId === 'string' && /^[CG][A-Z0-9]+$/.test(channelId) ? channelId : undefined;
  } catch {
    return undefined;
  }
}
