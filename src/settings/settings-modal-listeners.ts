import type { App, BlockAction } from '@slack/bolt';
import { newErrorId, UserFacingError } from '../shared/errors.js';
import { callerFromBody, resolveContext } from '../shared/slack/request-context.js';
import { canChangeSettings } from './settings-command.js';
import { buildSettingsModal, readSettingsSubmission, SETTINGS_ACTIONS, SETTINGS_FIELDS, SETTINGS_VIEW, type SubmittedValue } from './settings-modal.js';
import type { SettingsListenerDeps } from './settings-slack.js';

/** The settings form: opened from the App Home or `/kept`, by admins, owners and leads only (checked again on submit). */
export function registerSettingsModal(app: App, deps: SettingsListenerDeps): void {
  app.action<BlockAction>(SETTINGS_ACTIONS.open, async ({ ack, body, client }) => {
    await ack();
    const ctx = await resolveContext(deps, client, callerFromBody(body));
    if (!canChangeSettings(ctx.settings, ctx.user)) throw new UserFacingError('settings_not_allowed');
    await client.views.open({ trigger_id: body.trigger_id, view: buildSettingsModal(ctx.viewer.m, ctx.settings) });
  });

  app.view(SETTINGS_VIEW, async ({ ack, body, view, client, logger }) => {
    const ctx = await resolveContext(deps, client, callerFromBody(body));
    const { m } = ctx.viewer;
    const firstField = SETTINGS_FIELDS[0]!.id;
    // Someone may have lost the right since the form opened: ask again, with the stored settings.
    if (!canChangeSettings(ctx.settings, ctx.user)) {
      await ack({ response_action: 'errors', errors: { [firstField]: m.errors.settings_not_allowed } });
      return;
    }
    const values = view.state.values as Record<string, Record<string, SubmittedValue>>;
    const result = readSettingsSubmission(m, ctx.settings, values);
    if (!result.ok) {
      await ack({ response_action: 'errors', errors: result.errors });
      return;
    }
    try {
      await deps.settings.save(ctx.workspace, result.settings);
    } catch (error) {
      const id = newErrorId();
      logger.error(`settings could not be saved [error id ${id}]`, error);
      await ack({ response_action: 'errors', errors: { [firstField]: m.common.error_with_id(id) } });
      return;
    }
    await ack();
    await deps.home?.refresh(client, ctx.workspace, [ctx.user.id, ...ctx.settings.leads, ...result.settings.leads]);
  });
}
