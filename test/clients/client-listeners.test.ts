import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLIENT_ACTIONS, CLIENT_VIEWS, CONNECT_FIELDS } from '../../src/clients/client-watch-blocks.js';
import { CHANNELS, type ClientWorld, startClientWorld } from './client-world.js';

let w: ClientWorld;
beforeEach(async () => {
  w = await startClientWorld();
});
afterEach(() => w.stop());

const clientNamed = (name: string) => w.h.kept.services.clients.find({ teamId: w.team }, name);

describe('/client', () => {
  it('adds a client when a setting names a new one, links its channel and answers with the record', async () => {
    expect(await w.command('UADMIN', `ACME channel <#${CHANNELS.acme}|acme>`)).toContain(`<#${CHANNELS.acme}> is now *ACME*'s channel`);
    await w.command('UADMIN', 'ACME owner <@UANA>');
    await w.command('UADMIN', 'ACME backup <@UBEN>');
    await w.command('UADMIN', 'ACME alias Acme Corp');
    await w.command('UANA', 'ACME meet every 4w');
    await w.command('UANA', 'ACME met today call with their CTO');
    await w.h.command(w.team, 'UANA', '/promise', 'Acme Corp: send the revised quote by Friday 3pm');
    const { reply } = await w.h.command(w.team, 'UBEN', '/client', 'acme corp');
    expect(reply.response_type).toBe('ephemeral');
    const record = JSON.stringify(reply.blocks);
    for (const part of [
      '*ACME*',
      'Also known as Acme Corp',
      'Account owner: <@UANA>',
      'Backup: <@UBEN>',
      `<#${CHANNELS.acme}>`,
      'within 2 h',
      '(workspace standard)',
    ]) {
      expect(record).toContain(part);
    }
    expect(record).toContain('*Open promises* (1)');
    expect(record).toContain('send the revised quote');
    expect(record).toContain('call with their CTO');
    expect(record).toContain('Next meeting due');
    expect(record).toContain('Nobody is waiting for an answer.');
  });

  it("shows the account owner's clients on their Home, with the questions waiting", async () => {
    await w.command('UADMIN', `ACME channel <#${CHANNELS.acme}>`);
    await w.command('UADMIN', 'ACME owner <@UANA>');
    const ts = await w.message('UEXT', CHANNELS.acme, '2026-12-01T07:30:00Z', 'Ping?', { outside: true });
    await w.waitWatched(CHANNELS.acme, ts);
    await w.h.event(w.team, { type: 'app_home_opened', user: 'UANA', channel: 'DUANA', tab: 'home', event_ts: '1796115600.000100' });
    await w.h.kept.idle(5_000);
    const home = w.h.fake
      .callsTo('views.publish')
      .filter((c) => c.args.user_id === 'UANA')
      .at(-1);
    const blocks = JSON.stringify(home?.args.view.blocks);
    expect(blocks).toContain('Your clients');
    expect(blocks).toContain('*ACME* · :hourglass_flowing_sand: 1 question waits');
    await w.h.event(w.team, { type: 'app_home_opened', user: 'UBEN', channel: 'DUBEN', tab: 'home', event_ts: '1796115600.000200' });
    await w.h.kept.idle(5_000);
    expect(
      JSON.stringify(
        w.h.fake
          .callsTo('views.publish')
          .filter((c) => c.args.user_id === 'UBEN')
          .at(-1)?.args.view.blocks,
      ),
    ).not.toContain('Your clients');
  });

  it('lets only admins, owners, leads and the account owner change a client; everyone may read it', async () => {
    await w.command('UADMIN', 'add ACME');
    expect(await w.command('UBEN', 'ACME response 1h')).toContain('Only workspace admins, owners, Kept leads and the account owner');
    await w.command('UADMIN', 'ACME owner <@UANA>');
    expect(await w.command('UANA', 'ACME response 1h')).toContain('within 1 h of working time');
    expect(await w.command('UBEN', 'ACME met yesterday lunch')).toContain('Meeting with *ACME* logged');
    expect(await w.command('UBEN', 'add Globex')).toContain('Only workspace admins');
    expect((await clientNamed('ACME'))?.responseMinutes).toBe(60);
    const { reply } = await w.h.command(w.team, 'UBEN', '/client', 'list');
    expect(reply.text).toContain('Clients');
  });

  it('suggests the closest known client for a typo, and changes nothing', async () => {
    await w.command('UADMIN', 'add ACME');
    expect(await w.command('UADMIN', 'ACEM')).toBe("I don't know a client called *ACEM*. Did you mean *ACME*? To add it: `/client add ACEM`");
    expect(await w.command('UADMIN', 'ACEM owner <@UANA>')).toContain('Did you mean *ACME*?');
    expect(await clientNamed('ACEM')).toBeUndefined();
    expect((await clientNamed('ACME'))?.ownerId).toBeUndefined();
  });

  it('says how to invite Kept to a channel it is not in, and refuses a channel another client has', async () => {
    expect(await w.command('UADMIN', `ACME channel <#${CHANNELS.notIn}|secret>`)).toBe(
      `I'm not in <#${CHANNELS.notIn}> yet. Type \`/invite @Kept\` there, then link it again.`,
    );
    expect(await clientNamed('ACME')).toBeUndefined();
    await w.command('UADMIN', `ACME channel <#${CHANNELS.acme}>`);
    expect(await w.command('UADMIN', `Globex channel <#${CHANNELS.acme}>`)).toContain('is already linked to *ACME*');
    expect((await clientNamed('Globex'))?.channelIds).toEqual([]);
  });

  it('refuses 0m and 99w as a response standard with a clear reply', async () => {
    await w.command('UADMIN', 'add ACME');
    for (const text of ['ACME response 0m', 'ACME response 99w']) expect(await w.command('UADMIN', text)).toContain('between 5 minutes and 40 working hours');
    expect((await clientNamed('ACME'))?.responseMinutes).toBeUndefined();
  });

  it('speaks Polish to a Polish workspace and reads Polish command words', async () => {
    await w.h.command(w.team, 'UADMIN', '/kept', 'language pl');
    expect(await w.command('UADMIN', `ACME kanał <#${CHANNELS.acme}>`)).toContain('to teraz kanał klienta *ACME*');
    expect(await w.command('UADMIN', 'ACME wlasciciel <@UANA>')).toBe(':white_check_mark: Opiekunem klienta *ACME* jest teraz <@UANA>.');
    expect(await w.command('UADMIN', 'ACME odpowiedź 0m')).toContain('od 5 minut do 40 godzin pracy');
    expect(await w.command('UADMIN', 'ACME spotkanie co 4 tyg.')).toBe(':white_check_mark: Przypomnę opiekunowi o spotkaniu z klientem *ACME* co 4 tygodnie.');
    expect(await w.command('UADMIN', 'AMCE')).toContain('Chodziło o *ACME*?');
  });

  it('sets the workspace standard with /kept response 2h', async () => {
    const { reply } = await w.h.command(w.team, 'UADMIN', '/kept', 'response 3h');
    expect(JSON.stringify(reply.blocks)).toContain('Client response standard: 3 hours of working time');
    expect((await w.h.kept.services.settings.get({ teamId: w.team })).responseMinutes).toBe(180);
    expect((await w.h.command(w.team, 'UADMIN', '/kept', 'response 99w')).reply.text).toContain('between 5 minutes and 40 working hours');
  });
});

