import type { KnownBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { buildHomeTop, buildHomeView, buildMyPromises, buildTeamOverdue, buildTeamRate, overdueOwners } from '../../src/home/home-blocks.js';
import { buildMyIncidents, buildTeamIncidents, myIncidentsCapacity } from '../../src/home/home-incident-blocks.js';
import { HOME_SECTIONS } from '../../src/home/home-sections.js';
import { buildMyStories } from '../../src/home/home-story-blocks.js';
import type { ClientIncident, Severity } from '../../src/incidents/client-incident.js';
import { INCIDENT_ACTIONS } from '../../src/incidents/incident-blocks.js';
import { createPromise } from '../../src/promises/client-promise.js';
import { calendarMonthContaining } from '../../src/shared/dates/month.js';
import { messagesFor } from '../../src/shared/i18n/index.js';
import type { Viewer } from '../../src/shared/viewer.js';
import { addVote, createStory, type Story } from '../../src/stories/story.js';
import { anIncident, hours, POLICY, T0 } from '../incidents/incident-fixtures.js';

const en: Viewer = { m: messagesFor('en'), timeZone: 'Europe/Warsaw', now: T0 };
const pl: Viewer = { m: messagesFor('pl'), timeZone: 'Europe/Warsaw', now: T0 };
const text = (blocks: readonly KnownBlock[]) => JSON.stringify(blocks);
const actionIds = (block: KnownBlock) => (block.type === 'actions' ? block.elements.map((e) => ('action_id' in e ? e.action_id : '')) : []);
const budget = (id: string) => HOME_SECTIONS.find((s) => s.id === id)!.maxBlocks;

let counter = 0;
function incident(severity: Severity, openedHoursAgo: number, over: Partial<ClientIncident> = {}): ClientIncident {
  return anIncident(
    {
      id: `i${++counter}`,
      severity,
      client: `Client ${counter}`,
      title: `problem ${counter}`,
      messagePermalink: 'https://x.slack.com/archives/CINC/p1',
      ...over,
    },
    hours(-openedHoursAgo),
  );
}
function story(what: string, upvoters: string[] = [], over: { client?: string; permalink?: string } = {}): Story {
  const base = createStory({ id: `s${++counter}`, authorId: 'UBEN', featuredIds: ['UANA'], what, client: over.client }, hours(-24));
  const voted = upvoters.reduce((s, userId) => addVote(s, userId, 'button'), base);
  return over.permalink ? { ...voted, message: { channel: 'CWINS', ts: '1.2', permalink: over.permalink } } : voted;
}

describe('my incidents on the Home', () => {
  it('lists them worst first with status, age and when the client last heard from us, each with its buttons', () => {
    const blocks = buildMyIncidents(
      en,
      { incidents: [incident('sev3', 30), incident('sev1', 2, { title: 'checkout down' })], total: 2 },
      POLICY,
      budget('my_incidents'),
    );
    const t = text(blocks);
    expect(t).toContain('Your open incidents (2)');
    expect(t.indexOf('checkout down')).toBeLessThan(t.indexOf('SEV3'));
    expect(t).toContain('Open, not acknowledged');
    expect(t).toContain('Open for: 2 h');
    expect(t).toContain('Client last heard from us: not yet');
    expect(t).not.toContain('<@UOWNER>');
    const rows = blocks.filter((b) => b.type === 'actions').map(actionIds);
    expect(rows[0]).toEqual([
      INCIDENT_ACTIONS.acknowledge,
      INCIDENT_ACTIONS.update,
      INCIDENT_ACTIONS.clientUpdated,
      INCIDENT_ACTIONS.resolve,
      INCIDENT_ACTIONS.reassign,
      INCIDENT_ACTIONS.openLink,
    ]);
  });

  it('caps the list with how many more there are and the command that shows them', () => {
    const capacity = myIncidentsCapacity(budget('my_incidents'));
    const many = Array.from({ length: capacity }, (_, i) => incident('sev2', i + 1));
    const blocks = buildMyIncidents(en, { incidents: many, total: capacity + 7 }, POLICY, budget('my_incidents'));
    expect(blocks.length).toBeLessThanOrEqual(budget('my_incidents'));
    expect(text([blocks.at(-1)!])).toContain('…and 7 more incidents. See every open incident with `/incident list`.');
  });

  it('says so when I own none, and speaks Polish with Polish plural forms', () => {
    expect(text(buildMyIncidents(en, { incidents: [], total: 0 }, POLICY, 13))).toContain('You own no open incidents.');
    const polish = text(buildMyIncidents(pl, { incidents: [incident('sev1', 3)], total: 6 }, POLICY, 13));
    expect(polish).toContain('Twoje otwarte incydenty (6)');
    expect(polish).toContain('i jeszcze 5 incydentów. Wszystkie otwarte incydenty: `/incident lista`.');
    expect(text(buildMyIncidents(pl, { incidents: [incident('sev1', 3)], total: 3 }, POLICY, 13))).toContain('i jeszcze 2 incydenty');
  });
});

describe("the team's open incidents", () => {
  it('shows every one with its owner and age, worst first, capped with a count and the command', () => {
    const page = { incidents: [incident('sev2', 5, { ownerId: 'UBEN' }), incident('sev1', 1, { ownerId: 'UCARL' })], total: 40 };
    const blocks = buildTeamIncidents(en, page, POLICY, budget('team_incidents'));
    const t = text(blocks);
    expect(t).toContain('*Open incidents:* 40');
    expect(t.indexOf('<@UCARL>')).toBeLessThan(t.indexOf('<@UBEN>'));
    expect(t).toContain('Open for: 5 h');
    expect(t).toContain('…and 38 more incidents. See them all with `/incident list`.');
    expect(blocks.some((b) => b.type === 'actions')).toBe(false);
    expect(text(buildTeamIncidents(pl, { incidents: [], total: 0 }, POLICY, 14))).toContain('Brak otwartych incydentów.');
  });
});

describe('stories featuring me this month', () => {
  it('shows them in the order given with who told them, the upvotes and a link to the message', () => {
    const blocks = buildMyStories(
      en,
      {
        stories: [story('drove 200 km', ['UC', 'UD'], { client: 'ACME', permalink: 'https://x.slack.com/archives/CWINS/p2' }), story('stayed late')],
        total: 2,
      },
      10,
    );
    const t = text(blocks);
    expect(t).toContain('Stories featuring you this month (2)');
    expect(t).toContain('*ACME*: drove 200 km');
    expect(t).toContain('told by <@UBEN> · :clap: 2 · <https://x.slack.com/archives/CWINS/p2|Read the story>');
    expect(t.indexOf('drove')).toBeLessThan(t.indexOf('stayed late'));
  });

  it('caps them with "…and N more", never cutting a mention in half, and speaks Polish', () => {
    const long = `${'x'.repeat(290)} <@UVERYLONGUSERID> and more`;
    const stories = Array.from({ length: 8 }, () => story(long));
    const blocks = buildMyStories(pl, { stories, total: 13 }, 10);
    expect(blocks).toHaveLength(10);
    const t = text(blocks);
    expect(t).toContain('Historie o Tobie w tym miesiącu (13)');
    expect(t).toContain('…i jeszcze 5 historii w tym miesiącu.');
    expect(t).not.toContain('<@UVERY…');
    expect(text(buildMyStories(pl, { stories: [story('a')], total: 3 }, 10))).toContain('…i jeszcze 2 historie');
    expect(text(buildMyStories(en, { stories: [], total: 0 }, 10))).toContain('No stories about you yet this month');
  });
});

describe('the calendar month of the team', () => {
  it("starts and ends at midnight on the team's wall clock, across a year end", () => {
    expect(calendarMonthContaining(new Date('2026-11-30T23:30:00Z'), 'Europe/Warsaw')).toEqual({
      start: new Date('2026-11-30T23:00:00Z'),
      end: new Date('2026-12-31T23:00:00Z'),
    });
    expect(calendarMonthContaining(new Date('2026-11-30T23:30:00Z'), 'UTC')).toEqual({
      start: new Date('2026-11-01T00:00:00Z'),
      end: new Date('2026-12-01T00:00:00Z'),
    });
    expect(calendarMonthContaining(new Date('2026-03-15T12:00:00Z'), 'Europe/Warsaw')).toEqual({
      start: new Date('2026-02-28T23:00:00Z'),
      end: new Date('2026-03-31T22:00:00Z'),
    });
  });
});

describe('the whole Home, every part full', () => {
  it('stays within 100 blocks for a lead with hundreds of promises, incidents and stories', () => {
    const long = 'y'.repeat(2_000);
    const promises = Array.from({ length: 300 }, (_, i) =>
      createPromise(
        { id: `p${i}`, client: `C${i}`, what: long, ownerId: `U${i % 40}`, ownerTimeZone: 'UTC', creatorId: 'UANA', dueAt: hours(i - 150) },
        hours(-500),
      ),
    );
    const incidents = Array.from({ length: 300 }, (_, i) =>
      incident((['sev1', 'sev2', 'sev3'] as const)[i % 3]!, i + 1, { title: long.slice(0, 150), description: long }),
    );
    const stories = Array.from({ length: 50 }, () => story(long, ['UX']));
    const parts = [
      { id: 'my_promises', blocks: (n: number) => buildMyPromises(en, { promises, total: 300 }, n) },
      { id: 'my_incidents', blocks: (n: number) => buildMyIncidents(en, { incidents, total: 300 }, POLICY, n) },
      { id: 'my_stories', blocks: (n: number) => buildMyStories(en, { stories, total: 50 }, n) },
      {
        id: 'team_promises',
        blocks: (n: number) => {
          const week = { start: new Date('2026-11-27T14:00:00Z'), end: new Date('2026-12-04T14:00:00Z') };
          const oldest = promises.slice(0, 12);
          const totals = new Map(
            overdueOwners(oldest)
              .slice(0, 6)
              .map((id) => [id, 8] as const),
          );
          return [...buildTeamRate(en, { good: 1, due: 2, rate: 0.5 }, week, 20), ...buildTeamOverdue(en, { promises: oldest, total: 300 }, totals, n - 3)];
        },
      },
      { id: 'team_incidents', blocks: (n: number) => buildTeamIncidents(en, { incidents, total: 300 }, POLICY, n) },
    ].map((p) => ({ maxBlocks: budget(p.id), blocks: p.blocks(budget(p.id)) }));
    for (const part of parts) expect(part.blocks.length).toBeLessThanOrEqual(part.maxBlocks);
    const view = buildHomeView(buildHomeTop(en, true), parts);
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    const t = JSON.stringify(view.blocks);
    for (const more of ['/promise list', '/incident list', 'more stories this month', '/promise list overdue']) expect(t).toContain(more);
    for (const block of view.blocks as KnownBlock[]) if (block.type === 'section' && block.text) expect(block.text.text.length).toBeLessThanOrEqual(3000);
  });
});
