import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type KeptHarness, newTeamId, startKept } from '../support/kept-harness.js';

let h: KeptHarness;
beforeAll(async () => {
  h = await startKept();
});
afterAll(() => h.stop());

let team: string;
beforeEach(() => {
  team = newTeamId();
  h.fake.reset();
  h.fake.addUser({ id: 'UADMIN', tz: 'Europe/Warsaw', is_admin: true });
  h.fake.addUser({ id: 'UMEMBER', tz: 'Europe/Warsaw' });
  h.fake.addUser({ id: 'ULEAD', tz: 'Europe/Warsaw' });
});

const text = (reply: Record<string, any>) => JSON.stringify(reply.blocks ?? reply.text);
const settings = () => h.kept.services.settings.get({ teamId: team });

describe('/kept', () => {
  it('shows help and the current settings to anyone', async () => {
    const { reply } = await h.command(team, 'UMEMBER', '/kept', '');
    expect(text(reply)).toContain('Kept settings');
    expect(text(reply)).toContain('Mon–Fri 09:00–18:00');
    expect(text(reply)).toContain('/kept leads @ana @ben');
  });

  it('lets an admin name the leads, then a lead change the rest', async () => {
    await h.command(team, 'UADMIN', '/kept', 'leads <@ULEAD|lead>');
    expect((await settings()).leads).toEqual(['ULEAD']);
    await h.command(team, 'ULEAD', '/kept', 'channel leads <#CLEADS|client-leads>');
    await h.command(team, 'ULEAD', '/kept', 'timezone Europe/Warsaw');
    await h.command(team, 'ULEAD', '/kept', 'reminders 2d 2h');
    const { reply } = await h.command(team, 'ULEAD', '/kept', 'hours Mon-Thu 08:00-16:00');
    expect(text(reply)).toContain('Saved');
    expect(await settings()).toMatchObject({
      channels: { leads: 'CLEADS' },
      timeZone: 'Europe/Warsaw',
      reminderLeadMinutes: [2880, 120],
      workingHours: { days: [1, 2, 3, 4], startMinute: 480, endMinute: 960 },
    });
  });

  it('refuses a member who is neither admin nor lead, and changes nothing', async () => {
    const { reply } = await h.command(team, 'UMEMBER', '/kept', 'leads <@UMEMBER>');
    expect(reply.text).toBe('Only workspace admins, owners and Kept leads can change settings.');
    expect((await settings()).leads).toEqual([]);
  });

  it('explains a bad value with an example, and changes nothing', async () => {
    await h.command(team, 'UADMIN', '/kept', '');
    const before = await settings();
    const { reply } = await h.command(team, 'UADMIN', '/kept', 'timezone Warsaw');
    expect(text(reply)).toContain('Europe/Warsaw');
    expect(await settings()).toEqual(before);
  });

  it('switches the workspace to Polish and answers in Polish from then on', async () => {
    const { reply } = await h.command(team, 'UADMIN', '/kept', 'language pl');
    expect(text(reply)).toContain('Zapisano');
    const help = await h.command(team, 'UMEMBER', '/kept', '');
    expect(text(help.reply)).toContain('Ustawienia Kept');
    expect(text(help.reply)).toContain('pon.–pt. 09:00–18:00');
  });
});
