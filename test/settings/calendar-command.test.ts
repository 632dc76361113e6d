import { describe, expect, it } from 'vitest';
import { parseCalendarDate } from '../../src/settings/calendar-command.js';
import { applyChange, changeSettings, parseSettingsCommand } from '../../src/settings/settings-command.js';
import { buildSettingsModal, readSettingsSubmission } from '../../src/settings/settings-modal.js';
import { messagesFor } from '../../src/shared/i18n/index.js';
import { availabilityOf, awayFromSlackStatus } from '../../src/shared/workspace/person.js';
import { fromStored } from '../../src/shared/workspace/settings-store.js';
import { cadencePolicyChanged, DEFAULT_SETTINGS, holidayRegionOf, reminderPolicyChanged } from '../../src/shared/workspace/workspace-settings.js';
import { submission } from './settings-form-values.js';

const today = { year: 2026, month: 12, day: 1 };
const parse = (text: string) => parseSettingsCommand(text, today);

describe('/kept holidays and days off', () => {
  it('reads a holiday calendar by country, with a region where it matters, in English and Polish', () => {
    for (const text of ['holidays PL', 'holidays pl', 'święta PL', 'swieta pl'])
      expect(parse(text)).toEqual({ kind: 'change', change: { field: 'holidays', holidays: 'PL' } });
    expect(parse('holidays de-by')).toEqual({ kind: 'change', change: { field: 'holidays', holidays: 'DE-BY' } });
    expect(parse('święta brak')).toEqual({ kind: 'change', change: { field: 'holidays', holidays: 'none' } });
  });

  it('refuses a country or region it does not know', () => {
    for (const text of ['holidays XX', 'holidays', 'holidays DE-ZZ', 'święta Polska']) expect(parse(text)).toEqual({ kind: 'invalid', problem: 'holidays' });
  });

  it('reads a company day off in any common spelling, and refuses one in the past or not a date', () => {
    const dayOff = (date: string, remove = false) => ({ kind: 'change', change: { field: 'dayOff', date, remove } });
    expect(parse('dayoff 2026-12-24')).toEqual(dayOff('2026-12-24'));
    expect(parse('day off 24 Dec')).toEqual(dayOff('2026-12-24'));
    expect(parse('dzień wolny 24.12')).toEqual(dayOff('2026-12-24'));
    expect(parse('dzien wolny 2 stycznia')).toEqual(dayOff('2027-01-02'));
    expect(parse('dayoff remove 2026-12-24')).toEqual(dayOff('2026-12-24', true));
    expect(parse('dzień wolny usuń 24.12.2026')).toEqual(dayOff('2026-12-24', true));
    expect(parse('dayoff 2026-11-30')).toEqual({ kind: 'invalid', problem: 'dayoff_past' });
    expect(parse('dayoff 2026-02-30')).toEqual({ kind: 'invalid', problem: 'dayoff' });
    expect(parse('dayoff soon')).toEqual({ kind: 'invalid', problem: 'dayoff' });
  });

  it('adds days off in order, once, and removes them', () => {
    const one = applyChange(DEFAULT_SETTINGS, { field: 'dayOff', date: '2026-12-31', remove: false });
    const two = applyChange(one, { field: 'dayOff', date: '2026-12-24', remove: false });
    expect(applyChange(two, { field: 'dayOff', date: '2026-12-24', remove: false }).daysOff).toEqual(['2026-12-24', '2026-12-31']);
    expect(applyChange(two, { field: 'dayOff', date: '2026-12-31', remove: true }).daysOff).toEqual(['2026-12-24']);
  });

  it('drops past days off as the list changes, and takes no more once 50 are kept', () => {
    const withPast = { ...DEFAULT_SETTINGS, daysOff: ['2026-11-11', '2026-12-24'] };
    expect(changeSettings(withPast, { field: 'dayOff', date: '2026-12-31', remove: false }, today)).toMatchObject({ daysOff: ['2026-12-24', '2026-12-31'] });
    expect(changeSettings(withPast, { field: 'language', language: 'pl' }, today)).toMatchObject({ daysOff: ['2026-11-11', '2026-12-24'] });
    const fifty = { ...DEFAULT_SETTINGS, daysOff: Array.from({ length: 50 }, (_, i) => isoDay(2027, i)) };
    expect(changeSettings(fifty, { field: 'dayOff', date: '2028-06-01', remove: false }, today)).toEqual({ problem: 'dayoff_full' });
    expect(changeSettings(fifty, { field: 'dayOff', date: fifty.daysOff[0]!, remove: true }, today)).toMatchObject({ daysOff: fifty.daysOff.slice(1) });
  });

  it('reads settings stored before holidays existed: Poland for a Polish workspace, none for an English one', () => {
    const old = { language: 'pl', timeZone: 'Europe/Warsaw', leads: [], channels: {}, reminderLeadMinutes: [60] };
    expect(fromStored(old).daysOff).toEqual([]);
    expect(holidayRegionOf(fromStored(old))).toBe('PL');
    expect(holidayRegionOf(fromStored({ ...old, language: 'en' }))).toBeUndefined();
    expect(holidayRegionOf(fromStored({ ...old, holidays: 'none' }))).toBeUndefined();
    expect(fromStored({ ...old, holidays: 'nonsense', daysOff: ['2026-12-24', 7, 'x'] })).toMatchObject({ daysOff: ['2026-12-24'] });
    expect(fromStored({ ...old, holidays: 'nonsense' }).holidays).toBeUndefined();
  });
});

