import { describe, expect, it } from 'vitest';
import { parsePromiseCommand } from '../../src/promises/promise-command.js';
import { parseSettingsCommand } from '../../src/settings/settings-command.js';
import { parseLeadTimes } from '../../src/settings/settings-values.js';
import { en } from '../../src/shared/i18n/en.js';
import { pl } from '../../src/shared/i18n/pl.js';

// The words a person tries first, in Polish and English, with and without Polish letters.
describe('/kept command words', () => {
  it.each([
    ['częstotliwość sev1 1h', { field: 'cadence', cadences: { sev1: 60 } }],
    ['czestotliwosc sev3 dzień roboczy', { field: 'cadence', cadences: { sev3: null } }],
    ['kadencja sev2 4h', { field: 'cadence', cadences: { sev2: 240 } }],
    ['język polski', { field: 'language', language: 'pl' }],
    ['jezyk angielski', { field: 'language', language: 'en' }],
    ['polski', { field: 'language', language: 'pl' }],
    ['angielski', { field: 'language', language: 'en' }],
    ['language english', { field: 'language', language: 'en' }],
    ['language pl', { field: 'language', language: 'pl' }],
    ['strefa czasowa Europe/Warsaw', { field: 'timeZone', timeZone: 'Europe/Warsaw' }],
    ['strefa Europe/Warsaw', { field: 'timeZone', timeZone: 'Europe/Warsaw' }],
    ['time zone America/New_York', { field: 'timeZone', timeZone: 'America/New_York' }],
    ['przypomnienia 2 dni 1 godz.', { field: 'reminders', minutes: [2880, 60] }],
    ['przypomnienia 1 dzień 1 godz.', { field: 'reminders', minutes: [1440, 60] }],
    ['przypomnienia 1 dzien, 30 minut', { field: 'reminders', minutes: [1440, 30] }],
    ['przypomnienia 24 godziny i 1 godzinę', { field: 'reminders', minutes: [1440, 60] }],
    ['reminders 2 days 1 hour', { field: 'reminders', minutes: [2880, 60] }],
    ['godziny pracy pn-pt 09:00-17:00', { field: 'hours' }],
    ['kanał podsumowań <#C1|sukcesy>', { field: 'channel', role: 'recap', channelId: 'C1' }],
  ])('reads `/kept %s`', (text, change) => {
    expect(parseSettingsCommand(text)).toMatchObject({ kind: 'change', change });
  });

  it('refuses reminder times with words it cannot read, or out of range', () => {
    expect(parseLeadTimes('2 dni jutro')).toBeUndefined();
    expect(parseLeadTimes('3 minuty')).toBeUndefined();
    expect(parseLeadTimes('15 dni')).toBeUndefined();
    expect(parseSettingsCommand('język klingoński')).toEqual({ kind: 'invalid', problem: 'language' });
  });

  it('can do everything its own help shows, in both languages', () => {
    for (const m of [en, pl]) {
      // Slack turns a typed @name or #channel into a mention before Kept sees it.
      const asSlackSends = (text: string) => text.replace(/#([\w-]+)/g, '<#C1|$1>').replace(/@(\w+)/g, '<@U1|$1>');
      const examples = [...m.settings.help_lines.join(' ').matchAll(/`\/kept ([^`]+)`/g)].map((match) => asSlackSends(match[1]!));
      expect(examples.length).toBeGreaterThan(8);
      for (const example of examples) expect(parseSettingsCommand(example).kind, example).not.toBe('invalid');
      const problemExamples = [
        ...Object.values(m.settings.problems)
          .join(' ')
          .matchAll(/`\/kept ([^`]+)`/g),
      ].map((match) => asSlackSends(match[1]!));
      for (const example of problemExamples) expect(parseSettingsCommand(example).kind, example).not.toBe('invalid');
    }
  });

  it('keeps `kadencja` out of the Polish help (it means a term of office), while it still works', () => {
    expect(JSON.stringify(pl.settings)).not.toContain('kadencja');
    expect(JSON.stringify(pl.settings)).toContain('/kept częstotliwość sev1 1h');
  });
});

describe('/promise command words', () => {
  const context = { now: new Date('2026-12-01T09:00:00Z'), timeZone: 'Europe/Warsaw', locale: 'pl' as const };

  it.each(['zaległe', 'zalegle', 'po terminie', 'lista zaległe', 'lista po terminie', 'list overdue', 'overdue'])(
    'lists what is overdue for `/promise %s`',
    (text) => {
      expect(parsePromiseCommand(text, context)).toEqual({ kind: 'list', overdue: true });
    },
  );

  it('lists a client’s promises for `/promise lista klient:ACME`', () => {
    expect(parsePromiseCommand('lista klient:ACME', context)).toEqual({ kind: 'list', client: 'ACME' });
  });
});
