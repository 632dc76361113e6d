import type { KnownBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import {
  buildHomeTop,
  buildHomeView,
  buildMyPromises,
  buildTeamOverdue,
  buildTeamRate,
  HOME_ACTIONS,
  homeBudget,
  myPromisesCapacity,
  overdueOwners,
} from '../../src/home/home-blocks.js';
import { HOME_SECTIONS } from '../../src/home/home-sections.js';
import { type ClientPromise, createPromise } from '../../src/promises/client-promise.js';
import { PROMISE_ACTIONS } from '../../src/promises/promise-blocks.js';
import { REMINDER_ACTIONS } from '../../src/promises/reminder-blocks.js';
import { SETTINGS_ACTIONS } from '../../src/settings/settings-modal.js';
import { messagesFor } from '../../src/shared/i18n/index.js';
import type { Viewer } from '../../src/shared/viewer.js';

// Tuesday 1 December 2026, 09:00 UTC (10:00 in Warsaw).
const NOW = new Date('2026-12-01T09:00:00Z');
const en: Viewer = { m: messagesFor('en'), timeZone: 'Europe/Warsaw', now: NOW };
const pl: Viewer = { m: messagesFor('pl'), timeZone: 'Europe/Warsaw', now: NOW };
const hours = (h: number) => new Date(NOW.getTime() + h * 3_600_000);

let counter = 0;
function aPromise(dueInHours: number, over: { client?: string; owner?: string; permalink?: string } = {}): ClientPromise {
  const created = new Date(NOW.getTime() - 30 * 24 * 3_600_000);
  return createPromise(
    {
      id: `p${++counter}`,
      client: over.client ?? `Client ${counter}`,
      what: `deliver item ${counter}`,
      ownerId: over.owner ?? 'UANA',
      ownerTimeZone: 'Europe/Warsaw',
      creatorId: 'UANA',
      dueAt: hours(dueInHours),
      permalink: over.permalink,
    },
    created,
  );
}

const page = (promises: ClientPromise[], total = promises.length) => ({ promises, total });
const text = (blocks: readonly KnownBlock[]) => JSON.stringify(blocks);
const actionIds = (blocks: readonly KnownBlock[]) =>
  blocks.flatMap((b) => (b.type === 'actions' ? b.elements.map((e) => ('action_id' in e ? e.action_id : '')) : []));

describe('my promises on the Home', () => {
  it('lists overdue first, then due within 48 hours, then later, under their group labels', () => {
    const later = aPromise(24 * 5, { client: 'Later Co' });
    const overdue = aPromise(-3, { client: 'Overdue Co' });
    const soon = aPromise(20, { client: 'Soon Co' });
    const blocks = buildMyPromises(en, page([later, soon, overdue]), 36);
    const t = text(blocks);
    const order = ['Overdue', 'Overdue Co', 'Due in the next 48 hours', 'Soon Co', 'Later', 'Later Co'].map((s) => t.indexOf(s));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(t).toContain('Your open promises (3)');
  });

  it('gives each promise Kept, Renegotiate and Cancel, and Snooze only while it fits before the due time', () => {
    const blocks = buildMyPromises(en, page([aPromise(-1), aPromise(30)]), 36);
    const rows = blocks.filter((b) => b.type === 'actions').map((b) => actionIds([b]));
    expect(rows[0]).toEqual([PROMISE_ACTIONS.kept, PROMISE_ACTIONS.renegotiate, PROMISE_ACTIONS.cancel]);
    expect(rows[1]).toEqual([PROMISE_ACTIONS.kept, PROMISE_ACTIONS.renegotiate, REMINDER_ACTIONS.snooze, PROMISE_ACTIONS.cancel]);
  });

  it('links the message a promise was logged from', () => {
    const blocks = buildMyPromises(en, page([aPromise(5, { permalink: 'https://x.slack.com/archives/C1/p1' })]), 36);
    expect(text(blocks)).toContain('<https://x.slack.com/archives/C1/p1|Original message>');
  });

  it('caps a long list with how many more there are and the command that lists them', () => {
    const capacity = myPromisesCapacity(36);
    const promises = Array.from({ length: capacity }, (_, i) => aPromise(i + 1));
    const blocks = buildMyPromises(en, page(promises, capacity + 23), 36);
    expect(blocks.length).toBeLessThanOrEqual(36);
    const last = text([blocks.at(-1)!]);
    expect(last).toContain('23 more promises');
    expect(last).toContain('/promise list');
  });

  it('says so kindly, with how to log one, when nothing is open', () => {
    const t = text(buildMyPromises(en, page([]), 36));
    expect(t).toContain('You have no open promises');
    expect(t).toContain('/promise ACME');
  });

  it('speaks Polish with Polish plural forms and Polish dates', () => {
    const one = text(buildMyPromises(pl, page([aPromise(-2)], 16), 36));
    expect(one).toContain('Twoje otwarte obietnice (16)');
    expect(one).toContain('Po terminie');
    expect(one).toContain('po terminie, minął 2 godziny temu');
    expect(one).toContain('wt. 1 grudnia, 08:00');
    expect(one).toContain('i jeszcze 15 obietnic. Wszystkie: `/promise lista`.');
    const few = text(buildMyPromises(pl, page([aPromise(5)], 3), 36));
    expect(few).toContain('i jeszcze 2 obietnice');
    const single = text(buildMyPromises(pl, page([aPromise(5)], 2), 36));
    expect(single).toContain('i jeszcze 1 obietnica');
  });
});

const WEEK = { start: new Date('2026-11-27T14:00:00Z'), end: new Date('2026-12-04T14:00:00Z') };
/** What the section counts for each owner on the page, when the page holds every overdue promise. */
const ownersOf = (promises: readonly ClientPromise[]) => new Map(overdueOwners(promises).map((id) => [id, promises.filter((p) => p.ownerId === id).length]));

describe('the team view', () => {
  it("groups overdue promises by owner, whoever has the oldest first, with each owner's count", () => {
    const promises = [aPromise(-50, { owner: 'UBEN' }), aPromise(-40, { owner: 'UANA' }), aPromise(-30, { owner: 'UBEN' })];
    const blocks = buildTeamOverdue(en, page(promises), ownersOf(promises), 17);
    const t = text(blocks);
    expect(t).toContain('*Overdue:* 3 promises');
    expect(t.indexOf('<@UBEN> · 2 overdue promises')).toBeLessThan(t.indexOf('<@UANA> · 1 overdue promise'));
  });

  it('says how many each owner has in all when only the oldest were read, and points at the commands that show the rest', () => {
    const oldest = [
      ...Array.from({ length: 7 }, (_, i) => aPromise(-200 + i, { owner: 'UBUSY' })),
      ...Array.from({ length: 5 }, (_, i) => aPromise(-100 + i, { owner: `UOWNER${i}` })),
    ];
    const totals = new Map([
      ['UBUSY', 9],
      ['UOWNER0', 3],
      ['UOWNER1', 1],
    ]);
    const blocks = buildTeamOverdue(en, page(oldest, 40), totals, 10);
    expect(blocks.length).toBeLessThanOrEqual(10);
    const t = text(blocks);
    expect(t).toContain('<@UBUSY> · 9 overdue promises');
    expect(t).toContain('…and 4 more: `/promise list` <@UBUSY>');
    expect(t).toContain('<@UOWNER0> · 3 overdue promises');
    expect(t).not.toContain('UOWNER2');
    expect(t).toContain('…and 27 more overdue promises. See them all with `/promise list overdue`.');
  });

  it("shows this week's on-time rate and which week that is, or that nothing has been due yet", () => {
    const t = text(buildTeamRate(en, { good: 2, due: 3, rate: 2 / 3 }, WEEK));
    expect(t).toContain('on-time rate: 67%');
    expect(t).toContain('The week runs from one recap to the next: Fri 27 Nov at 15:00 to Fri 4 Dec at 15:00.');
    expect(text(buildTeamRate(en, { good: 0, due: 0, rate: null }, WEEK))).toContain('nothing has been due yet');
    expect(text(buildTeamRate(pl, { good: 5, due: 5, rate: 1 }, WEEK))).toContain('Terminowość w tym tygodniu: 100%');
    expect(text(buildTeamRate(pl, { good: 5, due: 5, rate: 1 }, WEEK))).toContain('Tydzień liczę od podsumowania do podsumowania');
  });

  it('counts Polish owners and the overdue promises not shown with the right plural forms', () => {
    const promises = [aPromise(-5, { owner: 'UBEN' }), aPromise(-4, { owner: 'UBEN' }), aPromise(-3, { owner: 'UBEN' })];
    const t = text(buildTeamOverdue(pl, page(promises, 5), ownersOf(promises), 17));
    expect(t).toContain('*Po terminie:* 5 obietnic');
    expect(t).toContain('<@UBEN> · 3 obietnice po terminie');
    expect(t).toContain('…i jeszcze 2 obietnice po terminie.');
  });
});

describe('the whole Home', () => {
  it("fits Slack's 100 blocks with every section at its budget", () => {
    expect(homeBudget(HOME_SECTIONS.map((s) => s.maxBlocks))).toBeLessThanOrEqual(100);
  });

  it('stays within 100 blocks with 500 promises of mine and 500 overdue in the team', () => {
    const mine = Array.from({ length: 500 }, (_, i) => aPromise(i - 250));
    const team = Array.from({ length: 500 }, (_, i) => aPromise(-500 + i, { owner: `U${i}` }));
    const budget = (id: string) => HOME_SECTIONS.find((s) => s.id === id)!.maxBlocks;
    const [my, teamSection] = [budget('my_promises'), budget('team_promises')];
    const view = buildHomeView(buildHomeTop(en, true), [
      { maxBlocks: my, blocks: buildMyPromises(en, page(mine), my) },
      {
        maxBlocks: teamSection,
        blocks: [
          ...buildTeamRate(en, { good: 1, due: 2, rate: 0.5 }, WEEK),
          ...buildTeamOverdue(en, page(team.slice(0, 12), 500), ownersOf(team.slice(0, 12)), teamSection - 3),
        ],
      },
    ]);
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    expect(JSON.stringify(view.blocks)).toContain('/promise list overdue');
  });

  it('refuses sections whose budgets could pass 100 blocks', () => {
    expect(() =>
      buildHomeView(
        [],
        [
          { maxBlocks: 60, blocks: [] },
          { maxBlocks: 60, blocks: [] },
        ],
      ),
    ).toThrow(/100/);
  });

  it('offers New promise to everyone and Settings only to those who may change settings', () => {
    expect(actionIds(buildHomeTop(en, true))).toEqual([HOME_ACTIONS.newPromise, SETTINGS_ACTIONS.open]);
    expect(actionIds(buildHomeTop(en, false))).toEqual([HOME_ACTIONS.newPromise]);
  });
});