describe('the watch ignores what is not a client asking', () => {
  beforeEach(async () => {
    await w.command('UADMIN', `ACME channel <#${CHANNELS.acme}>`);
  });

  it('bots, joins, unlinked channels and edits or deletions of unwatched messages store nothing and answer 200', async () => {
    const bot = await w.message('UEXT', CHANNELS.acme, '2026-12-01T09:00:00Z', 'Build passed', { outside: true, botId: 'B1', subtype: 'bot_message' });
    const join = await w.message('UEXT', CHANNELS.acme, '2026-12-01T09:01:00Z', 'joined', { outside: true, subtype: 'channel_join' });
    const elsewhere = await w.message('UEXT', CHANNELS.globex, '2026-12-01T09:02:00Z', 'Hello?', { outside: true });
    for (const [channel, ts] of [
      [CHANNELS.acme, bot],
      [CHANNELS.acme, join],
      [CHANNELS.globex, elsewhere],
    ] as const)
      expect(await w.watched(channel, ts)).toBeUndefined();
    const edit = {
      type: 'message',
      subtype: 'message_changed',
      channel: CHANNELS.acme,
      channel_type: 'channel',
      message: { type: 'message', user: 'UEXT', text: 'edited', ts: '1796115000.000100' },
      ts: '1796115999.000100',
    };
    const deletion = {
      type: 'message',
      subtype: 'message_deleted',
      channel: CHANNELS.acme,
      channel_type: 'channel',
      deleted_ts: '1796115000.000100',
      ts: '1796115999.000200',
    };
    expect((await w.h.event(w.team, edit)).status).toBe(200);
    expect((await w.h.event(w.team, deletion)).status).toBe(200);
    expect(
      (
        await w.h.event('TGONE0000', {
          type: 'message',
          channel: CHANNELS.acme,
          channel_type: 'channel',
          user: 'UEXT',
          user_team: 'TX',
          text: 'hi',
          ts: '1796115000.000300',
        })
      ).status,
    ).toBe(200);
    await w.h.kept.idle(5_000);
    expect(await w.watched(CHANNELS.acme, '1796115000.000100')).toBeUndefined();
    expect(w.h.logLines.filter((l) => l.includes('"severity":"ERROR"'))).toEqual([]);
  });

  it('keeps the stored excerpt in step with an edit, and forgets a deleted message with its clock', async () => {
    const ts = await w.message('UEXT', CHANNELS.acme, '2026-12-01T09:00:00Z', 'Can you call me?', { outside: true });
    await w.waitWatched(CHANNELS.acme, ts);
    await w.h.event(w.team, {
      type: 'message',
      subtype: 'message_changed',
      channel: CHANNELS.acme,
      channel_type: 'channel',
      message: { user: 'UEXT', text: 'Can you call me at 3?', ts },
      ts: '1796119999.000100',
    });
    await w.h.kept.idle(5_000);
    expect((await w.watched(CHANNELS.acme, ts))?.text).toBe('Can you call me at 3?');
    await w.h.event(w.team, {
      type: 'message',
      subtype: 'message_deleted',
      channel: CHANNELS.acme,
      channel_type: 'channel',
      deleted_ts: ts,
      ts: '1796119999.000200',
    });
    await w.h.kept.idle(5_000);
    expect(await w.watched(CHANNELS.acme, ts)).toBeUndefined();
  });

  it('tells a member from a guest by users.info when the event does not say', async () => {
    const inside = await w.message('UBEN', CHANNELS.acme, '2026-12-01T09:00:00Z', 'Internal note');
    const outside = await w.message('UEXT', CHANNELS.acme, '2026-12-01T09:01:00Z', 'Question from the client');
    expect(await w.watched(CHANNELS.acme, inside)).toBeUndefined();
    expect((await w.waitWatched(CHANNELS.acme, outside)).authorId).toBe('UEXT');
  });
});

