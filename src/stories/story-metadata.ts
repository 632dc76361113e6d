import { type KeptEventType, type KeptMetadata, keptMetadata } from '../shared/slack/message-metadata.js';
import { type Story, upvoteCount } from './story.js';

/** The metadata of a story message: its id, the client's name, who it features, its upvotes; never the story itself. */
export function storyMetadata(eventType: KeptEventType, story: Story): KeptMetadata {
  return keptMetadata(eventType, {
    story_id: story.id,
    client: story.client,
    featured_ids: story.featuredIds.join(','),
    author_id: story.authorId,
    upvotes: upvoteCount(story),
  });
}
