import type { App, webApi } from '@slack/bolt';
import { messagesFor } from '../shared/i18n/index.js';
import { type Workspace, workspaceKey } from '../shared/workspace/workspace.js';
import { type ClientListenerDeps, eventWorkspace } from './client-slack.js';
import { isOutsideAuthor } from './client-watch.js';
import { buildConnectAsk } from './client-watch-blocks.js';
import type { ChannelMessage } from './client-watch-service.js';

/** Message subtypes that are a person writing; every other subtype (joins, bots, topic changes…) is ignored. */
const PERSON_SUBTYPES = new Set([undefined, 'thread_broadcast', 'file_share', 'me_message']);

interface RawMessage {
  subtype?: string;
  channel?: string;
  channel_type?: string;
  user?: string;
  user_team?: string;
  team?: string;
  bot_id?: string;
  text?: string;
  ts?: string;
  thread_ts?: string;
  deleted_ts?: string;
  message?: RawMessage;
}

/**
 * The watch's events. A message in a channel no client claims costs one read; edits and deletions cost
 * one write and need no read. Bots, joins and other subtypes are ignored without any read.
 */
export function registerClientEvents(app: App, deps: ClientListenerDeps): void {
  app.event('message', async ({ event, body, context, client }) => {
    const e = event as unknown as RawMessage;
    const workspace = eventWorkspace(body, context);
    if (!workspace || !e.channel || (e.channel_type && e.channel_type !== 'channel' && e.channel_type !== 'group')) return;
    if (e.subtype === 'message_changed') {
      const edited = e.message;
      if (edited?.ts && !edited.bot_id) await deps.watch.edited(workspace, e.channel, edited.ts, edited.text ?? '');
      return;
    }
    if (e.subtype === 'message_deleted') {
      if (e.deleted_ts) await deps.watch.deleted(workspace, e.channel, e.deleted_ts);
      return;
    }
    if (!PERSON_SUBTYPES.has(e.subtype) || e.bot_id || !e.user || !e.ts || e.user === context.botUserId) return;
    const link = await deps.clients.channel(workspace, e.channel);
    if (!link) return;
    const message: ChannelMessage = {
      channelId: e.channel,
      ts: e.ts,
      threadTs: e.thread_ts && e.thread_ts !== e.ts ? e.thread_ts : undefined,
      userId: e.user,
      text: e.text ?? '',
    };
    const outside = await isFromOutside(deps, client, workspace, e);
    if (outside === undefined) return;
    if (outside) await deps.watch.clientMessage(workspace, link, message);
    else await deps.watch.teamMessage(workspace, message);
  });

  // Kept added to a channel shared with another organisation that no client claims: ask who added it which client it is for.
  app.event('member_joined_channel', async ({ event, body, context, client }) => {
    const workspace = eventWorkspace(body, context);
    if (!workspace || event.user !== context.botUserId || !event.inviter) return;
    const info = await client.conversations.info({ channel: event.channel }).catch(() => undefined);
    if (!info?.channel?.is_ext_shared) return;
    if (await deps.clients.channel(workspace, event.channel)) return;
    const [settings, known] = await Promise.all([deps.settings.get(workspace), deps.clients.list(workspace, 100)]);
    const message = buildConnectAsk(messagesFor(settings.language), event.channel, known);
    await client.chat.postMessage({ channel: event.inviter, ...message });
  });
}

/** Outside the workspace: the event says so (`user_team`), or users.info does; undefined when neither can tell. */
async function isFromOutside(deps: ClientListenerDeps, client: webApi.WebClient, workspace: Workspace, e: RawMessage): Promise<boolean | undefined> {
  const fromEvent = isOutsideAuthor(workspace.teamId, [e.user_team, e.team]);
  if (fromEvent !== undefined) return fromEvent;
  const user = await deps.users.get(client, workspaceKey(workspace), e.user!, deps.clock()).catch(() => undefined);
  if (!user || user.isBot) return undefined;
  return isOutsideAuthor(workspace.teamId, [user.teamId]);
}
