import type { webApi } from '@slack/bolt';
import { promiseMetadata } from '../promises/promise-metadata.js';
import type { LoggedFromMessage } from '../promises/promise-slack.js';
import { formatDateTime } from '../shared/dates/format.js';
import type { JsonLogger } from '../shared/logger.js';
import { mention } from '../shared/slack/block-kit.js';
import type { HomeRefresher } from '../shared/slack/home-refresher.js';
import type { ContextDeps, RequestContext } from '../shared/slack/request-context.js';
import { type Workspace, workspaceFrom } from '../shared/workspace/workspace.js';
import type { ClientSources } from './client-overview.js';
import type { ClientService } from './client-service.js';
import type { WatchService } from './client-watch-service.js';

/** What the client listener files share. */
export interface ClientListenerDeps extends ContextDeps {
  readonly clients: ClientService;
  readonly watch: WatchService;
  /** What a client's record reads from the other features. */
  readonly sources: ClientSources;
  readonly logger: JsonLogger;
  readonly home?: HomeRefresher;
}

/**
 * The workspace an event is for: the authorization's team, as Bolt uses it. In a shared channel the
 * envelope's `team_id` may be the channel's host, not the workspace Kept is installed in.
 */
export function eventWorkspace(body: unknown, context: { teamId?: string | undefined; enterpriseId?: string | undefined }): Workspace | undefined {
  const b = body as { team_id?: string; enterprise_id?: string; authorizations?: { team_id?: string | null; enterprise_id?: string | null }[] };
  const auth = Array.isArray(b.authorizations) ? b.authorizations[0] : undefined;
  return workspaceFrom(auth?.team_id ?? context.teamId ?? b.team_id, auth?.enterprise_id ?? context.enterpriseId ?? b.enterprise_id);
}

/** Slack shows every reader the time in their own zone; the fallback is the owner's. */
export function slackDate(instant: Date, fallback: string): string {
  return `<!date^${Math.floor(instant.getTime() / 1000)}^{date_short_pretty} {time}|${fallback}>`;
}

/** "Ana will get back to you by Fri 15:00", in the words of the workspace's language. */
export function tellThemText(ctx: RequestContext, ownerId: string, dueAt: Date, ownerTimeZone: string, forSlack: boolean): string {
  const when = formatDateTime(dueAt, { timeZone: ownerTimeZone, locale: ctx.viewer.m.locale });
  return ctx.viewer.m.client.tell_text(mention(ownerId), forSlack ? slackDate(dueAt, when) : when);
}

/**
 * After a promise was logged from a message: a client's question it answers stops waiting, and when
 * asked to, the promise is said in the client's thread ("Ana will get back to you by Fri 15:00").
 */
export function followPromiseFromMessage(deps: ClientListenerDeps) {
  return async (client: webApi.WebClient, ctx: RequestContext, logged: LoggedFromMessage): Promise<void> => {
    const { promise } = logged;
    await deps.watch.promised(ctx.workspace, logged.channelId, logged.messageTs, ctx.user.id, ctx.now);
    if (!logged.announce) return;
    const text = tellThemText(ctx, promise.ownerId, promise.dueAt, promise.ownerTimeZone, true);
    await client.chat.postMessage({
      channel: logged.channelId,
      thread_ts: logged.threadTs ?? logged.messageTs,
      text,
      metadata: promiseMetadata('kept_promise_logged', promise),
    });
  };
}
