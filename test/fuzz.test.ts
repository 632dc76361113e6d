import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePromiseCommand } from '../src/promises/promise-command.js';
import { parseSettingsCommand } from '../src/settings/settings-command.js';
import { parseDueDate } from '../src/shared/dates/parse-due.js';
import { type KeptHarness, newTeamId, startKept } from './support/kept-harness.js';

/** Text the way it arrives from Slack: words, mentions, channels, dates, emoji and junk, mixed. */
const slackText = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc
    .array(
      fc.oneof(
        fc.constantFrom(
          'ACME:',
          'list',
          'lista',
          'client:',
          'by',
          'jutro',
          'o',
          '10:00',
          'Friday',
          '3pm',
          'za 2 dni',
          '03.12.2026',
          '2026-02-30',
          '<!channel>',
          ':',
          '::',
          '&lt;',
          'help',
        ),
        fc.stringMatching(/^<@[UW][A-Z0-9]{2,10}(\|[a-z]{1,8})?>$/),
        fc.stringMatching(/^<#C[A-Z0-9]{2,10}(\|[a-z-]{1,8})?>$/),
        fc.date({ min: new Date('1990-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
        fc.string({ maxLength: 12 }),
      ),
      { maxLength: 12 },
    )
    .map((parts) => parts.join(' ')),
);
const zones = fc.constantFrom('UTC', 'Europe/Warsaw', 'America/New_York', 'Asia/Kolkata', 'Pacific/Chatham', 'Not/AZone');
const instants = fc.date({ min: new Date('2000-01-01'), max: new Date('2090-01-01'), noInvalidDate: true });

describe('parsers never throw on arbitrary input', () => {
  it('due dates: null or a valid instant', () => {
    fc.assert(
      fc.property(slackText, instants, zones, fc.constantFrom('en' as const, 'pl' as const), (text, now, timeZone, locale) => {
        const parsed = parseDueDate(text, { now, timeZone, locale });
        if (parsed) expect(Number.isNaN(parsed.dueAt.getTime())).toBe(false);
      }),
      { numRuns: 3000 },
    );
  });

  it('/promise text: always one of the known answers, never an owner that is not a mention', () => {
    fc.assert(
      fc.property(slackText, instants, (text, now) => {
        const command = parsePromiseCommand(text, { now, timeZone: 'Europe/Warsaw', locale: 'en' });
        expect(['open_modal', 'help', 'list', 'log']).toContain(command.kind);
        if (command.kind === 'log' && command.draft.ownerId) expect(command.draft.ownerId).toMatch(/^[UW][A-Z0-9]+$/);
        if (command.kind === 'log' && command.problems.length === 0) expect(command.draft.dueAt!.getTime()).toBeGreaterThan(now.getTime());
      }),
      { numRuns: 3000 },
    );
  });

  it('/kept text: always shown, changed (for the workspace or oneself) or explained', () => {
    fc.assert(
      fc.property(slackText, (text) => {
        expect(['show', 'change', 'personal', 'invalid']).toContain(parseSettingsCommand(text, { year: 2026, month: 12, day: 1 }).kind);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('the running app answers any command text', () => {
  let h: KeptHarness;
  beforeAll(async () => {
    h = await startKept();
    h.fake.addUser({ id: 'UFUZZ', tz: 'Europe/Warsaw' });
  });
  afterAll(() => h.stop());

  it('replies to every /promise and /kept with help, a card or a clear error: no 5xx, no stack trace', async () => {
    const team = newTeamId();
    const samples = fc.sample(fc.tuple(fc.constantFrom('/promise', '/kept'), slackText), { numRuns: 150, seed: 2026 });
    for (const [command, text] of samples) {
      const { status, reply } = await h.command(team, 'UFUZZ', command, text, { replyWaitMs: text.trim() === '' && command === '/promise' ? 0 : 5_000 });
      expect(status, text).toBe(200);
      if (command === '/promise' && text.trim() === '') continue;
      const body = JSON.stringify(reply);
      expect(body.length, `no reply to ${command} ${JSON.stringify(text)}`).toBeGreaterThan(2);
      expect(body).not.toMatch(/\bat .*\.(ts|js):\d+/);
      expect(body).not.toContain('error id');
    }
    expect(h.logLines.filter((l) => l.includes('"severity":"ERROR"'))).toEqual([]);
  }, 120_000);
});
