import type { HomeRefresher } from '../shared/slack/home-refresher.js';
import type { ContextDeps } from '../shared/slack/request-context.js';
import type { NominationKind } from '../shared/slack/story-nomination.js';
import type { Workspace } from '../shared/workspace/workspace.js';
import type { StorySource } from './story.js';
import type { StoryPrefill } from './story-blocks.js';
import type { StoryService } from './story-service.js';

/** Prefills "Nominate as story" from its source (a kept promise, a resolved incident); wired in app.ts, so no slice imports another. */
export type NominationSource = (workspace: Workspace, id: string) => Promise<StoryPrefill | undefined>;

export interface StoryListenerDeps extends ContextDeps {
  readonly stories: StoryService;
  readonly nominationSources: Partial<Record<NominationKind, NominationSource>>;
  /** Republishes the App Home of the people a story features after it is shared or upvoted; absent, nothing is refreshed. */
  readonly home?: HomeRefresher;
}

/** What the story form carries through to its submission. */
export interface StoryModalMetadata {
  sharedIn?: string | undefined;
  responseUrl?: string | undefined;
  source?: StorySource | undefined;
}
