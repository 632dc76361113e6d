import { LIMITS as INCIDENT_LIMITS, type Severity } from '../incidents/client-incident.js';
import { LIMITS as PROMISE_LIMITS } from '../promises/client-promise.js';
import { STORY_LIMITS } from '../stories/story.js';

/**
 * What a Workflow Builder step's inputs must be, read without any I/O. Slack sends what the workflow's
 * author mapped: strings, user ids, a timestamp in seconds, a list of user ids; anything may be missing
 * or of the wrong kind, since variables from other steps can be empty.
 */
export type StepProblem =
  | { readonly kind: 'client_required' }
  | { readonly kind: 'client_too_long'; readonly max: number }
  | { readonly kind: 'what_required' }
  | { readonly kind: 'what_too_long'; readonly max: number }
  | { readonly kind: 'owner_required' }
  | { readonly kind: 'due_required' }
  | { readonly kind: 'due_past'; readonly due: Date }
  | { readonly kind: 'source_link_invalid' }
  | { readonly kind: 'summary_required' }
  | { readonly kind: 'summary_too_long'; readonly max: number }
  | { readonly kind: 'severity_unknown'; readonly value: string }
  | { readonly kind: 'featured_required' }
  | { readonly kind: 'featured_too_many'; readonly max: number }
  | { readonly kind: 'story_what_required' }
  | { readonly kind: 'story_what_too_long'; readonly max: number }
  | { readonly kind: 'why_too_long'; readonly max: number };

export type StepRead<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: StepProblem };

export type StepInputs = Readonly<Record<string, unknown>>;

/** How free text is made safe to show in Slack (mrkdwn escaped, no broadcasts); the caller knows Slack. */
export type Sanitize = (text: string) => string;

export interface PromiseStepInput {
  readonly client: string;
  readonly what: string;
  readonly ownerId: string;
  readonly dueAt: Date;
  readonly sourceLink?: string | undefined;
}

export interface IncidentStepInput {
  readonly client: string;
  readonly summary: string;
  readonly severity: Severity;
  readonly ownerId?: string | undefined;
}

export interface StoryStepInput {
  readonly featuredIds: readonly string[];
  readonly what: string;
  readonly client?: string | undefined;
  readonly why?: string | undefined;
}

const USER_ID = /^[UW][A-Z0-9]{2,}$/;
const LINK = /^https:\/\/[^\s<>|]+$/;
/** Past this, a number is milliseconds rather than seconds (year 2001 in ms; year 33658 in seconds). */
const MILLISECONDS_FROM = 1e12;

const fail = (problem: StepProblem): { ok: false; problem: StepProblem } => ({ ok: false, problem });

/** Inputs for "Log a client promise": client, what, owner and a due time in the future; a source link if given. */
export function readPromiseStep(inputs: StepInputs, now: Date, sanitize: Sanitize = (t) => t): StepRead<PromiseStepInput> {
  const client = sanitize(text(inputs.client));
  const what = sanitize(text(inputs.what));
  const ownerId = userId(inputs.owner);
  const dueAt = instant(inputs.due);
  const sourceLink = text(inputs.source_link);
  if (!client) return fail({ kind: 'client_required' });
  if (client.length > PROMISE_LIMITS.client) return fail({ kind: 'client_too_long', max: PROMISE_LIMITS.client });
  if (!what) return fail({ kind: 'what_required' });
  if (what.length > PROMISE_LIMITS.what) return fail({ kind: 'what_too_long', max: PROMISE_LIMITS.what });
  if (!ownerId) return fail({ kind: 'owner_required' });
  if (!dueAt) return fail({ kind: 'due_required' });
  if (dueAt.getTime() <= now.getTime()) return fail({ kind: 'due_past', due: dueAt });
  if (sourceLink && !LINK.test(sourceLink)) return fail({ kind: 'source_link_invalid' });
  return { ok: true, value: { client, what, ownerId, dueAt, sourceLink: sourceLink || undefined } };
}

/** Inputs for "Open a client incident": client, summary and a known severity; an owner if given. */
export function readIncidentStep(inputs: StepInputs, sanitize: Sanitize = (t) => t): StepRead<IncidentStepInput> {
  const client = sanitize(text(inputs.client));
  const summary = sanitize(text(inputs.summary));
  const rawSeverity = text(inputs.severity);
  const severity = severityOf(rawSeverity);
  if (!client) return fail({ kind: 'client_required' });
  if (client.length > INCIDENT_LIMITS.client) return fail({ kind: 'client_too_long', max: INCIDENT_LIMITS.client });
  if (!summary) return fail({ kind: 'summary_required' });
  if (summary.length > INCIDENT_LIMITS.title) return fail({ kind: 'summary_too_long', max: INCIDENT_LIMITS.title });
  if (!severity) return fail({ kind: 'severity_unknown', value: rawSeverity.slice(0, 20) });
  return { ok: true, value: { client, summary, severity, ownerId: userId(inputs.owner) } };
}

/** Inputs for "Share a story": who it features and what happened; the client and why it mattered if given. */
export function readStoryStep(inputs: StepInputs, sanitize: Sanitize = (t) => t): StepRead<StoryStepInput> {
  const featuredIds = userIds(inputs.featured);
  const what = sanitize(text(inputs.what));
  const client = sanitize(text(inputs.client));
  const why = sanitize(text(inputs.why));
  if (featuredIds.length === 0) return fail({ kind: 'featured_required' });
  if (featuredIds.length > STORY_LIMITS.featured) return fail({ kind: 'featured_too_many', max: STORY_LIMITS.featured });
  if (!what) return fail({ kind: 'story_what_required' });
  if (what.length > STORY_LIMITS.what) return fail({ kind: 'story_what_too_long', max: STORY_LIMITS.what });
  if (client.length > STORY_LIMITS.client) return fail({ kind: 'client_too_long', max: STORY_LIMITS.client });
  if (why.length > STORY_LIMITS.why) return fail({ kind: 'why_too_long', max: STORY_LIMITS.why });
  return { ok: true, value: { featuredIds, what, client: client || undefined, why: why || undefined } };
}

/** `sev1`, `SEV 2`, `3`: the severities a person might type into a workflow form. */
export function severityOf(value: string): Severity | undefined {
  const match = /^(?:sev\s?)?([123])$/i.exec(value.trim());
  return match ? (`sev${match[1]}` as Severity) : undefined;
}

function text(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}

function userId(value: unknown): string | undefined {
  const id = text(value);
  return USER_ID.test(id) ? id : undefined;
}

/** A list of users arrives as an array of ids; a single id or a comma-separated text is taken too. */
function userIds(value: unknown): string[] {
  const raw = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [];
  return [...new Set(raw.map((v) => userId(v)).filter((id): id is string => id !== undefined))];
}

/** Slack's timestamp type is seconds since the epoch, as a number (or its text). */
function instant(value: unknown): Date | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : Number.NaN;
  if (!Number.isFinite(n) || n <= 0) return undefined;
  return new Date(n >= MILLISECONDS_FROM ? n : n * 1000);
}
