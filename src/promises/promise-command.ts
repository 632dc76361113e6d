import { firstMention, splitClient as splitClientText, takeOwnerMention } from '../shared/command-text.js';
import { type Locale, parseDueDate } from '../shared/dates/parse-due.js';
import { LIMITS } from './client-promise.js';

/** What `/promise <text>` asks for, read without any I/O. */
export type PromiseCommand =
  | { kind: 'open_modal' }
  | { kind: 'help' }
  | { kind: 'list'; ownerId?: string; client?: string; overdue?: boolean }
  | { kind: 'log'; draft: PromiseDraft; problems: DraftProblem[]; reading?: DueReading };

/** How the due date was read, for the reply: what was used, and what else the text could mean. */
export interface DueReading {
  /** The words read as the due date ("by Friday 3pm"). */
  matchedText: string;
  /** A second plausible instant: Kept asks which one before saving. */
  alternative?: Date;
  /** Date- or time-like text that was not used: the confirmation says so. */
  unused: string[];
}

export interface PromiseDraft {
  ownerId?: string;
  client?: string;
  what?: string;
  dueAt?: Date;
}

export type DraftProblem = 'client' | 'what' | 'due' | 'due_past';

const LIST_WORDS = new Set(['list', 'lista', 'ls']);
const HELP_WORDS = new Set(['help', 'pomoc', '?']);
const OVERDUE_WORDS = new Set(['overdue', 'late', 'zaległe', 'zalegle', 'po terminie', 'spóźnione', 'spoznione']);

export function parsePromiseCommand(rawText: string, context: { now: Date; timeZone: string; locale: Locale }): PromiseCommand {
  const text = rawText.replace(/\s+/g, ' ').trim();
  if (text === '') return { kind: 'open_modal' };
  const [first = '', ...rest] = text.split(' ');
  const word = first.toLocaleLowerCase('pl');
  if (HELP_WORDS.has(word)) return { kind: 'help' };
  if (LIST_WORDS.has(word)) return parseList(rest.join(' '));
  return parseLog(text, context);
}

function parseList(args: string): PromiseCommand {
  if (OVERDUE_WORDS.has(args.toLocaleLowerCase('pl').trim())) return { kind: 'list', overdue: true };
  const ownerId = firstMention(args);
  const client = args.match(/(?:client|klient):\s*"?([^"]+?)"?\s*$/i)?.[1]?.trim();
  return {
    kind: 'list',
    ...(ownerId ? { ownerId } : {}),
    ...(client ? { client } : {}),
  };
}

function parseLog(text: string, context: { now: Date; timeZone: string; locale: Locale }): PromiseCommand {
  const { ownerId, rest: body } = takeOwnerMention(text);
  const draft: PromiseDraft = ownerId ? { ownerId } : {};
  const problems: DraftProblem[] = [];
  const split = splitClient(body);
  if (split.client) draft.client = split.client;
  else problems.push('client');

  const due = parseDueDate(split.rest, { now: context.now, timeZone: context.timeZone, locale: context.locale });
  const what = (due ? due.remainder : split.rest).trim();
  if (what) draft.what = what.slice(0, LIMITS.what);
  else problems.push('what');
  if (!due) return { kind: 'log', draft, problems: [...problems, 'due'] };
  draft.dueAt = due.dueAt;
  if (due.dueAt.getTime() <= context.now.getTime()) problems.push('due_past');
  const reading: DueReading = { matchedText: due.matchedText, unused: due.unused, ...(due.alternative ? { alternative: due.alternative } : {}) };
  return { kind: 'log', draft, problems, reading };
}

/** The client before the first separating colon; see shared/command-text.ts. */
export function splitClient(text: string): { client?: string; rest: string } {
  return splitClientText(text, LIMITS.client);
}

const CLIENT_LINE = /^\s*(?:client|klient)\s*:\s*(.+)$/i;

/**
 * A promise read from a Slack message (the "Log as promise" shortcut), to prefill the form: the client
 * from a `Client: ACME` line or an `ACME: …` prefix, what = the rest of the message (mentions kept),
 * and the first due date in it when it lies ahead. Everything stays editable in the form.
 */
export function draftFromMessage(rawText: string, context: { now: Date; timeZone: string; locale: Locale }): PromiseDraft {
  const text = rawText.trim();
  const [firstLine = '', ...otherLines] = text.split('\n');
  let client: string | undefined;
  let what = text;
  const labelled = firstLine.match(CLIENT_LINE)?.[1]?.trim();
  if (labelled && labelled.length <= LIMITS.client && otherLines.join('\n').trim()) {
    client = labelled;
    what = otherLines.join('\n').trim();
  } else {
    const split = splitClient(firstLine);
    if (split.client && split.client.split(' ').length <= 4) {
      client = split.client;
      what = [split.rest, ...otherLines].join('\n').trim();
    }
  }
  const due = parseDueDate(text, context);
  return {
    ...(client ? { client } : {}),
    ...(what ? { what: what.slice(0, LIMITS.what) } : {}),
    ...(due && due.dueAt.getTime() > context.now.getTime() ? { dueAt: due.dueAt } : {}),
  };
}

export type DueWords = { kind: 'due'; dueAt: Date } | { kind: 'unreadable' } | { kind: 'two_readings'; readings: [Date, Date] };

/** A due time typed in words in a form (renegotiation), read as /promise reads it; empty text is no answer. */
export function readDueWords(text: string, context: { now: Date; timeZone: string; locale: Locale }): DueWords | undefined {
  if (text.trim() === '') return undefined;
  const due = parseDueDate(text, context);
  if (!due) return { kind: 'unreadable' };
  if (due.alternative) return { kind: 'two_readings', readings: [due.dueAt, due.alternative] };
  return { kind: 'due', dueAt: due.dueAt };
}
