import type { KnownBlock, ModalView } from '@slack/types';
import { formatLastDayBefore } from '../shared/dates/day-format.js';
import { formatDuration } from '../shared/dates/format.js';
import { button, context, mention, plain, SLACK_LIMITS, section, truncate } from '../shared/slack/block-kit.js';
import { formatFromNow, type Viewer } from '../shared/viewer.js';
import type { Availability } from '../shared/workspace/person.js';
import { type ClientPromise, canSnooze } from './client-promise.js';
import { buildPromiseCard, dueLine, FIELDS, PROMISE_ACTIONS, promiseButtons, promiseFields } from './promise-blocks.js';

export const REMINDER_ACTIONS = {
  snooze: 'promise_snooze',
  nudge: 'promise_nudge',
  reassign: 'promise_reassign',
} as const;

export const REASSIGN_VIEW = 'promise_reassign_submit';

export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

/** The owner's reminder before the due time: Kept, Renegotiate, and Snooze while it still fits before the due time. */
export function buildReminder(viewer: Viewer, promise: ClientPromise, snoozed: boolean): SlackMessage {
  const { m } = viewer;
  const relative = formatFromNow(viewer, promise.dueAt);
  const title = snoozed ? m.reminder.snoozed_title(relative) : m.reminder.remind_title(relative);
  const blocks = withoutCancel(buildPromiseCard(viewer, promise, title), viewer, promise);
  return { text: `${title}: ${promise.client}`, blocks };
}

/** The owner's notice at the due time. */
export function buildDueNotice(viewer: Viewer, promise: ClientPromise): SlackMessage {
  const { m } = viewer;
  const blocks = withoutCancel(buildPromiseCard(viewer, promise, m.reminder.due_title), viewer, promise);
  blocks.splice(blocks.length - 1, 0, context(m.reminder.due_hint));
  return { text: `${m.reminder.due_title}: ${promise.client}`, blocks };
}

/**
 * What the leads see when a promise is overdue, with Nudge owner and Reassign. When the owner is away,
 * it says so (and who their backup is), and Reassign comes first: a nudge would wait for their return.
 */
export function buildOverdueAlert(viewer: Viewer, promise: ClientPromise, escalation: boolean, owner: Availability = {}): SlackMessage {
  const { m } = viewer;
  const late = formatDuration(Math.max(0, viewer.now.getTime() - promise.dueAt.getTime()), m.locale);
  const title = escalation ? m.reminder.escalate_title(mention(promise.ownerId), late) : m.reminder.alert_title(mention(promise.ownerId), late);
  const nudge = button(m.reminder.button_nudge, REMINDER_ACTIONS.nudge, promise.id, owner.away ? undefined : 'primary');
  const reassign = button(m.reminder.button_reassign, REMINDER_ACTIONS.reassign, promise.id, owner.away ? 'primary' : undefined);
  const awayNote = owner.away
    ? [
        section(
          [
            m.reminder.away_note(mention(promise.ownerId), formatLastDayBefore(owner.away.until, viewer.now, viewer.timeZone, m.locale)),
            ...(owner.backupId ? [m.reminder.away_backup(mention(owner.backupId))] : []),
          ].join(' '),
        ),
      ]
    : [];
  const blocks: KnownBlock[] = [
    section(`*${title}*`),
    ...awayNote,
    promiseFields(viewer, promise),
    { type: 'actions', block_id: `alert:${promise.id}`, elements: owner.away ? [reassign, nudge] : [nudge, reassign] },
  ];
  const push = owner.away ? `${title}: ${promise.client} (${m.reminder.away_push})` : `${title}: ${promise.client}`;
  return { text: push, blocks };
}

export function buildNudge(viewer: Viewer, promise: ClientPromise, leadId: string): SlackMessage {
  const { m } = viewer;
  const late = formatDuration(Math.max(0, viewer.now.getTime() - promise.dueAt.getTime()), m.locale);
  const title = m.reminder.nudge_dm(mention(leadId), late);
  return { text: title, blocks: withoutCancel(buildPromiseCard(viewer, promise, title), viewer, promise) };
}

export function buildReassignModal(viewer: Viewer, promise: ClientPromise, privateMetadata: string): ModalView {
  const { m } = viewer;
  return {
    type: 'modal',
    callback_id: REASSIGN_VIEW,
    private_metadata: privateMetadata.length <= SLACK_LIMITS.privateMetadata ? privateMetadata : JSON.stringify({ id: promise.id }),
    title: plain(m.reminder.modal_reassign_title, SLACK_LIMITS.modalTitle),
    submit: plain(m.reminder.modal_reassign_submit, 24),
    close: plain(m.promise.modal_close, 24),
    blocks: [
      section(`*${truncate(promise.client, 200)}*: ${truncate(promise.what, 2000)}\n${mention(promise.ownerId)} · ${dueLine(viewer, promise)}`),
      {
        type: 'input',
        block_id: FIELDS.owner,
        label: plain(m.reminder.modal_reassign_label),
        element: { type: 'users_select', action_id: FIELDS.value },
      },
    ],
  };
}

/**
 * Reminders offer Kept, Renegotiate and (while it fits before the due time) Snooze; cancelling
 * stays on the promise card itself.
 */
function withoutCancel(blocks: KnownBlock[], viewer: Viewer, promise: ClientPromise): KnownBlock[] {
  const actions = blocks.findIndex((b) => b.type === 'actions');
  if (actions === -1) return blocks;
  const elements = promiseButtons(viewer, promise).filter((b) => b.action_id !== PROMISE_ACTIONS.cancel);
  if (canSnooze(promise, viewer.now)) elements.push(button(viewer.m.reminder.button_snooze, REMINDER_ACTIONS.snooze, promise.id));
  blocks[actions] = { type: 'actions', block_id: `reminder:${promise.id}`, elements };
  return blocks;
}
