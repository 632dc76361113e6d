import type { BlockAction, webApi } from '@slack/bolt';
import type { KnownBlock } from '@slack/types';
import { mention, truncate } from '../shared/slack/block-kit.js';
import type { HomeRefresher } from '../shared/slack/home-refresher.js';
import type { ContextDeps, RequestContext } from '../shared/slack/request-context.js';
import { workspaceKey } from '../shared/workspace/workspace.js';
import type { ClientPromise } from './client-promise.js';
import { digestItemLine, isDigestItemBlock, replacePromiseItem } from './digest-blocks.js';
import { buildPromiseCard } from './promise-blocks.js';
import { promiseMetadata } from './promise-metadata.js';
import { buildNewPromiseModal, type ModalPrefill } from './promise-modals.js';
import type { LogPromiseInput, PromiseService } from './promise-service.js';

/** What the promise listeners share: their dependencies, the form opener, Home refreshes and owner notices. */
export interface PromiseListenerDeps extends ContextDeps {
  readonly promises: PromiseService;
  /** Republishes the App Home of the people a change concerns; absent, nothing is refreshed. */
  readonly home?: HomeRefresher;
  /** Told after a promise was logged from a Slack message (other slices follow up: a client's question is answered). */
  readonly onLoggedFromMessage?: (client: webApi.WebClient, ctx: RequestContext, logged: LoggedFromMessage) => Promise<void>;
}

/** A promise logged from a message: which message, and whether to announce it in the message's thread. */
export interface LoggedFromMessage {
  readonly promise: ClientPromise;
  readonly channelId: string;
  readonly messageTs: string;
  readonly threadTs?: string | undefined;
  readonly announce: boolean;
}

/** What a promise modal carries from where it was opened to its submission. */
export interface PromiseModalMetadata {
  /** The promise being changed. */
  id?: string | undefined;
  /** Where to answer (the conversation the modal came from). */
  responseUrl?: string | undefined;
  /** The message a shortcut logged the promise from, and its channel. */
  permalink?: string | undefined;
  channelId?: string | undefined;
  /** That message's ts, and its thread when it is a reply. */
  messageTs?: string | undefined;
  threadTs?: string | undefined;
  /** Opened from the App Home: the Home refresh is the answer. */
  home?: boolean | undefined;
  /** Opened from one item of a digest: answer beside the digest, never in its place. */
  digest?: boolean | undefined;
}

export type NewPromiseMetadata = Omit<PromiseModalMetadata, 'id'>;

export async function openNewPromiseModal(
  client: webApi.WebClient,
  triggerId: string,
  ctx: RequestContext,
  prefill: ModalPrefill,
  metadata: NewPromiseMetadata,
): Promise<void> {
  await client.views.open({ trigger_id: triggerId, view: buildNewPromiseModal(ctx.viewer, prefill, JSON.stringify(metadata)) });
}

/** After a change made through Kept: the Home of whoever made it (a person, not a workflow) and of the others it concerns shows it. */
export async function refreshHomes(
  deps: PromiseListenerDeps,
  client: webApi.WebClient,
  ctx: RequestContext,
  ...userIds: (string | undefined)[]
): Promise<void> {
  await deps.home?.refresh(client, ctx.workspace, [...(ctx.user.isBot ? [] : [ctx.user.id]), ...userIds]);
}

export type LogOutcome =
  | { readonly ok: true; readonly promise: ClientPromise }
  | { readonly ok: false; readonly problem: 'owner_not_a_person' | 'owner_unknown' }
  /** Only with `onceId`: a promise was logged under it already (a second click). */
  | { readonly ok: false; readonly problem: 'repeated' };

/**
 * Logs a promise the way /promise does, wherever it comes from (the command, a workflow step): the owner
 * must be a person (not a bot, not deactivated), whose time zone then drives the reminders the service plans.
 */
