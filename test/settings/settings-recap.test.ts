import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseSettingsCommand } from '../../src/settings/settings-command.js';
import { readWeeklyTime } from '../../src/shared/dates/weekly-time.js';
import { formatWeekdayTime } from '../../src/shared/dates/working-hours-text.js';
import { toDate } from '../../src/shared/firestore/firestore.js';
import { type KeptHarness, newTeamId, startKept } from '../support/kept-harness.js';

describe('the recap day and time in words', () => {
  it('reads a weekday and a time in English and Polish', () => {
    expect(readWeeklyTime('Fri 15:00')).toEqual({ weekday: 5, minute: 900 });
    expect(readWeeklyTime('friday 3pm')).toEqual({ weekday: 5, minute: 900 });
    expect(readWeeklyTime('Monday at 9:30')).toEqual({ weekday: 1, minute: 570 });
    expect(readWeeklyTime('pt 15:00')).toEqual({ weekday: 5, minute: 900 });
    expect(readWeeklyTime('piątek o 15')).toEqual({ weekday: 5, minute: 900 });
    expect(readWeeklyTime('niedz. 8.15')).toEqual({ weekday: 7, minute: 495 });
  });

  it('refuses what is not one day and one time', () => {
    for (const text of ['', 'Fri', '15:00', 'Funday 15:00', 'Fri 25:00', 'Fri 24:00', 'Mon-Fri 15:00', 'Fri 13pm']) {
      expect(readWeeklyTime(text), text).toBeUndefined();
    }
  });

  it('is a /kept setting in both languages', () => {
    expect(parseSettingsCommand('recap Fri 15:00')).toEqual({ kind: 'change', change: { field: 'recap', recap: { weekday: 5, minute: 900 } } });
    expect(parseSettingsCommand('podsumowanie pt 15:00')).toEqual({ kind: 'change', change: { field: 'recap', recap: { weekday: 5, minute: 900 } } });
    expect(parseSettingsCommand('recap whenever')).toEqual({ kind: 'invalid', problem: 'recap' });
    expect(formatWeekdayTime({ weekday: 5, minute: 900 }, 'pl')).toBe('pt. 15:00');
  });
});

describe('/kept recap', () => {
  let h: KeptHarness;
  let team: string;
  beforeAll(async () => {
    h = await startKept();
  });
  afterAll(() => h.stop());
  beforeEach(() => {
    team = newTeamId();
    h.now = new Date('2026-12-01T09:00:00Z');
    h.fake.addUser({ id: 'UADMIN', tz: 'Europe/Warsaw', is_admin: true });
  });

  it('shows the default, changes it, and plans the next recap in the team time zone', async () => {
    const shown = await h.command(team, 'UADMIN', '/kept', '');
    expect(JSON.stringify(shown.reply.blocks)).toContain('Weekly recap: Fri 15:00, team time zone');
    await h.command(team, 'UADMIN', '/kept', 'timezone Europe/Warsaw');
    await h.command(team, 'UADMIN', '/kept', 'channel recap <#CWINS|wins>');
    const { reply } = await h.command(team, 'UADMIN', '/kept', 'recap Mon 9:00');
    expect(JSON.stringify(reply.blocks)).toContain('Weekly recap: Mon 09:00');
    expect((await h.kept.services.settings.get({ teamId: team })).recap).toEqual({ weekday: 1, minute: 540 });
    const stored = (await h.db.collection('teams').doc(team).get()).get('recapNextAt');
    expect(toDate(stored).toISOString()).toBe('2026-12-07T08:00:00.000Z');
  });

  it('explains the format in Polish when it cannot read it', async () => {
    await h.command(team, 'UADMIN', '/kept', 'język pl');
    const { reply } = await h.command(team, 'UADMIN', '/kept', 'podsumowanie kiedyś');
    expect(reply.text).toContain('/kept podsumowanie pt 15:00');
  });
});
