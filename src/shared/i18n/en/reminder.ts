import { spokenDuration } from '../../dates/duration.js';

const late = (ms: number) => spokenDuration(ms, 'en', 'accusative');
/** "2 hours overdue"; within its first minute, "now overdue" (never "0 minutes"). */
const overdue = (ms: number) => (ms < 60_000 ? 'now overdue' : `${late(ms)} overdue`);

/** Reminders, overdue notices and the leads' alerts. */
export const reminder = {
  remind_title: (relative: string) => `:alarm_clock: Reminder: this promise is due ${relative}`,
  snoozed_title: (relative: string) => `:alarm_clock: As you asked: this promise is due ${relative}`,
  due_title: ':hourglass: This promise is due now',
  /** The due-time notice, sent after the moment had passed (the sweep was down): it says what is true now. */
  due_late_title: (relative: string) => `:hourglass: This promise was due ${relative}`,
  due_hint: 'If it can’t be kept, change the due time now and tell the client – they should hear it from us first.',
  alert_title: (owner: string, lateMs: number) => `:rotating_light: ${owner}’s promise is ${overdue(lateMs)}`,
  escalate_title: (owner: string, lateMs: number) => `:rotating_light: Still open a working day later: ${owner}’s promise is ${overdue(lateMs)}`,
  field_late: 'Late by',
  // What a phone shows: what was promised, to whom, and when, so three ACME promises can be told apart.
  remind_text: (client: string, what: string, relative: string, at: string) => `${client}: ${what} – due ${relative}, ${at}`,
  due_text: (client: string, what: string) => `${client}: ${what} – due now`,
  due_late_text: (client: string, what: string, relative: string) => `${client}: ${what} – was due ${relative}`,
  alert_text: (owner: string, client: string, what: string, lateMs: number) => `${client}: ${what} – ${overdue(lateMs)}, owner ${owner}`,
  escalate_text: (owner: string, client: string, what: string, lateMs: number) => `${client}: ${what} – still overdue (${late(lateMs)}), owner ${owner}`,
  nudge_text: (lead: string, client: string, what: string, lateMs: number) => `${lead} is asking about ${client}: ${what} – ${overdue(lateMs)}`,
  button_snooze: 'Snooze for an hour',
  button_nudge: 'Nudge owner',
  button_reassign: 'Reassign',
  snoozed_reply: (relative: string, at: string) => `:zzz: Snoozed. I’ll remind you again ${relative}, ${at}.`,
  nudge_dm: (lead: string, lateMs: number) =>
    `:wave: ${lead} is asking about this promise – it’s ${overdue(lateMs)}. Mark it as kept, or change the due time and tell the client.`,
  nudged_reply: (owner: string) => `:wave: Reminder sent to ${owner}.`,
  modal_reassign_title: 'Reassign promise',
  modal_reassign_label: 'New owner',
  modal_reassign_submit: 'Reassign',
  reassigned_dm: (by: string) => `:handshake: ${by} handed this promise to you`,
  reassigned_reply: (owner: string) => `:handshake: ${owner} owns it now – I’ve told them.`,
  away_note: (owner: string, lastDay: string) => `:palm_tree: ${owner} is away until ${lastDay}. Reassign it so the client isn’t left waiting.`,
  away_backup: (backup: string) => `Their backup is ${backup}.`,
  away_push: 'the owner is away',
};
