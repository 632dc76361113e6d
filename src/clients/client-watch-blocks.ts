import type { KnownBlock, ModalView } from '@slack/types';
import { formatLastDayBefore } from '../shared/dates/day-format.js';
import type { Messages } from '../shared/i18n/index.js';
import { button, context, mention, plain, replaceDigestItem, SLACK_LIMITS, section, truncate } from '../shared/slack/block-kit.js';
import { type KeptMetadata, keptMetadata } from '../shared/slack/message-metadata.js';
import { formatFromNow, type Viewer } from '../shared/viewer.js';
import type { Client } from './client-record.js';
import type { WatchedMessage } from './client-watch.js';

export const CLIENT_ACTIONS = {
  reply: 'client_reply',
  tellWhen: 'client_tell_when',
  notRequest: 'client_not_request',
  connectPick: 'client_connect_pick',
  connectNew: 'client_connect_new',
} as const;

export const CLIENT_VIEWS = { connectNew: 'client_connect_new_submit' } as const;
export const CONNECT_FIELDS = { name: 'client_name', value: 'value' } as const;

/** The message's address in Slack (the thread for a reply); Slack sends the reader to their own workspace. */
export function messageLink(message: Pick<WatchedMessage, 'channelId' | 'ts' | 'threadTs'>): string {
  const base = `https://slack.com/archives/${message.channelId}/p${message.ts.replace('.', '')}`;
  return message.threadTs ? `${base}?thread_ts=${message.threadTs}&cid=${message.channelId}` : base;
}

export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
  metadata?: KeptMetadata;
}

/** Whose question this was to be, when it comes to someone else because they are away (and until when). */
export interface StandingIn {
  readonly forId: string;
  readonly until: Date;
}

/** One waiting question in a DM: the client, the message, who it was for, and whether the leads are told. */
export interface WatchItem {
  readonly client: Client;
  readonly message: WatchedMessage;
  readonly toLeads: boolean;
  /** The account owner is away, and the backup or the leads hear in their place. */
  readonly standingIn?: StandingIn | undefined;
}

const firstLineOf = (message: WatchedMessage) => truncate(message.text.split('\n')[0] ?? '', 200) || '…';

/** Why this person hears of it: the owner is away (until when), or, to the leads, whose account it is. */
function noteOf(viewer: Viewer, { client, toLeads, standingIn }: WatchItem): string | undefined {
  const c = viewer.m.client;
  if (standingIn) return c.watch_standing_in(mention(standingIn.forId), formatLastDayBefore(standingIn.until, viewer.now, viewer.timeZone, viewer.m.locale));
  return toLeads && client.ownerId ? c.watch_owner_line(mention(client.ownerId)) : undefined;
}

/** "ACME is waiting for an answer": who asked, what (the first line), how long ago, and the three ways to answer. */
export function buildWatchDm(viewer: Viewer, item: WatchItem): SlackMessage {
  const { client, message, toLeads } = item;
  const { m } = viewer;
  const c = m.client;
  const since = formatFromNow(viewer, message.messageAt);
  const note = noteOf(viewer, item);
  const blocks: KnownBlock[] = [
    section(
      `${toLeads ? c.watch_leads_title(client.name) : c.watch_title(client.name)}\n${c.watch_who(mention(message.authorId), since, `<#${message.channelId}>`)}`,
    ),
    section(`>${firstLineOf(message)}`),
    ...(note ? [context(note)] : []),
    { type: 'actions', block_id: `watch:${message.id}`, elements: watchButtons(m, message) },
  ];
  const metadata = keptMetadata('kept_client_waiting', {
    client_id: client.id,
    client: client.name,
    channel_id: message.channelId,
    message_ts: message.ts,
    asked_at: message.messageAt.toISOString(),
    author_id: message.authorId,
    to: toLeads ? 'leads' : 'owner',
  });
  return { text: c.watch_text(client.name, since), blocks, metadata };
}

/** Questions a digest shows with their buttons; the rest are counted. */
export const WATCH_DIGEST_SHOWN = 15;
/** Every block of a digest item carries this prefix and the question's id: a click replaces that item alone. */
const WATCH_ITEM = 'watch-item';

/**
 * Several questions waiting for one person in one sweep: one message, the longest-waiting first, each with
 * its own Reply, Tell them when and Not a request. One question is the message it always was.
 */
export function buildWatchMessage(viewer: Viewer, items: readonly WatchItem[]): SlackMessage {
  if (items.length === 1) return buildWatchDm(viewer, items[0]!);
  const { m } = viewer;
  const c = m.client;
  const { client, message } = items[0]!;
  const text = m.digest.watch_push(
    items.length,
    `${truncate(client.name, 80)} – “${truncate(firstLineOf(message), 80)}” (${formatFromNow(viewer, message.messageAt)})`,
    items.length - 1,
  );
  const blocks: KnownBlock[] = [section(`*${m.digest.watch_title(items.length)}*`)];
  for (const item of items.slice(0, WATCH_DIGEST_SHOWN)) {
    const w = item.message;
    const note = noteOf(viewer, item);
    const who = c.watch_who(mention(w.authorId), formatFromNow(viewer, w.messageAt), `<#${w.channelId}>`);
    blocks.push(
      { ...section(`*${truncate(item.client.name, 150)}* · ${who}\n>${firstLineOf(w)}${note ? `\n${note}` : ''}`), block_id: `${WATCH_ITEM}:${w.id}` },
      { type: 'actions', block_id: `${WATCH_ITEM}:${w.id}:actions`, elements: watchButtons(m, w) },
    );
  }
  const hidden = items.length - WATCH_DIGEST_SHOWN;
  if (hidden > 0) blocks.push(context(m.digest.watch_more(hidden)));
  return {
    text: truncate(text, 3000),
    blocks,
    metadata: keptMetadata('kept_client_waiting_digest', { count: items.length, to: items.some((i) => i.toLeads) ? 'leads' : 'owner' }),
  };
}

