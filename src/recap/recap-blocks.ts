import type { KnownBlock } from '@slack/types';
import { incidentStatsText } from '../incidents/incident-report-blocks.js';
import { rateOf } from '../promises/promise-week.js';
import { formatDayRange, formatDuration } from '../shared/dates/format.js';
import type { Messages } from '../shared/i18n/index.js';
import { context, mention, plain, SLACK_LIMITS, section, truncate, truncateMrkdwn } from '../shared/slack/block-kit.js';
import { type Story, upvoteCount } from '../stories/story.js';
import type { ChartText, WeeklyRate } from './keeping-rate-chart.js';
import {
  featuredPeople,
  formatPercent,
  isQuietWeek,
  keepingRate,
  outcomeCount,
  RECAP_RENEGOTIATED_READ,
  type RecapData,
  type RecapWeek,
  type WeekOutcomes,
} from './recap-stats.js';

/** The most stories shown in full; the rest are counted in an "and N more" line. */
export const STORIES_SHOWN = 10;
const WHAT_CHARS = 300;
/** Room left in the thank-you section for its words once the names are in. */
const THANKS_NAMES_CHARS = SLACK_LIMITS.sectionText - 300;

export interface RecapMessage {
  text: string;
  blocks: KnownBlock[];
}

/** "4 Dec" / "4 gru": a recap moment on the team's calendar. */
export function dayLabel(instant: Date, timeZone: string, locale: 'en' | 'pl'): string {
  const parts = new Intl.DateTimeFormat(locale === 'pl' ? 'pl-PL' : 'en-GB', { timeZone, day: 'numeric', month: 'short' }).formatToParts(instant);
  const day = parts.find((p) => p.type === 'day')?.value ?? '';
  const month = (parts.find((p) => p.type === 'month')?.value ?? '').replace(/\.$/, '').slice(0, 3);
  return `${day} ${month}`;
}

/**
 * The recap post: stories (most upvoted first), promises, incidents, thanks. A quiet week gets a short,
 * warm post instead. Within Slack's limits whatever the week: at most STORIES_SHOWN stories and well
 * under 50 blocks, every section under 3000 characters.
 */
export function buildRecapMessage(m: Messages, data: RecapData, options: { chartInThread: boolean }): RecapMessage {
  const r = m.recap;
  const days = formatDayRange(data.week.start, data.week.end, { timeZone: data.timeZone, locale: m.locale, now: data.week.end });
  const rate = keepingRate(data.promises);
  const text = r.fallback_text(data.stories.length, rate === null ? undefined : formatPercent(rate));
  if (isQuietWeek(data) && !hasClientActivity(data)) {
    const blocks: KnownBlock[] = [{ type: 'header', text: plain(r.quiet_header(days), 150) }, section(`${r.quiet_body}\n\n${r.quiet_invite}`)];
    if (options.chartInThread) blocks.push(context(r.chart_in_thread));
    return { text, blocks };
  }
  const blocks: KnownBlock[] = [{ type: 'header', text: plain(r.header(days), 150) }, ...storyBlocks(m, data.stories), { type: 'divider' }];
  blocks.push(...promiseBlocks(m, data), ...incidentBlocks(m, data));
  if (hasClientActivity(data)) blocks.push(section(clientLines(m, data).join('\n')));
  const featured = featuredPeople(data.stories);
  if (featured.length > 0) blocks.push({ type: 'divider' }, section(thanksLine(m, featured)));
  if (options.chartInThread) blocks.push(context(r.chart_in_thread));
  return { text, blocks: blocks.slice(0, SLACK_LIMITS.messageBlocks) };
}

function storyBlocks(m: Messages, stories: readonly Story[]): KnownBlock[] {
  if (stories.length === 0) return [section(m.recap.no_stories)];
  const blocks: KnownBlock[] = [section(m.recap.stories_title(stories.length))];
  for (const [index, story] of stories.slice(0, STORIES_SHOWN).entries()) blocks.push(section(storyLine(m, story, index + 1)));
  if (stories.length > STORIES_SHOWN) blocks.push(context(m.recap.more_stories(stories.length - STORIES_SHOWN)));
  return blocks;
}

function storyLine(m: Messages, story: Story, rank: number): string {
  const who = m.story.list(story.featuredIds.slice(0, 10).map(mention));
  const client = story.client ? ` · *${truncate(story.client, 80)}*` : '';
  const quote = truncateMrkdwn(story.what, WHAT_CHARS)
    .split('\n')
    .map((line) => `>${line}`)
    .join('\n');
  const link = story.message?.permalink ? ` · <${story.message.permalink}|${m.recap.story_link}>` : '';
  return `*${rank}.* ${who}${client}\n${quote}\n${m.recap.story_meta(mention(story.authorId), upvoteCount(story))}${link}`;
}

