import { describe, expect, it } from 'vitest';
import { type ClientPromise, createPromise } from '../../src/promises/client-promise.js';
import { buildDueNotice, buildNudge, buildOverdueAlert, buildReminder } from '../../src/promises/reminder-blocks.js';
import { messagesFor } from '../../src/shared/i18n/index.js';
import type { Viewer } from '../../src/shared/viewer.js';

const HOUR = 3_600_000;
// Due Thursday 3 December 2026, 15:00 in Warsaw.
const DUE = new Date('2026-12-03T14:00:00Z');
const promise: ClientPromise = createPromise(
  { id: 'p1', client: 'ACME', what: 'wysłać poprawioną wycenę', ownerId: 'UJAN', ownerTimeZone: 'Europe/Warsaw', creatorId: 'UJAN', dueAt: DUE },
  new Date('2026-11-30T09:00:00Z'),
);
const viewer = (language: 'en' | 'pl', now: Date): Viewer => ({ m: messagesFor(language), timeZone: 'Europe/Warsaw', now });
const at = (offsetMs: number) => new Date(DUE.getTime() + offsetMs);
const title = (message: { blocks: unknown[] }) => (message.blocks[0] as { text: { text: string } }).text.text;

describe('what the owner and the leads read, in Polish', () => {
  it('reminds with what, for whom and when in the push text, and says "za godzinę"', () => {
    const reminder = buildReminder(viewer('pl', at(-HOUR)), promise, false);
    expect(reminder.text).toBe('ACME: wysłać poprawioną wycenę – termin mija za godzinę, o 15:00');
    expect(title(reminder)).toBe('*:alarm_clock: Przypomnienie: termin tej obietnicy mija za godzinę*');
    expect(JSON.stringify(reminder.blocks)).toContain('*Odpowiada*');
    // An hour ahead there is no room for a snooze; two hours ahead there is.
    expect(JSON.stringify(reminder.blocks)).not.toContain('Przypomnij za godzinę');
    expect(JSON.stringify(buildReminder(viewer('pl', at(-2 * HOUR)), promise, false).blocks)).toContain('Przypomnij za godzinę');
  });

  it('alerts the leads in plain Polish: the lateness in words, before "po terminie", and who answers for it', () => {
    const alert = buildOverdueAlert(viewer('pl', at(17 * HOUR + 59 * 60_000)), promise, false);
    expect(title(alert)).toBe('*:rotating_light: Obietnica 17 godzin i 59 minut po terminie · odpowiada <@UJAN>*');
    expect(alert.text).toBe('ACME: wysłać poprawioną wycenę – 17 godzin i 59 minut po terminie, odpowiada <@UJAN>');
    const escalation = buildOverdueAlert(viewer('pl', at(3 * 24 * HOUR + 17 * HOUR)), promise, true);
    expect(title(escalation)).toBe('*:rotating_light: Wciąż otwarta po dniu roboczym: 3 dni i 17 godzin po terminie · odpowiada <@UJAN>*');
    expect(JSON.stringify(alert.blocks)).toContain('Wyślij przypomnienie');
    for (const text of [title(alert), title(escalation), alert.text]) expect(text).not.toMatch(/po terminie o|właściciel|godz\./);
  });

  it('passes on the lead’s question with the lateness in words', () => {
    const nudge = buildNudge(viewer('pl', at(2 * HOUR)), promise, 'ULEAD');
    expect(title(nudge)).toBe(
      '*:wave: <@ULEAD> pyta o tę obietnicę – jest 2 godziny po terminie. Oznacz ją jako dotrzymaną albo zmień termin i daj znać klientowi.*',
    );
    expect(nudge.text).toBe('<@ULEAD> pyta o obietnicę – ACME: wysłać poprawioną wycenę, 2 godziny po terminie');
  });

  it('says the due time has passed when the due notice goes out late', () => {
    expect(buildDueNotice(viewer('pl', at(60_000)), promise).text).toBe('ACME: wysłać poprawioną wycenę – termin mija teraz');
    const late = buildDueNotice(viewer('pl', at(18 * HOUR)), promise);
    expect(title(late)).toBe('*:hourglass: Termin tej obietnicy minął 18 godzin temu*');
    expect(late.text).toBe('ACME: wysłać poprawioną wycenę – termin minął 18 godzin temu');
  });
});

describe('what the owner and the leads read, in English', () => {
  it('names the promise in every push text, and uses the words people say', () => {
    expect(buildReminder(viewer('en', at(-24 * HOUR)), promise, false).text).toBe('ACME: wysłać poprawioną wycenę – due in 24 hours, tomorrow at 15:00');
    const alert = buildOverdueAlert(viewer('en', at(HOUR)), promise, false);
    expect(title(alert)).toBe('*:rotating_light: <@UJAN>’s promise is an hour overdue*');
    expect(JSON.stringify(alert.blocks)).toContain('Nudge owner');
    const reminder = buildReminder(viewer('en', at(-2 * HOUR)), promise, false);
    expect(JSON.stringify(reminder.blocks)).toContain('Mark as kept');
    expect(JSON.stringify(reminder.blocks)).toContain('Snooze for an hour');
    expect(title(buildDueNotice(viewer('en', at(18 * HOUR)), promise))).toBe('*:hourglass: This promise was due 18 hours ago*');
  });
});
