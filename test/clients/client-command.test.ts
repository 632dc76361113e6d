import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseClientCommand, parseMeetingCadence, parseResponseStandard } from '../../src/clients/client-command.js';
import { buildSettingsModal, readSettingsSubmission } from '../../src/settings/settings-modal.js';
import { messagesFor } from '../../src/shared/i18n/index.js';
import { DEFAULT_SETTINGS } from '../../src/shared/workspace/workspace-settings.js';
import { submission } from '../settings/settings-form-values.js';

describe('/client text', () => {
  it('reads the record, the list, help and adding a client', () => {
    expect(parseClientCommand('')).toEqual({ kind: 'help' });
    expect(parseClientCommand('pomoc')).toEqual({ kind: 'help' });
    expect(parseClientCommand('list')).toEqual({ kind: 'list' });
    expect(parseClientCommand('lista')).toEqual({ kind: 'list' });
    expect(parseClientCommand('Acme Corp')).toEqual({ kind: 'show', name: 'Acme Corp' });
    expect(parseClientCommand('add Acme Corp')).toEqual({ kind: 'add', name: 'Acme Corp' });
    expect(parseClientCommand('dodaj Żabka')).toEqual({ kind: 'add', name: 'Żabka' });
  });

  it('reads every change in English and in Polish, with and without Polish letters', () => {
    const channel = { kind: 'change', name: 'ACME', change: { field: 'channel', channelId: 'C123' } };
    expect(parseClientCommand('ACME channel <#C123|acme-shared>')).toEqual(channel);
    expect(parseClientCommand('ACME kanał <#C123|acme-shared>')).toEqual(channel);
    expect(parseClientCommand('ACME kanal <#C123>')).toEqual(channel);
    const owner = { kind: 'change', name: 'Acme Corp', change: { field: 'owner', userId: 'UANA' } };
    expect(parseClientCommand('Acme Corp owner <@UANA|ana>')).toEqual(owner);
    expect(parseClientCommand('Acme Corp właściciel <@UANA>')).toEqual(owner);
    expect(parseClientCommand('Acme Corp wlasciciel <@UANA>')).toEqual(owner);
    expect(parseClientCommand('Acme Corp opiekun <@UANA>')).toEqual(owner);
    expect(parseClientCommand('ACME zastępca <@UBEN>')).toMatchObject({ change: { field: 'backup', userId: 'UBEN' } });
    expect(parseClientCommand('ACME zastepca brak')).toMatchObject({ change: { field: 'backup', userId: undefined } });
    expect(parseClientCommand('ACME response 2h')).toMatchObject({ change: { field: 'response', minutes: 120 } });
    expect(parseClientCommand('ACME odpowiedź 2h')).toMatchObject({ change: { field: 'response', minutes: 120 } });
    expect(parseClientCommand('ACME odpowiedz 30 min')).toMatchObject({ change: { field: 'response', minutes: 30 } });
    expect(parseClientCommand('ACME response default')).toMatchObject({ change: { field: 'response', minutes: undefined } });
    expect(parseClientCommand('ACME alias Acme Corp')).toMatchObject({ change: { field: 'alias', alias: 'Acme Corp' } });
    expect(parseClientCommand('ACME meet every 4w')).toMatchObject({ change: { field: 'meetEvery', days: 28 } });
    expect(parseClientCommand('ACME spotkanie co 4 tyg.')).toMatchObject({ change: { field: 'meetEvery', days: 28 } });
    expect(parseClientCommand('ACME spotkania co miesiąc')).toMatchObject({ change: { field: 'meetEvery', days: 30 } });
    expect(parseClientCommand('ACME meet off')).toMatchObject({ change: { field: 'meetEvery', days: undefined } });
    expect(parseClientCommand('ACME met today call with their CTO')).toMatchObject({
      change: { field: 'met', when: { daysAgo: 0 }, note: 'call with their CTO' },
    });
    expect(parseClientCommand('ACME spotkanie dziś rozmowa z CTO')).toMatchObject({ change: { field: 'met', when: { daysAgo: 0 }, note: 'rozmowa z CTO' } });
    expect(parseClientCommand('ACME spotkaliśmy się wczoraj')).toMatchObject({ change: { field: 'met', when: { daysAgo: 1 }, note: '' } });
    expect(parseClientCommand('ACME met 2026-11-28 review')).toMatchObject({ change: { field: 'met', when: { date: { year: 2026, month: 11, day: 28 } } } });
    expect(parseClientCommand('ACME spotkanie 28.11 przegląd')).toMatchObject({ change: { field: 'met', when: { date: { month: 11, day: 28 } } } });
  });

  it('refuses response standards of 0m or 99w and cadences it cannot read, naming the problem', () => {
    expect(parseClientCommand('ACME response 0m')).toEqual({ kind: 'invalid', problem: 'response', name: 'ACME' });
    expect(parseClientCommand('ACME response 99w')).toEqual({ kind: 'invalid', problem: 'response', name: 'ACME' });
    expect(parseClientCommand('ACME response 41h')).toMatchObject({ problem: 'response' });
    expect(parseResponseStandard('4m')).toBeUndefined();
    expect(parseResponseStandard('40h')).toBe(2400);
    expect(parseMeetingCadence('0w')).toBeUndefined();
    expect(parseMeetingCadence('2 weeks')).toBe(14);
    expect(parseClientCommand('ACME channel acme')).toMatchObject({ problem: 'channel' });
    expect(parseClientCommand('ACME owner ana')).toMatchObject({ problem: 'owner' });
    expect(parseClientCommand('ACME met someday')).toMatchObject({ problem: 'met' });
    expect(parseClientCommand('add')).toEqual({ kind: 'invalid', problem: 'name' });
  });

  it('never throws, whatever is typed', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        expect(['help', 'list', 'add', 'show', 'change', 'invalid']).toContain(parseClientCommand(text).kind);
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('the workspace standard in the settings form', () => {
  it('shows the current standard and reads a new one, refusing 0m', () => {
    const en = messagesFor('en');
    expect(JSON.stringify(buildSettingsModal(en, DEFAULT_SETTINGS).blocks)).toContain('"initial_value":"2h"');
    expect(readSettingsSubmission(en, DEFAULT_SETTINGS, submission({ response: { value: '90m' } }))).toMatchObject({
      ok: true,
      settings: { responseMinutes: 90 },
    });
    expect(readSettingsSubmission(en, DEFAULT_SETTINGS, submission({ response: { value: '0m' } }))).toMatchObject({
      ok: false,
      errors: { response: expect.stringContaining('40 working hours') },
    });
  });
});