describe('/kept my hours, away, back and backup', () => {
  it("reads a person's own hours, and going back to the team's", () => {
    for (const text of ['my hours Mon-Thu 08:00-16:00', 'moje godziny pn-czw 8-16']) {
      expect(parse(text)).toEqual({ kind: 'personal', change: { kind: 'myHours', hours: { days: [1, 2, 3, 4], startMinute: 480, endMinute: 960 } } });
    }
    expect(parse('my hours team')).toEqual({ kind: 'personal', change: { kind: 'myHours', hours: null } });
    expect(parse('moje godziny zespołu')).toEqual({ kind: 'personal', change: { kind: 'myHours', hours: null } });
  });

  it('refuses impossible hours with the reason', () => {
    expect(parse('my hours Mon-Fri 25:00-26:00')).toEqual({ kind: 'invalid', problem: 'hours_times' });
    expect(parse('my hours Mon-Fri 17:00-09:00')).toEqual({ kind: 'invalid', problem: 'hours_order' });
    expect(parse('moje godziny w weekendy 9-17')).toEqual({ kind: 'invalid', problem: 'hours_days' });
  });

  it('reads an absence for oneself or, with a mention, for someone else, in English and Polish', () => {
    const away = (lastDay: object, userId?: string) => ({ kind: 'personal', change: { kind: 'away', ...(userId ? { userId } : {}), lastDay } });
    const newYearsEve = { year: 2026, month: 12, day: 31 };
    for (const text of [
      'away until 2026-12-31',
      'away 31 Dec',
      'nieobecny do 31.12',
      'nieobecna do 31 grudnia',
      'nieobecność do 31.12.2026',
      'urlop do 31.12',
    ]) {
      expect(parse(text)).toEqual(away(newYearsEve));
    }
    expect(parse('away <@UANA|ana> until 31 Dec')).toEqual(away(newYearsEve, 'UANA'));
    expect(parse('back')).toEqual({ kind: 'personal', change: { kind: 'away', lastDay: null } });
    expect(parse('wracam')).toEqual({ kind: 'personal', change: { kind: 'away', lastDay: null } });
    expect(parse('back <@UANA>')).toEqual({ kind: 'personal', change: { kind: 'away', userId: 'UANA', lastDay: null } });
  });

  it('refuses an absence ending before today, or a year away, or without a date', () => {
    expect(parse('away until 2026-11-30')).toEqual({ kind: 'invalid', problem: 'away_past' });
    expect(parse('nieobecny do 30.11.2026')).toEqual({ kind: 'invalid', problem: 'away_past' });
    expect(parse('away until 2028-01-01')).toEqual({ kind: 'invalid', problem: 'away' });
    expect(parse('away until later')).toEqual({ kind: 'invalid', problem: 'away' });
  });

  it('reads a backup set for someone, and refuses one without two different people', () => {
    expect(parse('backup <@UANA> <@UBEN>')).toEqual({ kind: 'personal', change: { kind: 'backup', userId: 'UANA', backupId: 'UBEN' } });
    expect(parse('zastępstwo <@UANA> brak')).toEqual({ kind: 'personal', change: { kind: 'backup', userId: 'UANA', backupId: null } });
    expect(parse('backup <@UANA> <@UANA>')).toEqual({ kind: 'invalid', problem: 'backup' });
    expect(parse('backup ben')).toEqual({ kind: 'invalid', problem: 'backup' });
  });

  it('places a date without a year on its next occurrence', () => {
    expect(parseCalendarDate('3 Jan', today)).toEqual({ year: 2027, month: 1, day: 3 });
    expect(parseCalendarDate('Dec 1', today)).toEqual({ year: 2026, month: 12, day: 1 });
    expect(parseCalendarDate('3 Jan')).toBeUndefined();
  });
});

