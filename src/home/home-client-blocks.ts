import type { KnownBlock } from '@slack/types';
import type { OwnedClient } from '../clients/client-overview.js';
import { section, truncate } from '../shared/slack/block-kit.js';
import { formatFromNow, type Viewer } from '../shared/viewer.js';

/** The Clients part of an account owner's Home: one section (its title, a line per client, the "more" line). */
export const CLIENTS_FIXED_BLOCKS = 1;
/** Clients listed, one line each in one section. */
export const CLIENTS_SHOWN = 10;

export function buildMyClients(viewer: Viewer, page: { clients: readonly OwnedClient[]; total: number }): KnownBlock[] {
  if (page.clients.length === 0) return [];
  const { m } = viewer;
  const lines = page.clients.map(({ client, waiting, nextMeetingDue }) => {
    const meeting = nextMeetingDue
      ? ` · ${m.client.home_meeting(formatFromNow(viewer, nextMeetingDue), nextMeetingDue.getTime() <= viewer.now.getTime())}`
      : '';
    return `${m.client.home_line(truncate(client.name, 80), waiting)}${meeting}`;
  });
  const more = page.total > page.clients.length ? [m.client.home_more(page.total - page.clients.length)] : [];
  return [section([`*${m.client.home_title}*`, ...lines, ...more].join('\n'))];
}