export async function logPromiseForOwner(
  deps: PromiseListenerDeps,
  client: webApi.WebClient,
  ctx: RequestContext,
  input: Omit<LogPromiseInput, 'ownerTimeZone' | 'creatorId'>,
  onceId?: string,
): Promise<LogOutcome> {
  const owner = input.ownerId === ctx.user.id ? ctx.user : await deps.users.find(client, workspaceKey(ctx.workspace), input.ownerId, ctx.now);
  // Someone Slack cannot show this workspace (a Slack Connect guest, a purged account): said plainly, never an error id.
  if (!owner) return { ok: false, problem: 'owner_unknown' };
  if (owner.isBot || owner.deleted) return { ok: false, problem: 'owner_not_a_person' };
  const full = { ...input, creatorId: ctx.user.id, ownerTimeZone: owner.timeZone };
  if (onceId === undefined) return { ok: true, promise: await deps.promises.logPromise(ctx.workspace, full, ctx.now) };
  const promise = await deps.promises.logPromiseOnce(ctx.workspace, onceId, full, ctx.now);
  return promise ? { ok: true, promise } : { ok: false, problem: 'repeated' };
}

/**
 * After a promise is logged: only "my promises" of the creator and the owner can have changed (a new
 * promise is neither overdue nor counted in this week's rate before its due time), so the rest of
 * their Home is not read again.
 */
export async function refreshHomesAfterLogging(deps: PromiseListenerDeps, client: webApi.WebClient, ctx: RequestContext, ownerId: string): Promise<void> {
  await deps.home?.refresh(client, ctx.workspace, [...(ctx.user.isBot ? [] : [ctx.user.id]), ownerId], ['my_promises']);
}

/** A click on the App Home (no response_url: the answer is the refreshed Home). */
export function isFromHome(body: BlockAction): boolean {
  return body.container?.type === 'view' && body.view?.type === 'home';
}

/**
 * When someone else logs a promise for the owner (a teammate, a workflow), the owner hears it from Kept, in
 * their own time zone. `title` says who; by default the creator. Returns where the notice went, if it went.
 */
export async function notifyNewOwner(
  deps: PromiseListenerDeps,
  client: webApi.WebClient,
  ctx: RequestContext,
  promise: ClientPromise,
  title = ctx.viewer.m.promise.logged_for_owner(mention(ctx.user.id)),
): Promise<{ channel: string; ts: string } | undefined> {
  if (promise.ownerId === ctx.user.id) return undefined;
  const owner = await deps.users.get(client, workspaceKey(ctx.workspace), promise.ownerId, ctx.now);
  const viewer = { ...ctx.viewer, timeZone: owner.timeZone };
  const posted = await client.chat.postMessage({
    channel: promise.ownerId,
    text: pushText(title, promise),
    blocks: buildPromiseCard(viewer, promise, title),
    metadata: promiseMetadata('kept_promise_logged', promise),
  });
  return posted.ts ? { channel: posted.channel ?? promise.ownerId, ts: posted.ts } : undefined;
}

/** Someone else changed the owner's promise (a lead marked it kept): the owner hears it, and who. */
export async function notifyOwnerOfChange(client: webApi.WebClient, ctx: RequestContext, promise: ClientPromise, title: string): Promise<void> {
  const viewer = { ...ctx.viewer, timeZone: promise.ownerTimeZone };
  await client.chat.postMessage({
    channel: promise.ownerId,
    text: pushText(title, promise),
    blocks: buildPromiseCard(viewer, promise, title),
    metadata: promiseMetadata('kept_promise_kept', promise),
  });
}

/** What a phone shows for a DM about one promise: the news, then which promise ("…: ACME – send the quote"). */
export function pushText(title: string, promise: ClientPromise): string {
  return `${title}: ${truncate(promise.client, 80)} – ${truncate(promise.what, 150)}`;
}

/** Whether a click came from one item of a digest (several promises in one message). */
export function isDigestClick(body: BlockAction): boolean {
  return isDigestItemBlock(body.actions[0]?.block_id);
}

/**
 * After a click on one item of a digest: the digest with that item replaced by one line saying what
 * happened, the other items and their buttons kept. Undefined when the click was not on a digest.
 */
export function digestAfterClick(body: BlockAction, promise: ClientPromise, outcome: string): KnownBlock[] | undefined {
  if (!isDigestClick(body)) return undefined;
  return replacePromiseItem((body.message?.blocks ?? []) as KnownBlock[], promise.id, digestItemLine(promise, outcome));
}
