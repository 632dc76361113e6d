// The recap's arithmetic, without I/O: the keeping rate, the stories' order, and when a week is quiet.
import { describe, expect, it } from 'vitest';
import { NO_INCIDENTS } from '../../src/recap/incident-week-stats.js';
import {
  featuredPeople,
  formatPercent,
  isQuietWeek,
  keepingRate,
  median,
  NO_OUTCOMES,
  outcomeCount,
  type PromiseWeekStats,
  rankStories,
} from '../../src/recap/recap-stats.js';
import type { Story } from '../../src/stories/story.js';

const story = (id: string, votes: number, createdAt: string, featuredIds: string[] = ['UANA']): Story => ({
  id,
  authorId: 'UAUTHOR',
  featuredIds,
  what: id,
  createdAt: new Date(createdAt),
  votes: Object.fromEntries(Array.from({ length: votes }, (_, i) => [`U${i}`, ['button']])),
});

const QUIET: PromiseWeekStats = { ...NO_OUTCOMES, made: 0, cancelled: 0, overdueOpenAll: 0 };

describe('the keeping rate', () => {
  it('counts kept on time and renegotiated early over every outcome, and is null when nothing came due', () => {
    const o = { keptOnTime: 3, keptLate: 1, renegotiatedEarly: 1, renegotiatedOther: 2, overdueOpen: 1, cancelled: 4 };
    // Cancelled promises came due but were neither kept nor broken: not in the count.
    expect(outcomeCount(o)).toBe(8);
    expect(keepingRate(o)).toBe(4 / 8);
    expect(keepingRate(NO_OUTCOMES)).toBeNull();
    expect(keepingRate({ ...NO_OUTCOMES, overdueOpen: 1 })).toBe(0);
    expect(keepingRate({ ...NO_OUTCOMES, renegotiatedEarly: 2 })).toBe(1);
    expect(formatPercent(2 / 3)).toBe('67%');
    expect(formatPercent(0.125)).toBe('13%');
  });
});

describe('stories in the recap', () => {
  it('rank the most upvoted first, the earlier first on a tie, and name each featured teammate once', () => {
    const stories = [
      story('a', 1, '2026-12-01T10:00:00Z', ['UANA']),
      story('b', 3, '2026-12-02T10:00:00Z', ['UBEN', 'UANA']),
      story('c', 1, '2026-11-30T10:00:00Z', ['UCARL']),
    ];
    expect(rankStories(stories).map((s) => s.id)).toEqual(['b', 'c', 'a']);
    expect(stories.map((s) => s.id)).toEqual(['a', 'b', 'c']);
    expect(featuredPeople(rankStories(stories))).toEqual(['UBEN', 'UANA', 'UCARL']);
  });
});

describe('a quiet week', () => {
  it('has no story, no promise made, cancelled or come due, and no incident opened or resolved', () => {
    const base = { stories: [], promises: QUIET, incidents: NO_INCIDENTS };
    expect(isQuietWeek(base)).toBe(true);
    expect(isQuietWeek({ ...base, stories: [story('s', 0, '2026-12-01T10:00:00Z')] })).toBe(false);
    expect(isQuietWeek({ ...base, promises: { ...QUIET, made: 1 } })).toBe(false);
    expect(isQuietWeek({ ...base, promises: { ...QUIET, cancelled: 1 } })).toBe(false);
    expect(isQuietWeek({ ...base, promises: { ...QUIET, keptLate: 1 } })).toBe(false);
    expect(isQuietWeek({ ...base, incidents: { ...NO_INCIDENTS, opened: 1 } })).toBe(false);
    expect(isQuietWeek({ ...base, incidents: { ...NO_INCIDENTS, resolved: 1 } })).toBe(false);
    // A SEV1 from an earlier week still nobody's: not quiet.
    const unacknowledged = [{ id: 'i1', severity: 'sev1' as const, client: 'ACME', title: 'down', createdAt: new Date('2026-11-20T10:00:00Z') }];
    expect(isQuietWeek({ ...base, incidents: { ...NO_INCIDENTS, open: 1, unacknowledged } })).toBe(false);
    // Old overdue promises alone do not make a week eventful.
    expect(isQuietWeek({ ...base, promises: { ...QUIET, overdueOpenAll: 4 } })).toBe(true);
  });
});

describe('the median', () => {
  it('is the middle value, the mean of the two middle ones for an even count, and null for none', () => {
    expect(median([])).toBeNull();
    expect(median([7])).toBe(7);
    expect(median([9, 1, 5])).toBe(5);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([10, 2])).toBe(6);
  });
});
