import type { ClientWeekStats } from '../clients/client-week.js';
import { type Deliverer, deliveryId, type MessagePoster } from '../shared/delivery/delivery.js';
import { emptySummary, inPool, type StepSummary } from '../shared/delivery/step-summary.js';
import { type Messages, messagesFor } from '../shared/i18n/index.js';
import type { JsonLogger } from '../shared/logger.js';
import { keptMetadata } from '../shared/slack/message-metadata.js';
import type { SettingsStore } from '../shared/workspace/settings-store.js';
import type { Workspace } from '../shared/workspace/workspace.js';
import type { WorkspaceSettings } from '../shared/workspace/workspace-settings.js';
import type { ChartUploader, UploadResult } from './chart-upload.js';
import type { IncidentWeekStatsProvider } from './incident-week-stats.js';
import { type ChartText, keepingRateText, renderKeepingRateChart, type WeeklyRate } from './keeping-rate-chart.js';
import { buildRecapMessage, chartFileName, chartText, chartWeeks } from './recap-blocks.js';
import type { DueRecap, RecapCalendar } from './recap-calendar.js';
import type { RecapQueries } from './recap-queries.js';
import { CHART_WEEKS, dueRecapWeek, nextRecapCheck, recapWeeksUpTo, teamTimeZone } from './recap-schedule.js';
import { outcomeCount, type RecapData, type RecapWeek, rankStories } from './recap-stats.js';

/** Each client's week, from the clients slice (plugged in by jobs/). */
export type ClientWeekStatsProvider = (workspace: Workspace, weekStart: Date, weekEnd: Date, settings: WorkspaceSettings) => Promise<ClientWeekStats>;

export interface RecapJobDeps {
  readonly calendar: RecapCalendar;
  readonly settings: SettingsStore;
  readonly queries: RecapQueries;
  readonly incidents: IncidentWeekStatsProvider;
  /** Each client's week; absent, the recap has no Clients section. */
  readonly clients?: ClientWeekStatsProvider | undefined;
  /** Posts the recap once per workspace and week, whichever instance gets there first. */
  readonly deliverer: Deliverer;
  /** Posts the chart's text line into the recap's thread when the upload fails. */
  readonly poster: MessagePoster;
  readonly charts: ChartUploader;
  readonly renderChart?: (weeks: readonly WeeklyRate[], text: ChartText) => Promise<Buffer>;
  readonly logger: JsonLogger;
  readonly pageSize?: number;
  readonly concurrency?: number;
}

/**
 * One pass of the weekly recap: every workspace whose `recapNextAt` has come (one range query a page).
 * For each, when this week's recap time has passed in the team time zone, the recap is posted once
 * (delivery id `recap:<ISO week>`), and its chart goes into the post's thread (text line if the upload fails).
 */
export async function runRecap(deps: RecapJobDeps, now: Date): Promise<StepSummary> {
  const summary = emptySummary();
  const pageSize = deps.pageSize ?? 100;
  let cursor: DueRecap | undefined;
  for (;;) {
    const page = await deps.calendar.findDue(now, pageSize, cursor);
    await inPool(page, deps.concurrency ?? 4, async (due) => {
      try {
        await recapOne(deps, due, now, summary);
      } catch (error) {
        summary.failed++;
        deps.logger.event('error', 'recap failed', { workspace: due.workspace.teamId, error: String(error) });
      }
    });
    if (page.length < pageSize) break;
    cursor = page.at(-1);
  }
  return summary;
}

async function recapOne(deps: RecapJobDeps, due: DueRecap, now: Date, summary: StepSummary): Promise<void> {
  const { workspace } = due;
  const settings = await deps.settings.get(workspace);
  const channel = settings.channels.recap;
  if (!channel) {
    summary.skipped++;
    await deps.calendar.reschedule(due, null);
    return;
  }
  const week = dueRecapWeek(now, settings);
  if (!week) {
    summary.skipped++;
    await deps.calendar.reschedule(due, nextRecapCheck(now, settings));
    return;
  }
  const m = messagesFor(settings.language);
  const built: { data?: RecapData } = {};
  const build = async () => {
    const data = await gatherRecap(deps, workspace, settings, week);
    built.data = data;
    return { channel, ...buildRecapMessage(m, data, { chartInThread: hasHistory(data) }), metadata: keptMetadata('kept_recap_posted', { week: week.key }) };
  };
  const outcome = await deps.deliverer.deliver(workspace, deliveryId('recap', week.key), build, now, { purpose: 'recap' });
  let next = nextRecapCheck(now, settings);
  switch (outcome.status) {
    case 'sent':
      summary.sent++;
      if (built.data && outcome.ts && hasHistory(built.data)) await shareChart(deps, workspace, { channel, threadTs: outcome.ts }, m, built.data, summary);
      break;
    case 'already_sent':
      summary.skipped++;
      break;
    case 'busy':
      summary.deferred++;
      next = outcome.retryAt;
      break;
    case 'retry_later':
      summary.failed++;
      next = outcome.retryAt;
      deps.logger.event('warn', 'recap post will be retried', { workspace: workspace.teamId, week: week.key, error: outcome.error });
      break;
    case 'gave_up':
      summary.failed++;
      deps.logger.event('error', 'recap post given up', { workspace: workspace.teamId, week: week.key, error: outcome.error });
      break;
  }
  await deps.calendar.reschedule(due, next);
}

async function gatherRecap(deps: RecapJobDeps, workspace: Workspace, settings: WorkspaceSettings, week: RecapWeek): Promise<RecapData> {
  const timeZone = teamTimeZone(settings);
  const weeks = recapWeeksUpTo(week, CHART_WEEKS, settings.recap, timeZone);
  const [stories, promises, incidents, clients] = await Promise.all([
    deps.queries.stories(workspace, week),
    deps.queries.promises(workspace, weeks),
    deps.incidents(workspace, week.start, week.end),
    deps.clients?.(workspace, week.start, week.end, settings),
  ]);
  return { week, timeZone, stories: rankStories(stories), promises: promises.week, incidents, history: promises.history, clients };
}

/** A chart of eight empty weeks says nothing: it is drawn once any promise came due in them. */
function hasHistory(data: RecapData): boolean {
  return data.history.some((w) => outcomeCount(w.outcomes) > 0);
}

async function shareChart(
  deps: RecapJobDeps,
  workspace: Workspace,
  where: { channel: string; threadTs: string },
  m: Messages,
  data: RecapData,
  summary: StepSummary,
): Promise<void> {
  const weeks = chartWeeks(data.history, data.timeZone, m.locale);
  const text = chartText(m);
  let result: UploadResult;
  try {
    const png = await (deps.renderChart ?? renderKeepingRateChart)(weeks, text);
    result = await deps.charts.upload(workspace, { ...where, png, filename: chartFileName(data.week), title: text.title, altText: m.recap.chart_alt });
  } catch (error) {
    result = { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  if (result.ok) return;
  deps.logger.event('warn', 'recap chart upload failed; posting it as text', { workspace: workspace.teamId, week: data.week.key, error: result.error });
  const fallback = await deps.poster.post(workspace, { ...where, text: m.recap.chart_fallback(keepingRateText(weeks, text)) });
  if (!fallback.ok) {
    summary.failed++;
    deps.logger.event('error', 'recap chart text could not be posted', { workspace: workspace.teamId, week: data.week.key, error: fallback.error });
  }
}
