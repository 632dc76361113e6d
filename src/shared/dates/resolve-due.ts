// Turns a merged expression into an instant in the user's zone, applying the "never in
// the past for a weekday or a bare time" rule. Explicit dates are returned as written.

import type { DateSpec, DueGroup } from './due-tokens.js';
import {
  addDays,
  addMonths,
  type CalendarDate,
  daysInMonth,
  instantToZonedParts,
  isValidCalendarDate,
  type ZonedParts,
  zonedWallClockToInstant,
} from './zoned.js';

export interface ResolvedDue {
  dueAt: Date;
  hadTime: boolean;
}

type Forward = 'none' | 'day' | 'week' | 'month';

function mondayOf(today: ZonedParts): CalendarDate {
  return addDays(today, -((today.weekday + 6) % 7));
}

function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** The calendar date a spec names, and how to move it forward if the result is past. */
function dateFor(spec: DateSpec | undefined, today: ZonedParts): { date: CalendarDate; forward: Forward } | null {
  if (!spec) return { date: today, forward: 'day' };
  switch (spec.kind) {
    case 'ymd': {
      if (spec.year !== undefined) {
        return isValidCalendarDate(spec.year, spec.month, spec.day) ? { date: { year: spec.year, month: spec.month, day: spec.day }, forward: 'none' } : null;
      }
      // No year: the next time this day comes round (today included); 29 Feb waits for a leap year.
      for (let year = today.year; year <= today.year + 8; year++) {
        const date = { year, month: spec.month, day: spec.day };
        if (isValidCalendarDate(year, spec.month, spec.day) && compareDates(date, today) >= 0) {
          return { date, forward: 'none' };
        }
      }
      return null;
    }
    case 'offset':
      return { date: addDays(addMonths(today, spec.months ?? 0), spec.days), forward: 'none' };
    case 'weekday': {
      if (spec.nextWeek) {
        return { date: addDays(mondayOf(today), 7 + ((spec.weekday + 6) % 7)), forward: 'none' };
      }
      return { date: addDays(today, (spec.weekday - today.weekday + 7) % 7), forward: 'week' };
    }
    case 'endOfWeek': {
      if (spec.nextWeek) return { date: addDays(mondayOf(today), 11), forward: 'none' };
      return { date: addDays(today, (5 - today.weekday + 7) % 7), forward: 'week' };
    }
    case 'endOfMonth':
      return { date: { year: today.year, month: today.month, day: daysInMonth(today.year, today.month) }, forward: 'month' };
  }
}

function moveForward(date: CalendarDate, forward: Forward): CalendarDate {
  if (forward === 'day') return addDays(date, 1);
  if (forward === 'week') return addDays(date, 7);
  const next = addMonths({ ...date, day: 1 }, 1);
  return { ...next, day: daysInMonth(next.year, next.month) };
}

export function resolveDue(group: DueGroup, now: Date, timeZone: string, defaultHour: number): ResolvedDue | null {
  if (group.instant) {
    return Number.isNaN(group.instant.getTime()) ? null : { dueAt: group.instant, hadTime: true };
  }
  const today = instantToZonedParts(now, timeZone);
  const target = dateFor(group.date, today);
  if (!target) return null;
  const time = group.time;
  let hour = defaultHour;
  let minute = 0;
  let hadTime = false;
  if (time && time.kind !== 'endOfDay') {
    hour = time.ambiguousMeridiem && time.hour >= 1 && time.hour <= 6 ? time.hour + 12 : time.hour;
    minute = time.minute;
    hadTime = true;
  }
  const at = (date: CalendarDate) => zonedWallClockToInstant({ ...date, hour, minute }, timeZone);
  let date = target.date;
  let dueAt = at(date);
  if (target.forward !== 'none' && dueAt.getTime() < now.getTime()) {
    date = moveForward(date, target.forward);
    dueAt = at(date);
  }
  return { dueAt, hadTime };
}
