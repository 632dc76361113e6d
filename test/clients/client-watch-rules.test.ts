import { describe, expect, it } from 'vitest';
import { clientKey, closestName } from '../../src/clients/client-record.js';
import { addWorkingMinutes, answers, excerpt, isOutsideAuthor, median, tsToDate } from '../../src/clients/client-watch.js';
import { messagesFor } from '../../src/shared/i18n/index.js';
import { DEFAULT_SETTINGS } from '../../src/shared/workspace/workspace-settings.js';

const HOURS = DEFAULT_SETTINGS.workingHours;

describe('working time for a response standard', () => {
  it('counts only working minutes, across the evening and the weekend', () => {
    // Fri 17:00 in Warsaw + 2 working hours = Mon 10:00 (09:00 UTC).
    expect(addWorkingMinutes(new Date('2026-12-04T16:00:00Z'), 120, HOURS, 'Europe/Warsaw')).toEqual(new Date('2026-12-07T09:00:00Z'));
    // Saturday: the clock starts on Monday at 09:00.
    expect(addWorkingMinutes(new Date('2026-12-05T10:00:00Z'), 30, HOURS, 'Europe/Warsaw')).toEqual(new Date('2026-12-07T08:30:00Z'));
  });

  it('keeps wall-clock working hours across a DST change', () => {
    // Sat 28 Mar 2026 → Mon 30 Mar, after the spring-forward night: 09:00 Warsaw is 07:00 UTC.
    expect(addWorkingMinutes(new Date('2026-03-27T16:30:00Z'), 60, HOURS, 'Europe/Warsaw')).toEqual(new Date('2026-03-30T07:30:00Z'));
  });

  it('gives no moment when nobody ever works, so the watch ends', () => {
    expect(addWorkingMinutes(new Date('2026-12-01T09:00:00Z'), 60, { days: [], startMinute: 540, endMinute: 1080 }, 'UTC')).toBeUndefined();
  });
});

describe('who asked and what answers', () => {
  it('tells people outside the workspace by their team', () => {
    expect(isOutsideAuthor('TOURS', ['TTHEIRS'])).toBe(true);
    expect(isOutsideAuthor('TOURS', [undefined, 'TOURS'])).toBe(false);
    expect(isOutsideAuthor('TOURS', [undefined, ''])).toBeUndefined();
  });

  it('a reply in the thread answers it; a top-level message answers only an earlier top-level one', () => {
    const top = { ts: '100.000100' };
    const reply = { ts: '105.000100', threadTs: '90.000100' };
    expect(answers({ ts: '101.0', threadTs: '100.000100' }, top)).toBe(true);
    expect(answers({ ts: '101.0' }, top)).toBe(true);
    expect(answers({ ts: '99.0' }, top)).toBe(false);
    expect(answers({ ts: '106.0' }, reply)).toBe(false);
    expect(answers({ ts: '106.0', threadTs: '90.000100' }, reply)).toBe(true);
  });

  it('keeps at most 200 characters, first line apart', () => {
    expect(excerpt('  Hello\n\n  there  ')).toBe('Hello\nthere');
    expect(excerpt('x'.repeat(500))).toHaveLength(200);
    expect(tsToDate('1796115600.000100')).toEqual(new Date('2026-12-01T09:00:00.000Z'));
    expect(tsToDate('nonsense')).toBeUndefined();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([])).toBeUndefined();
  });
});

describe('client names', () => {
  it('match without case, spacing or Polish letters, and suggest the closest known name', () => {
    expect(clientKey('  Żabka   Polska ')).toBe('zabka polska');
    const known = [
      { name: 'ACME', aliases: ['Acme Corp'] },
      { name: 'Globex', aliases: [] },
    ];
    expect(closestName('ACEM', known)).toBe('ACME');
    expect(closestName('glob', known)).toBe('Globex');
    expect(closestName('Initech', known)).toBeUndefined();
  });
});

describe('Polish client words', () => {
  it('agree with the number', () => {
    const pl = messagesFor('pl').client;
    expect(pl.home_line('ACME', 1)).toContain('na odpowiedź czeka 1 pytanie');
    expect(pl.home_line('ACME', 3)).toContain('na odpowiedź czekają 3 pytania');
    expect(pl.home_line('ACME', 5)).toContain('na odpowiedź czeka 5 pytań');
    expect(pl.days(7)).toBe('tydzień');
    expect(pl.days(28)).toBe('4 tygodnie');
    expect(pl.days(35)).toBe('5 tygodni');
    expect(pl.list_line('ACME', undefined, 2, '2 godz.')).toContain('2 kanały');
    expect(messagesFor('en').client.days(7)).toBe('week');
  });
});
