import { describe, expect, it } from 'vitest';
import { messagesFor } from '../../../src/shared/i18n/index.js';

describe('plural forms', () => {
  it('counts promises the Polish way: 1 obietnica, 2–4 obietnice, 5+ and 12–14 obietnic', () => {
    const { count } = messagesFor('pl').promise;
    expect([1, 2, 4, 5, 12, 14, 21, 22, 25, 0].map(count)).toEqual([
      '1 obietnica',
      '2 obietnice',
      '4 obietnice',
      '5 obietnic',
      '12 obietnic',
      '14 obietnic',
      '21 obietnic',
      '22 obietnice',
      '25 obietnic',
      '0 obietnic',
    ]);
  });

  it('counts promises in English', () => {
    const { count } = messagesFor('en').promise;
    expect([0, 1, 2].map(count)).toEqual(['0 promises', '1 promise', '2 promises']);
  });
});
