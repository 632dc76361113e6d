import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FirestorePeopleStore } from '../../src/shared/workspace/people-store.js';
import { type KeptHarness, newTeamId, startKept } from '../support/kept-harness.js';

let h: KeptHarness;
beforeAll(async () => {
  h = await startKept({ now: new Date('2026-12-01T09:00:00Z') });
});
afterAll(() => h.stop());

let team: string;
beforeEach(() => {
  team = newTeamId();
  h.fake.reset();
  h.fake.addUser({ id: 'UADMIN', tz: 'Europe/Warsaw', is_admin: true });
  h.fake.addUser({ id: 'UMEMBER', tz: 'Europe/Warsaw' });
  h.fake.addUser({ id: 'UANA', tz: 'America/New_York' });
});

const text = (reply: Record<string, any>) => JSON.stringify(reply.blocks ?? reply.text);
const settings = () => h.kept.services.settings.get({ teamId: team });
const person = (userId: string) => new FirestorePeopleStore(h.db).get({ teamId: team }, userId);

describe('/kept holidays and dayoff over signed HTTP', () => {
  it('sets the holiday calendar and shows it, and refuses an unknown country without saving', async () => {
    const bad = await h.command(team, 'UADMIN', '/kept', 'holidays XX');
    expect(bad.status).toBe(200);
    expect(text(bad.reply)).toContain('I do not know that holiday calendar');
    expect((await settings()).holidays).toBeUndefined();

    const { reply } = await h.command(team, 'UADMIN', '/kept', 'holidays PL');
    expect(text(reply)).toContain('Public holidays: Poland');
    expect((await settings()).holidays).toBe('PL');
  });

  it('answers a Polish workspace in Polish, for Polish command words too', async () => {
    await h.command(team, 'UADMIN', '/kept', 'language pl');
    const bad = await h.command(team, 'UADMIN', '/kept', 'święta XX');
    expect(text(bad.reply)).toContain('Nie znam takiego kalendarza świąt');
    const shown = await h.command(team, 'UADMIN', '/kept', '');
    expect(text(shown.reply)).toContain('Święta: Polska (według języka)');
    const { reply } = await h.command(team, 'UADMIN', '/kept', 'dzien wolny 31.12');
    expect(reply.text).toContain('czw. 31 grudnia 2026 to dzień wolny');
    expect((await settings()).daysOff).toEqual(['2026-12-31']);
  });

  it('adds a company day off, refuses one in the past, and lets only admins and leads change them', async () => {
    const past = await h.command(team, 'UADMIN', '/kept', 'dayoff 2026-11-30');
    expect(text(past.reply)).toContain('That day has already passed');
    const member = await h.command(team, 'UMEMBER', '/kept', 'dayoff 2026-12-24');
    expect(member.reply.text).toContain('Only workspace admins, owners and Kept leads');
    expect((await settings()).daysOff).toEqual([]);

    const { reply } = await h.command(team, 'UADMIN', '/kept', 'dayoff 24 Dec');
    expect(reply.text).toContain('Thu 24 Dec 2026 is a day off');
    expect((await settings()).daysOff).toEqual(['2026-12-24']);
    await h.command(team, 'UADMIN', '/kept', 'dayoff remove 2026-12-24');
    expect((await settings()).daysOff).toEqual([]);
  });
});

describe('/kept my hours, away and backup over signed HTTP', () => {
  it("lets anyone set their own hours, refuses impossible ones, and goes back to the team's", async () => {
    const bad = await h.command(team, 'UMEMBER', '/kept', 'my hours Mon-Fri 25:00-26:00');
    expect(text(bad.reply)).toContain('I could not read the times');
    expect(await person('UMEMBER')).toEqual({});

    const { reply } = await h.command(team, 'UMEMBER', '/kept', 'my hours Mon-Thu 08:00-16:00');
    expect(reply.text).toContain('your own hours: Mon–Thu 08:00–16:00');
    expect((await person('UMEMBER')).hours).toEqual({ days: [1, 2, 3, 4], startMinute: 480, endMinute: 960 });
    await h.command(team, 'UMEMBER', '/kept', 'moje godziny zespołu');
    expect((await person('UMEMBER')).hours).toBeUndefined();
  });

  it('records an absence through the last day in their own zone, refuses a past date, and ends it on /kept back', async () => {
    const past = await h.command(team, 'UMEMBER', '/kept', 'away until 2026-11-30');
    expect(text(past.reply)).toContain('That date has already passed');
    expect(await person('UMEMBER')).toEqual({});

    const { reply } = await h.command(team, 'UMEMBER', '/kept', 'nieobecny do 31.12');
    expect(reply.text).toContain('away until Thu 31 Dec');
    expect(await person('UMEMBER')).toMatchObject({ awayLastDay: '2026-12-31', awayUntil: new Date('2026-12-31T23:00:00Z'), awaySetBy: 'UMEMBER' });
    await h.command(team, 'UMEMBER', '/kept', 'back');
    expect(await person('UMEMBER')).toEqual({});
  });

  it("lets a lead set someone else's absence and backup, and nobody else", async () => {
    const member = await h.command(team, 'UMEMBER', '/kept', 'away <@UANA> until 31 Dec');
    expect(member.reply.text).toContain("Only leads, workspace admins and owners can set someone else's absence");
    expect(await person('UANA')).toEqual({});

    await h.command(team, 'UADMIN', '/kept', 'away <@UANA> until 31 Dec');
    // Ana is in New York: back at midnight there.
    expect((await person('UANA')).awayUntil).toEqual(new Date('2027-01-01T05:00:00Z'));
    const { reply } = await h.command(team, 'UADMIN', '/kept', 'backup <@UANA> <@UMEMBER>');
    expect(reply.text).toBe(':white_check_mark: Saved: <@UMEMBER> stands in for <@UANA> while they are away.');
    expect((await person('UANA')).backupId).toBe('UMEMBER');
  });
});
