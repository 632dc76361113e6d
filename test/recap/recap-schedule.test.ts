import { describe, expect, it } from 'vitest';
import { dueRecapWeek, nextRecapCheck, recapWeekEndingAt, recapWeeksUpTo } from '../../src/recap/recap-schedule.js';
import { DEFAULT_SETTINGS, type WorkspaceSettings } from '../../src/shared/workspace/workspace-settings.js';

const WARSAW = 'Europe/Warsaw';
const settings = (over: Partial<WorkspaceSettings> = {}): WorkspaceSettings => ({
  ...DEFAULT_SETTINGS,
  timeZone: WARSAW,
  channels: { recap: 'CWINS' },
  ...over,
});
const iso = (d: Date) => d.toISOString();

describe('the recap week', () => {
  it('runs from one recap moment to the next, named by the ISO week it is posted in', () => {
    const week = recapWeekEndingAt(new Date('2026-12-04T14:00:00Z'), DEFAULT_SETTINGS.recap, WARSAW);
    expect(week).toEqual({ key: '2026-W49', start: new Date('2026-11-27T14:00:00Z'), end: new Date('2026-12-04T14:00:00Z') });
  });

  it('is 167 hours long across the spring DST change, so nothing falls between two recaps', () => {
    const weeks = recapWeeksUpTo(recapWeekEndingAt(new Date('2026-04-10T13:00:00Z'), DEFAULT_SETTINGS.recap, WARSAW), 3, DEFAULT_SETTINGS.recap, WARSAW);
    expect(weeks.map((w) => w.key)).toEqual(['2026-W13', '2026-W14', '2026-W15']);
    expect(weeks.map((w) => (w.end.getTime() - w.start.getTime()) / 3_600_000)).toEqual([168, 167, 168]);
    for (let i = 1; i < weeks.length; i++) expect(weeks[i]!.start).toEqual(weeks[i - 1]!.end);
  });

  it('matches ISO weeks exactly when the recap is set to Monday 00:00', () => {
    const monday = { weekday: 1, minute: 0 } as const;
    const week = recapWeekEndingAt(new Date('2026-12-06T23:00:00Z'), monday, WARSAW);
    expect(week).toEqual({ key: '2026-W50', start: new Date('2026-11-29T23:00:00Z'), end: new Date('2026-12-06T23:00:00Z') });
  });
});

describe('when the recap is due', () => {
  it('is due from the recap time in the team zone for a day, and not before', () => {
    expect(dueRecapWeek(new Date('2026-12-04T13:59:00Z'), settings())).toBeUndefined();
    expect(dueRecapWeek(new Date('2026-12-04T14:00:00Z'), settings())?.key).toBe('2026-W49');
    expect(dueRecapWeek(new Date('2026-12-05T13:59:00Z'), settings())?.key).toBe('2026-W49');
    expect(dueRecapWeek(new Date('2026-12-05T14:01:00Z'), settings())).toBeUndefined();
  });

  it('follows the configured day, time and zone', () => {
    const monday9 = settings({ recap: { weekday: 1, minute: 9 * 60 }, timeZone: 'America/New_York' });
    expect(iso(nextRecapCheck(new Date('2026-12-04T14:00:00Z'), monday9))).toBe('2026-12-07T14:00:00.000Z');
  });
});
