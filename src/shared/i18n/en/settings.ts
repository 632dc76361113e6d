/** /kept: settings and help. */
export const settings = {
  title: '*Kept settings*',
  language: 'Language',
  language_names: { en: 'English', pl: 'Polski' } as Record<'en' | 'pl', string>,
  /** Shown while the team time zone is the one read from someone's Slack profile, not one anybody chose. */
  time_zone_from: (zone: string, person: string) =>
    `I set the team time zone to ${zone} from ${person}’s Slack profile. If the team works elsewhere, change it with \`/kept timezone Europe/Warsaw\`.`,
  team_time_zone: 'Team time zone',
  leads: 'Leads',
  none: 'none yet',
  channels: 'Channels',
  channel_roles: { leads: 'leads', incidents: 'incidents', recap: 'recap' } as Record<'leads' | 'incidents' | 'recap', string>,
  reminders: 'Reminders',
  reminders_value: (list: string) => `${list} before the due time`,
  /** "a day and an hour". */
  list: (items: string[]) => new Intl.ListFormat('en', { type: 'conjunction' }).format(items),
  working_hours: 'Working hours',
  cadence: 'Client updates during incidents',
  cadence_working_day: 'every working day',
  recap: 'Weekly recap',
  recap_value: (when: string) => `${when}, team time zone (posted to the recap channel)`,
  help_title: '*Change a setting* (workspace admins, owners and leads):',
  help_lines: [
    '`/kept leads @ana @ben` · `/kept leads none`',
    '`/kept channel leads #client-leads` · `/kept channel incidents #incidents` · `/kept channel leads none`',
    '`/kept timezone Europe/Warsaw`',
    '`/kept reminders 24h 1h`',
    '`/kept hours Mon-Fri 09:00-18:00`',
    '`/kept language pl` · `/kept language en`',
    '`/kept cadence sev1 1h` · `/kept cadence sev3 workday`',
    '`/kept channel recap #wins` · `/kept recap Fri 15:00`',
  ],
  help_promise: 'Log a promise with `/promise ACME: send the quote by Friday 3pm`. `/promise list` shows yours.',
  help_incident: 'Open a client incident with `/incident ACME sev1: checkout is down`. `/incident list` shows the open ones.',
  saved: ':white_check_mark: Saved.',
  channel_hint: 'Invite Kept to that channel (`/invite @Kept`) if it’s private.',
  problems: {
    unknown: 'I don’t know that setting. Here’s what you can change:',
    leads: 'Name the leads with @mentions, like `/kept leads @ana @ben`, or `/kept leads none`.',
    channel: 'Say which channel and pick it with #, like `/kept channel leads #client-leads` (roles: leads, incidents, recap).',
    timezone: 'That’s not a time zone I know. Use a name like `Europe/Warsaw` or `America/New_York`.',
    reminders: 'List up to five reminder times, each 5 minutes to 14 days before the due time, like `/kept reminders 24h 1h` or `2d 30m`.',
    hours_days: 'I couldn’t read the days. Try `Mon-Fri 09:00-18:00` or `Sun-Thu 08:00-16:00`.',
    hours_times: 'I couldn’t read the times. Try `Mon-Fri 09:00-18:00`.',
    hours_order: 'The end of the working day must come after its start.',
    language: 'Choose `en` (English) or `pl` (Polish).',
    cadence:
      'Give a severity and how often the client must hear from us, between 5 minutes and 14 days, like `/kept cadence sev1 1h`, `/kept cadence sev2 4h sev3 workday`.',
    recap: 'Give a day and a time for the weekly recap, like `/kept recap Fri 15:00` or `/kept recap Monday 9am`.',
  } as Record<
    'unknown' | 'leads' | 'channel' | 'timezone' | 'reminders' | 'hours_days' | 'hours_times' | 'hours_order' | 'language' | 'cadence' | 'recap',
    string
  >,
};
