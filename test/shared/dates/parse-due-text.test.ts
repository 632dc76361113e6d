import { describe, expect, it } from 'vitest';
import { type Locale, parseDueDate } from '../../../src/shared/dates/parse-due.js';

const now = new Date('2026-12-02T09:30:00Z'); // Wednesday

type Row = [input: string, locale: Locale, matchedText: string, remainder: string];

const rows: Row[] = [
  ['send the revised quote by Friday 3pm', 'en', 'by Friday 3pm', 'send the revised quote'],
  ['call back tomorrow 10:00 re: invoice', 'en', 'tomorrow 10:00', 'call back re: invoice'],
  ['due by Friday: send the deck', 'en', 'due by Friday', 'send the deck'],
  ['send the deck before EOD', 'en', 'before EOD', 'send the deck'],
  ['<@U123|ana> send deck on Monday', 'en', 'on Monday', '<@U123|ana> send deck'],
  ['send   the   deck   tomorrow  ,', 'en', 'tomorrow', 'send the deck'],
  ['ping them till 3 Dec -', 'en', 'till 3 Dec', 'ping them'],
  ['wysłać poprawioną ofertę do piątku', 'pl', 'do piątku', 'wysłać poprawioną ofertę'],
  ['oddzwonić najpóźniej do jutra, pilne', 'pl', 'najpóźniej do jutra', 'oddzwonić, pilne'],
  ['przygotować raport na 3 grudnia o 10:00 dla klienta', 'pl', 'na 3 grudnia o 10:00', 'przygotować raport dla klienta'],
  ['odpisać w pt 15 ws. umowy', 'pl', 'w pt 15', 'odpisać ws. umowy'],
  ['wysłać fakturę przed końcem tygodnia', 'pl', 'przed końcem tygodnia', 'wysłać fakturę'],
  ['zadzwonić dnia 03.12.2026 o 10:00', 'pl', 'dnia 03.12.2026 o 10:00', 'zadzwonić'],
  ['Spotkanie we wtorek rano; agenda w mailu', 'pl', 'we wtorek rano', 'Spotkanie; agenda w mailu'],
];

describe('parseDueDate text extraction', () => {
  it.each(rows)('splits %j (%s) into the date and the rest', (input, locale, matchedText, remainder) => {
    const parsed = parseDueDate(input, { now, timeZone: 'Europe/Warsaw', locale });
    expect(parsed).not.toBeNull();
    expect(parsed!.matchedText).toBe(matchedText);
    expect(parsed!.remainder).toBe(remainder);
  });

  it('takes the first date expression when there are several', () => {
    const parsed = parseDueDate('send draft tomorrow, final on Friday', { now, timeZone: 'UTC', locale: 'en' });
    expect(parsed!.matchedText).toBe('tomorrow');
    expect(parsed!.dueAt.toISOString()).toBe('2026-12-03T17:00:00.000Z');
    const polish = parseDueDate('szkic jutro, wersja końcowa w piątek', { now, timeZone: 'UTC', locale: 'pl' });
    expect(polish!.matchedText).toBe('jutro');
  });

  it('ignores dates inside Slack links and mentions', () => {
    const parsed = parseDueDate('see <https://x.io/2026-01-05|spec> and reply by Friday', {
      now,
      timeZone: 'UTC',
      locale: 'en',
    });
    expect(parsed!.matchedText).toBe('by Friday');
    expect(parsed!.remainder).toBe('see <https://x.io/2026-01-05|spec> and reply');
  });
});

describe('parseDueDate with mixed languages', () => {
  it('reads Polish in an English workspace', () => {
    const parsed = parseDueDate('wysłać ofertę jutro o 10', { now, timeZone: 'Europe/Warsaw', locale: 'en' });
    expect(parsed!.dueAt.toISOString()).toBe('2026-12-03T09:00:00.000Z');
    expect(parsed!.remainder).toBe('wysłać ofertę');
  });

  it('prefers the Polish reading when it covers more of the expression', () => {
    const parsed = parseDueDate('oferta w piątek 15:00', { now, timeZone: 'Europe/Warsaw', locale: 'en' });
    expect(parsed!.matchedText).toBe('w piątek 15:00');
    expect(parsed!.dueAt.toISOString()).toBe('2026-12-04T14:00:00.000Z');
  });

  it('reads English in a Polish workspace', () => {
    const parsed = parseDueDate('send the deck by Friday 3pm', { now, timeZone: 'Europe/Warsaw', locale: 'pl' });
    expect(parsed!.dueAt.toISOString()).toBe('2026-12-04T14:00:00.000Z');
    expect(parsed!.remainder).toBe('send the deck');
  });

  it('reads ISO and day-first numeric dates in both languages alike', () => {
    for (const locale of ['en', 'pl'] as const) {
      for (const text of ['2026-12-03 10:00', '03.12.2026 10:00', '03.12 10:00']) {
        const parsed = parseDueDate(text, { now, timeZone: 'Europe/Warsaw', locale });
        expect(parsed!.dueAt.toISOString()).toBe('2026-12-03T09:00:00.000Z');
      }
    }
  });
});
