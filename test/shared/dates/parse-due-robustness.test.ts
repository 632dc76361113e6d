import { describe, expect, it } from 'vitest';
import { type Locale, parseDueDate } from '../../../src/shared/dates/parse-due.js';

/** mulberry32: a tiny seeded PRNG, so the junk is the same on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  'jutro',
  'o',
  '10',
  '10:00',
  '15.30',
  '03.12',
  '2026-12-03',
  'Friday',
  'piątek',
  'pt',
  'w',
  'do',
  'by',
  'in',
  '3',
  'hours',
  'za',
  'godziny',
  'EOD',
  'koniec',
  'tygodnia',
  'rano',
  '<@U123|ana>',
  '<https://x.io|x>',
  ':',
  '.',
  '/',
  '-',
  ',',
  '🙂',
  '👩‍💻',
  '\u0000',
  '\u0007',
  '\u200b',
  '\t',
  '\n',
  '\r\n',
  'ąęłóśżźćń',
  'ZAŻÓŁĆ',
  '99:99',
  '31.02',
  '00.00',
  '24:00',
  '0',
  '9999-99-99',
  '((((',
  '\\',
  '$1',
  '.*',
  '\ud800',
  'İ',
  'ß',
  'ﬀ',
];

function junk(random: () => number): string {
  const parts: string[] = [];
  const count = Math.floor(random() * 25);
  for (let i = 0; i < count; i++) {
    if (random() < 0.35) {
      parts.push(String.fromCharCode(Math.floor(random() * 0xffff)));
    } else {
      parts.push(PIECES[Math.floor(random() * PIECES.length)] ?? '');
    }
    if (random() < 0.6) parts.push(' ');
  }
  return parts.join('');
}

const ZONES = ['Europe/Warsaw', 'America/New_York', 'UTC', 'Asia/Kolkata', 'Australia/Sydney'];

describe('parseDueDate on arbitrary input', () => {
  it('never throws and returns either null or a well-formed result for 400 random strings', () => {
    const random = prng(20261204);
    let parsedCount = 0;
    for (let i = 0; i < 400; i++) {
      const text = junk(random);
      const locale: Locale = random() < 0.5 ? 'en' : 'pl';
      const timeZone = ZONES[i % ZONES.length] ?? 'UTC';
      const now = new Date(Date.UTC(2026, 0, 1) + Math.floor(random() * 365 * 86_400_000));
      const parsed = parseDueDate(text, { now, timeZone, locale });
      if (parsed === null) continue;
      parsedCount++;
      expect(Number.isNaN(parsed.dueAt.getTime())).toBe(false);
      expect(typeof parsed.hadTime).toBe('boolean');
      expect(parsed.matchedText.length).toBeGreaterThan(0);
      expect(text).toContain(parsed.matchedText);
      expect(parsed.remainder).not.toMatch(/\s{2}/);
    }
    // The pieces include real expressions, so some of the junk must parse.
    expect(parsedCount).toBeGreaterThan(20);
  });

  it('copes with 10 000 characters quickly and only scans the start', () => {
    const now = new Date('2026-12-02T09:30:00Z');
    const long = `${'bla '.repeat(2500)} jutro o 10`;
    const started = performance.now();
    expect(parseDueDate(long, { now, timeZone: 'UTC', locale: 'pl' })).toBeNull();
    const early = `jutro o 10 ${'x'.repeat(10_000)}`;
    const parsed = parseDueDate(early, { now, timeZone: 'UTC', locale: 'pl' });
    expect(parsed!.dueAt.toISOString()).toBe('2026-12-03T10:00:00.000Z');
    expect(parsed!.remainder).toHaveLength(10_000);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('returns null for a bad zone, a bad clock or a non-string', () => {
    const now = new Date('2026-12-02T09:30:00Z');
    expect(parseDueDate('tomorrow', { now, timeZone: 'Mars/Olympus', locale: 'en' })).toBeNull();
    expect(parseDueDate('tomorrow', { now: new Date(Number.NaN), timeZone: 'UTC', locale: 'en' })).toBeNull();
    expect(parseDueDate(undefined as unknown as string, { now, timeZone: 'UTC', locale: 'en' })).toBeNull();
  });

  it('falls back to 17:00 for a nonsense default hour', () => {
    const now = new Date('2026-12-02T09:30:00Z');
    const parsed = parseDueDate('tomorrow', { now, timeZone: 'UTC', locale: 'en', defaultHour: 99 });
    expect(parsed!.dueAt.toISOString()).toBe('2026-12-03T17:00:00.000Z');
  });

  it.each(['🙂🙂🙂', '\u0000\u0001\u0002', '<@U123|ana>', '   ', '....', '12345678901234567890', '¯\\_(ツ)_/¯'])('finds nothing in %j', (text) => {
    const now = new Date('2026-12-02T09:30:00Z');
    expect(parseDueDate(text, { now, timeZone: 'UTC', locale: 'en' })).toBeNull();
    expect(parseDueDate(text, { now, timeZone: 'UTC', locale: 'pl' })).toBeNull();
  });
});