/** A click on one question of a digest: that question gives way to `outcome`; undefined when the click was not from a digest. */
export function replaceWatchItem(blocks: readonly KnownBlock[], blockId: string | undefined, watchedId: string, outcome: string): KnownBlock[] | undefined {
  if (!blockId?.startsWith(`${WATCH_ITEM}:`)) return undefined;
  const key = `${WATCH_ITEM}:${watchedId}`;
  const headline = blocks.find((b) => b.block_id === key);
  const first = headline?.type === 'section' ? (headline.text?.text.split('\n')[0] ?? '') : '';
  return replaceDigestItem(blocks, key, { ...context(first, truncate(outcome, 1000)), block_id: `${WATCH_ITEM}-done:${watchedId}` });
}

function watchButtons(m: Messages, message: WatchedMessage) {
  const c = m.client;
  return [
    { ...button(c.button_reply, CLIENT_ACTIONS.reply, message.id, 'primary'), url: messageLink(message) },
    button(c.button_tell_when, CLIENT_ACTIONS.tellWhen, message.id),
    button(c.button_not_request, CLIENT_ACTIONS.notRequest, message.id),
  ];
}

/** The owner's nudge when the next meeting with a client is due. */
export function buildMeetingNudge(viewer: Viewer, client: Client): SlackMessage {
  const { m } = viewer;
  const c = m.client;
  const last = client.meetings[0];
  const line = last ? c.meeting_due(client.name, formatFromNow(viewer, last.at)) : c.meeting_never(client.name);
  const metadata = keptMetadata('kept_client_meeting_due', {
    client_id: client.id,
    client: client.name,
    last_met_at: last?.at.toISOString(),
    owner_id: client.ownerId,
  });
  return { text: c.meeting_text(client.name), blocks: [section(line), context(c.meeting_hint(client.name))], metadata };
}

/** Meetings a nudge lists by name; the rest are counted. */
export const MEETINGS_SHOWN = 15;

/** The owner's nudge for every client whose meeting came due in one sweep: one client reads as it always did. */
export function buildMeetingMessage(viewer: Viewer, clients: readonly Client[]): SlackMessage {
  if (clients.length === 1) return buildMeetingNudge(viewer, clients[0]!);
  const c = viewer.m.client;
  const name = (client: Client) => truncate(client.name, 80);
  // The client not met for longest first (never met before any), then by name.
  const lastMet = (client: Client) => client.meetings[0]?.at.getTime() ?? Number.NEGATIVE_INFINITY;
  const ordered = [...clients].sort((a, b) => lastMet(a) - lastMet(b) || a.name.localeCompare(b.name, viewer.m.locale));
  const lines = ordered.slice(0, MEETINGS_SHOWN).map((client) => {
    const last = client.meetings[0];
    return last ? c.meetings_line_due(name(client), formatFromNow(viewer, last.at)) : c.meetings_line_never(name(client));
  });
  const hidden = clients.length - MEETINGS_SHOWN;
  const blocks: KnownBlock[] = [
    section(`${c.meetings_title(clients.length)}\n${lines.join('\n')}`),
    ...(hidden > 0 ? [context(c.meetings_more(hidden))] : []),
    context(c.meetings_hint(name(ordered[0]!))),
  ];
  return {
    text: c.meetings_text(clients.length, name(ordered[0]!), clients.length - 1),
    blocks,
    metadata: keptMetadata('kept_client_meetings_due', { count: clients.length }),
  };
}

/** To whoever added Kept to a shared channel no client claims: which client is it for? */
export function buildConnectAsk(m: Messages, channelId: string, clients: readonly Client[]): SlackMessage {
  const c = m.client;
  const options = clients.slice(0, 100).map((client) => ({ text: plain(client.name, 75), value: `${channelId}:${client.id}` }));
  const elements = [
    ...(options.length > 0
      ? [{ type: 'static_select' as const, action_id: CLIENT_ACTIONS.connectPick, placeholder: plain(c.connect_pick, 150), options }]
      : []),
    button(c.connect_new_label, CLIENT_ACTIONS.connectNew, channelId),
  ];
  return {
    text: c.connect_text,
    blocks: [section(c.connect_ask(`<#${channelId}>`)), { type: 'actions', block_id: `connect:${channelId}`, elements }],
  };
}

export function buildConnectNewModal(m: Messages, channelId: string): ModalView {
  const c = m.client;
  return {
    type: 'modal',
    callback_id: CLIENT_VIEWS.connectNew,
    private_metadata: JSON.stringify({ channelId }),
    title: plain(c.connect_button, SLACK_LIMITS.modalTitle),
    submit: plain(c.connect_button, 24),
    close: plain(m.common.close, 24),
    blocks: [
      {
        type: 'input',
        block_id: CONNECT_FIELDS.name,
        label: plain(c.connect_new_label),
        element: { type: 'plain_text_input', action_id: CONNECT_FIELDS.value, max_length: 80, placeholder: plain(c.connect_new_placeholder, 150) },
      },
    ],
  };
}
