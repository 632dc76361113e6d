import { describe, expect, it } from 'vitest';
import { addVote, BUTTON_VOTE, byUpvotes, createStory, reactionVote, removeVote, upvoteCount, validateStory } from '../../src/stories/story.js';
import { parseStoryCommand } from '../../src/stories/story-command.js';

const NOW = new Date('2026-12-01T09:00:00Z');
const story = (over: { id?: string; createdAt?: Date } = {}) =>
  createStory({ id: over.id ?? 's1', authorId: 'UANA', featuredIds: ['UBEN', 'UBEN', 'UANA'], what: ' stayed late ' }, over.createdAt ?? NOW);

describe('upvote rules', () => {
  it('counts a teammate once, however many ways they upvote', () => {
    let s = addVote(story(), 'UBEN', BUTTON_VOTE);
    s = addVote(s, 'UBEN', reactionVote('tada'));
    s = addVote(s, 'UBEN', BUTTON_VOTE);
    expect(upvoteCount(s)).toBe(1);
    expect(s.votes.UBEN).toEqual(['button', 'reaction:tada']);
  });

  it('never counts the author, and returns the same story when nothing changes', () => {
    const s = story();
    expect(addVote(s, 'UANA', BUTTON_VOTE)).toBe(s);
    const voted = addVote(s, 'UBEN', BUTTON_VOTE);
    expect(addVote(voted, 'UBEN', BUTTON_VOTE)).toBe(voted);
    expect(upvoteCount({ ...s, votes: { UANA: ['button'] } })).toBe(0);
  });

  it('takes back one way and keeps the teammate while another way remains', () => {
    let s = addVote(addVote(story(), 'UBEN', reactionVote('tada')), 'UBEN', reactionVote('heart'));
    s = removeVote(s, 'UBEN', reactionVote('tada'));
    expect(upvoteCount(s)).toBe(1);
    s = removeVote(s, 'UBEN', reactionVote('heart'));
    expect(upvoteCount(s)).toBe(0);
    expect(s.votes).toEqual({});
    expect(removeVote(s, 'UBEN', reactionVote('heart'))).toBe(s);
  });

  it('orders stories most upvoted first, then the earlier first', () => {
    const a = addVote(story({ id: 'a' }), 'UBEN', BUTTON_VOTE);
    const b = addVote(addVote(story({ id: 'b', createdAt: new Date(NOW.getTime() + 1) }), 'UBEN', BUTTON_VOTE), 'UCARL', BUTTON_VOTE);
    const c = story({ id: 'c', createdAt: new Date(NOW.getTime() - 1) });
    const d = story({ id: 'd' });
    expect([a, b, c, d].sort(byUpvotes).map((s) => s.id)).toEqual(['b', 'a', 'c', 'd']);
  });
});

describe('a new story', () => {
  it('features each teammate once, the author too when named, with trimmed text', () => {
    expect(story()).toMatchObject({ featuredIds: ['UBEN', 'UANA'], what: 'stayed late', votes: {} });
  });

  it('needs someone and something that happened, within the limits', () => {
    expect(validateStory({ featuredIds: [], what: ' ' })).toEqual({ who: 'who_required', what: 'what_required' });
    expect(validateStory({ featuredIds: ['U1'], what: 'x'.repeat(1501), why: 'y'.repeat(501), client: 'c'.repeat(81) })).toEqual({
      what: 'what_too_long',
      why: 'why_too_long',
      client: 'client_too_long',
    });
  });
});

describe('/story text', () => {
  it('features everyone mentioned and keeps the rest as the story', () => {
    expect(parseStoryCommand('<@UANA|ana> stayed late to walk ACME through the migration')).toEqual({
      kind: 'share',
      draft: { featuredIds: ['UANA'], what: 'stayed late to walk ACME through the migration' },
      problems: [],
    });
  });

  it('reads a client prefix before or after the names, and names joined with "and"', () => {
    expect(parseStoryCommand('<@UANA> and <@UBEN> Globex: turned an angry call into a renewal')).toMatchObject({
      draft: { featuredIds: ['UANA', 'UBEN'], client: 'Globex', what: 'turned an angry call into a renewal' },
    });
    expect(parseStoryCommand('ACME: <@UANA> drove 200 km at 10:30 to fix their setup')).toMatchObject({
      draft: { featuredIds: ['UANA'], client: 'ACME', what: 'drove 200 km at 10:30 to fix their setup' },
    });
  });

  it('does not take a long phrase before a colon for a client', () => {
    expect(parseStoryCommand('<@UANA> did what nobody else would do: she called back at night')).toMatchObject({
      draft: { featuredIds: ['UANA'], what: 'did what nobody else would do: she called back at night' },
    });
  });

  it('opens the form when empty, shows help, and names what is missing', () => {
    expect(parseStoryCommand('  ')).toEqual({ kind: 'open_modal' });
    expect(parseStoryCommand('pomoc')).toEqual({ kind: 'help' });
    expect(parseStoryCommand('the team stayed late')).toMatchObject({ problems: ['who'] });
    expect(parseStoryCommand('<@UANA>')).toMatchObject({ problems: ['what'] });
  });
});
