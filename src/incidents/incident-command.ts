import { splitClient, takeOwnerMention } from '../shared/command-text.js';
import { DEFAULT_SEVERITY, LIMITS, type Severity } from './client-incident.js';

/** What `/incident <text>` asks for, read without any I/O. */
export type IncidentCommand =
  | { kind: 'open_modal' }
  | { kind: 'help' }
  | { kind: 'list' }
  | { kind: 'stats' }
  | { kind: 'open'; draft: IncidentDraft; problems: IncidentDraftProblem[] };

export interface IncidentDraft {
  client?: string;
  title?: string;
  severity: Severity;
  ownerId?: string;
}

export type IncidentDraftProblem = 'client' | 'title';

const WORDS: Record<string, 'help' | 'list' | 'stats'> = {
  help: 'help',
  pomoc: 'help',
  '?': 'help',
  list: 'list',
  lista: 'list',
  ls: 'list',
  stats: 'stats',
  statystyki: 'stats',
  metrics: 'stats',
  metryki: 'stats',
};

/**
 * `ACME sev1: checkout returns 500 since 9:00`, `<@U…> ACME: …`, `sev1 ACME: …`: the client before
 * the colon, the severity as the first or last word of that part (default sev2), the owner by mention.
 */
export function parseIncidentCommand(rawText: string): IncidentCommand {
  const text = rawText.replace(/\s+/g, ' ').trim();
  if (text === '') return { kind: 'open_modal' };
  const first = text.split(' ')[0]!.toLocaleLowerCase('pl');
  const word = WORDS[first];
  if (word && text.split(' ').length === 1) return { kind: word };

  const { ownerId, rest } = takeOwnerMention(text);
  const split = splitClient(rest, LIMITS.client + 6);
  const draft: IncidentDraft = { severity: DEFAULT_SEVERITY, ...(ownerId ? { ownerId } : {}) };
  const problems: IncidentDraftProblem[] = [];
  let title = split.rest;
  if (split.client) {
    const { severity, remainder } = takeSeverity(split.client);
    if (severity) draft.severity = severity;
    if (remainder && remainder.length <= LIMITS.client) draft.client = remainder;
  }
  const leading = takeSeverity(title, true);
  if (leading.severity) {
    draft.severity = leading.severity;
    title = leading.remainder;
  }
  if (!draft.client) problems.push('client');
  if (title) draft.title = title.slice(0, LIMITS.title);
  else problems.push('title');
  return { kind: 'open', draft, problems };
}

const LEADING_SEVERITY = /^sev\s?([123])(?:\s+|$)/i;
const TRAILING_SEVERITY = /(?:^|\s+)sev\s?([123])$/i;

/** A `sev1`/`SEV 2` word at the start (or, unless `leadingOnly`, the end) of the text. */
function takeSeverity(text: string, leadingOnly = false): { severity?: Severity; remainder: string } {
  const leading = text.match(LEADING_SEVERITY);
  if (leading) return { severity: `sev${leading[1]}` as Severity, remainder: text.slice(leading[0].length).trim() };
  const trailing = leadingOnly ? null : text.match(TRAILING_SEVERITY);
  if (trailing) return { severity: `sev${trailing[1]}` as Severity, remainder: text.slice(0, text.length - trailing[0].length).trim() };
  return { remainder: text.trim() };
}
