/**
 * Reading the parts every `/command client: text` form shares: an owner named with a Slack
 * mention at the start or the end, and the client before the first colon that separates.
 */
export const MENTION = /<@([UW][A-Z0-9]{2,})(?:\|[^>]*)?>/;
const LEADING_MENTION = new RegExp(`^\\s*${MENTION.source}\\s*`);
const TRAILING_MENTION = new RegExp(`\\s*${MENTION.source}\\s*$`);

/** Takes one `<@U…>` off the start (or else the end) of the text. */
export function takeOwnerMention(text: string): { ownerId?: string; rest: string } {
  const leading = text.match(LEADING_MENTION);
  if (leading?.[1]) return { ownerId: leading[1], rest: text.slice(leading[0].length) };
  const trailing = text.match(TRAILING_MENTION);
  if (trailing?.[1]) return { ownerId: trailing[1], rest: text.slice(0, text.length - trailing[0].length) };
  return { rest: text };
}

/**
 * The client is the text before the first colon that separates, not one inside a time ("10:30")
 * or a link ("https://").
 */
export function splitClient(text: string, maxClientLength: number): { client?: string; rest: string } {
  for (let i = text.indexOf(':'); i !== -1; i = text.indexOf(':', i + 1)) {
    const before = text.slice(0, i);
    const after = text.slice(i + 1);
    if (/\d$/.test(before) && /^\d/.test(after)) continue;
    if (after.startsWith('//')) continue;
    const client = before.trim();
    if (!client || client.length > maxClientLength || MENTION.test(client) || /\d{1,2}:\d{2}/.test(client)) break;
    return { client, rest: after.trim() };
  }
  return { rest: text.trim() };
}
