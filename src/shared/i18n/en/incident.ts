import { spokenDuration } from '../../dates/duration.js';
import { plural } from '../plural.js';

const n = (count: number, one: string, other: string) => plural('en', count, { one, other });
const words = (ms: number) => spokenDuration(ms, 'en', 'accusative');

/** /incident: the command, the incident message and its thread, modals, list, stats, cadence reminders. */
export const incident = {
  examples: [
    '`/incident ACME sev1: checkout returns 500 since 9:00`',
    '`/incident @ana Globex: invoices PDF is blank` (sev2 unless you say otherwise)',
    '`/incident` opens a form · `/incident list` · `/incident stats`',
  ],
  help_title: '*Open a client incident*: client before the colon (add `sev1`, `sev2` or `sev3`), then what is wrong.',
  understood: 'Here’s what I understood:',
  problem_client: 'I couldn’t find the client. Put the client’s name before a colon, like `ACME sev1: …`.',
  problem_title: 'I couldn’t find what’s wrong after the client’s name.',
  problem_owner_bot: 'A bot can’t own an incident. Name a teammate instead.',
  problem_owner_unknown: (who: string) => `Slack can’t show me ${who} in this workspace, so nothing was opened. Name a teammate from here instead.`,
  finish_in_form: 'Finish in a form',
  severity_names: { sev1: 'SEV1', sev2: 'SEV2', sev3: 'SEV3' } as Record<'sev1' | 'sev2' | 'sev3', string>,
  severity_options: { sev1: 'SEV1: critical, client blocked', sev2: 'SEV2: major, client impaired', sev3: 'SEV3: minor' } as Record<
    'sev1' | 'sev2' | 'sev3',
    string
  >,
  status_names: { open: 'Open, not acknowledged yet', acknowledged: 'Acknowledged', resolved: 'Resolved' } as Record<
    'open' | 'acknowledged' | 'resolved',
    string
  >,
  field_status: 'Status',
  field_owner: 'Owner',
  field_open_for: 'Open for',
  field_resolved_in: 'Resolved in',
  field_client_heard: 'Client last heard from us',
  field_resolution: 'Resolution',
  since: (when: string) => `since ${when}`,
  heard_never: 'not yet',
  heard_ago: (ms: number) => `${words(ms)} ago`,
  heard_just_now: 'just now',
  /** `at`: "at 11:20", "tomorrow at 09:00". */
  next_update_due: (at: string) => `next update due ${at}`,
  update_overdue: (ms: number) => `:warning: update overdue by ${words(ms)}`,
  reported_by: (user: string) => `Reported by ${user}`,
  cadence_line: (every: string) => `Client updates ${every}`,
  source_link: (url: string) => `<${url}|Logged from this message>`,
  as_of: (when: string) => `As of ${when}`,
  metrics_line: (acknowledgeMs: number | undefined, resolveMs: number | undefined, cadence: string) =>
    `${acknowledgeMs === undefined ? 'Never acknowledged' : `Acknowledged after ${words(acknowledgeMs)}`} · ${resolveMs === undefined ? 'not resolved' : `resolved after ${words(resolveMs)}`} · client updates on time: ${cadence}`,
  client_confirmed: 'The client confirmed the fix.',
  client_not_confirmed: 'The client hasn’t confirmed the fix yet.',
  button_acknowledge: 'Acknowledge',
  button_update: 'Post update',
  button_client_updated: 'Client informed',
  button_resolve: 'Resolve',
  button_reopen: 'Reopen',
  button_reassign: 'Reassign',
  button_promise: 'Log a promise',
  button_open: 'Open incident',
  fix_for: (title: string) => `Fix for: ${title}`,
  thread_acknowledged: (by: string) => `:eyes: ${by} acknowledged the incident.`,
  thread_update: (by: string, text: string, clientTold: boolean) => `:memo: ${by}${clientTold ? ' (the client was told)' : ''}: ${text}`,
  thread_client_updated: (by: string, at: string) => `:speech_balloon: ${by} informed the client. Next update due ${at}.`,
  thread_reassigned: (by: string, to: string) => `:busts_in_silhouette: ${by} handed the incident to ${to}.`,
  thread_resolved: (by: string, note: string, confirmed: boolean) =>
    `:white_check_mark: ${by} resolved the incident: ${note}\n${confirmed ? 'The client confirmed the fix.' : 'The client hasn’t confirmed the fix yet.'}`,
  thread_reopened: (by: string) => `:leftwards_arrow_with_hook: ${by} reopened the incident.`,
  opened_reply: (channel: string) => `:rotating_light: Incident opened and posted in ${channel}. Updates go to its thread.`,
  opened_for_owner: (reporter: string) => `:rotating_light: ${reporter} opened an incident and made you its owner`,
  cannot_post: (channel: string) =>
    `:warning: I couldn’t post the incident in ${channel}, so nothing was saved. Invite Kept there (\`/invite @Kept\` in that channel), or have an admin or lead choose the incidents channel with \`/kept channel incidents #channel\`, then try again.`,
  cannot_post_modal:
    'Kept can’t post in the channel this incident should go to, so nothing was saved. Invite Kept there (/invite @Kept), or have an admin or lead choose the incidents channel with /kept channel incidents #channel.',
  you_typed: (text: string) => `What you typed: \`${text}\``,
  message_not_updated: (channel: string) => `:warning: Saved, but I couldn’t update the incident message in ${channel}. Invite Kept there (\`/invite @Kept\`).`,
  done_reply: (client: string, status: string) => `:white_check_mark: Saved – the *${client}* incident is ${status.toLowerCase()}.`,
  reassigned_dm: (by: string) => `:busts_in_silhouette: ${by} handed this incident to you`,
  reassigned_reply: (owner: string) => `:busts_in_silhouette: ${owner} owns it now – I’ve told them.`,
  modal_new_title: 'New incident',
  modal_new_submit: 'Open incident',
  modal_close: 'Close',
  modal_client_label: 'Client',
  modal_client_placeholder: 'ACME',
  modal_severity_label: 'Severity',
  modal_title_label: 'What is wrong?',
  modal_title_placeholder: 'Checkout returns 500',
  modal_description_label: 'Details',
  modal_description_placeholder: 'Since when, who is affected, what we know so far',
  modal_owner_label: 'Owner',
  modal_update_title: 'Post update',
  modal_update_submit: 'Post',
  modal_update_label: 'Update',
  modal_update_placeholder: 'Rolled back the deploy – the error rate is falling',
  modal_told_label: 'Client',
  modal_told_option: 'The client was told this',
  modal_resolve_title: 'Resolve incident',
  modal_resolve_submit: 'Resolve',
  modal_resolve_label: 'How was it resolved?',
  modal_resolve_placeholder: 'Fixed the payment gateway timeout – checkout works again',
  modal_confirmed_label: 'Client',
  modal_confirmed_option: 'The client confirmed the fix',
  modal_reassign_title: 'Reassign incident',
  modal_reassign_label: 'New owner',
  modal_reassign_submit: 'Reassign',
  error_client_required: 'Enter the client.',
  error_too_long: (max: number) => `Keep it to ${max} characters.`,
  error_title_required: 'Say what is wrong.',
  error_text_required: 'Write the update.',
  error_note_required: 'Say briefly how it was resolved – it goes into the incident’s timeline.',
  error_owner_bot: 'A bot can’t own an incident.',
  list_title: (count: number) => `Open incidents (${count})`,
  list_empty: 'No open incidents. :sunny:',
  list_more: (count: number) => `…and ${count} more.`,
  stats_title: 'Incidents in the last 30 days',
  stats_counts: (opened: number, resolved: number, open: number) => `${n(opened, 'incident', 'incidents')} opened · ${resolved} resolved · ${open} still open`,
  stats_acknowledge: (median: string, count: number) =>
    `Median time to acknowledge: ${median}${count > 0 ? ` (${n(count, 'incident', 'incidents')} acknowledged)` : ''}`,
  stats_unacknowledged: (count: number) => `:warning: *Not acknowledged yet: ${n(count, 'incident', 'incidents')}*`,
  stats_unacknowledged_item: (severity: string, client: string, title: string, when: string) => `• ${severity} *${client}*: ${title} · opened ${when}`,
  stats_unacknowledged_more: (count: number, command: string) => `…and ${count} more: ${command}`,
  stats_resolve: (median: string) => `Median time to resolve: ${median}`,
  stats_cadence: (sent: number, due: number, percent: number) => `Client updates on time: ${sent} of ${due} due (${percent}%)`,
  stats_cadence_none: 'Client updates on time: none came due',
  stats_none: '—',
  stats_hint: 'Time to acknowledge counts from opening to the first acknowledgement, update or resolution.',
  stats_cadence_hint:
    'A client update is due each time the severity’s cadence runs out since the client last heard from us (every hour for SEV1 by default). On time means the client heard from us before it ran out.',
  remind_title: (silenceMs: number, every: string) => `:hourglass: The client hasn’t heard from us for ${words(silenceMs)} (updates are due ${every}).`,
  remind_hint: 'Tell the client where things stand, then press *Client informed* (or post an update and tick “The client was told this”).',
  alert_title: (owner: string, silenceMs: number) =>
    `:rotating_light: The client hasn’t heard from us for ${words(silenceMs)} – twice as long as they should. Owner: ${owner}.`,
  unacknowledged_title: (minutes: number) => `:rotating_light: Nobody has acknowledged this SEV1 for ${words(minutes * 60_000)}.`,
  // What a phone shows: which incident, for which client, and how long the silence is.
  remind_text: (incident: string, silenceMs: number) => `${incident} – the client hasn’t heard from us for ${words(silenceMs)}`,
  alert_text: (incident: string, owner: string, silenceMs: number) => `${incident} – the client hasn’t heard from us for ${words(silenceMs)}, owner ${owner}`,
  unacknowledged_text: (incident: string, minutes: number) => `${incident} – nobody has acknowledged it for ${words(minutes * 60_000)}`,
};

export const incidentErrors = {
  incident_not_found: 'I couldn’t find that incident. It may have been removed.',
  incident_not_allowed: (owner?: string) =>
    owner
      ? `Only ${owner}, who owns this incident, a lead or a workspace admin can resolve or reassign it.`
      : 'Only the owner of this incident, a lead or a workspace admin can resolve or reassign it.',
  incident_resolved: 'This incident is resolved. Reopen it first if it’s back.',
  incident_timeline_full: 'This incident’s timeline is full. Resolve it and open a new one for what remains.',
};
