import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { IncidentService } from '../incidents/incident-service.js';
import type { PromiseService } from '../promises/promise-service.js';
import { withDeadline } from '../shared/deadline.js';
import { UserFacingError } from '../shared/errors.js';
import { messagesFor } from '../shared/i18n/index.js';
import type { JsonLogger } from '../shared/logger.js';
import { defuseBroadcasts, escapeMrkdwn } from '../shared/slack/block-kit.js';
import type { HomeRefresher } from '../shared/slack/home-refresher.js';
import { type ContextDeps, type RequestContext, STORAGE_DEADLINE_MS } from '../shared/slack/request-context.js';
import { formatWhen } from '../shared/viewer.js';
import { workspaceFrom } from '../shared/workspace/workspace.js';
import type { StoryService } from '../stories/story-service.js';
import type { StepProblem } from './workflow-rules.js';

/** What the Workflow Builder steps need: the services they share with the commands, and the Home refresher. */
export interface WorkflowListenerDeps extends ContextDeps {
  readonly promises: PromiseService;
  readonly incidents: IncidentService;
  readonly stories: StoryService;
  readonly home?: HomeRefresher;
  readonly logger: JsonLogger;
}

export type StepArgs = SlackEventMiddlewareArgs<'function_executed'> & AllMiddlewareArgs;

/**
 * The context of a step: the workspace's settings and language, and Kept's own bot user as the one acting
 * (a workflow has no person behind it), in the team time zone. The settings read has the same deadline as
 * every request's first read, so a Firestore outage fails the step within seconds.
 */
export async function resolveStepContext(deps: ContextDeps, args: Pick<StepArgs, 'body' | 'context'>): Promise<RequestContext> {
  const { body, context } = args;
  const workspace = workspaceFrom(body.team_id ?? context.teamId, body.enterprise_id ?? context.enterpriseId);
  const botUserId = context.botUserId;
  if (!workspace || !botUserId) throw new UserFacingError('invalid_request');
  const now = deps.clock();
  const settings = await withDeadline(deps.settings.get(workspace), STORAGE_DEADLINE_MS, () => new UserFacingError('storage_unavailable'));
  const user = { id: botUserId, timeZone: settings.timeZone, isBot: true, isAdmin: false, isOwner: false, deleted: false };
  return { workspace, settings, user, now, viewer: { m: messagesFor(settings.language), timeZone: settings.timeZone, now } };
}

/** Text a workflow passes in is shown in Slack like text typed in a form: mrkdwn escaped, no broadcasts. */
export function sanitizeStepText(text: string): string {
  return defuseBroadcasts(escapeMrkdwn(text));
}

/** Why the step failed, for the workflow's author, in the workspace's language (dates in the team time zone). */
export function describeProblem(ctx: RequestContext, problem: StepProblem): string {
  const w = ctx.viewer.m.workflow;
  switch (problem.kind) {
    case 'client_required':
      return w.client_required;
    case 'client_too_long':
      return w.client_too_long(problem.max);
    case 'what_required':
      return w.what_required;
    case 'what_too_long':
      return w.what_too_long(problem.max);
    case 'owner_required':
      return w.owner_required;
    case 'due_required':
      return w.due_required;
    case 'due_past':
      return w.due_past(formatWhen(ctx.viewer, problem.due));
    case 'source_link_invalid':
      return w.source_link_invalid;
    case 'summary_required':
      return w.summary_required;
    case 'summary_too_long':
      return w.summary_too_long(problem.max);
    case 'severity_unknown':
      return w.severity_unknown(problem.value);
    case 'featured_required':
      return w.featured_required;
    case 'featured_too_many':
      return w.featured_too_many(problem.max);
    case 'story_what_required':
      return w.story_what_required;
    case 'story_what_too_long':
      return w.story_what_too_long(problem.max);
    case 'why_too_long':
      return w.why_too_long(problem.max);
  }
}

/** The permalink of a message Kept posted; undefined when Slack will not say (the step does not fail for a link). */
export async function permalinkOf(args: Pick<StepArgs, 'client'>, message: { channel: string; ts: string } | undefined): Promise<string | undefined> {
  if (!message) return undefined;
  return args.client.chat
    .getPermalink({ channel: message.channel, message_ts: message.ts })
    .then((r) => r.permalink)
    .catch(() => undefined);
}
