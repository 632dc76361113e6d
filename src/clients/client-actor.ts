import { canChangeSettings } from '../settings/settings-command.js';
import type { RequestContext } from '../shared/slack/request-context.js';
import type { Actor } from './client-service.js';

/** Who is asking, as the client rules see them: the settings rule, or the account owner. */
export function actorOfContext(ctx: RequestContext): Actor {
  return { id: ctx.user.id, canChangeSettings: canChangeSettings(ctx.settings, ctx.user), timeZone: ctx.user.timeZone };
}
