import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { INCIDENT_ACTIONS } from '../../src/incidents/incident-blocks.js';
import { type KeptHarness, newTeamId, startKept } from '../support/kept-harness.js';
import { homeDriver, openHomeEvent } from './home-support.js';

let h: KeptHarness;
beforeAll(async () => {
  h = await startKept();
});
afterAll(() => h.stop());

// Tuesday 1 December 2026, 09:00 UTC = 10:00 in Warsaw.
const NOW = new Date('2026-12-01T09:00:00Z');
const at = (iso: string) => new Date(iso);
let team: string;
const d = () => homeDriver(h, () => team);
const settings = async (change: object) =>
  h.kept.services.settings.save(d().workspace(), { ...(await h.kept.services.settings.get(d().workspace())), ...change });

beforeEach(async () => {
  h.now = NOW;
  team = newTeamId();
  h.fake.reset();
  for (const [id, tz] of [
    ['UANA', 'Europe/Warsaw'],
    ['UBEN', 'America/New_York'],
    ['UCARL', 'Europe/Warsaw'],
    ['UDANA', 'UTC'],
  ])
    h.fake.addUser({ id: id!, tz: tz! });
  await settings({ timeZone: 'Europe/Warsaw' });
});

describe('incidents and stories on the Home', () => {
  it('shows my unresolved incidents worst first, and the stories I am featured in this month, most upvoted first', async () => {
    await d().openIncident('UANA', 'sev3', 'slow reports', at('2026-11-30T09:00:00Z'));
    await d().openIncident('UANA', 'sev1', 'checkout down', at('2026-12-01T08:00:00Z'));
    const fixed = await d().openIncident('UANA', 'sev2', 'already fixed');
    await h.kept.services.incidents.resolve(
      d().workspace(),
      fixed.id,
      { id: 'UANA', isAdmin: false, isOwner: false },
      { note: 'done', clientConfirmed: true },
      NOW,
    );
    await d().openIncident('UBEN', 'sev1', 'not mine');
    // 23:30 UTC on 30 November is already December in Warsaw; 22:30 UTC is still November there.
    await d().shareStory(['UANA'], 'answered at midnight', at('2026-11-30T23:30:00Z'));
    await d().shareStory(['UANA', 'UBEN'], 'drove 200 km', NOW, ['UBEN', 'UCARL']);
    await d().shareStory(['UANA'], 'last month story', at('2026-11-30T22:30:00Z'), ['UBEN', 'UCARL', 'UDANA']);
    await d().shareStory(['UBEN'], 'about Ben only', NOW);

    await h.event(team, openHomeEvent('UANA'));
    const { json } = await d().latestHome('UANA', () => true);
    expect(json).toContain('Your open incidents (2)');
    expect(json.indexOf('checkout down')).toBeLessThan(json.indexOf('slow reports'));
    expect(json).toContain('Open for: 1 d');
    expect(json).toContain(INCIDENT_ACTIONS.acknowledge);
    for (const absent of ['already fixed', 'not mine', 'last month story', 'about Ben only', 'Open incidents:']) expect(json).not.toContain(absent);
    expect(json).toContain('Stories featuring you this month (2)');
    expect(json.indexOf('drove 200 km')).toBeLessThan(json.indexOf('answered at midnight'));
    expect(json).toMatch(/:clap: 2 · <https:\/\/x\.slack\.com\/archives\/CWINS\/s\d+\|Read the story>/);
  });

  it('shows a lead every open incident of the team with its owner, in Polish', async () => {
    await settings({ language: 'pl', leads: ['UCARL'] });
    await d().openIncident('UANA', 'sev2', 'faktury puste');
    await d().openIncident('UBEN', 'sev1', 'sklep nie działa', at('2026-12-01T06:00:00Z'));
    await h.event(team, openHomeEvent('UCARL'));
    const lead = (await d().latestHome('UCARL', () => true)).json;
    expect(lead).toContain('*Otwarte incydenty:* 2');
    expect(lead.indexOf('<@UBEN>')).toBeLessThan(lead.indexOf('<@UANA>'));
    expect(lead).toContain('Trwa: 3 godz.');
    expect(lead).toContain('Otwarty, czeka na przyjęcie');
    expect(lead).toContain('Twoje otwarte incydenty (0)');
    expect(lead).toContain('Historie o Tobie w tym miesiącu (0)');
    await h.event(team, openHomeEvent('UANA'));
    const member = (await d().latestHome('UANA', () => true)).json;
    expect(member).toContain('Twoje otwarte incydenty (1)');
    expect(member).not.toContain('Otwarte incydenty:');
  });

  it("stays within Slack's 100 blocks with many incidents, stories and promises, pointing at the rest", async () => {
    await settings({ leads: ['UANA'] });
    for (let i = 0; i < 25; i++) await d().openIncident(i % 2 ? 'UANA' : 'UBEN', (['sev1', 'sev2', 'sev3'] as const)[i % 3]!, `incident number ${i}`);
    for (let i = 0; i < 20; i++) await d().shareStory(['UANA'], `story number ${i}`, NOW, i % 3 ? [] : ['UBEN']);
    const weekAgo = new Date(NOW.getTime() - 7 * 86_400_000);
    for (let i = 0; i < 25; i++) {
      const dueAt = new Date(NOW.getTime() + (i - 12) * 3_600_000);
      await h.kept.services.promises.logPromise(
        d().workspace(),
        { creatorId: 'UANA', ownerId: i % 2 ? 'UANA' : 'UBEN', ownerTimeZone: 'UTC', client: `C${i}`, what: 'work', dueAt },
        weekAgo,
      );
    }
    await h.event(team, openHomeEvent('UANA'));
    const { json, blocks } = await d().latestHome('UANA', () => true);
    expect(blocks.length).toBeLessThanOrEqual(100);
    expect(json).toContain('Your open incidents (12)');
    expect(json).toContain('See every open incident with `/incident list`');
    expect(json).toContain('*Open incidents:* 25');
    expect(json).toContain('Stories featuring you this month (20)');
    expect(json).toContain('more stories this month');
    expect(json).toContain('`/promise list`');
  });
});
