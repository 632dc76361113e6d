import type { App } from '@slack/bolt';
import { messagesFor } from '../shared/i18n/index.js';
import { callerFromBody, resolveContext } from '../shared/slack/request-context.js';
import { buildSettingsHelp, problemText } from './settings-blocks.js';
import { applyChange, canChangeSettings, parseSettingsCommand } from './settings-command.js';
import { registerSettingsModal } from './settings-modal-listeners.js';
import type { SettingsListenerDeps } from './settings-slack.js';

/** Declared in slack-manifest.yml (test/manifest.test.ts checks both ways). */
export const SETTINGS_COMMAND = '/kept';

/** `/kept`: shows help and the settings (with the form for those who may change them); its text forms change them. */
export function registerSettingsListeners(app: App, deps: SettingsListenerDeps): void {
  registerSettingsModal(app, deps);
  app.command(SETTINGS_COMMAND, async ({ command, ack, respond, client }) => {
    await ack();
    const ctx = await resolveContext(deps, client, callerFromBody(command));
    const { m } = ctx.viewer;
    const parsed = parseSettingsCommand(command.text ?? '');
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
    if (!canChangeSettings(ctx.settings, ctx.user)) {
      await respond({ response_type: 'ephemeral', text: m.common.not_allowed_settings });
      return;
    }
    const updated = applyChange(ctx.settings, parsed.change);
    await deps.settings.save(ctx.workspace, updated);
    // A language change answers in the new language straight away.
    const after = messagesFor(updated.language);
    const saved =
      parsed.change.field === 'channel' && parsed.change.channelId ? `${after.settings.saved} ${after.settings.channel_hint}` : after.settings.saved;
    await respond({ response_type: 'ephemeral', text: saved, blocks: buildSettingsHelp(after, updated, saved, canChangeSettings(updated, ctx.user)) });
    await deps.home?.refresh(client, ctx.workspace, [ctx.user.id, ...ctx.settings.leads, ...updated.leads]);
  });
}