describe('away from a Slack status', () => {
  const now = new Date('2026-12-01T09:00:00Z');
  const tomorrow = Math.floor(new Date('2026-12-02T23:00:00Z').getTime() / 1000);

  it('counts a vacation, sick or out-of-office status that expires later as away until then', () => {
    for (const status of [
      { text: 'Vacationing', emoji: ':palm_tree:', expiration: tomorrow },
      { text: '', emoji: ':face_with_thermometer:', expiration: tomorrow },
      { text: 'Out of office', emoji: '', expiration: tomorrow },
      { text: 'Urlop', emoji: '', expiration: tomorrow },
      { text: 'L4', emoji: ':pill:', expiration: tomorrow },
    ]) {
      expect(awayFromSlackStatus(status, now)).toEqual({ until: new Date(tomorrow * 1000), source: 'slack' });
    }
  });

  it('ignores other statuses, one without an expiration and one already expired', () => {
    expect(awayFromSlackStatus({ text: 'In a meeting', emoji: ':calendar:', expiration: tomorrow }, now)).toBeUndefined();
    expect(awayFromSlackStatus({ text: 'Vacationing', emoji: ':palm_tree:', expiration: 0 }, now)).toBeUndefined();
    expect(awayFromSlackStatus({ text: 'Vacationing', emoji: ':palm_tree:', expiration: 1_700_000_000 }, now)).toBeUndefined();
  });

  it("takes the later of Kept's own absence and the Slack status", () => {
    const keptUntil = new Date('2026-12-05T23:00:00Z');
    const person = { awayUntil: keptUntil, awayLastDay: '2026-12-05', backupId: 'UBEN' };
    expect(availabilityOf(person, { text: 'Vacationing', emoji: ':palm_tree:', expiration: tomorrow }, now)).toEqual({
      away: { until: keptUntil, source: 'kept' },
      backupId: 'UBEN',
    });
    expect(availabilityOf(person, undefined, new Date('2026-12-06T00:00:00Z'))).toEqual({ backupId: 'UBEN' });
  });
});

describe('the holiday calendar in the settings form', () => {
  const en = messagesFor('en');

  it('sets a country and region, refuses an unknown one by field, and follows the language when left empty', () => {
    expect(readSettingsSubmission(en, DEFAULT_SETTINGS, submission({ holidays: { value: 'de-by' } }))).toMatchObject({
      ok: true,
      settings: { holidays: 'DE-BY' },
    });
    expect(readSettingsSubmission(en, DEFAULT_SETTINGS, submission({ holidays: { value: 'XX' } }))).toEqual({
      ok: false,
      errors: { holidays: en.settings.days_off.problems.holidays },
    });
    const polish = { ...DEFAULT_SETTINGS, language: 'pl' as const };
    const modal = buildSettingsModal(messagesFor('pl'), polish);
    expect(JSON.stringify(modal.blocks.find((b) => b.block_id === 'holidays'))).not.toContain('initial_value');
    const chosen = { ...polish, holidays: 'none' };
    expect(JSON.stringify(buildSettingsModal(messagesFor('pl'), chosen).blocks.find((b) => b.block_id === 'holidays'))).toContain('"initial_value":"none"');
    const emptied = readSettingsSubmission(en, chosen, submission({ language: { selected_option: { value: 'pl' } }, holidays: { value: ' ' } }));
    expect(emptied.ok && emptied.settings.holidays).toBeUndefined();
    expect(emptied.ok && holidayRegionOf(emptied.settings)).toBe('PL');
  });
});

describe('what re-plans open promises and incidents', () => {
  it('a new holiday calendar, a day off, or a language change that changes the holidays', () => {
    const base = { ...DEFAULT_SETTINGS };
    expect(reminderPolicyChanged(base, { ...base, holidays: 'PL' })).toBe(true);
    expect(cadencePolicyChanged(base, { ...base, daysOff: ['2026-12-24'] })).toBe(true);
    expect(reminderPolicyChanged(base, { ...base, language: 'pl' })).toBe(true);
    expect(reminderPolicyChanged({ ...base, holidays: 'none' }, { ...base, holidays: 'none', language: 'pl' })).toBe(false);
    expect(cadencePolicyChanged(base, { ...base, leads: ['UANA'] })).toBe(false);
  });
});

/** The ISO date `offset` days into `year`. */
function isoDay(year: number, offset: number): string {
  return new Date(Date.UTC(year, 0, 1 + offset)).toISOString().slice(0, 10);
}
