import { anyBot, publishStory } from '../stories/story-publish.js';
import { readStoryStep } from './workflow-rules.js';
import { describeProblem, resolveStepContext, type StepArgs, sanitizeStepText, type WorkflowListenerDeps } from './workflow-slack.js';

/**
 * "Share a story": saved as /story saves it and posted to the recap channel (a workflow has no conversation
 * of its own to post in, so the recap channel must be set). Reactions on the post count as upvotes.
 */
export function shareStoryStep(deps: WorkflowListenerDeps) {
  return async (args: StepArgs): Promise<void> => {
    const ctx = await resolveStepContext(deps, args);
    const { m } = ctx.viewer;
    const read = readStoryStep(args.inputs, sanitizeStepText);
    if (!read.ok) return void (await args.fail({ error: describeProblem(ctx, read.problem) }));
    if (!ctx.settings.channels.recap) return void (await args.fail({ error: m.workflow.no_recap_channel }));
    const { featuredIds, what, client, why } = read.value;
    if (await anyBot(deps, args.client, ctx, featuredIds)) return void (await args.fail({ error: m.workflow.featured_not_people }));

    const story = await deps.stories.share(ctx.workspace, { authorId: ctx.user.id, featuredIds, client, what, why }, ctx.now);
    // Saved, it counts in the recap even when the post was refused; the log says why it is not in the channel.
    const result = await publishStory(deps.stories, args.client, ctx, story);
    if (!result.posted) {
      deps.logger.event('warn', 'workflow story saved, but Kept may not post in the recap channel', {
        workspace: ctx.workspace.teamId,
        storyId: story.id,
        channel: result.channel,
      });
    }
    await args.complete({ outputs: { story_id: story.id } });
    await deps.home?.refresh(args.client, ctx.workspace, story.featuredIds);
  };
}
