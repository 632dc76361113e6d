import { describe, expect, it } from 'vitest';
import { NO_INCIDENTS } from '../../src/recap/incident-week-stats.js';
import { buildRecapMessage, chartWeeks, dayLabel, truncateMrkdwn } from '../../src/recap/recap-blocks.js';
import { NO_OUTCOMES, type PromiseWeekStats, type RecapData, rankStories } from '../../src/recap/recap-stats.js';
import { messagesFor } from '../../src/shared/i18n/index.js';
import { addVote, createStory, type Story } from '../../src/stories/story.js';

const en = messagesFor('en');
const pl = messagesFor('pl');
const WEEK = { key: '2026-W49', start: new Date('2026-11-27T14:00:00Z'), end: new Date('2026-12-04T14:00:00Z') };
const NONE: PromiseWeekStats = { ...NO_OUTCOMES, made: 0, overdueOpenAll: 0 };

function story(i: number, votes = 0, what = `story number ${i}`): Story {
  let s = createStory({ id: `s${i}`, authorId: 'UANA', featuredIds: [`UF${i}`], client: 'ACME', what }, new Date(WEEK.start.getTime() + i * 60_000));
  for (let v = 0; v < votes; v++) s = addVote(s, `UV${v}`, 'button');
  return { ...s, message: { channel: 'CWINS', ts: `1.${i}`, permalink: `https://kept-test.slack.com/archives/CWINS/p${i}` } };
}

function data(over: Partial<RecapData> = {}): RecapData {
  return {
    week: WEEK,
    timeZone: 'Europe/Warsaw',
    stories: [],
    promises: NONE,
    incidents: NO_INCIDENTS,
    history: [{ week: WEEK, outcomes: NO_OUTCOMES }],
    ...over,
  };
}

const sections = (blocks: { type: string; text?: { text: string } }[]) => blocks.filter((b) => b.type === 'section').map((b) => b.text!.text);
const all = (blocks: unknown) => JSON.stringify(blocks);

