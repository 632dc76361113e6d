import { nextWorkingMomentAtOrAfter, type WorkCalendar } from '../shared/dates/working-hours.js';
import { instantToZonedParts, isValidTimeZone, zonedWallClockToInstant } from '../shared/dates/zoned.js';

/**
 * A client's message waiting for an answer. Only what the watch needs is kept: where it is (channel,
 * ts, thread), who wrote it, its first 200 characters (for the DM), and the times.
 */
export interface WatchedMessage {
  readonly id: string;
  readonly clientId: string;
  readonly channelId: string;
  readonly ts: string;
  /** The thread it was posted in, when it is a reply; absent for a top-level message. */
  readonly threadTs?: string | undefined;
  readonly authorId: string;
  readonly text: string;
  /** The message's own time (its ts), not when Kept heard of it. */
  readonly messageAt: Date;
  readonly status: WatchStatus;
  /** When the clock stopped, and who stopped it (a reply, a promise, or "Not a request"). */
  readonly answeredAt?: Date | undefined;
  readonly answeredBy?: string | undefined;
  readonly stepsDone: readonly WatchStep[];
  readonly nextStepAt: Date | null;
}

export type WatchStatus = 'waiting' | 'answered' | 'promised' | 'dismissed';
export type WatchStep = 'owner' | 'leads';

export const WATCH_TEXT_CHARS = 200;

/** A Firestore id for a message: one document per message, so a repeated event writes nothing new. */
export function watchId(channelId: string, ts: string): string {
  return `${channelId}-${ts.replace('.', '')}`;
}

export function tsToDate(ts: string): Date | undefined {
  const seconds = Number(ts);
  return Number.isFinite(seconds) && seconds > 0 ? new Date(Math.round(seconds * 1000)) : undefined;
}

/** The conversation a message belongs to: its thread, or itself when top level. */
export function conversationOf(message: Pick<WatchedMessage, 'ts' | 'threadTs'>): string {
  return message.threadTs ?? message.ts;
}

export function excerpt(text: string): string {
  // Lines stay apart: the DM quotes the first one.
  const clean = text
    .replace(/[^\S\n]+/g, ' ')
    .replace(/\n\s*/g, '\n')
    .trim();
  return clean.length <= WATCH_TEXT_CHARS ? clean : `${clean.slice(0, WATCH_TEXT_CHARS - 1)}…`;
}

/**
 * Whether the author is outside the workspace: the event's own `user_team` (or `team`) when Slack sends it,
 * else the team users.info gives, compared with the team Kept is installed in (the authorization's team:
 * in a shared channel the envelope may name the channel's host instead).
 */
export function isOutsideAuthor(ownTeamId: string, authorTeamIds: readonly (string | undefined)[]): boolean | undefined {
  const known = authorTeamIds.find((t): t is string => typeof t === 'string' && t.length > 0);
  return known === undefined ? undefined : known !== ownTeamId;
}

/**
 * Does a team member's message answer this waiting one? A reply in its thread does, and so does a
 * top-level message posted after a top-level request. A reaction never reaches here.
 */
export function answers(reply: { ts: string; threadTs?: string | undefined }, waiting: Pick<WatchedMessage, 'ts' | 'threadTs'>): boolean {
  if (reply.threadTs) return reply.threadTs === conversationOf(waiting);
  return !waiting.threadTs && Number(reply.ts) > Number(waiting.ts);
}

export function stopWatch(message: WatchedMessage, status: Exclude<WatchStatus, 'waiting'>, by: string, at: Date): WatchedMessage {
  if (message.status !== 'waiting') return message;
  return { ...message, status, answeredAt: at, answeredBy: by, nextStepAt: null };
}

/** `minutes` of working time after `start`, counted in the owner's zone; undefined without any working hours. */
export function addWorkingMinutes(start: Date, minutes: number, hours: WorkCalendar, timeZone: string): Date | undefined {
  const zone = isValidTimeZone(timeZone) ? timeZone : 'UTC';
  let left = minutes * 60_000;
  let cursor = nextWorkingMomentAtOrAfter(start, hours, zone);
  // Each pass uses up one working period; a year of periods is far more than any standard needs.
  for (let pass = 0; cursor && pass < 400; pass++) {
    const { year, month, day } = instantToZonedParts(cursor, zone);
    const endHour = Math.floor(hours.endMinute / 60);
    const end = zonedWallClockToInstant({ year, month, day, hour: endHour, minute: hours.endMinute - endHour * 60 }, zone);
    const room = end.getTime() - cursor.getTime();
    if (room <= 0) {
      cursor = nextWorkingMomentAtOrAfter(new Date(cursor.getTime() + 60_000), hours, zone);
      continue;
    }
    if (left <= room) return new Date(cursor.getTime() + left);
    left -= room;
    cursor = nextWorkingMomentAtOrAfter(end, hours, zone);
  }
  return undefined;
}

export interface WatchPolicy {
  readonly standardMinutes: number;
  /** The team's working hours, public holidays and company days off taken out. */
  readonly workingHours: WorkCalendar;
  /** The zone of the person whose working hours count (the account owner's). */
  readonly timeZone: string;
}

export interface PlannedWatchStep {
  readonly step: WatchStep;
  readonly at: Date;
}

/** The owner hears at the standard, the leads at twice the standard, both in working time. */
export function planWatchSteps(message: WatchedMessage, policy: WatchPolicy): PlannedWatchStep[] {
  if (message.status !== 'waiting') return [];
  const once = addWorkingMinutes(message.messageAt, policy.standardMinutes, policy.workingHours, policy.timeZone);
  const twice = addWorkingMinutes(message.messageAt, 2 * policy.standardMinutes, policy.workingHours, policy.timeZone);
  const steps: PlannedWatchStep[] = [];
  if (once) steps.push({ step: 'owner', at: once });
  if (twice) steps.push({ step: 'leads', at: twice });
  return steps.filter((s) => !message.stepsDone.includes(s.step));
}

/** The earliest the first step can come, before the sweep knows the owner's zone: the standard in wall time. */
export function earliestStepAt(messageAt: Date, standardMinutes: number): Date {
  return new Date(messageAt.getTime() + standardMinutes * 60_000);
}

/** The middle value, or undefined for none. */
export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** How long a request waited before its answer (a reply or a promise); undefined while waiting or dismissed. */
export function firstResponseMs(message: WatchedMessage): number | undefined {
  if ((message.status !== 'answered' && message.status !== 'promised') || !message.answeredAt) return undefined;
  return Math.max(0, message.answeredAt.getTime() - message.messageAt.getTime());
}
