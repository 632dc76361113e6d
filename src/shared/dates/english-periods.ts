// The English grammar of periods: EOD, end of next week, EOM, end of April, EOY, the
// beginning of next week, early / mid / late March, a month or a week as a deadline, the weekend.

import { lastDayOfMonth, type MonthPart, monthAhead, monthPartDeadline, upcoming, weekdayInWeek } from './calendar.js';
import { WORD_END as E, WORD_START as W } from './due-tokens.js';
import { MONTH, month, NEXT, THIS, YEAR, year } from './english-dates.js';
import { EN_WEEKDAYS } from './english-words.js';
import { alternation, fixed, type Rule } from './grammar.js';

export const ENGLISH_PERIOD_RULES: readonly Rule[] = [
  {
    name: 'end of the day: EOD, COB, close of business, end of the day',
    pattern: new RegExp(
      `${W}(?:e\\.?o\\.?d\\.?|c\\.?o\\.?b\\.?|e\\.?o\\.?b\\.?|close\\s+of\\s+(?:business|play)|(?:the\\s+)?end\\s+of\\s+(?:the\\s+)?(?:(?:business|working|work)\\s+)?(?:day|business))${E}`,
      'gu',
    ),
    build: () => ({ time: { hour: 0, minute: 0, kind: 'endOfDay' } }),
  },
  {
    name: 'end of a week: EOW, end of this week, end of next week',
    pattern: new RegExp(`${W}(?:e\\.?o\\.?w\\.?|(?:the\\s+)?end\\s+of\\s+(?:the\\s+)?(?:(${THIS}|this)|(${NEXT}))?\\s*(?:work(?:ing)?\\s+)?week)${E}`, 'gu'),
    build: (m) => ({ date: { kind: 'week', weeksAhead: m[2] ? 1 : 0 } }),
  },
  {
    name: 'end of a month or year: EOM, EOY, end of next month, end of April',
    pattern: new RegExp(
      `${W}(?:(e\\.?o\\.?m\\.?)|(e\\.?o\\.?y\\.?)|(?:the\\s+)?end\\s+of\\s+(?:the\\s+)?(?:(this|current)\\s+|(next|following|coming)\\s+)?(?:(month)|(year)|${MONTH}${YEAR}?))${E}`,
      'gu',
    ),
    build: (m, ctx) => {
      const ahead = m[4] ? 1 : 0;
      if (m[1] || m[5]) {
        const target = monthAhead(ctx.today, ahead);
        return fixed(lastDayOfMonth(target.year, target.month));
      }
      if (m[2] || m[6]) return fixed({ year: ctx.today.year + ahead, month: 12, day: 31 });
      const mo = month(m[7]);
      return mo === undefined ? null : fixed(upcoming(ctx.today, year(m[8]), (y) => lastDayOfMonth(y, mo)));
    },
  },
  {
    name: 'beginning of a week: beginning of next week',
    pattern: new RegExp(`${W}(?:the\\s+)?(?:beginning|start)\\s+of\\s+(?:the\\s+)?(?:(${THIS})|(${NEXT}))?\\s*week${E}`, 'gu'),
    build: (m, ctx) => fixed(weekdayInWeek(ctx.today, 1, m[2] ? 1 : 0)),
  },
  {
    name: 'part of a month: early March, mid-March, late March, beginning of January',
    pattern: new RegExp(`${W}(?:(early|mid|late)[\\s-]*|(?:the\\s+)?(?:beginning|start|middle)\\s+of\\s+)${MONTH}${YEAR}?${E}`, 'gu'),
    build: (m, ctx) => {
      const mo = month(m[2]);
      const part: MonthPart = m[1] === 'mid' || /middle/u.test(m[0]) ? 'mid' : m[1] === 'late' ? 'late' : 'early';
      return mo === undefined ? null : fixed(upcoming(ctx.today, year(m[3]), (y) => monthPartDeadline(y, mo, part)));
    },
  },
  {
    name: 'a month as a deadline: in March, next March, October 2014, next month',
    pattern: new RegExp(
      `${W}(?:(?:(in|during|for|this)|(next))\\s+${MONTH}${YEAR}?|${MONTH}${YEAR}|(january|february|march|april|june|july|august|september|october|november|december)(?=\\s*$)|(?:(this|current)|(${NEXT}))\\s+month)${E}`,
      'gu',
    ),
    priority: 1,
    build: (m, ctx) => {
      if (m[8] || m[9]) {
        const target = monthAhead(ctx.today, m[9] ? 1 : 0);
        return fixed(lastDayOfMonth(target.year, target.month));
      }
      const mo = month(m[3] ?? m[5] ?? m[7]);
      const y = year(m[4] ?? m[6]);
      if (mo === undefined) return null;
      const date = upcoming(ctx.today, y, (yy) => lastDayOfMonth(yy, mo));
      // "next March" said in March is next year's.
      if (m[2] && date && date.month === ctx.today.month && date.year === ctx.today.year) return fixed(lastDayOfMonth(date.year + 1, mo));
      return fixed(date);
    },
  },
  {
    name: 'a week as a deadline: this week, next week, the following week',
    pattern: new RegExp(`${W}(?:(${THIS}|this)|(${NEXT}))\\s+week${E}(?!\\s*(?:on|at)?\\s*(?:${alternation(EN_WEEKDAYS)}))`, 'gu'),
    priority: 1,
    build: (m) => ({ date: { kind: 'week', weeksAhead: m[2] ? 1 : 0 } }),
  },
  {
    name: 'the weekend: this weekend, next weekend',
    pattern: new RegExp(`${W}(?:(this|the)\\s+|(next)\\s+|over\\s+the\\s+)?week[\\s-]?end${E}`, 'gu'),
    build: (m, ctx) => fixed(weekdayInWeek(ctx.today, 0, m[2] ? 1 : 0)),
  },
];
