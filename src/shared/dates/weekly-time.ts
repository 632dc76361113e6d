// A weekday and a time of day ("Fri 15:00", "piątek o 15", "Friday at a quarter past three"),
// read with the same grammar as due dates: for `/kept recap` and the settings form.

import { afternoonHour, DEFAULT_DUE_HOUR } from './due-rules.js';
import { normalizeForMatching } from './due-tokens.js';
import { englishTokens } from './english-parsers.js';
import type { GrammarContext } from './grammar.js';
import { firstExpression } from './merge-due.js';
import { polishTokens } from './polish-parsers.js';
import type { IsoWeekday } from './working-hours.js';

/** Any fixed instant will do: only the weekday and clock words are read, never a calendar date. */
const CONTEXT: GrammarContext = {
  now: new Date(Date.UTC(2026, 0, 5)),
  today: { year: 2026, month: 1, day: 5, hour: 0, minute: 0, weekday: 1 },
};

/** Words that may come before the day: "w środę o 9", "on Fridays at 3pm", "every Friday". */
const LEAD_IN = /^(?:(?:w|we|on|every|each|co)\s+)?$/u;

/** The weekday (ISO, Monday = 1) and minute of the day, or undefined unless the whole text is one. */
export function readWeeklyTime(text: string): { weekday: IsoWeekday; minute: number } | undefined {
  if (typeof text !== 'string' || text.length > 100) return undefined;
  const norm = normalizeForMatching(text.trim());
  for (const [tokens, bareHours] of [
    [englishTokens(norm, CONTEXT), false],
    [polishTokens(norm, CONTEXT), true],
  ] as const) {
    const found = firstExpression([...tokens], norm, bareHours);
    const group = found?.group;
    if (!group || !LEAD_IN.test(norm.slice(0, group.start)) || group.end !== norm.length) continue;
    if (group.date?.kind !== 'weekday' || group.date.weeksAhead !== undefined || group.date.nth !== undefined || group.date.next) continue;
    const time = group.time;
    if (!time || time.offsetMinutes !== undefined) continue;
    const hour = time.kind === 'endOfDay' ? DEFAULT_DUE_HOUR : time.ambiguousMeridiem ? afternoonHour(time.hour) : time.hour;
    const weekday = (group.date.weekday === 0 ? 7 : group.date.weekday) as IsoWeekday;
    return { weekday, minute: hour * 60 + (time.kind === 'endOfDay' ? 0 : time.minute) };
  }
  return undefined;
}
