/** The settings form (App Home → Settings, or the button under `/kept`). */
export const settingsModal = {
  title: 'Kept settings',
  submit: 'Save',
  close: 'Cancel',
  intro: 'These settings apply to the whole workspace. Workspace admins, owners and Kept leads can change them.',
  language: 'Language',
  time_zone: 'Team time zone',
  time_zone_hint: 'An IANA name such as Europe/Warsaw or America/New_York. The recap and team-wide times use it.',
  leads: 'Leads',
  leads_hint: 'Leads get overdue alerts and the team view, and may change any promise and these settings.',
  channel_leads: 'Leads channel',
  channel_leads_hint: 'Overdue alerts go here. Without it, each lead gets a DM.',
  channel_incidents: 'Incidents channel',
  channel_recap: 'Recap channel',
  channel_hint: 'Invite Kept to the channel if it is private.',
  reminders: 'Reminders before the due time',
  reminders_hint: 'Up to five lead times between 5 minutes and 14 days, like 24h 1h or 2d 30m.',
  hours: 'Working hours',
  hours_hint: 'Like Mon-Fri 09:00-18:00. Reminders wait for the owner’s working hours, in their own time zone.',
  button_open: 'Open settings',
};

export const settingsModalErrors = {
  settings_not_allowed: 'Only workspace admins, owners and Kept leads can change settings.',
};
