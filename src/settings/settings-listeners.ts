import type { App } from '@slack/bolt';
import { formatCalendarDate, parseIsoDate } from '../shared/dates/day-format.js';
import { instantToZonedParts } from '../shared/dates/zoned.js';
import { messagesFor } from '../shared/i18n/index.js';
import { callerFromBody, resolveContext } from '../shared/slack/request-context.js';
import { registerPersonalModal } from './personal-modal-listeners.js';
import { applyPersonalChange } from './personal-settings.js';
import { buildSettingsHelp, problemText } from './settings-blocks.js';
import { canChangeSettings, changeSettings, parseSettingsCommand } from './settings-command.js';
import { registerSettingsModal } from './settings-modal-listeners.js';
import type { SettingsListenerDeps } from './settings-slack.js';
import { registerStatusEvents } from './status-events.js';

/** Declared in slack-manifest.yml (test/manifest.test.ts checks both ways). */
export const SETTINGS_COMMAND = '/kept';

/** `/kept`: shows help and the settings (with the form for those who may change them); its text forms change them. */
export function registerSettingsListeners(app: App, deps: SettingsListenerDeps): void {
  registerSettingsModal(app, deps);
  registerStatusEvents(app, deps);
  registerPersonalModal(app, deps);
  app.command(SETTINGS_COMMAND, async ({ command, ack, respond, client }) => {
    await ack();
    const ctx = await resolveContext(deps, client, callerFromBody(command));
    const { m } = ctx.viewer;
    const today = instantToZonedParts(ctx.now, ctx.viewer.timeZone);
    const parsed = parseSettingsCommand(command.text ?? '', today);
    const canEdit = canChangeSettings(ctx.settings, ctx.user);
    if (parsed.kind === 'show') {
      await respond({ response_type: 'ephemeral', text: m.settings.title, blocks: buildSettingsHelp(m, ctx.settings, undefined, canEdit) });
      return;
    }
    if (parsed.kind === 'invalid') {
      const text = problemText(m, parsed.problem);
      await respond({ response_type: 'ephemeral', text, blocks: buildSettingsHelp(m, ctx.settings, text, canEdit) });
      return;
    }
    if (parsed.kind === 'personal') {
      const reply = await applyPersonalChange(deps, client, ctx, parsed.change);
      await respond({ response_type: 'ephemeral', text: reply });
      await deps.home?.refresh(client, ctx.workspace, [ctx.user.id]);
      return;
    }
    if (!canChangeSettings(ctx.settings, ctx.user)) {
      await respond({ response_type: 'ephemeral', text: m.common.not_allowed_settings });
      return;
    }
    const change = parsed.change;
    const updated = changeSettings(ctx.settings, change, today);
    if ('problem' in updated) {
      const text = problemText(m, updated.problem);
      await respond({ response_type: 'ephemeral', text, blocks: buildSettingsHelp(m, ctx.settings, text, canEdit) });
      return;
    }
    await deps.settings.save(ctx.workspace, updated);
    // A language change answers in the new language straight away.
    const after = messagesFor(updated.language);
    const day = change.field === 'dayOff' ? formatCalendarDate(parseIsoDate(change.date) ?? today, after.locale) : '';
    const saved =
      change.field === 'channel' && change.channelId
        ? `${after.settings.saved} ${after.settings.channel_hint}`
        : change.field === 'dayOff'
          ? change.remove
            ? after.settings.days_off.day_off_removed(day)
            : after.settings.days_off.day_off_saved(day)
          : after.settings.saved;
    await respond({ response_type: 'ephemeral', text: saved, blocks: buildSettingsHelp(after, updated, saved, canChangeSettings(updated, ctx.user)) });
    await deps.home?.refresh(client, ctx.workspace, [ctx.user.id, ...ctx.settings.leads, ...updated.leads]);
  });
}