/** The week's promises, each counted once (promise-week.ts), and what the rate means, said once. */
function promiseBlocks(m: Messages, data: RecapData): KnownBlock[] {
  const r = m.recap;
  const p = data.promises;
  const rate = rateOf(p);
  const lines = [r.promises_title, r.promises_summary(p.made, rate.due)];
  if (rate.rate === null && p.cancelled === 0)
    return [section([...lines, p.overdueOpenAll > 0 ? r.overdue_open(0, p.overdueOpenAll) : r.nothing_due].join('\n'))];
  lines.push(r.kept_on_time(p.keptOnTime), r.renegotiated_early(p.renegotiatedEarly), r.kept_late(p.keptLate));
  if (p.renegotiatedOther > 0) lines.push(r.renegotiated_other(p.renegotiatedOther));
  lines.push(r.overdue_open(p.overdueOpen, p.overdueOpenAll), r.cancelled(p.cancelled));
  lines.push(rate.rate === null ? r.nothing_due : r.on_time_rate(formatPercent(rate.rate), rate.good, rate.due));
  const notes = [r.promises_explained, ...(p.partial ? [r.promises_partial(RECAP_RENEGOTIATED_READ)] : [])];
  return [section(lines.join('\n')), context(notes.join(' '))];
}

/** The week's incidents in the words of `/incident stats`, explained the first time they appear. */
function incidentBlocks(m: Messages, data: RecapData): KnownBlock[] {
  const i = data.incidents;
  if (i.opened === 0 && i.resolved === 0 && i.unacknowledged.length === 0) return [section(`${m.recap.incidents_title}\n${m.recap.no_incidents}`)];
  const { lines, hints } = incidentStatsText(m, i, data.week.end);
  return [section([m.recap.incidents_title, ...lines].join('\n')), context(hints.join(' '))];
}

/** The most clients listed; the rest are counted. */
export const CLIENTS_SHOWN = 10;

function hasClientActivity(data: RecapData): boolean {
  return (data.clients?.clients.length ?? 0) > 0 || (data.clients?.waitingLongest.length ?? 0) > 0;
}

/** Per client with activity: requests answered within the standard (and the median), promises, incidents; then who waits longest. */
function clientLines(m: Messages, data: RecapData): string[] {
  const c = m.client;
  const clients = data.clients?.clients ?? [];
  const lines = [c.recap_title];
  for (const week of clients.slice(0, CLIENTS_SHOWN)) {
    const median = week.medianFirstResponseMs === null ? c.recap_not_measured : formatDuration(week.medianFirstResponseMs, m.locale);
    const parts = [
      ...(week.asked > 0 ? [c.recap_requests(week.answeredWithin, week.asked, median)] : []),
      ...(week.keptOnTime + week.renegotiatedEarly > 0 ? [c.recap_kept(week.keptOnTime, week.renegotiatedEarly)] : []),
      ...(week.incidents > 0 ? [c.recap_incidents(week.incidents)] : []),
    ];
    if (parts.length > 0) lines.push(c.recap_client(truncate(week.name, 80), parts));
  }
  if (clients.length > CLIENTS_SHOWN) lines.push(c.recap_more(clients.length - CLIENTS_SHOWN));
  const waiting = data.clients?.waitingLongest ?? [];
  if (waiting.length > 0) {
    const since = (at: Date) => formatDuration(data.week.end.getTime() - at.getTime(), m.locale);
    lines.push(c.recap_waiting(waiting.map((w) => c.recap_waiting_item(truncate(w.name, 80), since(w.since))).join(', ')));
  }
  return lines;
}

export { truncateMrkdwn };

/** Everyone featured, by name, as many as fit; the rest counted. */
function thanksLine(m: Messages, people: readonly string[]): string {
  const names: string[] = [];
  let length = 0;
  for (const person of people) {
    const name = mention(person);
    if (length + name.length + 2 > THANKS_NAMES_CHARS) break;
    names.push(name);
    length += name.length + 2;
  }
  const more = people.length - names.length;
  return m.recap.thanks(m.story.list(more > 0 ? [...names, m.recap.thanks_more(more)] : names));
}

/** The chart's data: one point per recap week, labelled with the day its recap was posted. */
export function chartWeeks(history: readonly WeekOutcomes[], timeZone: string, locale: 'en' | 'pl'): WeeklyRate[] {
  return history.map(({ week, outcomes }) => ({ weekLabel: dayLabel(week.end, timeZone, locale), rate: keepingRate(outcomes), due: outcomeCount(outcomes) }));
}

export function chartText(m: Messages): ChartText {
  return { title: m.recap.chart_title, noData: m.recap.chart_no_data, count: m.recap.chart_count };
}

export function chartFileName(week: RecapWeek): string {
  return `keeping-rate-${week.key}.png`;
}
