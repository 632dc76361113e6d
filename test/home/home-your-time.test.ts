import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PERSONAL_ACTIONS, PERSONAL_VIEW } from '../../src/settings/personal-modal.js';
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
  h.fake.addUser({ id: 'UANA', tz: 'Europe/Warsaw' });
});

const person = () => new FirestorePeopleStore(h.db).get({ teamId: team }, 'UANA');
const openHome = () => h.event(team, { type: 'app_home_opened', user: 'UANA', channel: 'DUANA', tab: 'home', event_ts: '1764579600.000100' });
async function lastHome(): Promise<string> {
  const before = h.fake.callsTo('views.publish').length;
  await openHome();
  await h.kept.idle(10_000);
  const calls = await h.fake.waitForCalls('views.publish', before + 1, 15_000);
  return JSON.stringify(calls.at(-1)!.args.view.blocks);
}
const form = (hours: string, date?: string) => ({
  own_hours: { value: { type: 'plain_text_input', value: hours } },
  away_until: { value: { type: 'datepicker', selected_date: date ?? null } },
});

describe('Your time on the App Home', () => {
  it("shows the team's hours, then one's own and an absence once set", async () => {
    expect(await lastHome()).toContain("*Your time*\\nthe team's hours: Mon–Fri 09:00–18:00");
    await h.command(team, 'UANA', '/kept', 'my hours Mon-Thu 08:00-16:00');
    await h.command(team, 'UANA', '/kept', 'away until 2026-12-04');
    expect(await lastHome()).toContain('your own hours: Mon–Thu 08:00–16:00 · away until Fri 4 Dec');
  });

  it('opens the form with the current values, refuses impossible hours or a past day by field, and saves a valid one', async () => {
    await h.homeAction(team, 'UANA', PERSONAL_ACTIONS.open, 'open');
    const [opened] = await h.fake.waitForCalls('views.open', 1);
    expect(opened!.args.view.callback_id).toBe(PERSONAL_VIEW);

    const bad = await h.submit(team, 'UANA', PERSONAL_VIEW, form('Mon-Fri 09:00-25:00', '2026-11-30'));
    expect(bad.json).toEqual({
      response_action: 'errors',
      errors: { own_hours: 'I couldn’t read the times. Try `Mon-Fri 09:00-18:00`.', away_until: expect.stringContaining('already passed') },
    });
    expect(await person()).toEqual({});

    const ok = await h.submit(team, 'UANA', PERSONAL_VIEW, form('Mon-Thu 8-16', '2026-12-31'));
    expect(ok.status).toBe(200);
    expect(await person()).toMatchObject({ hours: { days: [1, 2, 3, 4], startMinute: 480 }, awayLastDay: '2026-12-31' });
    const cleared = await h.submit(team, 'UANA', PERSONAL_VIEW, form(''));
    expect(cleared.status).toBe(200);
    expect(await person()).toEqual({});
  });

  it('shows a vacation status Slack sent in a user_change event', async () => {
    const friday = Math.floor(new Date('2026-12-04T23:00:00Z').getTime() / 1000);
    expect(await lastHome()).not.toContain('away until');
    const res = await h.event(team, {
      type: 'user_change',
      user: { id: 'UANA', team_id: team, tz: 'Europe/Warsaw', profile: { status_text: 'Vacationing', status_emoji: ':palm_tree:', status_expiration: friday } },
      event_ts: '1764579601.000100',
    });
    expect(res.status).toBe(200);
    await h.kept.idle(10_000);
    expect(await lastHome()).toContain('away until Fri 4 Dec');
  });
});
