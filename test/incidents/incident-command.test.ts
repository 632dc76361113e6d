import { describe, expect, it } from 'vitest';
import { parseIncidentCommand } from '../../src/incidents/incident-command.js';
import { applyChange, parseSettingsCommand } from '../../src/settings/settings-command.js';
import { parseCadences } from '../../src/settings/settings-values.js';
import { fromStored } from '../../src/shared/workspace/settings-store.js';
import { DEFAULT_SETTINGS } from '../../src/shared/workspace/workspace-settings.js';

describe('/incident text', () => {
  it('reads client, severity and title, keeping a time inside the title', () => {
    expect(parseIncidentCommand('ACME sev1: checkout returns 500 since 9:00')).toEqual({
      kind: 'open',
      draft: { client: 'ACME', severity: 'sev1', title: 'checkout returns 500 since 9:00' },
      problems: [],
    });
  });

  it('defaults to sev2 and takes the severity before the client or at the start of the title too', () => {
    expect(parseIncidentCommand('Globex: invoices are blank')).toMatchObject({ draft: { client: 'Globex', severity: 'sev2' } });
    expect(parseIncidentCommand('SEV3 Globex: invoices are blank')).toMatchObject({ draft: { client: 'Globex', severity: 'sev3' } });
    expect(parseIncidentCommand('Globex: sev 1 invoices are blank')).toMatchObject({
      draft: { client: 'Globex', severity: 'sev1', title: 'invoices are blank' },
    });
  });

  it('makes a mentioned teammate the owner, at the start or the end', () => {
    expect(parseIncidentCommand('<@UBEN|ben> ACME sev1: down')).toMatchObject({ draft: { ownerId: 'UBEN', client: 'ACME', title: 'down' } });
    expect(parseIncidentCommand('ACME: down <@UBEN>')).toMatchObject({ draft: { ownerId: 'UBEN', client: 'ACME', title: 'down' } });
  });

  it('reports what is missing instead of guessing', () => {
    expect(parseIncidentCommand('checkout is down')).toMatchObject({ kind: 'open', problems: ['client'] });
    expect(parseIncidentCommand('ACME sev1:')).toMatchObject({ kind: 'open', draft: { client: 'ACME', severity: 'sev1' }, problems: ['title'] });
  });

  it('knows its subcommands in English and Polish, and opens the form when bare', () => {
    expect(parseIncidentCommand('')).toEqual({ kind: 'open_modal' });
    for (const word of ['list', 'lista', 'LISTA']) expect(parseIncidentCommand(word)).toEqual({ kind: 'list' });
    for (const word of ['stats', 'statystyki']) expect(parseIncidentCommand(word)).toEqual({ kind: 'stats' });
    for (const word of ['help', 'pomoc']) expect(parseIncidentCommand(word)).toEqual({ kind: 'help' });
    expect(parseIncidentCommand('Stats: dashboard empty')).toMatchObject({ kind: 'open', draft: { client: 'Stats' } });
  });
});

describe('/kept cadence', () => {
  it('reads one or more severity–cadence pairs, in English and Polish, with "working day"', () => {
    expect(parseCadences('sev1 1h')).toEqual({ sev1: 60 });
    expect(parseCadences('sev2 30m sev3 workday')).toEqual({ sev2: 30, sev3: null });
    expect(parseCadences('sev3 1 dzień roboczy')).toEqual({ sev3: null });
    expect(parseCadences('sev1 2 godz.')).toBeUndefined();
    expect(parseSettingsCommand('kadencja sev1 2godz')).toEqual({ kind: 'change', change: { field: 'cadence', cadences: { sev1: 120 } } });
  });

  it('refuses what it cannot read: no severity, odd words, under 5 minutes', () => {
    for (const text of ['', '1h', 'sev4 1h', 'sev1', 'sev1 1m', 'sev1 soon']) expect(parseCadences(text), text).toBeUndefined();
    expect(parseSettingsCommand('cadence sev9 1h')).toEqual({ kind: 'invalid', problem: 'cadence' });
  });

  it('reads stored settings from before cadences existed as the defaults, and keeps "one working day"', () => {
    expect(fromStored({ language: 'pl' }).incidentCadenceMinutes).toEqual({ sev1: 60, sev2: 240, sev3: null });
    expect(fromStored({ incidentCadenceMinutes: { sev1: 15, sev2: null, sev3: 'x' } }).incidentCadenceMinutes).toEqual({ sev1: 15, sev2: null, sev3: null });
    expect(fromStored({ incidentCadenceMinutes: { sev1: -5 } }).incidentCadenceMinutes.sev1).toBe(60);
  });

  it('changes only the severities named', () => {
    const after = applyChange(DEFAULT_SETTINGS, { field: 'cadence', cadences: { sev1: 30 } });
    expect(after.incidentCadenceMinutes).toEqual({ sev1: 30, sev2: 240, sev3: null });
  });
});
