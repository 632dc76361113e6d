import type { App, BlockAction } from '@slack/bolt';
import { openNewPromiseModal } from '../promises/promise-slack.js';
import { UserFacingError } from '../shared/errors.js';
import { type ContextDeps, callerFromBody, resolveContext } from '../shared/slack/request-context.js';
import { workspaceFrom } from '../shared/workspace/workspace.js';
import { HOME_ACTIONS } from './home-blocks.js';
import type { HomePublisher } from './home-view.js';

export interface HomeListenerDeps extends ContextDeps {
  readonly home: HomePublisher;
}

/** Publishes the Home whenever someone opens it; its own buttons (the promise buttons live in promises/). */
export function registerHomeListeners(app: App, deps: HomeListenerDeps): void {
  app.event('app_home_opened', async ({ event, body, client }) => {
    if (event.tab !== 'home') return;
    const workspace = workspaceFrom(body.team_id, body.enterprise_id);
    if (!workspace) throw new UserFacingError('invalid_request');
    await deps.home.publish(client, workspace, event.user);
  });

  app.action<BlockAction>(HOME_ACTIONS.newPromise, async ({ ack, body, client }) => {
    await ack();
    const ctx = await resolveContext(deps, client, callerFromBody(body));
    await openNewPromiseModal(client, body.trigger_id, ctx, { ownerId: ctx.user.id }, { home: true });
  });
}
