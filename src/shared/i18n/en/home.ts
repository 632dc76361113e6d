import { plural } from '../plural.js';

const n = (count: number, one: string, other: string) => plural('en', count, { one, other });

/** The App Home tab. */
export const home = {
  header: 'Kept',
  button_new_promise: 'New promise',
  button_settings: 'Settings',
  my_title: (count: number) => `Your open promises (${count})`,
  group_overdue: ':red_circle: *Overdue*',
  group_soon: ':large_orange_circle: *Due in the next 48 hours*',
  group_later: ':white_circle: *Later*',
  my_empty: 'You have no open promises. :tada:',
  my_empty_hint: 'Log one with `/promise ACME: send the quote by Friday 3pm`, the *New promise* button, or *Log as promise* on any message.',
  my_more: (count: number, command: string) => `…and ${n(count, 'more promise', 'more promises')}. See them all with ${command}.`,
  list_command: '`/promise list`',
  list_overdue_command: '`/promise list overdue`',
  team_title: 'Team',
  team_rate: (percent: number, good: number, due: number) =>
    `*This week's on-time rate: ${percent}%* · kept on time or renegotiated early with the client told: ${good} of ${due} due`,
  team_rate_none: "*This week's on-time rate:* nothing has been due yet this week.",
  team_rate_partial: (count: number) => `More than ${count} promises had their due time moved this week: the rate counts the first ${count} of them in full.`,
  team_week: (from: string, to: string) => `The week runs from one recap to the next: ${from} to ${to}.`,
  team_more_overdue: (count: number, command: string) => `…and ${n(count, 'more overdue promise', 'more overdue promises')}. See them all with ${command}.`,
  team_overdue_title: (count: number) => `*Overdue:* ${n(count, 'promise', 'promises')}`,
  team_overdue_none: 'Nothing is overdue. :tada:',
  team_owner: (owner: string, count: number) => `${owner} · ${n(count, 'overdue promise', 'overdue promises')}`,
  team_owner_more: (count: number, command: string) => `…and ${count} more: ${command}`,
  team_more_people: (count: number, command: string) => `…and ${n(count, 'more person', 'more people')} with overdue promises. See them all with ${command}.`,
  incidents_title: (count: number) => `Your open incidents (${count})`,
  incidents_empty: 'You own no open incidents.',
  incidents_more: (count: number, command: string) => `…and ${n(count, 'more incident', 'more incidents')}. See every open incident with ${command}.`,
  incident_list_command: '`/incident list`',
  stories_title: (count: number) => `Stories featuring you this month (${count})`,
  stories_empty: 'No stories about you yet this month. Tell one about a teammate with `/story @ana stayed late to help ACME`.',
  story_meta: (author: string, upvotes: number) => `told by ${author} · :clap: ${upvotes}`,
  story_link: 'Read the story',
  stories_more: (count: number) => `…and ${n(count, 'more story', 'more stories')} this month.`,
  team_incidents_title: (count: number) => `*Open incidents:* ${count}`,
  team_incidents_none: 'No open incidents. :tada:',
  team_incidents_more: (count: number, command: string) => `…and ${n(count, 'more incident', 'more incidents')}. See them all with ${command}.`,
};
