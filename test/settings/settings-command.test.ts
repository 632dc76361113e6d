import { describe, expect, it } from 'vitest';
import { applyChange, canChangeSettings, parseSettingsCommand } from '../../src/settings/settings-command.js';
import { parseLeadTimes } from '../../src/settings/settings-values.js';
import { DEFAULT_SETTINGS } from '../../src/shared/workspace/workspace-settings.js';

describe('/kept text forms', () => {
  it('shows settings for an empty text or help, in either language', () => {
    for (const text of ['', 'help', 'pomoc', 'ustawienia']) expect(parseSettingsCommand(text)).toEqual({ kind: 'show' });
  });

  it('reads leads, channels, time zone, reminders, hours and language', () => {
    expect(parseSettingsCommand('leads <@U1|ana> <@U2> <@U1>')).toEqual({ kind: 'change', change: { field: 'leads', leads: ['U1', 'U2'] } });
    expect(parseSettingsCommand('liderzy brak')).toEqual({ kind: 'change', change: { field: 'leads', leads: [] } });
    expect(parseSettingsCommand('channel leads <#C123|client-leads>')).toEqual({
      kind: 'change',
      change: { field: 'channel', role: 'leads', channelId: 'C123' },
    });
    expect(parseSettingsCommand('kanał liderzy brak')).toEqual({ kind: 'change', change: { field: 'channel', role: 'leads', channelId: undefined } });
    expect(parseSettingsCommand('timezone Europe/Warsaw')).toEqual({ kind: 'change', change: { field: 'timeZone', timeZone: 'Europe/Warsaw' } });
    expect(parseSettingsCommand('reminders 1h 24h')).toEqual({ kind: 'change', change: { field: 'reminders', minutes: [1440, 60] } });
    expect(parseSettingsCommand('hours Mon-Fri 08:30-16:30')).toMatchObject({
      kind: 'change',
      change: { field: 'hours', hours: { days: [1, 2, 3, 4, 5], startMinute: 510, endMinute: 990 } },
    });
    expect(parseSettingsCommand('język pl')).toEqual({ kind: 'change', change: { field: 'language', language: 'pl' } });
  });

  it('names the problem in bad input', () => {
    expect(parseSettingsCommand('leads ana')).toEqual({ kind: 'invalid', problem: 'leads' });
    expect(parseSettingsCommand('channel lunch <#C1>')).toEqual({ kind: 'invalid', problem: 'channel' });
    expect(parseSettingsCommand('timezone Mars/Olympus')).toEqual({ kind: 'invalid', problem: 'timezone' });
    expect(parseSettingsCommand('reminders soon')).toEqual({ kind: 'invalid', problem: 'reminders' });
    expect(parseSettingsCommand('hours Mon-Fri 18:00-09:00')).toEqual({ kind: 'invalid', problem: 'hours_order' });
    expect(parseSettingsCommand('language de')).toEqual({ kind: 'invalid', problem: 'language' });
    expect(parseSettingsCommand('make coffee')).toEqual({ kind: 'invalid', problem: 'unknown' });
  });

  it('accepts five lead times from 5 minutes to 14 days, no more', () => {
    expect(parseLeadTimes('2d 30m 1h')).toEqual([2880, 60, 30]);
    expect(parseLeadTimes('4m')).toBeUndefined();
    expect(parseLeadTimes('15d')).toBeUndefined();
    expect(parseLeadTimes('1h 2h 3h 4h 5h 6h')).toBeUndefined();
  });

  it('applies a change without touching the rest', () => {
    const changed = applyChange(DEFAULT_SETTINGS, { field: 'channel', role: 'recap', channelId: 'C9' });
    expect(changed).toEqual({ ...DEFAULT_SETTINGS, channels: { recap: 'C9' } });
    expect(applyChange(changed, { field: 'channel', role: 'recap', channelId: undefined }).channels).toEqual({});
  });

  it('lets admins, owners and leads change settings, and nobody else', () => {
    const settings = { ...DEFAULT_SETTINGS, leads: ['ULEAD'] };
    expect(canChangeSettings(settings, { id: 'ULEAD', isAdmin: false, isOwner: false })).toBe(true);
    expect(canChangeSettings(settings, { id: 'UA', isAdmin: true, isOwner: false })).toBe(true);
    expect(canChangeSettings(settings, { id: 'UO', isAdmin: false, isOwner: true })).toBe(true);
    expect(canChangeSettings(settings, { id: 'UX', isAdmin: false, isOwner: false })).toBe(false);
  });
});
