import type { Logger, webApi } from '@slack/bolt';
import type { KnownBlock } from '@slack/types';
import { newErrorId, UserFacingError } from '../errors.js';
import type { KeptMetadata } from './message-metadata.js';
import type { RequestContext } from './request-context.js';

/** A reply after a modal or a click: text, blocks, and the metadata of what it is about. */
export interface ReplyMessage {
  text: string;
  blocks?: KnownBlock[];
  metadata?: KeptMetadata;
}

// Bolt's view ack takes a union of response actions; this helper passes only errors or nothing.
// biome-ignore lint/suspicious/noExplicitAny: the ack of every view handler must be accepted as is
type Ack = (response?: any) => Promise<void>;

/**
 * Runs a step of a modal submission before acknowledging it, so a refusal shows in the modal and nothing
 * is half-done. On failure it answers the modal itself (under `blockId`); on success the caller acknowledges.
 */
export async function attemptBeforeAck<T>(ctx: RequestContext, ack: Ack, logger: Logger, blockId: string, work: () => Promise<T>): Promise<T | undefined> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof UserFacingError) {
      await ack({ response_action: 'errors', errors: { [blockId]: error.render(ctx.viewer.m) } });
      return undefined;
    }
    const id = newErrorId();
    logger.error(`modal submission failed [error id ${id}]`, error);
    await ack({ response_action: 'errors', errors: { [blockId]: ctx.viewer.m.common.error_with_id(id) } });
    return undefined;
  }
}

/**
 * An ephemeral reply through a response_url; false when there is none or it did not take.
 * `replaceOriginal` updates the message the response_url came from (a card whose button opened the modal).
 */
export async function replyEphemeral(responseUrl: string | undefined, message: ReplyMessage, replaceOriginal = false): Promise<boolean> {
  if (!responseUrl?.startsWith('http')) return false;
  const res = await fetch(responseUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ response_type: 'ephemeral', replace_original: replaceOriginal, ...message }),
  }).catch(() => undefined);
  return Boolean(res?.ok);
}

/** Where a modal's result goes: back to the conversation it came from, or else the user's DM with Kept. */
export async function replyAfterModal(
  client: webApi.WebClient,
  userId: string,
  responseUrl: string | undefined,
  message: ReplyMessage,
  replaceOriginal = false,
): Promise<void> {
  if (await replyEphemeral(responseUrl, message, replaceOriginal)) return;
  await client.chat.postMessage({ channel: userId, ...message });
}

/** A modal's private_metadata, read defensively: only string fields survive. */
export function readMetadata(view: { private_metadata?: string }): Record<string, string> {
  try {
    const parsed = JSON.parse(view.private_metadata || '{}');
    if (!parsed || typeof parsed !== 'object') return {};
    return Object.fromEntries(Object.entries(parsed).filter((e): e is [string, string] => typeof e[1] === 'string'));
  } catch {
    return {};
  }
}
