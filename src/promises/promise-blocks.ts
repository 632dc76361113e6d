import type { Button, KnownBlock, Overflow, SectionBlock } from '@slack/types';
import { button, context, mention, plain, SLACK_LIMITS, section, truncate } from '../shared/slack/block-kit.js';
import { nominateStoryButton } from '../shared/slack/story-nomination.js';
import { formatFromNow, formatWhen, formatWhenFor, type Viewer } from '../shared/viewer.js';
import { type ClientPromise, isNominatable, isOverdue } from './client-promise.js';
import type { DraftProblem, PromiseDraft } from './promise-command.js';
import type { PromisePage } from './promise-store.js';

export const PROMISE_ACTIONS = {
  kept: 'promise_kept',
  renegotiate: 'promise_renegotiate',
  cancel: 'promise_cancel',
  overflow: 'promise_overflow',
  finishInForm: 'promise_finish_in_form',
} as const;

export const PROMISE_VIEWS = { create: 'promise_create', change: 'promise_change', renegotiate: 'promise_renegotiate' } as const;

/** Block and action ids of the modal inputs, read back by the view handlers. */
export const FIELDS = {
  client: 'client',
  what: 'what',
  due: 'due',
  dueWords: 'due_words',
  owner: 'owner',
  reason: 'reason',
  informed: 'informed',
  announce: 'announce',
  value: 'value',
} as const;

export function dueLine(viewer: Viewer, promise: ClientPromise): string {
  const { m } = viewer;
  const relative = formatFromNow(viewer, promise.dueAt);
  const suffix = isOverdue(promise, viewer.now)
    ? viewer.now.getTime() - promise.dueAt.getTime() < 60_000
      ? m.promise.due_relative_now
      : m.promise.due_relative_past(relative)
    : promise.status === 'open'
      ? m.promise.due_relative_future(relative)
      : '';
  return `${formatWhen(viewer, promise.dueAt)} ${suffix}`.trim();
}

function statusLine(viewer: Viewer, promise: ClientPromise): string | undefined {
  const { m } = viewer;
  const o = promise.outcome;
  if (!o) return undefined;
  const at = formatWhen(viewer, o.at);
  if (o.kind === 'cancelled') return m.promise.status_cancelled(mention(o.by), at);
  return o.onTime ? m.promise.status_kept_on_time(mention(o.by), at) : m.promise.status_kept_late(mention(o.by), at);
}

/** A link to the message the promise was logged from, when there is one. */
export function sourceLink(viewer: Viewer, promise: ClientPromise): string | undefined {
  return promise.permalink ? `<${promise.permalink}|${viewer.m.promise.source_link}>` : undefined;
}

export function promiseButtons(viewer: Viewer, promise: ClientPromise): Button[] {
  const { m } = viewer;
  const cancel = button(m.promise.button_cancel, PROMISE_ACTIONS.cancel, promise.id);
  cancel.confirm = {
    title: plain(m.promise.cancel_confirm_title, 100),
    text: plain(m.promise.cancel_confirm_text, 300),
    confirm: plain(m.promise.cancel_confirm_yes, 30),
    deny: plain(m.promise.cancel_confirm_no, 30),
    style: 'danger',
  };
  return [
    button(m.promise.button_kept, PROMISE_ACTIONS.kept, promise.id, 'primary'),
    button(m.promise.button_renegotiate, PROMISE_ACTIONS.renegotiate, promise.id),
    cancel,
  ];
}

/** Client, owner, what and due, side by side: the heart of every promise message. */
export function promiseFields(viewer: Viewer, promise: ClientPromise): SectionBlock {
  const { m } = viewer;
  return {
    type: 'section',
    fields: [
      { type: 'mrkdwn', text: `*${m.promise.field_client}*\n${truncate(promise.client, 200)}` },
      { type: 'mrkdwn', text: `*${m.promise.field_owner}*\n${mention(promise.ownerId)}` },
      { type: 'mrkdwn', text: `*${m.promise.field_what}*\n${truncate(promise.what, 1900)}` },
      { type: 'mrkdwn', text: `*${m.promise.field_due}*\n${dueLine(viewer, promise)}` },
    ],
  };
}

/** The card shown on confirmation and after every change: client, what, owner, due, outcome, buttons while open. */
export function buildPromiseCard(viewer: Viewer, promise: ClientPromise, title: string): KnownBlock[] {
  const { m } = viewer;
  const blocks: KnownBlock[] = [section(`*${title}*`), promiseFields(viewer, promise)];
  const notes = [statusLine(viewer, promise), sourceLink(viewer, promise)];
  const renegotiations = promise.renegotiations.length;
  if (renegotiations > 0) {
    notes.push(m.promise.renegotiated_line(renegotiations, promise.renegotiations.at(-1)!.clientInformed));
  }
  const present = notes.filter((n): n is string => Boolean(n));
  if (present.length > 0) blocks.push(context(...present));
  if (promise.status === 'open') blocks.push({ type: 'actions', block_id: `promise:${promise.id}`, elements: promiseButtons(viewer, promise) });
  if (isNominatable(promise)) {
    const nominate = nominateStoryButton(m.promise.button_nominate, { kind: 'promise', id: promise.id });
    blocks.push({ type: 'actions', block_id: `nominate:${promise.id}`, elements: [nominate] });
  }
  return blocks;
}

