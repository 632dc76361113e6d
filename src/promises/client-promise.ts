import { UserFacingError } from '../shared/errors.js';

export type PromiseStatus = 'open' | 'kept' | 'cancelled';

export interface Renegotiation {
  readonly at: Date;
  readonly by: string;
  readonly previousDueAt: Date;
  readonly newDueAt: Date;
  readonly reason: string;
  readonly clientInformed: boolean;
  /** Asked for before the due time then in force: the honest, good kind. */
  readonly early: boolean;
}

export type Outcome =
  | { readonly kind: 'kept'; readonly at: Date; readonly by: string; readonly onTime: boolean }
  | { readonly kind: 'cancelled'; readonly at: Date; readonly by: string };

/** A commitment made to a client. (Never called `Promise`: that name is JavaScript's.) */
export interface ClientPromise {
  readonly id: string;
  readonly client: string;
  readonly what: string;
  readonly ownerId: string;
  readonly creatorId: string;
  readonly createdAt: Date;
  /** The due time in force (after any renegotiation). */
  readonly dueAt: Date;
  readonly originalDueAt: Date;
  readonly status: PromiseStatus;
  readonly outcome?: Outcome | undefined;
  readonly renegotiations: readonly Renegotiation[];
  /** Where it was logged, when known. */
  readonly channelId?: string | undefined;
  /** Link to the Slack message it was logged from (message shortcut). */
  readonly permalink?: string | undefined;
  /** The owner's Slack time zone, for working hours of reminders. */
  readonly ownerTimeZone: string;
  /** A one-off reminder the owner asked for ("Snooze 1 h"). */
  readonly snoozedUntil?: Date | undefined;
  /** Scheduled steps (reminders, alerts) already dealt with, by key; see promise-schedule.ts. */
  readonly stepsDone: readonly string[];
  /** When the sweep should next look at this promise; null once nothing more is planned. */
  readonly nextStepAt: Date | null;
}

export const LIMITS = { client: 80, what: 500, reason: 500 } as const;

export interface NewPromise {
  id: string;
  client: string;
  what: string;
  ownerId: string;
  ownerTimeZone: string;
  creatorId: string;
  dueAt: Date;
  channelId?: string | undefined;
  permalink?: string | undefined;
}

export function createPromise(input: NewPromise, now: Date): ClientPromise {
  return {
    id: input.id,
    client: input.client.trim(),
    what: input.what.trim(),
    ownerId: input.ownerId,
    ownerTimeZone: input.ownerTimeZone,
    creatorId: input.creatorId,
    createdAt: now,
    dueAt: input.dueAt,
    originalDueAt: input.dueAt,
    status: 'open',
    renegotiations: [],
    channelId: input.channelId,
    ...(input.permalink ? { permalink: input.permalink } : {}),
    stepsDone: [],
    nextStepAt: null,
  };
}

/** The one place that says who may change a promise. */
export function canChangePromise(promise: ClientPromise, userId: string, leads: readonly string[]): boolean {
  return promise.ownerId === userId || promise.creatorId === userId || leads.includes(userId);
}

export function assertCanChange(promise: ClientPromise, userId: string, leads: readonly string[]): void {
  if (!canChangePromise(promise, userId, leads)) throw new UserFacingError('promise_not_allowed');
}

function assertOpen(promise: ClientPromise): void {
  if (promise.status === 'kept') throw new UserFacingError('promise_closed_kept');
  if (promise.status === 'cancelled') throw new UserFacingError('promise_closed_cancelled');
}

export interface PromiseCorrection {
  client: string;
  what: string;
  dueAt: Date;
  ownerId: string;
  ownerTimeZone: string;
}

/**
 * Fixing what was just logged (the confirmation's Change button): the promise as it should have
 * been read. Not a renegotiation, so nothing is recorded against the due time; only open promises.
 */
export function correctPromise(promise: ClientPromise, fix: PromiseCorrection, now: Date): ClientPromise {
  assertOpen(promise);
  if (fix.dueAt.getTime() <= now.getTime()) throw new UserFacingError('invalid_request');
  const dueChanged = fix.dueAt.getTime() !== promise.dueAt.getTime();
  return {
    ...promise,
    client: fix.client.trim(),
    what: fix.what.trim(),
    ownerId: fix.ownerId,
    ownerTimeZone: fix.ownerTimeZone,
    dueAt: fix.dueAt,
    ...(promise.renegotiations.length === 0 ? { originalDueAt: fix.dueAt } : {}),
    ...(dueChanged ? { stepsDone: [], snoozedUntil: undefined } : {}),
  };
}