describe('a Slack Connect channel no client claims', () => {
  it('asks whoever added Kept which client it is for, and links the one they pick or name', async () => {
    await w.command('UADMIN', 'add ACME');
    const joined = {
      type: 'member_joined_channel',
      user: 'UBOT',
      channel: CHANNELS.shared,
      channel_type: 'C',
      team: w.team,
      inviter: 'UADMIN',
      event_ts: '1796115600.000100',
    };
    expect((await w.h.event(w.team, joined)).status).toBe(200);
    await w.h.kept.idle(5_000);
    const [ask] = w.dmsTo('UADMIN');
    expect(ask?.text).toBe('Which client is this shared channel for?');
    expect(JSON.stringify(ask?.blocks)).toContain('ACME');
    const acme = await clientNamed('ACME');
    const { reply } = await w.h.action(w.team, 'UADMIN', CLIENT_ACTIONS.connectPick, '', { selectedOption: `${CHANNELS.shared}:${acme!.id}` });
    expect(reply?.text).toContain(`<#${CHANNELS.shared}> is now *ACME*'s channel`);
    expect((await clientNamed('ACME'))?.channelIds).toEqual([CHANNELS.shared]);
  });

  it('creates the client named in the form', async () => {
    const metadata = JSON.stringify({ channelId: CHANNELS.shared });
    const values = { [CONNECT_FIELDS.name]: { [CONNECT_FIELDS.value]: { type: 'plain_text_input', value: 'Initech' } } };
    expect((await w.h.submit(w.team, 'UADMIN', CLIENT_VIEWS.connectNew, values, metadata)).status).toBe(200);
    await w.h.kept.idle(5_000);
    expect((await clientNamed('initech'))?.channelIds).toEqual([CHANNELS.shared]);
  });
});
