import type { KnownBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { buildUndelivered } from '../../src/home/home-undelivered-blocks.js';
import { type ClientPromise, createPromise } from '../../src/promises/client-promise.js';
import {
  buildOverdueDigest,
  buildReminderDigest,
  DIGEST_ACTIONS,
  digestItemLine,
  type PromiseEntry,
  replacePromiseItem,
} from '../../src/promises/digest-blocks.js';
import { PROMISE_ACTIONS } from '../../src/promises/promise-blocks.js';
import { planSteps, reminderPolicy } from '../../src/promises/promise-schedule.js';
import { REMINDER_ACTIONS } from '../../src/promises/reminder-blocks.js';
import { messagesFor } from '../../src/shared/i18n/index.js';
import type { Viewer } from '../../src/shared/viewer.js';
import { DEFAULT_SETTINGS } from '../../src/shared/workspace/workspace-settings.js';

// Thursday 3 December 2026, 15:00 UTC (16:00 in Warsaw).
const NOW = new Date('2026-12-03T15:00:00Z');
const en: Viewer = { m: messagesFor('en'), timeZone: 'Europe/Warsaw', now: NOW };
const pl: Viewer = { m: messagesFor('pl'), timeZone: 'Europe/Warsaw', now: NOW };
const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);

function entry(i: number, dueInMinutes: number, kind: 'alert' | 'escalate' | 'due' | 'remind' = 'alert', what = `send quote ${i}`): PromiseEntry {
  const promise: ClientPromise = createPromise(
    { id: `p${i}`, client: `ACME ${i}`, what, ownerId: 'UJAN', ownerTimeZone: 'Europe/Warsaw', creatorId: 'UJAN', dueAt: minutes(dueInMinutes) },
    minutes(-3 * 24 * 60),
  );
  const step = planSteps(promise, reminderPolicy(DEFAULT_SETTINGS)).find((s) => s.kind === kind)!;
  return { promise, step, timeZone: 'Europe/Warsaw' };
}
const sections = (blocks: KnownBlock[]) => blocks.filter((b): b is Extract<KnownBlock, { type: 'section' }> => b.type === 'section');
const actionIds = (blocks: KnownBlock[]) =>
  blocks.flatMap((b) => (b.type === 'actions' ? b.elements.map((e) => ('action_id' in e ? `${b.block_id}/${e.action_id}` : '')) : []));

describe('the leads’ digest', () => {
  it('names the count and the first item in its push text, and lists each item with Nudge owner and Reassign', () => {
    const digest = buildOverdueDigest(en, [entry(1, -120), entry(2, -60, 'escalate'), entry(3, -30)]);
    expect(digest.text).toBe('3 overdue promises: ACME 1 – send quote 1 (<@UJAN>, 2 h late) and 2 more');
    expect(sections(digest.blocks).map((s) => s.text?.text)).toEqual([
      '*:rotating_light: 3 overdue promises*',
      '*ACME 1* – send quote 1\n<@UJAN> · 2 h late',
      '*ACME 2* – send quote 2\n<@UJAN> · 1 h late · still overdue after a working day',
      '*ACME 3* – send quote 3\n<@UJAN> · 30 min late',
    ]);
    expect(actionIds(digest.blocks)).toEqual([
      `digest:p1:actions/${REMINDER_ACTIONS.nudge}`,
      `digest:p1:actions/${REMINDER_ACTIONS.reassign}`,
      `digest:p2:actions/${REMINDER_ACTIONS.nudge}`,
      `digest:p2:actions/${REMINDER_ACTIONS.reassign}`,
      `digest:p3:actions/${REMINDER_ACTIONS.nudge}`,
      `digest:p3:actions/${REMINDER_ACTIONS.reassign}`,
    ]);
    expect(digest.metadata).toMatchObject({ event_type: 'kept_promise_digest', event_payload: { count: 3, list: 'overdue' } });
  });

  it('shows the first 15 of 100 within Slack’s limits, then how many more and a button that lists them all', () => {
    const long = 'x'.repeat(5_000);
    const digest = buildOverdueDigest(
      en,
      Array.from({ length: 100 }, (_, i) => entry(i, -200 + i, 'alert', long)),
    );
    expect(digest.blocks.length).toBeLessThanOrEqual(50);
    expect(sections(digest.blocks).filter((s) => s.block_id?.startsWith('digest:'))).toHaveLength(15);
    for (const s of sections(digest.blocks)) expect(s.text!.text.length).toBeLessThanOrEqual(3000);
    expect(JSON.stringify(digest.blocks)).toContain('…and 85 more. `/promise list overdue` lists them all.');
    expect(actionIds(digest.blocks).at(-1)).toBe(`digest-all/${DIGEST_ACTIONS.showAll}`);
    expect(digest.text.length).toBeLessThanOrEqual(3000);
    // Mentions only where Slack renders them: never in button labels.
    for (const b of digest.blocks) if (b.type === 'actions') for (const e of b.elements) expect(JSON.stringify(e)).not.toContain('<@');
  });

  it('speaks Polish, with Polish plurals', () => {
    expect(buildOverdueDigest(pl, [entry(1, -120), entry(2, -60)]).text).toBe(
      '2 obietnice po terminie: ACME 1 – send quote 1 (<@UJAN>, 2 godz. po terminie) i jeszcze 1',
    );
    const five = buildOverdueDigest(
      pl,
      Array.from({ length: 5 }, (_, i) => entry(i, -60)),
    );
    expect(sections(five.blocks)[0]!.text!.text).toBe('*:rotating_light: 5 obietnic po terminie*');
    const many = buildOverdueDigest(
      pl,
      Array.from({ length: 22 }, (_, i) => entry(i, -60)),
    );
    expect(JSON.stringify(many.blocks)).toContain('…i jeszcze 7. Pełna lista: `/promise list overdue`');
    expect(JSON.stringify(many.blocks)).toContain('Pokaż wszystkie');
  });
});

