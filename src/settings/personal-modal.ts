import type { KnownBlock, ModalView } from '@slack/types';
import { formatWorkingHours, parseWorkingHours } from '../shared/dates/working-hours-text.js';
import type { CalendarDate } from '../shared/dates/zoned.js';
import type { Messages } from '../shared/i18n/index.js';
import { button, plain, SLACK_LIMITS, section } from '../shared/slack/block-kit.js';
import type { PersonSettings } from '../shared/workspace/person.js';
import type { WorkingHours } from '../shared/workspace/workspace-settings.js';
import { parseCalendarDate } from './calendar-command.js';

export const PERSONAL_VIEW = 'personal_submit';
export const PERSONAL_ACTIONS = { open: 'personal_open' } as const;
const HOURS = 'own_hours';
const AWAY = 'away_until';
const VALUE = 'value';

/** "Your time" on the Home: your hours (or the team's) and your absence, with a button to change them. */
export function buildYourTime(m: Messages, line: string): KnownBlock {
  return { ...section(`*${m.settings.days_off.your_time}*\n${line}`), accessory: button(m.settings.days_off.home_button, PERSONAL_ACTIONS.open, 'open') };
}

/** The form behind it: your own hours (empty: the team's) and the last day you are away (empty: not away). */
export function buildPersonalModal(m: Messages, person: PersonSettings, team: WorkingHours): ModalView {
  const t = m.settings.days_off;
  return {
    type: 'modal',
    callback_id: PERSONAL_VIEW,
    title: plain(t.your_time, SLACK_LIMITS.modalTitle),
    submit: plain(t.modal_submit, 24),
    close: plain(t.modal_close, 24),
    blocks: [
      {
        type: 'input',
        block_id: HOURS,
        optional: true,
        label: plain(t.modal_hours),
        hint: plain(t.modal_hours_hint(formatWorkingHours(team, m.locale))),
        element: {
          type: 'plain_text_input',
          action_id: VALUE,
          max_length: 100,
          ...(person.hours ? { initial_value: formatWorkingHours(person.hours, m.locale) } : {}),
        },
      },
      {
        type: 'input',
        block_id: AWAY,
        optional: true,
        label: plain(t.modal_away),
        hint: plain(t.modal_away_hint),
        element: { type: 'datepicker', action_id: VALUE, ...(person.awayLastDay ? { initial_date: person.awayLastDay } : {}) },
      },
    ],
  };
}

export type PersonalSubmission = { ok: true; hours: WorkingHours | null; lastDay: CalendarDate | null } | { ok: false; errors: Record<string, string> };

/** Reads the form: hours as `/kept my hours` reads them, a last day from today on. */
export function readPersonalSubmission(
  m: Messages,
  values: Record<string, Record<string, { value?: string | null; selected_date?: string | null }>>,
  today: CalendarDate,
): PersonalSubmission {
  const errors: Record<string, string> = {};
  const hoursText = (values[HOURS]?.[VALUE]?.value ?? '').trim();
  let hours: WorkingHours | null = null;
  if (hoursText) {
    const parsed = parseWorkingHours(hoursText);
    if (parsed.ok) hours = parsed.hours;
    else errors[HOURS] = m.settings.problems[`hours_${parsed.error}`];
  }
  const dateText = values[AWAY]?.[VALUE]?.selected_date ?? '';
  let lastDay: CalendarDate | null = null;
  if (dateText) {
    const date = parseCalendarDate(dateText, today);
    const past = date && date.year * 10_000 + date.month * 100 + date.day < today.year * 10_000 + today.month * 100 + today.day;
    if (!date || past) errors[AWAY] = m.settings.days_off.problems.away_past;
    else lastDay = date;
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, hours, lastDay };
}
