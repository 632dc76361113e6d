/** Reminders, overdue notices and the leads' alerts. */
export const reminder = {
  remind_title: (relative: string) => `:alarm_clock: Reminder: a promise is due ${relative}`,
  snoozed_title: (relative: string) => `:alarm_clock: As you asked: this promise is due ${relative}`,
  due_title: ':hourglass: This promise is due now',
  due_hint: 'If it cannot be kept, renegotiate now and tell the client: they should hear it from us first.',
  alert_title: (owner: string, late: string) => `:rotating_light: Overdue by ${late}: a promise owned by ${owner}`,
  escalate_title: (owner: string, late: string) => `:rotating_light: Still overdue after a working day (${late}): a promise owned by ${owner}`,
  field_late: 'Late by',
  button_snooze: 'Snooze 1 h',
  button_nudge: 'Nudge owner',
  button_reassign: 'Reassign',
  snoozed_reply: (when: string) => `:zzz: Snoozed. I will remind you again at ${when}.`,
  nudge_dm: (lead: string, late: string) =>
    `:wave: ${lead} is asking about this promise, overdue by ${late}. Mark it kept, or renegotiate and tell the client.`,
  nudged_reply: (owner: string) => `:wave: Nudged ${owner}.`,
  modal_reassign_title: 'Reassign promise',
  modal_reassign_label: 'New owner',
  modal_reassign_submit: 'Reassign',
  reassigned_dm: (by: string) => `:handshake: ${by} handed this promise to you`,
  reassigned_reply: (owner: string) => `:handshake: Now owned by ${owner}, who has been told.`,
};