describe('the recap post', () => {
  it('lists the stories most upvoted first, with who, client, teller and a link, then the numbers and the thanks', () => {
    const stories = rankStories([story(1, 1), story(2, 3), story(3, 0)]);
    const promises = { ...NONE, made: 4, keptOnTime: 3, renegotiatedEarly: 1, keptLate: 1, overdueOpen: 1, overdueOpenAll: 3, cancelled: 1 };
    const incidents = {
      ...NO_INCIDENTS,
      opened: 2,
      resolved: 1,
      open: 1,
      acknowledged: 2,
      medianAcknowledgeMs: 12 * 60_000,
      medianResolveMs: 3 * 3_600_000,
      updatesSent: 9,
      updatesDue: 10,
    };
    const { text, blocks } = buildRecapMessage(en, data({ stories, promises, incidents }), { chartInThread: true });
    const body = sections(blocks as never).join('\n');
    expect(body.indexOf('<@UF2>')).toBeLessThan(body.indexOf('<@UF1>'));
    expect(body.indexOf('<@UF1>')).toBeLessThan(body.indexOf('<@UF3>'));
    expect(body).toContain(
      '*1.* <@UF2> · *ACME*\n>story number 2\ntold by <@UANA> · :clap: 3 · <https://kept-test.slack.com/archives/CWINS/p2|Read the story>',
    );
    expect(body).toContain('4 promises made · 6 came due');
    expect(body).toContain('3 kept on time');
    expect(body).toContain('1 renegotiated before the due time, client informed');
    expect(body).toContain('1 overdue and still open (3 in all, counting earlier weeks)');
    expect(body).toContain('1 cancelled');
    expect(body).toContain('*On-time rate: 67%* · 4 of 6 kept on time or renegotiated early with the client informed');
    expect(all(blocks)).toContain('Each promise counts once a week, in the week its due time falls');
    expect(body).toContain('2 incidents opened · 1 resolved · 1 still open');
    expect(body).toContain('Median time to acknowledge: 12 min (2 incidents acknowledged)');
    expect(body).toContain('Median time to resolve: 3 h');
    expect(body).toContain('Client updates on time: 9 of 10 due (90%)');
    expect(all(blocks)).toContain('A client update is due each time the severity’s cadence runs out');
    expect(body).toContain('Thank you, <@UF2>, <@UF1>, and <@UF3>, for going the extra mile.');
    expect(all(blocks)).toContain('in the thread');
    expect(all(blocks[0])).toContain('Weekly recap · 27 Nov – 4 Dec');
    expect(text).toBe('Weekly recap: 3 stories · 67% of promises on time or renegotiated early');
  });

  it('trims a very busy week to Slack\'s limits with an "and N more" line', () => {
    const long = 'x'.repeat(2_000);
    const stories = Array.from({ length: 200 }, (_, i) => ({ ...story(i, i % 7, long), featuredIds: Array.from({ length: 20 }, (_, j) => `U${i}X${j}`) }));
    const { blocks } = buildRecapMessage(en, data({ stories: rankStories(stories), promises: { ...NONE, made: 500, keptOnTime: 400 } }), {
      chartInThread: true,
    });
    expect(blocks.length).toBeLessThanOrEqual(50);
    for (const text of sections(blocks as never)) expect(text.length).toBeLessThanOrEqual(3000);
    expect(all(blocks)).toContain('…and 190 more stories this week.');
    expect(all(blocks)).toMatch(/Thank you, .* and \d+ more, for going the extra mile/);
  });

  it("still counts the week's stories when none has a link yet, and invites stories when there are none", () => {
    const unposted = { ...story(1), message: undefined };
    expect(all(buildRecapMessage(en, data({ stories: [unposted] }), { chartInThread: false }).blocks)).not.toContain('Read the story');
    const noStories = buildRecapMessage(en, data({ promises: { ...NONE, made: 2 } }), { chartInThread: false });
    expect(all(noStories.blocks)).toContain('No stories this week yet');
    expect(all(noStories.blocks)).toContain('Nothing came due this week.');
    expect(all(noStories.blocks)).toContain('No incidents this week.');
  });

  it('gives a quiet week a short, warm post that invites stories', () => {
    const { blocks, text } = buildRecapMessage(en, data(), { chartInThread: false });
    expect(blocks).toHaveLength(2);
    expect(all(blocks)).toContain('A quiet week');
    expect(all(blocks)).toContain('/story @name');
    expect(text).toBe('Weekly recap: 0 stories');
  });

  it('speaks Polish with Polish plurals and dates', () => {
    const { blocks } = buildRecapMessage(pl, data({ stories: Array.from({ length: 15 }, (_, i) => story(i)), promises: { ...NONE, made: 5, keptOnTime: 2 } }), {
      chartInThread: true,
    });
    const body = all(blocks);
    expect(body).toContain('Podsumowanie tygodnia · 27 lis – 4 gru');
    expect(body).toContain('5 nowych obietnic');
    expect(body).toContain('…i jeszcze 5 historii z tego tygodnia.');
    expect(body).toContain('*Terminowość: 100%* · dotrzymane w terminie albo przesunięte zawczasu, za wiedzą klienta: 2 z 2');
  });

  it('names an incident nobody has acknowledged instead of letting the median hide it, in both languages', () => {
    const sev1 = {
      id: 'i1',
      severity: 'sev1' as const,
      client: 'ACME',
      title: 'checkout returns 500',
      createdAt: new Date(WEEK.end.getTime() - 3 * 86_400_000),
    };
    const incidents = { ...NO_INCIDENTS, opened: 2, open: 1, unacknowledged: [sev1], acknowledged: 1, medianAcknowledgeMs: 0 };
    const english = sections(buildRecapMessage(en, data({ incidents }), { chartInThread: false }).blocks as never).join('\n');
    expect(english).toContain(':warning: *Not acknowledged yet: 1 incident*\n• SEV1 *ACME*: checkout returns 500 · opened 3 days ago');
    expect(english).toContain('Median time to acknowledge: 0 min (1 incident acknowledged)');
    const polish = sections(buildRecapMessage(pl, data({ incidents }), { chartInThread: false }).blocks as never).join('\n');
    expect(polish).toContain(':warning: *Nadal bez przyjęcia: 1 incydent*\n• SEV1 *ACME*: checkout returns 500 · zgłoszony 3 dni temu');
  });

  it('is not a quiet week while an incident from before waits to be acknowledged', () => {
    const old = { id: 'i1', severity: 'sev2' as const, client: 'ACME', title: 'slow reports', createdAt: new Date(WEEK.start.getTime() - 86_400_000) };
    const { blocks } = buildRecapMessage(en, data({ incidents: { ...NO_INCIDENTS, open: 1, unacknowledged: [old] } }), { chartInThread: false });
    expect(all(blocks)).not.toContain('A quiet week');
    expect(all(blocks)).toContain('slow reports');
  });

  it('says when the week had more renegotiated promises than it read in full', () => {
    const { blocks } = buildRecapMessage(en, data({ promises: { ...NONE, keptOnTime: 3, partial: true } }), { chartInThread: false });
    expect(all(blocks)).toContain('More than 500 promises had their due time moved this week');
  });
});

describe('shortening a story for the recap', () => {
  it('never cuts a mention in half', () => {
    expect(truncateMrkdwn(`thanks to <@UBEN|ben> for ${'x'.repeat(10)}`, 16)).toBe('thanks to…');
    expect(truncateMrkdwn('short <@UBEN>', 300)).toBe('short <@UBEN>');
    expect(truncateMrkdwn('abcdefghij', 5)).toBe('abcd…');
  });
});

describe('the chart data', () => {
  it('labels each week with its recap day and leaves weeks with nothing due empty', () => {
    const history = [
      { week: { ...WEEK, end: new Date('2026-11-27T14:00:00Z') }, outcomes: NO_OUTCOMES },
      { week: WEEK, outcomes: { ...NO_OUTCOMES, keptOnTime: 3, overdueOpen: 1 } },
    ];
    expect(chartWeeks(history, 'Europe/Warsaw', 'en')).toEqual([
      { weekLabel: '27 Nov', rate: null, due: 0 },
      { weekLabel: '4 Dec', rate: 0.75, due: 4 },
    ]);
    expect(dayLabel(new Date('2026-09-04T13:00:00Z'), 'Europe/Warsaw', 'en')).toBe('4 Sep');
  });
});
