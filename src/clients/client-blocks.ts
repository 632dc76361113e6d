import type { KnownBlock } from '@slack/types';
import { formatDuration } from '../shared/dates/format.js';
import type { Messages } from '../shared/i18n/index.js';
import { context, mention, SLACK_LIMITS, section, truncate, truncateMrkdwn } from '../shared/slack/block-kit.js';
import { formatFromNow, formatWhen, type Viewer } from '../shared/viewer.js';
import type { ClientOverview } from './client-overview.js';
import type { Client } from './client-record.js';
import { messageLink } from './client-watch-blocks.js';

/** The most clients `/client list` shows, one line each, in sections under 3000 characters. */
export const LIST_SHOWN = 100;

export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

export function standardText(m: Messages, minutes: number): string {
  return formatDuration(minutes * 60_000, m.locale);
}

export function buildClientHelp(m: Messages, lead?: string): SlackMessage {
  const c = m.client;
  return {
    text: lead ?? c.help_title,
    blocks: [...(lead ? [section(lead)] : []), section(`${c.help_title}\n${c.help_lines.join('\n')}`), context(c.help_rule)],
  };
}

export function buildClientList(m: Messages, clients: readonly Client[], defaultStandard: number): SlackMessage {
  const c = m.client;
  if (clients.length === 0) return { text: c.list_empty, blocks: [section(c.list_empty)] };
  const lines = clients
    .slice(0, LIST_SHOWN)
    .map((client) =>
      c.list_line(
        client.name,
        client.ownerId ? mention(client.ownerId) : undefined,
        client.channelIds.length,
        standardText(m, client.responseMinutes ?? defaultStandard),
      ),
    );
  const blocks: KnownBlock[] = [section(c.list_title(clients.length))];
  let chunk: string[] = [];
  for (const line of lines) {
    if ([...chunk, line].join('\n').length > SLACK_LIMITS.sectionText - 100) {
      blocks.push(section(chunk.join('\n')));
      chunk = [];
    }
    chunk.push(line);
  }
  if (chunk.length > 0) blocks.push(section(chunk.join('\n')));
  return { text: c.list_title(clients.length), blocks: blocks.slice(0, SLACK_LIMITS.messageBlocks) };
}

/** "Unknown client" with the closest known name, and how to add it. */
export function unknownClientText(m: Messages, name: string, suggestion: string | undefined): string {
  const c = m.client;
  return [c.unknown(truncate(name, 80)), suggestion ? c.unknown_suggest(suggestion) : undefined, c.unknown_add(truncate(name, 80))].filter(Boolean).join(' ');
}

/** `/client ACME`: the record, in a dozen blocks whatever the client's history. */
export function buildClientRecord(viewer: Viewer, o: ClientOverview): SlackMessage {
  const { m } = viewer;
  const c = m.client;
  const { client: record } = o;
  const people = c.record_people(record.ownerId ? mention(record.ownerId) : c.nobody, record.backupId ? mention(record.backupId) : c.nobody);
  const channels = record.channelIds.length > 0 ? c.record_channels(record.channelIds.map((id) => `<#${id}>`).join(', ')) : c.record_no_channels;
  const head = [
    c.record_title(record.name),
    ...(record.aliases.length > 0 ? [c.record_aliases(record.aliases.join(', '))] : []),
    people,
    channels,
    c.record_standard(standardText(m, o.standardMinutes), o.ownStandard),
  ];
  const promiseLines = o.openPromises.map((p) => {
    const overdue = p.dueAt.getTime() <= viewer.now.getTime();
    return c.record_promise_line(truncateMrkdwn(p.what, 150), formatFromNow(viewer, p.dueAt), overdue);
  });
  const promises = o.openTotal === 0 ? [c.record_no_promises] : [c.record_promises(o.openTotal), ...promiseLines];
  if (o.openTotal > o.openPromises.length) promises.push(m.common.and_more(o.openTotal - o.openPromises.length));
  const rate = o.rate.rate === null ? c.record_no_rate : c.record_rate(`${Math.round(o.rate.rate * 100)}%`, o.rate.due);
  const waitingLines = o.waiting.map((w) =>
    c.record_waiting_line(mention(w.authorId), formatFromNow(viewer, w.messageAt), `<${messageLink(w)}|${c.open_message}>`),
  );
  const waiting = o.waitingTotal === 0 ? [c.record_no_waiting] : [c.record_waiting(o.waitingTotal), ...waitingLines];
  if (o.waitingTotal > o.waiting.length) waiting.push(m.common.and_more(o.waitingTotal - o.waiting.length));
  const median = o.medianFirstResponseMs === undefined ? c.record_no_median : c.record_median(formatDuration(o.medianFirstResponseMs, m.locale));
  const meeting = o.lastMeeting ? c.record_last_meeting(formatWhen(viewer, o.lastMeeting.at), truncateMrkdwn(o.lastMeeting.note, 200)) : c.record_no_meeting;
  const next = o.nextMeetingDue ? [c.record_next_meeting(formatWhen(viewer, o.nextMeetingDue), o.nextMeetingDue.getTime() <= viewer.now.getTime())] : [];
  const blocks: KnownBlock[] = [
    section(head.join('\n')),
    { type: 'divider' },
    section(promises.join('\n')),
    context(rate, c.record_incidents(o.incidentsOpen, o.incidentsRecent), c.record_stories(o.stories)),
    section(waiting.join('\n')),
    context(median),
    context(meeting, ...next),
  ];
  return { text: record.name, blocks };
}
