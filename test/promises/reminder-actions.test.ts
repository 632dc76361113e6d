import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FIELDS } from '../../src/promises/promise-blocks.js';
import { REASSIGN_VIEW, REMINDER_ACTIONS } from '../../src/promises/reminder-blocks.js';
import { type KeptHarness, newTeamId, startKept } from '../support/kept-harness.js';

let h: KeptHarness;
beforeAll(async () => {
  h = await startKept();
});
afterAll(() => h.stop());

const NOW = new Date('2026-12-01T09:00:00Z');
let team: string;
beforeEach(async () => {
  h.now = NOW;
  team = newTeamId();
  h.fake.reset();
  for (const id of ['UANA', 'ULEAD', 'UBEN', 'UCARL']) h.fake.addUser({ id, tz: 'Europe/Warsaw' });
  const settings = await h.kept.services.settings.get({ teamId: team });
  await h.kept.services.settings.save({ teamId: team }, { ...settings, leads: ['ULEAD'] });
});

async function logPromise(text = 'ACME: send the quote tomorrow 10:00') {
  await h.command(team, 'UANA', '/promise', text);
  return (await h.kept.services.promises.listOpen({ teamId: team }, {}, 10)).promises[0]!;
}

describe('reminder and alert buttons', () => {
  it('Snooze for an hour schedules one more reminder an hour from now, and says so as people do', async () => {
    const p = await logPromise('ACME: send the quote 2026-12-04 10:00');
    const { reply } = await h.action(team, 'UANA', REMINDER_ACTIONS.snooze, p.id);
    expect(reply?.replace_original).toBe(true);
    // 10:00 UTC is 11:00 in Warsaw: an hour away, so no date.
    expect(reply?.text).toBe(':zzz: Snoozed. I’ll remind you again in an hour, at 11:00.');
    const stored = await h.kept.services.promises.get({ teamId: team }, p.id);
    expect(stored!.snoozedUntil?.toISOString()).toBe('2026-12-01T10:00:00.000Z');
    expect(stored!.nextStepAt?.toISOString()).toBe('2026-12-01T10:00:00.000Z');
  });

  it('says the snooze in Polish: "za godzinę, o 11:00"', async () => {
    await h.kept.services.settings.save({ teamId: team }, { ...(await h.kept.services.settings.get({ teamId: team })), language: 'pl' });
    const p = await logPromise('ACME: wyślę wycenę 04.12.2026 10:00');
    const { reply } = await h.action(team, 'UANA', REMINDER_ACTIONS.snooze, p.id);
    expect(reply?.text).toBe(':zzz: Odłożone. Przypomnę Ci za godzinę, o 11:00.');
  });

  it('will not snooze past the due time, and says to renegotiate', async () => {
    const p = await logPromise('ACME: send the quote 2026-12-01 10:30');
    const { reply } = await h.action(team, 'UANA', REMINDER_ACTIONS.snooze, p.id);
    expect(reply?.text).toContain('Change the due time instead');
    expect((await h.kept.services.promises.get({ teamId: team }, p.id))!.snoozedUntil).toBeUndefined();
  });

  it('Nudge owner DMs the owner on behalf of the lead', async () => {
    const p = await logPromise();
    h.now = new Date('2026-12-02T11:00:00Z');
    const { reply } = await h.action(team, 'ULEAD', REMINDER_ACTIONS.nudge, p.id);
    expect(reply?.text).toContain('Reminder sent to <@UANA>');
    const dm = h.fake.callsTo('chat.postMessage').find((c) => c.args.channel === 'UANA')!;
    expect(dm.args.text).toBe('<@ULEAD> is asking about ACME: send the quote – 2 hours overdue');
  });

  it('only the owner, creator or a lead may nudge', async () => {
    const p = await logPromise();
    const { reply } = await h.action(team, 'UCARL', REMINDER_ACTIONS.nudge, p.id);
    expect(reply?.text).toContain('Only <@UANA>, who owns this promise');
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('Reassign hands the promise to a new owner, who is told, and moves the reminders to their time zone', async () => {
    h.fake.addUser({ id: 'UBEN', tz: 'America/New_York' });
    const p = await logPromise();
    await h.action(team, 'ULEAD', REMINDER_ACTIONS.reassign, p.id, { replyWaitMs: 0 });
    const [open] = await h.fake.waitForCalls('views.open', 1);
    expect(open!.args.view.callback_id).toBe(REASSIGN_VIEW);
    const res = await h.submit(
      team,
      'ULEAD',
      REASSIGN_VIEW,
      { [FIELDS.owner]: { [FIELDS.value]: { type: 'users_select', selected_user: 'UBEN' } } },
      open!.args.view.private_metadata,
    );
    expect(res.status).toBe(200);
    const stored = await h.kept.services.promises.get({ teamId: team }, p.id);
    expect(stored).toMatchObject({ ownerId: 'UBEN', ownerTimeZone: 'America/New_York' });
    const dm = await h.fake.waitForCalls('chat.postMessage', 1);
    expect(dm.find((c) => c.args.channel === 'UBEN')!.args.text).toBe(':handshake: <@ULEAD> handed this promise to you: ACME – send the quote');
  });
});
