import { isoDate } from '../dates/day-format.js';
import { isPublicHoliday } from '../dates/holidays.js';
import type { WorkCalendar, WorkingHours } from '../dates/working-hours.js';
import { holidayRegionOf, type WorkspaceSettings } from './workspace-settings.js';

/**
 * The working calendar plans are made with: working hours (the team's, or a person's own) with the
 * workspace's public holidays and company days off taken out, as weekends are.
 */
export function workCalendar(settings: WorkspaceSettings, hours: WorkingHours = settings.workingHours): WorkCalendar {
  const region = holidayRegionOf(settings);
  const companyDaysOff = new Set(settings.daysOff);
  if (!region && companyDaysOff.size === 0) return hours;
  return {
    days: hours.days,
    startMinute: hours.startMinute,
    endMinute: hours.endMinute,
    isDayOff: (date) => companyDaysOff.has(isoDate(date)) || (region !== undefined && isPublicHoliday(region, date)),
  };
}
