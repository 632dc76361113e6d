import type { App, BlockAction } from '@slack/bolt';
import { instantToZonedParts } from '../shared/dates/zoned.js';
import { callerFromBody, resolveContext } from '../shared/slack/request-context.js';
import { buildPersonalModal, PERSONAL_ACTIONS, PERSONAL_VIEW, readPersonalSubmission } from './personal-modal.js';
import { awayThrough, NOT_AWAY } from './personal-settings.js';
import type { SettingsListenerDeps } from './settings-slack.js';

/** "Your time" from the App Home: anyone sets their own hours and absence. */
export function registerPersonalModal(app: App, deps: SettingsListenerDeps): void {
  app.action<BlockAction>(PERSONAL_ACTIONS.open, async ({ ack, body, client }) => {
    await ack();
    const ctx = await resolveContext(deps, client, callerFromBody(body));
    const person = await deps.people.get(ctx.workspace, ctx.user.id);
    await client.views.open({ trigger_id: body.trigger_id, view: buildPersonalModal(ctx.viewer.m, person, ctx.settings.workingHours) });
  });

  app.view(PERSONAL_VIEW, async ({ ack, body, view, client }) => {
    const ctx = await resolveContext(deps, client, callerFromBody(body));
    const values = view.state.values as Parameters<typeof readPersonalSubmission>[1];
    const result = readPersonalSubmission(ctx.viewer.m, values, instantToZonedParts(ctx.now, ctx.viewer.timeZone));
    if (!result.ok) {
      await ack({ response_action: 'errors', errors: result.errors });
      return;
    }
    const away = result.lastDay ? awayThrough(result.lastDay, ctx.user.timeZone, ctx.user.id) : NOT_AWAY;
    await deps.people.update(ctx.workspace, ctx.user.id, { hours: result.hours, ...away });
    await ack();
    await deps.onPersonChanged?.(ctx.workspace, ctx.user.id);
    await deps.home?.refresh(client, ctx.workspace, [ctx.user.id]);
  });
}
