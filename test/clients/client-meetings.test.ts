import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHANNELS, type ClientWorld, startClientWorld } from './client-world.js';

let w: ClientWorld;
beforeEach(async () => {
  w = await startClientWorld('2026-12-01T08:00:00Z');
});
afterEach(() => w.stop());

const meetingNudges = (user: string) => w.dmsTo(user).filter((dm) => String(dm.text).startsWith('Time to meet'));

describe('meetings', () => {
  it('nudges the owner once per cadence window when the next meeting is overdue, inside working hours', async () => {
    await w.command('UADMIN', 'ACME owner <@UANA>');
    await w.command('UANA', 'ACME meet every 2w');
    await w.sweep('2026-12-15T07:59:00Z');
    expect(meetingNudges('UANA')).toHaveLength(0);
    await w.sweep('2026-12-15T08:00:30Z');
    await w.sweep('2026-12-15T09:00:00Z');
    expect(meetingNudges('UANA')).toHaveLength(1);
    expect(JSON.stringify(meetingNudges('UANA')[0]!.blocks)).toContain('no meeting is logged yet');
    await w.sweep('2026-12-28T09:00:00Z');
    expect(meetingNudges('UANA')).toHaveLength(1);
    await w.sweep('2026-12-29T08:05:00Z');
    expect(meetingNudges('UANA')).toHaveLength(2);
  });

  it('waits for working hours: a meeting due on Saturday is nudged on Monday at 09:00', async () => {
    await w.command('UADMIN', 'ACME owner <@UANA>');
    await w.command('UANA', 'ACME meet every 4d');
    await w.sweep('2026-12-05T08:01:00Z');
    await w.sweep('2026-12-06T12:00:00Z');
    expect(meetingNudges('UANA')).toHaveLength(0);
    await w.sweep('2026-12-07T08:00:30Z');
    expect(meetingNudges('UANA')).toHaveLength(1);
  });

  it('a logged meeting moves the next one a cadence later', async () => {
    await w.command('UADMIN', 'ACME owner <@UANA>');
    await w.command('UANA', 'ACME meet every 2w');
    w.h.now = new Date('2026-12-14T12:00:00Z');
    expect(await w.command('UBEN', 'ACME met today quarterly review')).toContain('Meeting with *ACME* logged');
    await w.sweep('2026-12-15T09:00:00Z');
    expect(meetingNudges('UANA')).toHaveLength(0);
    await w.sweep('2026-12-28T12:01:00Z');
    expect(meetingNudges('UANA')).toHaveLength(1);
    expect(JSON.stringify(meetingNudges('UANA')[0]!.blocks)).toContain('the last meeting was 14 days ago');
  });

  it('refuses a meeting in the future', async () => {
    await w.command('UADMIN', 'add ACME');
    expect(await w.command('UANA', 'ACME met 2026-12-24 party')).toBe('That date is in the future. Log meetings once they have happened.');
  });
});

describe('several meetings due at once', () => {
  it('come to the owner as one nudge naming each client', async () => {
    await w.command('UADMIN', 'ACME owner <@UANA>');
    await w.command('UADMIN', 'Globex owner <@UANA>');
    await w.command('UANA', 'ACME meet every 2w');
    await w.command('UANA', 'Globex meet every 2w');
    await w.sweep('2026-12-15T08:00:30Z');
    const nudges = meetingNudges('UANA');
    expect(nudges).toHaveLength(1);
    expect(nudges[0]!.text).toBe('Time to meet 2 clients: ACME and 1 more');
    expect(JSON.stringify(nudges[0]!.blocks)).toContain('• *Globex*: no meeting is logged yet');
    expect(nudges[0]!.metadata).toMatchObject({ event_type: 'kept_client_meetings_due', event_payload: { count: 2 } });
    await w.sweep('2026-12-15T09:00:00Z');
    expect(meetingNudges('UANA')).toHaveLength(1);
  });

  it('speak Polish in a Polish workspace', async () => {
    await w.h.command(w.team, 'UADMIN', '/kept', 'language pl');
    await w.command('UADMIN', 'ACME owner <@UANA>');
    await w.command('UADMIN', 'Globex owner <@UANA>');
    await w.command('UANA', 'ACME meet every 2w');
    await w.command('UANA', 'Globex meet every 2w');
    await w.sweep('2026-12-15T08:00:30Z');
    const nudge = w.dmsTo('UANA').find((dm) => String(dm.text).startsWith('Czas na spotkania'));
    expect(nudge?.text).toBe('Czas na spotkania z klientami (2): ACME i jeszcze 1');
    expect(JSON.stringify(nudge?.blocks)).toContain('• *Globex* – nie zapisano jeszcze żadnego');
  });
});

