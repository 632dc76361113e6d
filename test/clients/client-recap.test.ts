import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NO_INCIDENTS } from '../../src/recap/incident-week-stats.js';
import { buildRecapMessage } from '../../src/recap/recap-blocks.js';
import { NO_OUTCOMES } from '../../src/recap/recap-stats.js';
import { messagesFor } from '../../src/shared/i18n/index.js';
import { CHANNELS, type ClientWorld, startClientWorld } from './client-world.js';

describe("the recap's Clients section, end to end", () => {
  let w: ClientWorld;
  beforeEach(async () => {
    w = await startClientWorld('2026-12-01T08:00:00Z');
  });
  afterEach(() => w.stop());

  it("lists each client's requests answered within the standard, its promises, and who waits longest", async () => {
    await w.h.command(w.team, 'UADMIN', '/kept', 'channel recap <#CWINS1>');
    await w.command('UADMIN', `ACME channel <#${CHANNELS.acme}>`);
    await w.command('UADMIN', 'ACME owner <@UANA>');
    const quick = await w.message('UEXT', CHANNELS.acme, '2026-12-01T09:00:00Z', 'Quick one?', { outside: true });
    await w.waitWatched(CHANNELS.acme, quick);
    await w.message('UANA', CHANNELS.acme, '2026-12-01T09:30:00Z', 'Sure', { threadTs: quick });
    const slow = await w.message('UEXT', CHANNELS.acme, '2026-12-03T10:00:00Z', 'Still there?', { outside: true });
    await w.waitWatched(CHANNELS.acme, slow);
    const summary = await w.jobs.recap(new Date('2026-12-04T15:05:00Z'));
    expect(summary.sent).toBe(1);
    const [post] = w.h.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === 'CWINS1');
    const text = JSON.stringify(post!.args.blocks);
    expect(text).toContain('*Clients*');
    expect(text).toContain('*ACME*: 1 of 2 requests answered within the standard (median first response 30 min)');
    expect(text).toContain('Waiting longest: ACME (');
  });
});

describe('the Clients section in Polish', () => {
  it('speaks of requests and promises in Polish, with Polish plurals', () => {
    const week = { key: '2026-W49', start: new Date('2026-11-27T15:00:00Z'), end: new Date('2026-12-04T15:00:00Z') };
    const clients = {
      clients: [{ name: 'ACME', asked: 5, answeredWithin: 4, medianFirstResponseMs: 45 * 60_000, keptOnTime: 2, renegotiatedEarly: 1, incidents: 2 }],
      waitingLongest: [{ name: 'ACME', since: new Date('2026-12-04T12:00:00Z') }],
    };
    const data = {
      week,
      timeZone: 'Europe/Warsaw',
      stories: [],
      promises: { ...NO_OUTCOMES, made: 0, cancelled: 0, overdueOpenAll: 0 },
      incidents: NO_INCIDENTS,
      history: [{ week, outcomes: NO_OUTCOMES }],
      clients,
    };
    const text = JSON.stringify(buildRecapMessage(messagesFor('pl'), data, { chartInThread: false }).blocks);
    expect(text).toContain(
      '*ACME*: w terminie odpowiedzieliśmy na 4 z 5 pytań (mediana pierwszej odpowiedzi: 45 min) · dotrzymane w terminie: 2, przesunięte zawczasu: 1 · 2 incydenty',
    );
    expect(text).toContain('Najdłużej czekają: ACME (3 godz.)');
  });
});
