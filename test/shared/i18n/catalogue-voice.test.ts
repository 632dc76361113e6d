import { describe, expect, it } from 'vitest';
import { en } from '../../../src/shared/i18n/en.js';
import { pl } from '../../../src/shared/i18n/pl.js';

/**
 * Every text a catalogue can produce, by key: plain strings as they are, functions called with sample
 * arguments (names, then numbers, then lists, whichever the function takes without throwing).
 */
function renderAll(node: unknown, path = ''): Array<[string, string]> {
  if (typeof node === 'string') return [[path, node]];
  if (typeof node === 'function') {
    const fn = node as (...args: unknown[]) => unknown;
    const attempts: unknown[][] = [
      Array.from({ length: fn.length }, () => '<@U1>'),
      Array.from({ length: fn.length }, () => 7_200_000),
      Array.from({ length: fn.length }, () => 5),
      [['<@U1>', '<@U2>']],
      [],
    ];
    const texts = attempts.flatMap((args) => {
      try {
        const out = fn(...args);
        return typeof out === 'string' ? [out] : [];
      } catch {
        return [];
      }
    });
    return texts.map((text) => [path, text]);
  }
  if (Array.isArray(node)) return node.flatMap((item, i) => renderAll(item, `${path}[${i}]`));
  if (node && typeof node === 'object') return Object.entries(node).flatMap(([key, value]) => renderAll(value, path ? `${path}.${key}` : key));
  return [];
}

const polish = renderAll(pl);
const english = renderAll(en);
const offenders = (texts: Array<[string, string]>, pattern: RegExp) => texts.filter(([, text]) => pattern.test(text)).map(([key, text]) => `${key}: ${text}`);

describe('the Polish catalogue', () => {
  it('renders every key', () => {
    expect(polish.length).toBeGreaterThan(400);
  });

  it('has no gender brackets', () => {
    expect(offenders(polish, /\((?:a|-?ęła|-?ła|y)\)/)).toEqual([]);
  });

  it('uses only the glossary’s words', () => {
    const banned =
      /właściciel(?!e przestrzeni roboczej)|kadencj|zobowiązani|deadline|\bna czas\b|spełnion|renegocj|drzemk|szturchnij|przypisz ponownie|wskaźnik dotrzymania|opowieść|wieści|rytm|potwierdzenia|po terminie o /i;
    // (Workspace owners, a Slack role, are "właściciele przestrzeni roboczej"; a promise's owner is "osoba odpowiedzialna".)
    expect(offenders(polish, banned)).toEqual([]);
  });

  it('puts no semicolons and no English into Polish replies', () => {
    expect(offenders(polish, /;/)).toEqual([]);
    expect(
      offenders(polish, /Log as promise|client:NAME|`\/promise list\b|`\/kept (?:language|timezone|cadence|reminders|channel|leads|hours|recap)\b/),
    ).toEqual([]);
  });

  it('writes "co godzinę" and "za godzinę", never "1 godz." in a sentence', () => {
    expect(offenders(polish, /\b(?:co|za|od|po) 1 godz/)).toEqual([]);
  });
});

describe('the English catalogue', () => {
  it('speaks with contractions, like a teammate', () => {
    expect(offenders(english, /\b(?:cannot|could not|do not|does not|did not|is not|will not|has not|I will|it is|that is|here is)\b/i)).toEqual([]);
  });

  it('uses the words the glossary settles on', () => {
    expect(en.promise.button_kept).toBe('Mark as kept');
    expect(en.incident.button_client_updated).toBe('Client informed');
    expect(offenders(english, /lead times?\b|Client updated|Keep it under|under \d+ characters/i)).toEqual([]);
    expect(offenders(english, /;/)).toEqual([]);
  });
});

describe('both catalogues', () => {
  it('keep buttons short: at most about 20 characters', () => {
    const buttons = [...polish, ...english].filter(([key]) => /\.button_/.test(key) && !/nominate|upvote/.test(key));
    expect(buttons.filter(([, text]) => text.length > 21).map(([key, text]) => `${key}: ${text}`)).toEqual([]);
  });
});