/** A promise can be nominated as a story once it is kept. */
export function isNominatable(promise: ClientPromise): boolean {
  return promise.status === 'kept';
}

export function isOverdue(promise: ClientPromise, now: Date): boolean {
  return promise.status === 'open' && promise.dueAt.getTime() <= now.getTime();
}

/** Kept on time when done by the due time in force. A second "Kept" changes nothing. */
export function markKept(promise: ClientPromise, by: string, now: Date): ClientPromise {
  if (promise.status === 'kept') return promise;
  assertOpen(promise);
  const onTime = now.getTime() <= promise.dueAt.getTime();
  return { ...promise, status: 'kept', outcome: { kind: 'kept', at: now, by, onTime } };
}

export function cancelPromise(promise: ClientPromise, by: string, now: Date): ClientPromise {
  if (promise.status === 'cancelled') return promise;
  assertOpen(promise);
  return { ...promise, status: 'cancelled', outcome: { kind: 'cancelled', at: now, by } };
}

export interface RenegotiationRequest {
  newDueAt: Date;
  reason: string;
  clientInformed: boolean;
}

export function renegotiate(promise: ClientPromise, by: string, request: RenegotiationRequest, now: Date): ClientPromise {
  assertOpen(promise);
  const entry: Renegotiation = {
    at: now,
    by,
    previousDueAt: promise.dueAt,
    newDueAt: request.newDueAt,
    reason: request.reason.trim(),
    clientInformed: request.clientInformed,
    early: now.getTime() < promise.dueAt.getTime(),
  };
  return { ...promise, dueAt: request.newDueAt, snoozedUntil: undefined, renegotiations: [...promise.renegotiations, entry] };
}

export const SNOOZE_MINUTES = 60;

/** Snoozing is offered only while the reminder would still come before the due time. */
export function canSnooze(promise: ClientPromise, now: Date): boolean {
  return promise.status === 'open' && now.getTime() + SNOOZE_MINUTES * 60_000 < promise.dueAt.getTime();
}

export function snooze(promise: ClientPromise, now: Date): ClientPromise {
  assertOpen(promise);
  if (!canSnooze(promise, now)) throw new UserFacingError('promise_snooze_past_due');
  return { ...promise, snoozedUntil: new Date(now.getTime() + SNOOZE_MINUTES * 60_000) };
}

export function reassign(promise: ClientPromise, ownerId: string, ownerTimeZone: string): ClientPromise {
  assertOpen(promise);
  if (ownerId === promise.ownerId) return promise;
  return { ...promise, ownerId, ownerTimeZone };
}

/** When the current schedule was made: at logging, or at the last renegotiation. Steps planned before it are skipped. */
export function scheduledFrom(promise: ClientPromise): Date {
  return promise.renegotiations.at(-1)?.at ?? promise.createdAt;
}

export type RenegotiationProblem = 'due_required' | 'due_past' | 'due_same' | 'reason_required' | 'reason_too_long';

/** Problems with a renegotiation request, for the modal's inline errors. */
export function validateRenegotiation(
  promise: ClientPromise,
  request: { newDueAt: Date | undefined; reason: string },
  now: Date,
): { due?: RenegotiationProblem; reason?: RenegotiationProblem } {
  const problems: { due?: RenegotiationProblem; reason?: RenegotiationProblem } = {};
  if (!request.newDueAt) problems.due = 'due_required';
  else if (request.newDueAt.getTime() <= now.getTime()) problems.due = 'due_past';
  else if (request.newDueAt.getTime() === promise.dueAt.getTime()) problems.due = 'due_same';
  const reason = request.reason.trim();
  if (!reason) problems.reason = 'reason_required';
  else if (reason.length > LIMITS.reason) problems.reason = 'reason_too_long';
  return problems;
}

/** Open promises: overdue first (oldest due first), then by due time. Due-time order gives exactly that. */
export function byUrgency(a: ClientPromise, b: ClientPromise): number {
  return a.dueAt.getTime() - b.dueAt.getTime();
}

export function normalizeClientKey(client: string): string {
  return client.trim().toLocaleLowerCase('en').replace(/\s+/g, ' ');
}
