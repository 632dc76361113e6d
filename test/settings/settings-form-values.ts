import { type SubmittedValue, VALUE } from '../../src/settings/settings-modal.js';

/** A settings form submission as Slack sends it: every field, with the values given and defaults for the rest. */
export function submission(over: Record<string, SubmittedValue> = {}): Record<string, Record<string, SubmittedValue>> {
  const values: Record<string, SubmittedValue> = {
    language: { selected_option: { value: 'en' } },
    time_zone: { value: 'UTC' },
    leads: { selected_users: [] },
    channel_leads: { selected_conversations: [] },
    channel_incidents: { selected_conversations: [] },
    cadence_sev1: { value: '1h' },
    cadence_sev2: { value: '4h' },
    cadence_sev3: { value: 'workday' },
    channel_recap: { selected_conversations: [] },
    recap: { value: 'Fri 15:00' },
    reminders: { value: '24h 1h' },
    working_hours: { value: 'Mon-Fri 09:00-18:00' },
    holidays: { value: '' },
    ...over,
  };
  return Object.fromEntries(Object.entries(values).map(([block, value]) => [block, { [VALUE]: value }]));
}