describe('the owner’s digest', () => {
  it('says when each is due, offering Kept, Renegotiate and Snooze while it still fits', () => {
    const digest = buildReminderDigest(en, [entry(1, -2, 'due'), entry(2, 120, 'remind'), entry(3, -60, 'due')]);
    expect(digest.text).toBe('3 promises need you: ACME 1 – send quote 1 (due now) and 2 more');
    expect(sections(digest.blocks).map((s) => s.text?.text.split('\n')[1])).toEqual([undefined, 'due now', 'due in 2 hours', 'was due an hour ago']);
    expect(actionIds(digest.blocks).filter((id) => id.startsWith('digest:p2'))).toEqual([
      `digest:p2:actions/${PROMISE_ACTIONS.kept}`,
      `digest:p2:actions/${PROMISE_ACTIONS.renegotiate}`,
      `digest:p2:actions/${REMINDER_ACTIONS.snooze}`,
    ]);
    expect(actionIds(digest.blocks).filter((id) => id.startsWith('digest:p1'))).not.toContain(`digest:p1:actions/${REMINDER_ACTIONS.snooze}`);
    expect(buildReminderDigest(pl, [entry(1, 120, 'remind'), entry(2, 60, 'remind')]).text).toBe(
      '2 Twoje obietnice wymagają uwagi: ACME 1 – send quote 1 (termin za 2 godziny) i jeszcze 1',
    );
  });

  it('after a click, only that item gives way to what happened; the others keep their buttons', () => {
    const digest = buildReminderDigest(en, [entry(1, 60, 'remind'), entry(2, 60, 'remind'), entry(3, 60, 'remind')]);
    const after = replacePromiseItem(digest.blocks, 'p2', digestItemLine(entry(2, 60).promise, 'Marked as kept'))!;
    expect(actionIds(after).some((id) => id.startsWith('digest:p2'))).toBe(false);
    expect(actionIds(after).filter((id) => id.endsWith(PROMISE_ACTIONS.kept))).toHaveLength(2);
    expect(JSON.stringify(after)).toContain('Marked as kept');
    expect(replacePromiseItem(digest.blocks, 'p9', digestItemLine(entry(9, 60).promise, 'x'))).toBeUndefined();
  });
});

describe('deliveries given up, on the leads’ Home', () => {
  const at = NOW;
  it('counts them by kind and reason, with what to check, in either language', () => {
    const given = [
      { purpose: 'alert' as const, error: 'channel_not_found', at },
      { purpose: 'alert' as const, error: 'channel_not_found', at },
      { purpose: 'reminder' as const, error: 'user_disabled', at },
    ];
    const [block] = buildUndelivered(en, given) as Array<Extract<KnownBlock, { type: 'section' }>>;
    expect(block!.text!.text).toBe(
      ':warning: 2 alerts couldn’t be delivered: `channel_not_found` — check the leads channel, and that Kept is in it (`/invite @Kept`).\n' +
        ':warning: 1 reminder couldn’t be delivered: `user_disabled` — check that the person is still in the workspace.',
    );
    const [polish] = buildUndelivered(pl, given) as Array<Extract<KnownBlock, { type: 'section' }>>;
    expect(polish!.text!.text).toContain(':warning: Nie udało się dostarczyć 2 alertów (`channel_not_found`) – sprawdź kanał liderów');
    expect(polish!.text!.text).toContain('Nie udało się dostarczyć 1 przypomnienia (`user_disabled`)');
    expect(buildUndelivered(en, [])).toEqual([]);
  });
});
