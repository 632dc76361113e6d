import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type KeptHarness, newTeamId, startKept } from '../support/kept-harness.js';

// A new workspace takes its team time zone and language from the first admin's Slack profile, and says so.
let h: KeptHarness;
beforeAll(async () => {
  h = await startKept();
});
afterAll(() => h.stop());

let team: string;
beforeEach(() => {
  h.now = new Date('2026-12-01T09:00:00Z');
  team = newTeamId();
  h.fake.reset();
  h.fake.addUser({ id: 'UADMIN', tz: 'Europe/Warsaw', locale: 'pl-PL', is_admin: true });
  h.fake.addUser({ id: 'UMEMBER', tz: 'Asia/Tokyo', locale: 'en-US' });
  h.fake.addUser({ id: 'UNYADMIN', tz: 'America/New_York', locale: 'en-US', is_admin: true });
});

const text = (reply: { blocks?: unknown[]; text?: string }) => JSON.stringify(reply.blocks ?? reply.text);
const settings = () => h.kept.services.settings.get({ teamId: team });

describe('a workspace nobody has configured', () => {
  it("takes the team time zone and Polish from the installing admin's Slack profile, and says so in the first settings reply", async () => {
    const { reply } = await h.command(team, 'UADMIN', '/kept', '');
    expect(await settings()).toMatchObject({ timeZone: 'Europe/Warsaw', language: 'pl', timeZoneFrom: 'UADMIN' });
    expect(text(reply)).toContain('Ustawienia Kept');
    expect(text(reply)).toContain('Strefę czasową zespołu (Europe/Warsaw) ustawiłem według profilu Slacka osoby <@UADMIN>.');
    expect(text(reply)).toContain('/kept strefa czasowa Europe/Warsaw');
  });

  it('stays English for an English-speaking admin, and tells them where the zone came from', async () => {
    const { reply } = await h.command(team, 'UNYADMIN', '/kept', '');
    expect(await settings()).toMatchObject({ timeZone: 'America/New_York', language: 'en' });
    expect(text(reply)).toContain('I set the team time zone to America/New_York from <@UNYADMIN>’s Slack profile.');
  });

  it("writes nothing on a member's request: the first admin decides", async () => {
    await h.command(team, 'UMEMBER', '/kept', '');
    const doc = await h.db.collection('teams').doc(team).get();
    expect(doc.exists).toBe(false);
    await h.command(team, 'UADMIN', '/promise', 'list');
    expect((await settings()).timeZone).toBe('Europe/Warsaw');
    // Later people don't move it: it was taken once.
    await h.command(team, 'UNYADMIN', '/kept', '');
    expect((await settings()).timeZone).toBe('Europe/Warsaw');
  });

  it('stops saying where the zone came from once someone chooses one', async () => {
    await h.command(team, 'UADMIN', '/kept', '');
    const { reply } = await h.command(team, 'UADMIN', '/kept', 'strefa czasowa Europe/London');
    expect(await settings()).toMatchObject({ timeZone: 'Europe/London' });
    expect((await settings()).timeZoneFrom).toBeUndefined();
    expect(text(reply)).not.toContain('według profilu');
    await h.command(team, 'UADMIN', '/kept', 'przypomnienia 1 dzień 1 godz.');
    expect(await settings()).toMatchObject({ timeZone: 'Europe/London', reminderLeadMinutes: [1440, 60] });
    const { reply: shown } = await h.command(team, 'UADMIN', '/kept', '');
    expect(text(shown)).toContain('Przypomnienia: dzień i godzinę przed terminem');
    expect(text(shown)).toContain('sev1 co godzinę · sev2 co 4 godziny · sev3 co dzień roboczy');
  });
});
