import { type Locale, parseDueDate } from '../shared/dates/parse-due.js';
import { LIMITS } from './client-promise.js';

/** What `/promise <text>` asks for, read without any I/O. */
export type PromiseCommand =
  | { kind: 'open_modal' }
  | { kind: 'help' }
  | { kind: 'list'; ownerId?: string; client?: string; overdue?: boolean }
  | { kind: 'log'; draft: PromiseDraft; problems: DraftProblem[] };

export interface PromiseDraft {
  ownerId?: string;
  client?: string;
  what?: string;
  dueAt?: Date;
}

export type DraftProblem = 'client' | 'what' | 'due' | 'due_past';

const MENTION = /<@([UW][A-Z0-9]{2,})(?:\|[^>]*)?>/;
const LEADING_MENTION = new RegExp(`^\\s*${MENTION.source}\\s*`);
const TRAILING_MENTION = new RegExp(`\\s*${MENTION.source}\\s*$`);
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
  const mention = args.match(MENTION);
  const client = args.match(/(?:client|klient):\s*"?([^"]+?)"?\s*$/i)?.[1]?.trim();
  return {
    kind: 'list',
    ...(mention?.[1] ? { ownerId: mention[1] } : {}),
    ...(client ? { client } : {}),
  };
}

function parseLog(text: string, context: { now: Date; timeZone: string; locale: Locale }): PromiseCommand {
  let body = text;
  let ownerId: string | undefined;
  const leading = body.match(LEADING_MENTION);
  if (leading?.[1]) {
    ownerId = leading[1];
    body = body.slice(leading[0].length);
  } else {
    const trailing = body.match(TRAILING_MENTION);
    if (trailing?.[1]) {
      ownerId = trailing[1];
      body = body.slice(0, body.length - trailing[0].length);
    }
  }

  const draft: PromiseDraft = ownerId ? { ownerId } : {};
  const problems: DraftProblem[] = [];
  const split = splitClient(body);
  if (split.client) draft.client = split.client;
  else problems.push('client');

  const due = parseDueDate(split.rest, { now: context.now, timeZone: context.timeZone, locale: context.locale });
  const what = (due ? due.remainder : split.rest).trim();
  if (what) draft.what = what.slice(0, LIMITS.what);
  else problems.push('what');
  if (!due) problems.push('due');
  else {
    draft.dueAt = due.dueAt;
    if (due.dueAt.getTime() <= context.now.getTime()) problems.push('due_past');
  }
  return { kind: 'log', draft, problems };
}

/**
 * The client is the text before the first colon that separates, not one inside a time ("10:30")
 * or a link ("https://").
 */
export function splitClient(text: string): { client?: string; rest: string } {
  for (let i = text.indexOf(':'); i !== -1; i = text.indexOf(':', i + 1)) {
    const before = text.slice(0, i);
    const after = text.slice(i + 1);
    if (/\d$/.test(before) && /^\d/.test(after)) continue;
    if (after.startsWith('//')) continue;
    const client = before.trim();
    if (!client || client.length > LIMITS.client || MENTION.test(client) || /\d{1,2}:\d{2}/.test(client)) break;
    return { client, rest: after.trim() };
  }
  return { rest: text.trim() };
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
