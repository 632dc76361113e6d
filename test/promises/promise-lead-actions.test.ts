import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PROMISE_ACTIONS } from '../../src/promises/promise-blocks.js';
import { type KeptHarness, newTeamId, startKept } from '../support/kept-harness.js';

// A lead working through a teammate's list, people Slack cannot show, and times across zones.
let h: KeptHarness;
beforeAll(async () => {
  h = await startKept();
});
afterAll(() => h.stop());

// Tuesday 1 December 2026, 09:00 UTC = 10:00 in Warsaw, 04:00 in New York.
const NOW = new Date('2026-12-01T09:00:00Z');
let team: string;
beforeEach(async () => {
  h.now = NOW;
  team = newTeamId();
  h.fake.reset();
  h.fake.addUser({ id: 'UJAN', name: 'jan', tz: 'Europe/Warsaw' });
  h.fake.addUser({ id: 'ULEAD', name: 'lea', tz: 'America/New_York' });
  await h.kept.services.settings.save({ teamId: team }, { ...(await h.kept.services.settings.get({ teamId: team })), leads: ['ULEAD'] });
});

const blocksText = (reply: { blocks?: unknown[] } | undefined) => JSON.stringify(reply?.blocks ?? []);

async function janPromises() {
  await h.command(team, 'UJAN', '/promise', 'ACME: send the revised quote 03.12.2026 10:00');
  await h.command(team, 'UJAN', '/promise', 'ACME: call back about the invoice 04.12.2026 10:00');
  return (await h.kept.services.promises.listOpen({ teamId: team }, { ownerId: 'UJAN' }, 10)).promises;
}

/** The block id of the list row for `promiseId` in a list reply. */
function rowOf(reply: Record<string, any>, promiseId: string): { block_id: string; text: { text: string } } {
  return reply.blocks.find((b: { block_id?: string }) => b.block_id?.startsWith(`plist:${promiseId}:`));
}

describe("a lead working through a teammate's list", () => {
  it("keeps the list when marking a promise kept, thanks nobody for Jan's work, and tells Jan who closed it", async () => {
    const [first, second] = await janPromises();
    const { reply: list } = await h.command(team, 'ULEAD', '/promise', 'list <@UJAN|jan>');
    // A header is plain text: the owner goes by name there, never as a raw <@…>.
    expect(list.blocks[0]).toMatchObject({ type: 'header', text: { text: 'jan’s open promises (2)' } });
    const row = rowOf(list, first!.id);
    h.fake.reset();
    const { reply } = await h.action(team, 'ULEAD', PROMISE_ACTIONS.overflow, '', { selectedOption: `kept:${first!.id}`, blockId: row.block_id });
    expect(reply?.replace_original).toBe(true);
    expect(reply?.text).toBe(':white_check_mark: Marked as kept for <@UJAN>. I’ve let them know.');
    expect(blocksText(reply)).not.toContain('Nice work');
    // The same list, with the kept row saying so and the other row still open.
    expect(rowOf(reply!, first!.id).text.text).toContain(':white_check_mark: Kept on time by <@ULEAD>');
    expect(rowOf(reply!, second!.id).text.text).toContain('due in 3 days');
    await h.kept.idle(5_000);
    const dm = h.fake.callsTo('chat.postMessage').find((c) => c.args.channel === 'UJAN');
    expect(dm?.args.text).toBe(':white_check_mark: <@ULEAD> marked your promise as kept: ACME – send the revised quote');
  });

  it('shows each time in the reader’s zone, and the owner’s when the clocks differ', async () => {
    await janPromises();
    const { reply: lead } = await h.command(team, 'ULEAD', '/promise', 'list <@UJAN|jan>');
    expect(blocksText(lead)).toContain('Thu 3 Dec at 04:00 your time · 10:00 for <@UJAN>');
    const { reply: jan } = await h.command(team, 'UJAN', '/promise', 'list');
    expect(blocksText(jan)).toContain('Thu 3 Dec at 10:00 · due in 2 days');
    expect(blocksText(jan)).not.toContain('your time');
  });

  it('thanks the owner who marks their own promise kept', async () => {
    const [first] = await janPromises();
    h.fake.reset();
    const { reply } = await h.action(team, 'UJAN', PROMISE_ACTIONS.kept, first!.id);
    expect(reply?.text).toBe(':white_check_mark: Kept on time. Nice work with ACME!');
    expect(h.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === 'UJAN')).toHaveLength(0);
  });

  it('answers in Polish, with the owner named and no thanks for someone else’s work', async () => {
    await h.command(team, 'ULEAD', '/kept', 'język polski');
    const [first] = await janPromises();
    const { reply } = await h.action(team, 'ULEAD', PROMISE_ACTIONS.kept, first!.id);
    expect(reply?.text).toBe(':white_check_mark: Oznaczona jako dotrzymana. Odpowiada za nią <@UJAN> – dałem znać.');
  });
});

describe('people Slack cannot show this workspace', () => {
  it('says plainly that it could not find the owner, and logs nothing, instead of an error id', async () => {
    const { reply } = await h.command(team, 'UJAN', '/promise', '<@UGHOST|ghost> ACME: send the quote tomorrow 10:00');
    expect(reply.text).toBe('Slack can’t show me <@UGHOST> in this workspace, so nothing was logged. Name a teammate from here instead.');
    expect(reply.text).not.toContain('error id');
    expect((await h.kept.services.promises.listOpen({ teamId: team }, {}, 10)).total).toBe(0);
  });
});
