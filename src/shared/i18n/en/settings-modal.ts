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
  channel_hint: 'Invite Kept to the channel if it’s private.',
  reminders: 'Reminders before the due time',
  reminders_hint: 'Up to five reminder times, each 5 minutes to 14 days before the due time, like 24h 1h or 2d 30m.',
  hours: 'Working hours',
  hours_hint: 'Like Mon-Fri 09:00-18:00. Reminders wait for the owner’s working hours, in their own time zone.',
  cadence: (severity: string) => `Client updates during ${severity} incidents`,
  cadence_hint: 'How often the client must hear from us: 5 minutes to 14 days, like 1h or 30m, or workday for once a working day.',
  cadence_error: 'Give a time between 5 minutes and 14 days, like 1h or 30m, or workday.',
  cadence_workday: 'workday',
  recap: 'Weekly recap: day and time',
  recap_hint: 'Like Fri 15:00 or Monday 9am, in the team time zone. The recap goes to the recap channel.',
  recap_error: 'Give one day and a time, like Fri 15:00 or Monday 9am.',
  response_hint: "Like 2h or 30m, in working hours: how long a client's question may wait. Clients with their own standard keep it.",
  button_open: 'Open settings',
};

export const settingsModalErrors = {
  settings_not_allowed: 'Only workspace admins, owners and Kept leads can change settings.',
};
