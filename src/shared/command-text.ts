/**
 * Reading the free text of slash commands (`/promise`, `/story`, …) without I/O: user mentions
 * as Slack escapes them (`<@U123|ana>`), and the `ACME:` client prefix.
 */
export const USER_MENTION = /<@([UW][A-Z0-9]{2,})(?:\|[^>]*)?>/;
const USER_MENTIONS = new RegExp(USER_MENTION.source, 'g');
const LEADING_MENTION = new RegExp(`^\\s*${USER_MENTION.source}\\s*`);
const TRAILING_MENTION = new RegExp(`\\s*${USER_MENTION.source}\\s*$`);

/** The first user mentioned, if any. */
export function firstMention(text: string): string | undefined {
  return text.match(USER_MENTION)?.[1];
}

/** Every user mentioned, once each, in order of first mention. */
export function mentionedUsers(text: string): string[] {
  return [...new Set([...text.matchAll(USER_MENTIONS)].map((m) => m[1]!))];
}

/** A mention at the very start of the text, and the text after it. */
export function takeLeadingMention(text: string): { userId?: string; rest: string } {
  const leading = text.match(LEADING_MENTION);
  return leading?.[1] ? { userId: leading[1], rest: text.slice(leading[0].length) } : { rest: text };
}

/** A mention at the very end of the text, and the text before it. */
export function takeTrailingMention(text: string): { userId?: string; rest: string } {
  const trailing = text.match(TRAILING_MENTION);
  return trailing?.[1] ? { userId: trailing[1], rest: text.slice(0, text.length - trailing[0].length) } : { rest: text };
}

/** An owner named at the start (or else the end) of the text, and the text without it. */
export function takeOwnerMention(text: string): { ownerId?: string; rest: string } {
  const leading = takeLeadingMention(text);
  const taken = leading.userId ? leading : takeTrailingMention(text);
  return taken.userId ? { ownerId: taken.userId, rest: taken.rest } : { rest: text };
}

/** All mentions at the start of the text ("<@ana> <@ben> stayed late"), and the text after them. */
export function takeLeadingMentions(text: string): { userIds: string[]; rest: string } {
  const userIds: string[] = [];
  let rest = text;
  for (let taken = takeLeadingMention(rest); taken.userId; taken = takeLeadingMention(rest)) {
    userIds.push(taken.userId);
    rest = taken.rest.replace(/^(?:,|and|i|oraz|&amp;|&)\s+/i, '');
  }
  return { userIds: [...new Set(userIds)], rest };
}

/**
 * The client is the text before the first colon that separates, not one inside a time ("10:30")
 * or a link ("https://"). No client when that text is too long to be a name, holds a mention or a time.
 */
export function splitClient(text: string, maxClientLength: number): { client?: string; rest: string } {
  for (let i = text.indexOf(':'); i !== -1; i = text.indexOf(':', i + 1)) {
    const before = text.slice(0, i);
    const after = text.slice(i + 1);
    if (/\d$/.test(before) && /^\d/.test(after)) continue;
    if (after.startsWith('//')) continue;
    const client = before.trim();
    if (!client || client.length > maxClientLength || USER_MENTION.test(client) || /\d{1,2}:\d{2}/.test(client)) break;
    return { client, rest: after.trim() };
  }
  return { rest: text.trim() };
}
