import type { App } from '@slack/bolt';
import { openClientIncidentStep } from './incident-step.js';
import { logClientPromiseStep } from './promise-step.js';
import { shareStoryStep } from './story-step.js';
import type { WorkflowListenerDeps } from './workflow-slack.js';

/** The custom steps Kept offers in Workflow Builder, declared under `functions:` in slack-manifest.yml (test/manifest.test.ts checks both ways). */
export const WORKFLOW_STEPS = {
  logPromise: 'log_client_promise',
  openIncident: 'open_client_incident',
  shareStory: 'share_story',
} as const;

/**
 * Each step completes or fails within seconds; anything unexpected reaches the app's error handler, which
 * fails the step with an error id. The event is acknowledged by the repeated-events middleware before
 * anything else (a repeat included), so these listeners do not acknowledge it again.
 */
export function registerWorkflowListeners(app: App, deps: WorkflowListenerDeps): void {
  const options = { autoAcknowledge: false };
  app.function(WORKFLOW_STEPS.logPromise, options, logClientPromiseStep(deps));
  app.function(WORKFLOW_STEPS.openIncident, options, openClientIncidentStep(deps));
  app.function(WORKFLOW_STEPS.shareStory, options, shareStoryStep(deps));
}
