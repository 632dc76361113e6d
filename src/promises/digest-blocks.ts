import type { Button, KnownBlock } from '@slack/types';
import { formatLastDayBefore } from '../shared/dates/day-format.js';
import { formatDuration } from '../shared/dates/format.js';
import { button, context, mention, replaceDigestItem, section, truncate } from '../shared/slack/block-kit.js';
import { type KeptMetadata, keptMetadata } from '../shared/slack/message-metadata.js';
import { formatFromNow, type Viewer } from '../shared/viewer.js';
import type { Availability } from '../shared/workspace/person.js';
import { type ClientPromise, canSnooze } from './client-promise.js';
import { PROMISE_ACTIONS, promiseButtons } from './promise-blocks.js';
import type { PlannedStep } from './promise-schedule.js';
import { REMINDER_ACTIONS } from './reminder-blocks.js';

/** One promise in a digest: the step due, and the recipient's time zone. */
export interface PromiseEntry {
  readonly promise: ClientPromise;
  readonly step: PlannedStep;
  readonly timeZone: string;
  /** The owner's absence, if any: the leads' item then says so, with Reassign first. */
  readonly owner?: Availability | undefined;
}

export const DIGEST_ACTIONS = { showAll: 'digest_show_all' } as const;

/** Items a digest shows with their buttons; the rest are counted, with a way to list them all. */
export const DIGEST_SHOWN = 15;
/** A due time this recent is "due now"; older, "was due an hour ago". */
const DUE_NOW_MS = 5 * 60_000;
/** Every block of a digest item carries this prefix and the promise id: a click replaces that item alone. */
export const DIGEST_BLOCK_PREFIX = 'digest';

export interface DigestMessage {
  text: string;
  blocks: KnownBlock[];
  metadata: KeptMetadata;
}

const late = (viewer: Viewer, promise: ClientPromise) => formatDuration(Math.max(0, viewer.now.getTime() - promise.dueAt.getTime()), viewer.m.locale);
const headline = (promise: ClientPromise) => `*${truncate(promise.client, 150)}* – ${truncate(promise.what, 300)}`;
const plainHeadline = (promise: ClientPromise) => `${truncate(promise.client, 80)} – ${truncate(promise.what, 120)}`;

/** The leads' digest: every overdue promise, most overdue first, each with Nudge owner and Reassign. */
export function buildOverdueDigest(viewer: Viewer, entries: readonly PromiseEntry[]): DigestMessage {
  const { m } = viewer;
  const first = entries[0]!.promise;
  const text = m.digest.overdue_push(
    entries.length,
    `${plainHeadline(first)} (${m.digest.overdue_first(mention(first.ownerId), late(viewer, first))})`,
    entries.length - 1,
  );
  const items = entries.slice(0, DIGEST_SHOWN).flatMap(({ promise, step, owner }) => {
    const away = owner?.away;
    const facts = [
      m.digest.overdue_item(mention(promise.ownerId), late(viewer, promise)),
      ...(step.kind === 'escalate' ? [m.digest.escalated] : []),
      ...(away
        ? [
            [
              m.reminder.away_note(mention(promise.ownerId), formatLastDayBefore(away.until, viewer.now, viewer.timeZone, m.locale)),
              ...(owner?.backupId ? [m.reminder.away_backup(mention(owner.backupId))] : []),
            ].join(' '),
          ]
        : []),
    ];
    // An away owner would not see a nudge until they are back: Reassign comes first.
    const nudge = button(m.reminder.button_nudge, REMINDER_ACTIONS.nudge, promise.id, away ? undefined : 'primary');
    const reassign = button(m.reminder.button_reassign, REMINDER_ACTIONS.reassign, promise.id, away ? 'primary' : undefined);
    return itemBlocks(promise, `${headline(promise)}\n${facts.join(' · ')}`, away ? [reassign, nudge] : [nudge, reassign]);
  });
  return finish(viewer, m.digest.overdue_title(entries.length), text, items, entries, 'overdue');
}

/** The owner's digest: reminders and due notices, soonest due first, each with Kept, Renegotiate and Snooze while it fits. */
export function buildReminderDigest(viewer: Viewer, entries: readonly PromiseEntry[]): DigestMessage {
  const { m } = viewer;
  const when = (promise: ClientPromise) => {
    const past = viewer.now.getTime() - promise.dueAt.getTime();
    if (past < 0) return m.promise.list_due(formatFromNow(viewer, promise.dueAt));
    return past <= DUE_NOW_MS ? m.digest.due_now : m.digest.was_due(formatFromNow(viewer, promise.dueAt));
  };
  const first = entries[0]!.promise;
  const text = m.digest.owner_push(entries.length, `${plainHeadline(first)} (${when(first)})`, entries.length - 1);
  const items = entries.slice(0, DIGEST_SHOWN).flatMap(({ promise }) => {
    const buttons = promiseButtons(viewer, promise).filter((b) => b.action_id !== PROMISE_ACTIONS.cancel);
    if (canSnooze(promise, viewer.now)) buttons.push(button(m.reminder.button_snooze, REMINDER_ACTIONS.snooze, promise.id));
    return itemBlocks(promise, `${headline(promise)}\n${when(promise)}`, buttons);
  });
  return finish(viewer, m.digest.owner_title(entries.length), text, items, entries, 'mine');
}

function itemBlocks(promise: ClientPromise, markdown: string, buttons: Button[]): KnownBlock[] {
  return [
    { ...section(markdown), block_id: `${DIGEST_BLOCK_PREFIX}:${promise.id}` },
    { type: 'actions', block_id: `${DIGEST_BLOCK_PREFIX}:${promise.id}:actions`, elements: buttons },
  ];
}

function finish(viewer: Viewer, title: string, text: string, items: KnownBlock[], entries: readonly PromiseEntry[], list: 'overdue' | 'mine'): DigestMessage {
  const command = list === 'overdue' ? '`/promise list overdue`' : '`/promise list`';
  const blocks: KnownBlock[] = [section(`*${title}*`), ...items];
  const hidden = entries.length - DIGEST_SHOWN;
  if (hidden > 0) {
    blocks.push(context(viewer.m.digest.more(hidden, command)));
    blocks.push({ type: 'actions', block_id: `${DIGEST_BLOCK_PREFIX}-all`, elements: [button(viewer.m.digest.button_show_all, DIGEST_ACTIONS.showAll, list)] });
  }
  return { text: truncate(text, 3000), blocks, metadata: keptMetadata('kept_promise_digest', { count: entries.length, list }) };
}

/** The digest after a click on one of its items: that item alone gives way to one line saying what happened. */
export function replacePromiseItem(blocks: readonly KnownBlock[], promiseId: string, line: KnownBlock): KnownBlock[] | undefined {
  return replaceDigestItem(blocks, `${DIGEST_BLOCK_PREFIX}:${promiseId}`, line);
}

/** What replaces an item once it was acted on: which promise, and what happened. */
export function digestItemLine(promise: ClientPromise, outcome: string): KnownBlock {
  return { ...context(headline(promise), truncate(outcome, 1000)), block_id: `${DIGEST_BLOCK_PREFIX}-done:${promise.id}` };
}

/** Whether a click came from a digest item (its block ids say so). */
export function isDigestItemBlock(blockId: string | undefined): boolean {
  return typeof blockId === 'string' && blockId.startsWith(`${DIGEST_BLOCK_PREFIX}:`);
}
