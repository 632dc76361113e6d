import { logPromiseForOwner, notifyNewOwner, refreshHomesAfterLogging } from '../promises/promise-slack.js';
import { readPromiseStep } from './workflow-rules.js';
import { describeProblem, permalinkOf, resolveStepContext, type StepArgs, sanitizeStepText, type WorkflowListenerDeps } from './workflow-slack.js';

/**
 * "Log a client promise": the promise is logged as /promise logs it (the same rules, reminders planned by
 * the service), its owner gets the card by DM (a workflow is never the owner, so always), and the step
 * completes with the promise's id, due time and the card's link. The Homes are refreshed after completing.
 */
export function logClientPromiseStep(deps: WorkflowListenerDeps) {
  return async (args: StepArgs): Promise<void> => {
    const ctx = await resolveStepContext(deps, args);
    const read = readPromiseStep(args.inputs, ctx.now, sanitizeStepText);
    if (!read.ok) return void (await args.fail({ error: describeProblem(ctx, read.problem) }));
    const { client, what, ownerId, dueAt, sourceLink } = read.value;
    const logged = await logPromiseForOwner(deps, args.client, ctx, { ownerId, client, what, dueAt, permalink: sourceLink });
    if (!logged.ok) return void (await args.fail({ error: ctx.viewer.m.workflow.owner_not_person }));
    const { promise } = logged;
    // The promise stands without the DM (its reminders still come): a refused DM costs only the card's link.
    const notice = await notifyNewOwner(deps, args.client, ctx, promise, ctx.viewer.m.workflow.promise_for_owner).catch((error: unknown) => {
      deps.logger.event('warn', 'workflow promise logged, but its owner was not told', {
        workspace: ctx.workspace.teamId,
        promiseId: promise.id,
        error: String(error),
      });
      return undefined;
    });
    const cardLink = await permalinkOf(args, notice);
    await args.complete({
      outputs: { promise_id: promise.id, due: Math.floor(promise.dueAt.getTime() / 1000), ...(cardLink ? { card_link: cardLink } : {}) },
    });
    await refreshHomesAfterLogging(deps, args.client, ctx, promise.ownerId);
  };
}
