/** Digests: everything due for one person in one sweep, in one message; and deliveries that could not be made. */
const n = (count: number, one: string, other: string) => `${count} ${count === 1 ? one : other}`;

export const digest = {
  overdue_title: (count: number) => `:rotating_light: ${n(count, 'overdue promise', 'overdue promises')}`,
  overdue_push: (count: number, first: string, rest: number) => `${n(count, 'overdue promise', 'overdue promises')}: ${first} and ${rest} more`,
  overdue_item: (owner: string, late: string) => `${owner} · ${late} late`,
  overdue_first: (owner: string, late: string) => `${owner}, ${late} late`,
  escalated: 'still overdue after a working day',
  owner_title: (count: number) => `:alarm_clock: ${n(count, 'promise needs', 'promises need')} you`,
  owner_push: (count: number, first: string, rest: number) => `${n(count, 'promise needs', 'promises need')} you: ${first} and ${rest} more`,
  was_due: (relative: string) => `was due ${relative}`,
  due_now: 'due now',
  incidents_leads_title: (count: number) => `:rotating_light: ${n(count, 'incident needs', 'incidents need')} a lead`,
  incidents_leads_push: (count: number, first: string, rest: number) => `${n(count, 'incident needs', 'incidents need')} a lead: ${first} and ${rest} more`,
  incidents_owner_title: (count: number) => `:alarm_clock: ${n(count, 'client is', 'clients are')} waiting to hear from you`,
  incidents_owner_push: (count: number, first: string, rest: number) =>
    `${n(count, 'client is', 'clients are')} waiting to hear from you: ${first} and ${rest} more`,
  incident_silent: (owner: string, silence: string) => `${owner} · the client hasn’t heard from us for ${silence}`,
  incident_unacknowledged: (minutes: number) => `nobody has acknowledged it in ${minutes} minutes`,
  more: (count: number, command: string) => `…and ${count} more. ${command} lists them all.`,
  watch_title: (count: number) => `:hourglass_flowing_sand: ${n(count, 'client question is', 'client questions are')} waiting for an answer`,
  watch_push: (count: number, first: string, rest: number) => `${n(count, 'client question', 'client questions')} waiting: ${first} and ${rest} more`,
  watch_more: (count: number) => `…and ${count} more. \`/client ACME\` lists the questions waiting for each client.`,
  button_show_all: 'Show all',
  all_title: (count: number) => `All ${n(count, 'promise', 'promises')} from that message`,
  all_gone: 'Those promises are all closed now.',
  undelivered: (count: number, purpose: 'alert' | 'reminder' | 'recap', error: string, hint: string) =>
    `:warning: ${n(count, purpose, `${purpose}s`)} couldn’t be delivered: \`${error}\` — ${hint}`,
  hint_channel: 'check the leads channel, and that Kept is in it (`/invite @Kept`).',
  hint_person: 'check that the person is still in the workspace.',
  hint_auth: 'reinstall Kept to the workspace.',
  hint_other: 'Slack kept refusing them for as long as they mattered.',
};
