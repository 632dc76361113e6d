import type { WorkingHours } from '../dates/working-hours.js';

/** What a person (or a lead, for them) told Kept about their own time. Every field is optional. */
export interface PersonSettings {
  /** Their own working hours, in place of the team's, for their reminders and alerts. */
  readonly hours?: WorkingHours;
  /** Away through this local date ("2026-12-31"), inclusive… */
  readonly awayLastDay?: string;
  /** …that is, until this instant: the start of the next day in their time zone. */
  readonly awayUntil?: Date;
  /** Who set the absence (themselves or a lead). */
  readonly awaySetBy?: string;
  /** Who stands in for them while they are away (set by a lead). */
  readonly backupId?: string;
}

/** A Slack status as users.info and the user_change event carry it. */
export interface SlackStatus {
  readonly text: string;
  readonly emoji: string;
  /** Unix seconds; 0 when the status does not expire. */
  readonly expiration: number;
}

export interface Away {
  /** When they are back. */
  readonly until: Date;
  readonly source: 'kept' | 'slack';
}

/** A person's time as the sweep plans with it: their own hours, whether they are away now, their backup. */
export interface Availability {
  readonly hours?: WorkingHours;
  readonly away?: Away;
  readonly backupId?: string;
}

const AWAY_EMOJI = new Set([
  ':palm_tree:',
  ':desert_island:',
  ':beach_with_umbrella:',
  ':airplane:',
  ':face_with_thermometer:',
  ':thermometer:',
  ':mask:',
  ':face_with_head_bandage:',
  ':sneezing_face:',
  ':hospital:',
  ':no_entry:',
]);
const AWAY_WORDS =
  /\b(vacation|vacationing|holidays?|on leave|leave|pto|sick|ill|out of (the )?office|ooo|off today|urlop\w*|chor[ya]|l4|zwolnieni\w*|poza biurem|nieobecn\w*|wolne)\b/iu;

/**
 * A Slack status that says "away": a vacation, sick or out-of-office emoji or words, with an expiration
 * still ahead (without one Kept cannot know when they are back, so it does not hold their reminders).
 */
export function awayFromSlackStatus(status: SlackStatus | undefined, now: Date): Away | undefined {
  if (!status || !(status.expiration > 0)) return undefined;
  const until = new Date(status.expiration * 1000);
  if (until.getTime() <= now.getTime()) return undefined;
  const text = status.text.normalize('NFC');
  return AWAY_EMOJI.has(status.emoji) || AWAY_WORDS.test(text) ? { until, source: 'slack' } : undefined;
}

/** Kept's own "away until" and the Slack status together: away until the later of the two still ahead. */
export function availabilityOf(person: PersonSettings | undefined, status: SlackStatus | undefined, now: Date): Availability {
  const kept: Away | undefined = person?.awayUntil && person.awayUntil.getTime() > now.getTime() ? { until: person.awayUntil, source: 'kept' } : undefined;
  const slack = awayFromSlackStatus(status, now);
  const away = kept && slack ? (slack.until.getTime() > kept.until.getTime() ? slack : kept) : (kept ?? slack);
  return {
    ...(person?.hours ? { hours: person.hours } : {}),
    ...(away ? { away } : {}),
    ...(person?.backupId ? { backupId: person.backupId } : {}),
  };
}
