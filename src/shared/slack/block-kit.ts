import type { Button, ContextBlock, KnownBlock, PlainTextElement, SectionBlock } from '@slack/types';

/** Slack's limits, kept in one place. */
export const SLACK_LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  sectionText: 3000,
  sectionField: 2000,
  modalTitle: 24,
  buttonText: 75,
  buttonValue: 2000,
  privateMetadata: 3000,
  contextElements: 10,
} as const;

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Like truncate(), but never leaves half a mention or link (`<@U123|ana>`) behind. */
export function truncateMrkdwn(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const open = cut.lastIndexOf('<');
  return `${open > cut.lastIndexOf('>') ? cut.slice(0, open).trimEnd() : cut}…`;
}

export function plain(text: string, max = 3000): PlainTextElement {
  return { type: 'plain_text', text: truncate(text, max), emoji: true };
}

export function section(markdown: string): SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: truncate(markdown, SLACK_LIMITS.sectionText) } };
}

export function context(...markdown: string[]): ContextBlock {
  return {
    type: 'context',
    elements: markdown.slice(0, SLACK_LIMITS.contextElements).map((text) => ({ type: 'mrkdwn' as const, text: truncate(text, 3000) })),
  };
}

export function button(text: string, actionId: string, value: string, style?: 'primary' | 'danger'): Button {
  return {
    type: 'button',
    text: plain(text, SLACK_LIMITS.buttonText),
    action_id: actionId,
    value: truncate(value, SLACK_LIMITS.buttonValue),
    ...(style ? { style } : {}),
  };
}

/** Text typed in a modal arrives raw; Slack wants &, < and > escaped in mrkdwn. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function unescapeMrkdwn(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/**
 * Stored user text must never broadcast when Kept repeats it in a channel:
 * `<!channel>`, `<!here>`, `<!everyone>` and group pings become plain words.
 */
export function defuseBroadcasts(text: string): string {
  return text
    .replace(/<!(channel|here|everyone)(?:\|[^>]*)?>/g, '@$1')
    .replace(/<!subteam\^[A-Z0-9]+(?:\|([^>]*))?>/g, (_m, label: string | undefined) => label ?? '@group');
}

// `<scheme:target|label>`: a link whose label Slack shows instead of its target. Mentions (`<@…>`), channels (`<#…>`)
// and specials (`<!…>`) start with a sign, not a scheme, so they never match.
const LABELLED_LINK = /<([a-z][a-z0-9+.-]*:[^|>]*)\|[^>]*>/gi;

/**
 * A link typed in a slash command could say `https://acme.com/invoice` and lead elsewhere: Kept repeats such
 * links as their real target (`<https://evil.example>`), so nobody is fooled by what it posts.
 */
export function revealLinks(text: string): string {
  return text.replace(LABELLED_LINK, '<$1>');
}

/** User text as Kept may repeat it anywhere: no broadcasts, no disguised links. */
export function neutraliseUserText(text: string): string {
  return revealLinks(defuseBroadcasts(text));
}

export function mention(userId: string): string {
  return `<@${userId}>`;
}

/**
 * A digest after a click on one of its items: that item's blocks (`key` and `key:actions`) give way to one
 * line saying what happened; every other item keeps its buttons. Undefined when the item is not there.
 */
export function replaceDigestItem(blocks: readonly KnownBlock[], key: string, line: KnownBlock): KnownBlock[] | undefined {
  if (!blocks.some((b) => b.block_id === key)) return undefined;
  return blocks.flatMap((b) => (b.block_id === key ? [line] : b.block_id === `${key}:actions` ? [] : [b]));
}
