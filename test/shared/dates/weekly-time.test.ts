import { describe, expect, it } from 'vitest';
import { parseSettingsCommand } from '../../../src/settings/settings-command.js';
import { readWeeklyTime } from '../../../src/shared/dates/weekly-time.js';

describe('a weekday and a time, read by the due-date grammar', () => {
  it.each([
    ['Thursday 4:30pm', { weekday: 4, minute: 990 }],
    ['Sun at noon', { weekday: 7, minute: 720 }],
    ['Friday at half past two', { weekday: 5, minute: 870 }],
    ['czwartek 16:30', { weekday: 4, minute: 990 }],
    ['w środę o dziewiątej rano', { weekday: 3, minute: 540 }],
    ['piątek kwadrans po trzeciej', { weekday: 5, minute: 915 }],
  ])('reads %j', (text, expected) => {
    expect(readWeeklyTime(text)).toEqual(expected);
  });

  it.each(['', 'Thursday', '16:30', 'next Thursday 16:00', 'Thu 16:00 CET', 'Sat 26:00', 'Tue-Thu 10:00', 'czwartek 3 grudnia 10:00'])(
    'refuses %j: not one weekday and one time',
    (text) => {
      expect(readWeeklyTime(text)).toBeUndefined();
    },
  );

  it('sets the recap time from /kept in either language', () => {
    expect(parseSettingsCommand('recap Thursday 4:30pm')).toEqual({ kind: 'change', change: { field: 'recap', recap: { weekday: 4, minute: 990 } } });
    expect(parseSettingsCommand('podsumowanie piątek kwadrans po trzeciej')).toEqual({
      kind: 'change',
      change: { field: 'recap', recap: { weekday: 5, minute: 915 } },
    });
  });
});