describe('meetings while the owner is away', () => {
  it('wait until the owner is back when nobody stands in', async () => {
    await w.h.command(w.team, 'UADMIN', '/kept', 'leads <@ULEAD>');
    await w.command('UADMIN', 'ACME owner <@UANA>');
    await w.command('UANA', 'ACME meet every 2w');
    await w.h.command(w.team, 'ULEAD', '/kept', 'away <@UANA> until 16 Dec');
    await w.sweep('2026-12-15T09:00:00Z');
    await w.sweep('2026-12-16T12:00:00Z');
    expect(meetingNudges('UANA')).toHaveLength(0);
    await w.sweep('2026-12-17T08:00:30Z');
    expect(meetingNudges('UANA')).toHaveLength(1);
  });

  it("go to the client's backup on time", async () => {
    await w.h.command(w.team, 'UADMIN', '/kept', 'leads <@ULEAD>');
    await w.command('UADMIN', 'ACME owner <@UANA>');
    await w.command('UADMIN', 'ACME backup <@UBEN>');
    await w.command('UANA', 'ACME meet every 2w');
    await w.h.command(w.team, 'ULEAD', '/kept', 'away <@UANA> until 16 Dec');
    await w.sweep('2026-12-15T09:00:00Z');
    expect(meetingNudges('UBEN')).toHaveLength(1);
    expect(meetingNudges('UANA')).toHaveLength(0);
    await w.sweep('2026-12-17T08:00:30Z');
    expect(meetingNudges('UANA')).toHaveLength(0);
  });

  it('skip a company day off', async () => {
    await w.command('UADMIN', 'ACME owner <@UANA>');
    await w.command('UANA', 'ACME meet every 2w');
    await w.h.command(w.team, 'UADMIN', '/kept', 'dayoff 2026-12-15');
    await w.sweep('2026-12-15T09:00:00Z');
    expect(meetingNudges('UANA')).toHaveLength(0);
    await w.sweep('2026-12-16T08:00:30Z');
    expect(meetingNudges('UANA')).toHaveLength(1);
  });
});

describe('who hears about a waiting question', () => {
  it('the backup when there is no owner, and the leads when there is neither', async () => {
    await w.h.command(w.team, 'UADMIN', '/kept', 'leads <@ULEAD>');
    await w.command('UADMIN', `ACME channel <#${CHANNELS.acme}>`);
    await w.command('UADMIN', 'ACME backup <@UBEN>');
    await w.command('UADMIN', `Globex channel <#${CHANNELS.globex}>`);
    const a = await w.message('UEXT', CHANNELS.acme, '2026-12-01T09:00:00Z', 'For ACME', { outside: true });
    const g = await w.message('UEXT', CHANNELS.globex, '2026-12-01T09:00:00Z', 'For Globex', { outside: true });
    await w.waitWatched(CHANNELS.acme, a);
    await w.waitWatched(CHANNELS.globex, g);
    await w.sweep('2026-12-01T11:01:00Z');
    expect(JSON.stringify(w.dmsTo('UBEN').map((d) => d.blocks))).toContain('For ACME');
    expect(JSON.stringify(w.dmsTo('ULEAD').map((d) => d.blocks))).toContain('For Globex');
    expect(JSON.stringify(w.dmsTo('ULEAD').map((d) => d.blocks))).not.toContain('For ACME');
  });

  it('a question nobody can be told about ends its watch instead of waking the sweep forever', async () => {
    await w.command('UADMIN', `ACME channel <#${CHANNELS.acme}>`);
    const ts = await w.message('UEXT', CHANNELS.acme, '2026-12-01T09:00:00Z', 'Anyone?', { outside: true });
    await w.waitWatched(CHANNELS.acme, ts);
    await w.sweep('2026-12-01T13:01:00Z');
    expect((await w.watched(CHANNELS.acme, ts))?.nextStepAt).toBeNull();
    expect((await w.watched(CHANNELS.acme, ts))?.status).toBe('waiting');
  });
});
