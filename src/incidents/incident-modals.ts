import type { KnownBlock, ModalView } from '@slack/types';
import { mention, plain, SLACK_LIMITS, section, truncate, unescapeMrkdwn } from '../shared/slack/block-kit.js';
import type { Viewer } from '../shared/viewer.js';
import { type ClientIncident, LIMITS, SEVERITIES, type Severity } from './client-incident.js';
import { INCIDENT_VIEWS, incidentHeadline, severityOption } from './incident-blocks.js';

/** Block and action ids of the modal inputs, read back by the view handlers. */
export const INCIDENT_FIELDS = {
  client: 'client',
  severity: 'severity',
  title: 'title',
  description: 'description',
  owner: 'owner',
  text: 'text',
  told: 'told',
  note: 'note',
  confirmed: 'confirmed',
  value: 'value',
} as const;

export interface IncidentPrefill {
  client?: string | undefined;
  title?: string | undefined;
  description?: string | undefined;
  severity?: Severity | undefined;
  ownerId?: string | undefined;
}

function modal(callbackId: string, title: string, submit: string, close: string, privateMetadata: string, blocks: KnownBlock[]): ModalView {
  return {
    type: 'modal',
    callback_id: callbackId,
    // Metadata too long to carry is dropped rather than refused by Slack; the handlers cope with '{}'.
    private_metadata: privateMetadata.length <= SLACK_LIMITS.privateMetadata ? privateMetadata : '{}',
    title: plain(title, SLACK_LIMITS.modalTitle),
    submit: plain(submit, 24),
    close: plain(close, 24),
    blocks,
  };
}

function textInput(
  blockId: string,
  label: string,
  placeholder: string,
  maxLength: number,
  options: { initial?: string | undefined; multiline?: boolean; optional?: boolean } = {},
): KnownBlock {
  return {
    type: 'input',
    block_id: blockId,
    label: plain(label),
    ...(options.optional ? { optional: true } : {}),
    element: {
      type: 'plain_text_input',
      action_id: INCIDENT_FIELDS.value,
      max_length: maxLength,
      multiline: options.multiline ?? false,
      placeholder: plain(placeholder, 150),
      ...(options.initial ? { initial_value: unescapeMrkdwn(options.initial).slice(0, maxLength) } : {}),
    },
  };
}

function checkbox(blockId: string, label: string, option: string, checked = false): KnownBlock {
  const choice = { text: plain(option, 150), value: 'yes' };
  return {
    type: 'input',
    block_id: blockId,
    optional: true,
    label: plain(label),
    element: { type: 'checkboxes', action_id: INCIDENT_FIELDS.value, options: [choice], ...(checked ? { initial_options: [choice] } : {}) },
  };
}

/** Bare `/incident`, "Finish in a form" and the "Log as incident" shortcut. */
export function buildNewIncidentModal(viewer: Viewer, prefill: IncidentPrefill, privateMetadata: string): ModalView {
  const { m } = viewer;
  const f = INCIDENT_FIELDS;
  return modal(INCIDENT_VIEWS.create, m.incident.modal_new_title, m.incident.modal_new_submit, m.incident.modal_close, privateMetadata, [
    textInput(f.client, m.incident.modal_client_label, m.incident.modal_client_placeholder, LIMITS.client, { initial: prefill.client }),
    {
      type: 'input',
      block_id: f.severity,
      label: plain(m.incident.modal_severity_label),
      element: {
        type: 'static_select',
        action_id: f.value,
        options: SEVERITIES.map((s) => severityOption(viewer, s)),
        initial_option: severityOption(viewer, prefill.severity ?? 'sev2'),
      },
    },
    textInput(f.title, m.incident.modal_title_label, m.incident.modal_title_placeholder, LIMITS.title, { initial: prefill.title }),
    textInput(f.description, m.incident.modal_description_label, m.incident.modal_description_placeholder, LIMITS.description, {
      initial: prefill.description,
      multiline: true,
      optional: true,
    }),
    {
      type: 'input',
      block_id: f.owner,
      label: plain(m.incident.modal_owner_label),
      element: { type: 'users_select', action_id: f.value, ...(prefill.ownerId ? { initial_user: prefill.ownerId } : {}) },
    },
  ]);
}

function intro(viewer: Viewer, incident: ClientIncident): KnownBlock {
  return section(`${incidentHeadline(viewer, incident)}\n${viewer.m.incident.field_owner}: ${mention(incident.ownerId)}`);
}

export function buildUpdateModal(viewer: Viewer, incident: ClientIncident, privateMetadata: string): ModalView {
  const { m } = viewer;
  return modal(INCIDENT_VIEWS.update, m.incident.modal_update_title, m.incident.modal_update_submit, m.incident.modal_close, privateMetadata, [
    intro(viewer, incident),
    textInput(INCIDENT_FIELDS.text, m.incident.modal_update_label, m.incident.modal_update_placeholder, LIMITS.update, { multiline: true }),
    checkbox(INCIDENT_FIELDS.told, m.incident.modal_told_label, m.incident.modal_told_option),
  ]);
}

export function buildResolveModal(viewer: Viewer, incident: ClientIncident, privateMetadata: string): ModalView {
  const { m } = viewer;
  return modal(INCIDENT_VIEWS.resolve, m.incident.modal_resolve_title, m.incident.modal_resolve_submit, m.incident.modal_close, privateMetadata, [
    intro(viewer, incident),
    textInput(INCIDENT_FIELDS.note, m.incident.modal_resolve_label, m.incident.modal_resolve_placeholder, LIMITS.note, { multiline: true }),
    checkbox(INCIDENT_FIELDS.confirmed, m.incident.modal_confirmed_label, m.incident.modal_confirmed_option),
  ]);
}

export function buildReassignIncidentModal(viewer: Viewer, incident: ClientIncident, privateMetadata: string): ModalView {
  const { m } = viewer;
  return modal(INCIDENT_VIEWS.reassign, m.incident.modal_reassign_title, m.incident.modal_reassign_submit, m.incident.modal_close, privateMetadata, [
    intro(viewer, incident),
    {
      type: 'input',
      block_id: INCIDENT_FIELDS.owner,
      label: plain(m.incident.modal_reassign_label),
      element: { type: 'users_select', action_id: INCIDENT_FIELDS.value },
    },
  ]);
}

/** The first line of a message, as an incident title. */
export function titleFromMessage(text: string): string {
  const firstLine = text.split('\n').find((line) => line.trim() !== '') ?? '';
  return truncate(firstLine.trim(), LIMITS.title);
}
