import type { App } from '@slack/bolt';
import { callerFromBody, type ContextDeps, resolveContext } from '../shared/request-context.js';
import { messagesFor } from '../shared/i18n/index.js';
import { buildSettingsHelp, problemText } from './settings-blocks.js';
import { applyChange, canChangeSettings, parseSettingsCommand } from './settings-command.js';

/** `/kept`: shows help and the settings; its text forms change them. */
export function registerSettingsListeners(app: App, deps: ContextDeps): void {
  app.command('/kept', async ({ command, ack, respond, client }) => {
    await ack();
    const ctx = await resolveContext(deps, client, callerFromBody(command));
    const { m } = ctx.viewer;
    const parsed = parseSettingsCommand(command.text ?? '');
    if (parsed.kind === 'show') {
      await respond({ response_type: 'ephemeral', text: m.settings.title, blocks: buildSettingsHelp(m, ctx.settings) });
      return;
    }
    if (parsed.kind === 'invalid') {
      const text = problemText(m, parsed.problem);
      await respond({ response_type: 'ephemeral', text, blocks: buildSettingsHelp(m, ctx.settings, text) });
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
    const saved = parsed.change.field === 'channel' && parsed.change.channelId ? `${after.settings.saved} ${after.settings.channel_hint}` : after.settings.saved;
    await respond({ response_type: 'ephemeral', text: saved, blocks: buildSettingsHelp(after, updated, saved) });
  });
}
