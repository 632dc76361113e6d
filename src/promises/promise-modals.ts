import type { KnownBlock, ModalView } from '@slack/types';
import { plain, SLACK_LIMITS, section, truncate, truncateMrkdwn, unescapeMrkdwn } from '../shared/slack/block-kit.js';
import type { Viewer } from '../shared/viewer.js';
import { type ClientPromise, LIMITS } from './client-promise.js';
import { dueLine, FIELDS, PROMISE_VIEWS } from './promise-blocks.js';

/** The promise forms: a new promise, and a renegotiation. Pure builders. */

export interface ModalPrefill {
  client?: string | undefined;
  what?: string | undefined;
  dueAt?: Date | undefined;
  ownerId?: string | undefined;
  /** An offer to post the promise where it was asked for: a label, the exact text (mrkdwn) and a hint; off unless ticked. */
  announce?: { label: string; text: string; hint: string } | undefined;
}

/** The promise form: empty or prefilled for a new promise, or filled with one just logged, to change it. */
export function buildNewPromiseModal(viewer: Viewer, prefill: ModalPrefill, privateMetadata: string, mode: 'create' | 'change' = 'create'): ModalView {
  const { m } = viewer;
  const due = prefill.dueAt ?? defaultDue(viewer.now);
  const change = mode === 'change';
  return {
    type: 'modal',
    callback_id: change ? PROMISE_VIEWS.change : PROMISE_VIEWS.create,
    private_metadata: privateMetadata.length <= SLACK_LIMITS.privateMetadata ? privateMetadata : '{}',
    title: plain(change ? m.promise.modal_change_title : m.promise.modal_new_title, SLACK_LIMITS.modalTitle),
    submit: plain(change ? m.promise.modal_change_submit : m.promise.modal_new_submit, 24),
    close: plain(m.promise.modal_close, 24),
    blocks: [
      textInput(FIELDS.client, m.promise.modal_client_label, m.promise.modal_client_placeholder, LIMITS.client, prefill.client),
      textInput(FIELDS.what, m.promise.modal_what_label, m.promise.modal_what_placeholder, LIMITS.what, prefill.what, true),
      {
        type: 'input',
        block_id: FIELDS.due,
        label: plain(m.promise.modal_due_label),
        element: { type: 'datetimepicker', action_id: FIELDS.value, initial_date_time: Math.floor(due.getTime() / 1000) },
      },
      {
        type: 'input',
        block_id: FIELDS.owner,
        label: plain(m.promise.modal_owner_label),
        element: { type: 'users_select', action_id: FIELDS.value, ...(prefill.ownerId ? { initial_user: prefill.ownerId } : {}) },
      },
      ...(prefill.announce ? [announceInput(prefill.announce)] : []),
    ],
  };
}

function announceInput(announce: { label: string; text: string; hint: string }): KnownBlock {
  const option = { text: { type: 'mrkdwn' as const, text: truncateMrkdwn(announce.text, 75) }, description: plain(announce.hint, 75), value: 'announce' };
  return {
    type: 'input',
    block_id: FIELDS.announce,
    optional: true,
    label: plain(announce.label),
    element: { type: 'checkboxes', action_id: FIELDS.value, options: [option] },
  };
}

export function buildRenegotiateModal(viewer: Viewer, promise: ClientPromise, privateMetadata: string): ModalView {
  const { m } = viewer;
  return {
    type: 'modal',
    callback_id: PROMISE_VIEWS.renegotiate,
    private_metadata: privateMetadata,
    title: plain(m.promise.modal_reneg_title, SLACK_LIMITS.modalTitle),
    submit: plain(m.promise.modal_reneg_submit, 24),
    close: plain(m.promise.modal_close, 24),
    blocks: [
      section(m.promise.modal_reneg_intro(promise.client, truncate(promise.what, 2000), dueLine(viewer, promise))),
      {
        type: 'input',
        block_id: FIELDS.due,
        label: plain(m.promise.modal_reneg_due_label),
        element: { type: 'datetimepicker', action_id: FIELDS.value, initial_date_time: Math.floor(promise.dueAt.getTime() / 1000) },
      },
      // Read by the same reader as /promise, in the user's zone; when filled it wins over the picker.
      textInput(FIELDS.dueWords, m.promise.modal_reneg_words_label, m.promise.modal_reneg_words_placeholder, 200, undefined, false, true),
      textInput(FIELDS.reason, m.promise.modal_reneg_reason_label, m.promise.modal_reneg_reason_placeholder, LIMITS.reason, undefined, true),
      {
        type: 'input',
        block_id: FIELDS.informed,
        optional: true,
        label: plain(m.promise.modal_reneg_informed_label),
        element: {
          type: 'checkboxes',
          action_id: FIELDS.value,
          options: [{ text: plain(m.promise.modal_reneg_informed_option, 150), value: 'informed' }],
        },
      },
    ],
  };
}

function textInput(blockId: string, label: string, placeholder: string, maxLength: number, initial?: string, multiline = false, optional = false): KnownBlock {
  return {
    type: 'input',
    block_id: blockId,
    ...(optional ? { optional: true } : {}),
    label: plain(label),
    element: {
      type: 'plain_text_input',
      action_id: FIELDS.value,
      max_length: maxLength,
      multiline,
      placeholder: plain(placeholder, 150),
      ...(initial ? { initial_value: unescapeMrkdwn(initial).slice(0, maxLength) } : {}),
    },
  };
}

/** Tomorrow at 10:00 UTC-rounded hour: a sensible starting point the user changes anyway. */
function defaultDue(now: Date): Date {
  const due = new Date(now.getTime() + 24 * 60 * 60 * 1000);
  due.setUTCMinutes(0, 0, 0);
  return due;
}