/** The reply to `/promise …` text that could not be read whole: what was understood, what is missing, examples. */
export function buildDraftHelp(viewer: Viewer, draft: PromiseDraft, problems: DraftProblem[]): KnownBlock[] {
  const { m } = viewer;
  const understood: string[] = [];
  if (draft.client) understood.push(m.promise.understood_client(draft.client));
  if (draft.what) understood.push(m.promise.understood_what(draft.what));
  if (draft.dueAt) understood.push(m.promise.understood_due(formatWhen(viewer, draft.dueAt)));
  if (draft.ownerId) understood.push(`${m.promise.field_owner}: ${mention(draft.ownerId)}`);
  const problemTexts: Record<(typeof problems)[number], string> = {
    client: m.promise.problem_client,
    what: m.promise.problem_what,
    due: m.promise.problem_due,
    due_past: m.promise.problem_due_past(draft.dueAt ? formatWhen(viewer, draft.dueAt) : ''),
  };
  const problemText = problems.map((p) => problemTexts[p]);
  const blocks: KnownBlock[] = [section(problemText.map((p) => `• ${p}`).join('\n'))];
  if (understood.length > 0) blocks.push(section(`${m.promise.understood}\n${understood.join('\n')}`));
  blocks.push(section(m.promise.examples.join('\n')));
  const value = JSON.stringify({ ...draft, dueAt: draft.dueAt && !problems.includes('due_past') ? draft.dueAt.getTime() : undefined });
  if (value.length <= SLACK_LIMITS.buttonValue) {
    blocks.push({ type: 'actions', elements: [button(m.promise.finish_in_form, PROMISE_ACTIONS.finishInForm, value, 'primary')] });
  }
  return blocks;
}

export function buildPromiseHelp(viewer: Viewer): KnownBlock[] {
  return [section(viewer.m.promise.help_title), section(viewer.m.promise.examples.join('\n'))];
}

const LIST_CAP = 40;

/** Which list a row belongs to, carried in the row's block id so a click there can redraw the same list. */
export interface ListFilter {
  ownerId?: string | undefined;
  client?: string | undefined;
  overdue?: boolean | undefined;
}

const ROW_PREFIX = 'plist:';

/** The row's block id: `plist:<promise id>:<filter>`, or just the id when the filter would not fit. */
function rowBlockId(promiseId: string, filter: ListFilter | undefined): string {
  const id = `${ROW_PREFIX}${promiseId}:${filter ? JSON.stringify(filter) : ''}`;
  return id.length <= 255 ? id : `${ROW_PREFIX}${promiseId}:`;
}

/** The list a clicked row came from; undefined when the click was not on a list row. */
export function listFilterOfRow(blockId: string | undefined): ListFilter | undefined {
  if (!blockId?.startsWith(ROW_PREFIX)) return undefined;
  const json = blockId.slice(blockId.indexOf(':', ROW_PREFIX.length) + 1);
  try {
    const raw = json ? JSON.parse(json) : {};
    return {
      ...(typeof raw.ownerId === 'string' ? { ownerId: raw.ownerId } : {}),
      ...(typeof raw.client === 'string' ? { client: raw.client } : {}),
      ...(raw.overdue === true ? { overdue: true } : {}),
    };
  } catch {
    return {};
  }
}

export function buildPromiseList(viewer: Viewer, page: PromisePage, title: string, emptyText: string, narrowHint: string, filter?: ListFilter): KnownBlock[] {
  const { m } = viewer;
  if (page.promises.length === 0) return [section(emptyText)];
  const blocks: KnownBlock[] = [{ type: 'header', text: plain(title, 150) }];
  for (const promise of page.promises.slice(0, LIST_CAP)) {
    const relative = formatFromNow(viewer, promise.dueAt);
    const owner = mention(promise.ownerId);
    const due = formatWhenFor(viewer, promise.dueAt, { mention: owner, timeZone: promise.ownerTimeZone });
    const head = `*${truncate(promise.client, 200)}*: ${truncate(promise.what, 2000)}\n${owner} · ${due}`;
    const block_id = rowBlockId(promise.id, filter);
    if (promise.status !== 'open') {
      blocks.push({ ...section(`${head}\n${statusLine(viewer, promise) ?? ''}`), block_id });
      continue;
    }
    const when = isOverdue(promise, viewer.now) ? m.promise.list_overdue(relative) : m.promise.list_due(relative);
    blocks.push({ ...section(`${head} · ${when}`), block_id, accessory: promiseOverflow(viewer, promise) });
  }
  const shown = Math.min(page.promises.length, LIST_CAP);
  if (page.total > shown) blocks.push(context(m.promise.list_more(page.total - shown, narrowHint)));
  return blocks;
}

function promiseOverflow(viewer: Viewer, promise: ClientPromise): Overflow {
  const { m } = viewer;
  const option = (text: string, action: string) => ({ text: plain(text, 75), value: `${action}:${promise.id}` });
  return {
    type: 'overflow',
    action_id: PROMISE_ACTIONS.overflow,
    // Cancel stays on the card, behind its confirmation dialog; overflow options cannot ask to confirm.
    options: [option(m.promise.button_kept, 'kept'), option(m.promise.button_renegotiate, 'renegotiate'), option(m.promise.button_details, 'details')],
  };
}
