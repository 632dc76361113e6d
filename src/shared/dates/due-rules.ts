// Kept's documented defaults for reading a due date, each a named rule so the grammar,
// the README and the tests speak of the same thing.

/** A date with no time is due at 17:00 (the end of a working day) unless the caller says otherwise. */
export const DEFAULT_DUE_HOUR = 17;

/**
 * Numeric dates are day-first: "18.02" and "3/12" are 18 February and 3 December. Only when the
 * day-first reading is impossible ("2/15") is the month-first one taken.
 */
export const DAY_FIRST_NUMERIC_DATES = true;

/** A typed hour 1–6 with no am/pm, no leading zero and no part of the day is afternoon: "at 5" is 17:00. */
export function afternoonHour(hour: number): number {
  return hour >= 1 && hour <= 6 ? hour + 12 : hour;
}

/** Where a part of the day lands when no hour is given: "tonight" is 18:00, "rano" 09:00. */
export const PART_OF_DAY_HOURS = { morning: 9, noon: 12, afternoon: 15, evening: 18, night: 22 } as const;

/** An hour with a part of the day: "8 in the evening" is 20:00, "2 w nocy" is 02:00, "8 w nocy" 20:00. */
export function hourInPeriod(hour: number, period: keyof typeof PART_OF_DAY_HOURS): number {
  if (hour >= 12 || hour === 0) return hour === 12 && period === 'night' ? 0 : hour;
  if (period === 'afternoon' || period === 'evening') return hour + 12;
  if (period === 'night') return hour >= 6 ? hour + 12 : hour;
  if (period === 'noon') return hour <= 6 ? hour + 12 : hour;
  return hour;
}

/**
 * A week named as a deadline ("next week", "w tym tygodniu") is due on its Friday; a part of a
 * month on its last day: early March by the 10th, mid-March by the 20th, late March on the 31st.
 */
export const WEEK_DEADLINE_WEEKDAY = 5;
export const MONTH_PART_LAST_DAY = { early: 10, mid: 20 } as const;
