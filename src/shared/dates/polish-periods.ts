// The Polish grammar of periods: "do końca dnia", "koniec przyszłego tygodnia", "do końca marca",
// "na początku przyszłego tygodnia", "w połowie marca", "w marcu", "w przyszłym tygodniu", weekend.

import { lastDayOfMonth, type MonthPart, monthAhead, monthPartDeadline, upcoming, weekdayInWeek } from './calendar.js';
import { WORD_END as E, WORD_START as W } from './due-tokens.js';
import { fixed, type Rule } from './grammar.js';
import { MONTH, month, NEXT_WEEK, THIS_WEEK, YEAR, year } from './polish-dates.js';
import { NEXT_MODIFIER } from './polish-words.js';

export const POLISH_PERIOD_RULES: readonly Rule[] = [
  {
    name: 'koniec okresu: do końca dnia, koniec tygodnia, pod koniec przyszłego miesiąca, do końca marca',
    pattern: new RegExp(
      `${W}(?:pod\\s+)?(?:koniec|konca|koncem|koncowk[aiey])\\s+(?:(?:tego|biezacego)\\s+|((?:przyszl|nastepn|kolejn)(?:ego|ym))\\s+)?` +
        `(?:(tygodnia|tyg\\.?)|(dnia(?:\\s+pracy)?|dzisiejszego\\s+dnia|dnia\\s+dzisiejszego)|(miesiaca|mies\\.?)|(roku)|${MONTH}${YEAR}?)${E}`,
      'gu',
    ),
    build: (m, ctx) => {
      const ahead = m[1] ? 1 : 0;
      if (m[2]) return { date: { kind: 'week', weeksAhead: ahead } };
      if (m[3]) return { time: { hour: 0, minute: 0, kind: 'endOfDay' } };
      if (m[4]) {
        const target = monthAhead(ctx.today, ahead);
        return fixed(lastDayOfMonth(target.year, target.month));
      }
      if (m[5]) return fixed({ year: ctx.today.year + ahead, month: 12, day: 31 });
      const mo = month(m[6]);
      return mo === undefined ? null : fixed(upcoming(ctx.today, year(m[7], m[8]), (y) => lastDayOfMonth(y, mo)));
    },
  },
  {
    name: 'początek i połowa: na początku przyszłego tygodnia, na początku marca, w połowie marca',
    pattern: new RegExp(
      `${W}(?:na\\s+|w\\s+|od\\s+)?(poczat(?:ek|ku|kiem)|polow(?:a|ie|y)|pod\\s+koniec)\\s+(?:(?:(tego|biezacego)\\s+|((?:przyszl|nastepn|kolejn)(?:ego|ym))\\s+)?(tygodnia)|${MONTH}${YEAR}?)${E}`,
      'gu',
    ),
    build: (m, ctx) => {
      if (m[4]) return fixed(weekdayInWeek(ctx.today, 1, m[3] ? 1 : 0));
      const mo = month(m[5]);
      const part: MonthPart = (m[1] ?? '').startsWith('polow') ? 'mid' : (m[1] ?? '').startsWith('pod') ? 'late' : 'early';
      return mo === undefined ? null : fixed(upcoming(ctx.today, year(m[6], m[7]), (y) => monthPartDeadline(y, mo, part)));
    },
  },
  {
    name: 'miesiąc jako termin: w marcu, październik 2014, następny marzec, w przyszłym miesiącu',
    pattern: new RegExp(
      `${W}(?:(?:w|we)\\s+(marcu|kwietniu|maju|czerwcu|lipcu|sierpniu|wrzesniu|pazdzierniku|listopadzie|grudniu|styczniu|lutym)|${MONTH}\\s+((?:19|20)\\d{2})|(${NEXT_MODIFIER})\\s+${MONTH}|(?:w\\s+)?(przyszlym|nastepnym|kolejnym|tym|biezacym)\\s+miesiacu|(przyszlego|nastepnego|kolejnego)\\s+miesiaca)${E}`,
      'gu',
    ),
    priority: 1,
    build: (m, ctx) => {
      if (m[6] || m[7]) {
        const target = monthAhead(ctx.today, /^(?:tym|biezacym)$/u.test(m[6] ?? '') ? 0 : 1);
        return fixed(lastDayOfMonth(target.year, target.month));
      }
      const mo = month(m[1] ?? m[2] ?? m[5]);
      if (mo === undefined) return null;
      const y = m[3] ? Number(m[3]) : undefined;
      const date = upcoming(ctx.today, y, (yy) => lastDayOfMonth(yy, mo));
      if (m[4] && date && date.month === ctx.today.month && date.year === ctx.today.year) return fixed(lastDayOfMonth(date.year + 1, mo));
      return fixed(date);
    },
  },
  {
    name: 'tydzień jako termin: w tym tygodniu, w przyszłym tygodniu, następny tydzień',
    pattern: new RegExp(`${W}(?:w\\s+|na\\s+|do\\s+)?(?:(${THIS_WEEK})|(${NEXT_WEEK}))${E}`, 'gu'),
    priority: 1,
    build: (m) => ({ date: { kind: 'week', weeksAhead: m[2] ? 1 : 0 } }),
  },
  {
    name: 'weekend: w ten weekend, na weekend, w przyszły weekend',
    pattern: new RegExp(
      `${W}(?:(?:w|na|przez)\\s+)?(?:(ten|ta|tym)\\s+|((?:przyszl|nastepn)\\p{L}{1,3})\\s+)?(?:week[\\s-]?end\\p{L}{0,3}|wekend\\p{L}{0,3})${E}`,
      'gu',
    ),
    build: (m, ctx) => fixed(weekdayInWeek(ctx.today, 0, m[2] ? 1 : 0)),
  },
];
