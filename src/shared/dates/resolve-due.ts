// Turns a merged expression into an instant in the user's zone, applying the "never in the
// past for a weekday or a bare time" rule, and names the second reading when there is one
// ("next Wednesday" said on a Tuesday; "Tuesday" said on a Tuesday).

import { addDays, addMonths, compareDates, weekDeadline, weekdayInWeek, weekdayOf } from './calendar.js';
import { afternoonHour } from './due-rules.js';
import type { DateSpec, DueGroup, TimeSpec } from './due-tokens.js';
import { type CalendarDate, daysInMonth, instantToZonedParts, isValidCalendarDate, type ZonedParts, zonedWallClockToInstant } from './zoned.js';

export interface ResolvedDue {
  dueAt: Date;
  hadTime: boolean;
  /** The other plausible reading, when the words allow two. */
  alternative?: Date;
}

type Forward = 'none' | 'day' | 'week' | 'month';

interface Target {
  date: CalendarDate;
  forward: Forward;
  alternative?: CalendarDate;
}

/** The next date (today included) with this day (and month), and this weekday if one was named. */
function nextMatching(today: CalendarDate, day: number, month: number | undefined, weekday: number | undefined): CalendarDate | null {
  const steps = month === undefined ? 12 * 8 : 12;
  for (let i = 0; i < steps; i++) {
    const base = month === undefined ? addMonths({ ...today, day: 1 }, i) : { year: today.year + i, month, day: 1 };
    const date = { ...base, day };
    if (!isValidCalendarDate(date.year, date.month, day) || compareDates(date, today) < 0) continue;
    if (weekday === undefined || weekdayOf(date) === weekday) return date;
  }
  return null;
}

function weekdayTarget(spec: Extract<DateSpec, { kind: 'weekday' }>, today: ZonedParts): Target {
  const ahead = (spec.weekday - today.weekday + 7) % 7;
  if (spec.weeksAhead !== undefined) return { date: weekdayInWeek(today, spec.weekday, spec.weeksAhead), forward: 'none' };
  if (spec.nth !== undefined) return { date: addDays(today, (ahead === 0 ? 7 : ahead) + (spec.nth - 1) * 7), forward: 'none' };
  if (spec.next) {
    const coming = addDays(today, ahead === 0 ? 7 : ahead);
    const nextWeeks = weekdayInWeek(today, spec.weekday, 1);
    // Both readings are plausible only while this week's one is still ahead.
    if (compareDates(coming, nextWeeks) === 0) return { date: coming, forward: 'none' };
    return spec.next === 'nextWeek' ? { date: nextWeeks, forward: 'none', alternative: coming } : { date: coming, forward: 'none', alternative: nextWeeks };
  }
  // A bare weekday that is today: today, or a week from now; both are asked about.
  return { date: addDays(today, ahead), forward: 'week', ...(ahead === 0 ? { alternative: addDays(today, 7) } : {}) };
}

/** The calendar date a spec names, and how to move it forward if the result is past. */
function dateFor(spec: DateSpec | undefined, today: ZonedParts): Target | null {
  if (!spec) return { date: today, forward: 'day' };
  switch (spec.kind) {
    case 'ymd': {
      if (spec.year !== undefined) {
        if (!isValidCalendarDate(spec.year, spec.month, spec.day)) return null;
        return { date: { year: spec.year, month: spec.month, day: spec.day }, forward: 'none' };
      }
      // "Fri, 18 Jul" when no coming 18 July is a Friday: the date wins.
      const date = nextMatching(today, spec.day, spec.month, spec.weekday) ?? nextMatching(today, spec.day, spec.month, undefined);
      return date ? { date, forward: 'none' } : null;
    }
    case 'dayOfMonth': {
      const date = nextMatching(today, spec.day, undefined, spec.weekday) ?? nextMatching(today, spec.day, undefined, undefined);
      return date ? { date, forward: 'none' } : null;
    }
    case 'offset':
      return { date: addDays(addMonths(today, spec.months ?? 0), spec.days), forward: 'none' };
    case 'weekday':
      return weekdayTarget(spec, today);
    case 'week':
      return { date: weekDeadline(today, spec.weeksAhead), forward: spec.weeksAhead === 0 ? 'week' : 'none' };
    case 'fixed':
      return isValidCalendarDate(spec.year, spec.month, spec.day) ? { date: { year: spec.year, month: spec.month, day: spec.day }, forward: 'none' } : null;
  }
}

function moveForward(date: CalendarDate, forward: Forward): CalendarDate {
  if (forward === 'day') return addDays(date, 1);
  if (forward === 'week') return addDays(date, 7);
  const next = addMonths({ ...date, day: 1 }, 1);
  return { ...next, day: daysInMonth(next.year, next.month) };
}

function clockOf(time: TimeSpec | undefined, defaultHour: number): { hour: number; minute: number; hadTime: boolean; offset?: number } {
  if (!time || time.kind === 'endOfDay') return { hour: defaultHour, minute: 0, hadTime: false };
  const hour = time.ambiguousMeridiem ? afternoonHour(time.hour) : time.hour;
  return { hour, minute: time.minute, hadTime: true, ...(time.offsetMinutes !== undefined ? { offset: time.offsetMinutes } : {}) };
}

export function resolveDue(group: DueGroup, now: Date, timeZone: string, defaultHour: number): ResolvedDue | null {
  if (group.instant) {
    return Number.isNaN(group.instant.getTime()) ? null : { dueAt: group.instant, hadTime: true };
  }
  const today = instantToZonedParts(now, timeZone);
  const target = dateFor(group.date, today);
  if (!target) return null;
  const { hour, minute, hadTime, offset } = clockOf(group.time, defaultHour);
  const at = (date: CalendarDate) =>
    offset === undefined
      ? zonedWallClockToInstant({ ...date, hour, minute }, timeZone)
      : new Date(Date.UTC(date.year, date.month - 1, date.day, hour, minute) - offset * 60_000);
  let date = target.date;
  let dueAt = at(date);
  if (target.forward !== 'none' && dueAt.getTime() < now.getTime()) {
    date = moveForward(date, target.forward);
    dueAt = at(date);
    return { dueAt, hadTime };
  }
  const alternative = target.alternative ? at(target.alternative) : undefined;
  return alternative && alternative.getTime() > now.getTime() ? { dueAt, hadTime, alternative } : { dueAt, hadTime };
}
