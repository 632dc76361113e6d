import type { webApi } from '@slack/bolt';
import { formatCalendarDate, isoDate } from '../shared/dates/day-format.js';
import { formatWorkingHours } from '../shared/dates/working-hours-text.js';
import { addDays, type CalendarDate, instantToZonedParts, zonedWallClockToInstant } from '../shared/dates/zoned.js';
import { mention } from '../shared/slack/block-kit.js';
import type { RequestContext } from '../shared/slack/request-context.js';
import type { PersonChange } from '../shared/workspace/people-store.js';
import { workspaceKey } from '../shared/workspace/workspace.js';
import type { PersonalChange } from './calendar-command.js';
import { canChangeSettings } from './settings-command.js';
import type { SettingsListenerDeps } from './settings-slack.js';

/** An absence through `lastDay`: back at the start of the next day, in the absent person's own time zone. */
export function awayThrough(lastDay: CalendarDate, timeZone: string, setBy: string): PersonChange {
  const awayUntil = zonedWallClockToInstant({ ...addDays(lastDay, 1), hour: 0, minute: 0 }, timeZone);
  return { awayLastDay: isoDate(lastDay), awayUntil, awaySetBy: setBy };
}

/** No absence. */
export const NOT_AWAY: PersonChange = { awayLastDay: null, awayUntil: null, awaySetBy: null };

/**
 * `/kept my hours …`, `/kept away …`, `/kept back`, `/kept backup …`: anyone sets their own hours and
 * absence; a lead (or an admin or owner) sets someone else's absence and a backup. Returns the reply.
 */
export async function applyPersonalChange(deps: SettingsListenerDeps, client: webApi.WebClient, ctx: RequestContext, change: PersonalChange): Promise<string> {
  const { m } = ctx.viewer;
  const t = m.settings.days_off;
  const forOther = (change.kind === 'away' && change.userId !== undefined && change.userId !== ctx.user.id) || change.kind === 'backup';
  if (forOther && !canChangeSettings(ctx.settings, ctx.user)) return t.not_allowed_for_others;
  const thisYear = instantToZonedParts(ctx.now, ctx.viewer.timeZone).year;

  switch (change.kind) {
    case 'myHours': {
      await deps.people.update(ctx.workspace, ctx.user.id, { hours: change.hours });
      await deps.onPersonChanged?.(ctx.workspace, ctx.user.id);
      return change.hours ? t.my_hours_saved(formatWorkingHours(change.hours, m.locale)) : t.my_hours_cleared;
    }
    case 'away': {
      const userId = change.userId ?? ctx.user.id;
      const self = userId === ctx.user.id;
      if (!change.lastDay) {
        await deps.people.update(ctx.workspace, userId, NOT_AWAY);
        await deps.onPersonChanged?.(ctx.workspace, userId);
        return self ? t.back_saved : t.back_saved_for(mention(userId));
      }
      const timeZone = self ? ctx.user.timeZone : (await deps.users.get(client, workspaceKey(ctx.workspace), userId, ctx.now)).timeZone;
      await deps.people.update(ctx.workspace, userId, awayThrough(change.lastDay, timeZone, ctx.user.id));
      const lastDay = formatCalendarDate(change.lastDay, m.locale, thisYear);
      return self ? t.away_saved(lastDay) : t.away_saved_for(mention(userId), lastDay);
    }
    case 'backup': {
      await deps.people.update(ctx.workspace, change.userId, { backupId: change.backupId });
      return change.backupId ? t.backup_saved(mention(change.userId), mention(change.backupId)) : t.backup_cleared(mention(change.userId));
    }
  }
}
