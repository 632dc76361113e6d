import { describe, expect, it } from 'vitest';
import type { Client } from '../../src/clients/client-record.js';
import type { WatchedMessage } from '../../src/clients/client-watch.js';
import {
  buildMeetingMessage,
  buildMeetingNudge,
  buildWatchDm,
  buildWatchMessage,
  CLIENT_ACTIONS,
  replaceWatchItem,
  type WatchItem,
} from '../../src/clients/client-watch-blocks.js';
import { messagesFor } from '../../src/shared/i18n/index.js';
import { SLACK_LIMITS } from '../../src/shared/slack/block-kit.js';
import type { Viewer } from '../../src/shared/viewer.js';

const NOW = new Date('2026-12-01T11:30:00Z');
const viewer = (language: 'en' | 'pl'): Viewer => ({ m: messagesFor(language), timeZone: 'Europe/Warsaw', now: NOW });
const client = (i: number): Client => ({
  id: `c${i}`,
  name: `Client ${i}`,
  aliases: [],
  channelIds: [`C${i}`],
  ownerId: 'UANA',
  meetings: [],
  createdAt: NOW,
  createdBy: 'UADMIN',
  nextStepAt: null,
  stepsDone: [],
});
const question = (i: number): WatchedMessage => ({
  id: `C${i}-17645796${String(i).padStart(2, '0')}.000100`,
  clientId: `c${i}`,
  channelId: `C${i}`,
  ts: `17645796${String(i).padStart(2, '0')}.000100`,
  authorId: 'UEXT',
  text: `question number ${i}\nsecond line`,
  messageAt: new Date(NOW.getTime() - (120 - i) * 60_000),
  status: 'waiting',
  stepsDone: [],
  nextStepAt: null,
});
const items = (count: number, toLeads = false): WatchItem[] => Array.from({ length: count }, (_, i) => ({ client: client(i), message: question(i), toLeads }));
const actionBlocks = (blocks: readonly { type: string }[]) => blocks.filter((b) => b.type === 'actions');

describe('the watch digest', () => {
  it('is the single DM it always was for one question', () => {
    const [one] = items(1);
    expect(buildWatchMessage(viewer('en'), [one!])).toEqual(buildWatchDm(viewer('en'), one!));
  });

  it('shows 15 questions with their buttons within Slack’s limits, and counts the rest', () => {
    const message = buildWatchMessage(viewer('en'), items(40));
    expect(message.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.messageBlocks);
    expect(actionBlocks(message.blocks)).toHaveLength(15);
    expect(JSON.stringify(message.blocks)).toContain('…and 25 more. `/client ACME` lists the questions waiting for each client.');
    expect(JSON.stringify(message.blocks)).not.toContain('second line');
    expect(message.text).toMatch(/^40 client questions waiting: Client 0 – “question number 0” \(2 hours ago\) and 39 more$/);
  });

  it('speaks Polish with the right plural', () => {
    expect(buildWatchMessage(viewer('pl'), items(3)).text).toMatch(/^3 pytania klientów czekają na odpowiedź: Client 0/);
    expect(JSON.stringify(buildWatchMessage(viewer('pl'), items(16)).blocks)).toContain('16 pytań klientów czeka na odpowiedź');
    expect(JSON.stringify(buildWatchMessage(viewer('pl'), items(16)).blocks)).toContain('…i jeszcze 1.');
  });

  it('names the account owner to the leads on each item', () => {
    const message = buildWatchMessage(viewer('en'), items(2, true));
    expect(JSON.stringify(message.blocks).match(/Account owner: <@UANA>/g)).toHaveLength(2);
    expect(message.metadata?.event_payload).toMatchObject({ count: 2, to: 'leads' });
  });

  it('replaces only the clicked question, and nothing when the click was on a single DM', () => {
    const message = buildWatchMessage(viewer('en'), items(3));
    const clicked = question(1);
    const after = replaceWatchItem(message.blocks, `watch-item:${clicked.id}:actions`, clicked.id, 'Marked as not a request.')!;
    expect(actionBlocks(after)).toHaveLength(2);
    expect(JSON.stringify(after)).toContain('Marked as not a request.');
    expect(JSON.stringify(after)).not.toContain(`"value":"${clicked.id}"`);
    expect(replaceWatchItem(message.blocks, `watch:${clicked.id}`, clicked.id, 'x')).toBeUndefined();
    expect(JSON.stringify(buildWatchDm(viewer('en'), { client: client(1), message: clicked, toLeads: false }).blocks)).toContain(CLIENT_ACTIONS.notRequest);
  });
});

describe('the meeting nudge for several clients', () => {
  const met = (i: number, daysAgo: number): Client => ({
    ...client(i),
    meetings: [{ at: new Date(NOW.getTime() - daysAgo * 86_400_000), by: 'UANA', note: '' }],
  });

  it('is the nudge it always was for one client', () => {
    expect(buildMeetingMessage(viewer('en'), [met(1, 14)])).toEqual(buildMeetingNudge(viewer('en'), met(1, 14)));
  });

  it('lists the client never met first, then the longest since the last meeting, 15 by name and a count of the rest', () => {
    const clients = [met(1, 14), client(2), met(3, 30), ...Array.from({ length: 17 }, (_, i) => met(10 + i, 14))];
    const message = buildMeetingMessage(viewer('en'), clients);
    const text = JSON.stringify(message.blocks);
    expect(message.text).toBe('Time to meet 20 clients: Client 2 and 19 more');
    expect(text.indexOf('*Client 2*: no meeting')).toBeLessThan(text.indexOf('*Client 3*: the last meeting was 30 days ago'));
    expect(text.indexOf('*Client 3*')).toBeLessThan(text.indexOf('*Client 1*'));
    expect(text).toContain('…and 5 more.');
    expect(message.blocks.length).toBeLessThanOrEqual(3);
    expect((message.blocks[0] as { text: { text: string } }).text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
  });
});
