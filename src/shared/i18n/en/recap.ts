import { plural } from '../plural.js';

const n = (count: number, one: string, other: string) => plural('en', count, { one, other });

/** The weekly recap post and its chart. */
export const recap = {
  header: (from: string, to: string) => `:sparkles: Weekly recap · ${from} – ${to}`,
  quiet_header: (from: string, to: string) => `:seedling: Weekly recap · ${from} – ${to}`,
  quiet_body: 'A quiet week: no stories, no promises due and no incidents. Quiet weeks are often the result of good work nobody had to see. :relieved:',
  quiet_invite: 'Did someone go the extra mile? Tell the team with `/story @name what they did`, and it will be in next week’s recap.',
  stories_title: (count: number) => `*:star2: Stories of the week* (${count})`,
  story_meta: (author: string, upvotes: number) => `told by ${author} · :clap: ${upvotes}`,
  story_link: 'Read the story',
  more_stories: (count: number) => `…and ${n(count, 'more story', 'more stories')} this week.`,
  no_stories: 'No stories this week yet. Who went the extra mile? Tell the team with `/story @name what they did`.',
  promises_title: '*:handshake: Promises*',
  promises_summary: (made: number, cameDue: number) => `${n(made, 'promise', 'promises')} made · ${cameDue} came due`,
  kept_on_time: (count: number) => `:white_check_mark: ${count} kept on time`,
  renegotiated_early: (count: number) => `:arrows_counterclockwise: ${count} renegotiated before the due time, client informed`,
  kept_late: (count: number) => `:ballot_box_with_check: ${count} kept late`,
  renegotiated_other: (count: number) => `:warning: ${count} renegotiated late or without telling the client`,
  overdue_open: (count: number, all: number) => `:red_circle: ${count} overdue and still open${all > count ? ` (${all} in all, counting earlier weeks)` : ''}`,
  cancelled: (count: number) => `:no_entry_sign: ${count} cancelled`,
  on_time_rate: (percent: string, good: number, due: number) =>
    `*On-time rate: ${percent}* · ${good} of ${due} kept on time or renegotiated early with the client informed`,
  promises_explained:
    'Each promise counts once a week, in the week its due time falls (a week runs from one recap to the next), by how it ended there. Cancelled promises are left out of the rate.',
  promises_partial: (count: number) => `More than ${count} promises had their due time moved this week: the first ${count} are counted in full.`,
  nothing_due: 'Nothing came due this week.',
  incidents_title: '*:rotating_light: Incidents*',
  no_incidents: 'No incidents this week. :relieved:',
  thanks: (names: string) => `:pray: Thank you, ${names}, for going the extra mile.`,
  thanks_more: (count: number) => `${count} more`,
  chart_in_thread: ':chart_with_upwards_trend: The promise-keeping rate of the last 8 weeks is in the thread.',
  chart_title: 'Promises kept on time or renegotiated early, last 8 weeks',
  chart_no_data: '—',
  chart_count: (due: number) => (due === 0 ? 'none due' : n(due, 'promise', 'promises')),
  chart_alt: 'Line chart of the weekly promise-keeping rate over the last 8 weeks',
  chart_fallback: (line: string) => `:chart_with_upwards_trend: Promise-keeping rate, last 8 weeks: ${line}`,
  fallback_text: (stories: number, rate: string | undefined) =>
    `Weekly recap: ${n(stories, 'story', 'stories')}${rate ? ` · ${rate} of promises on time or renegotiated early` : ''}`,
};
