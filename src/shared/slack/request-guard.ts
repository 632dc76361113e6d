import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Firestore } from '@google-cloud/firestore';
import { type App, defaultBodyLimit, HTTPModuleFunctions, type HTTPReceiver, isRawBodyError, isValidSlackRequest } from '@slack/bolt';
import { withDeadline } from '../deadline.js';
import { isAlreadyExists } from '../firestore/firestore-docs.js';
import type { JsonLogger } from '../logger.js';

/** Slack's window: Bolt refuses a request signed more than 5 minutes ago; Kept refuses one more than 5 minutes ahead. */
export const REQUEST_WINDOW_MS = 5 * 60_000;
/** How long the replay check may wait for Firestore before letting the request through (Slack wants an answer in 3 s). */
const CLAIM_DEADLINE_MS = 1_000;

type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;

export interface RequestGuardDeps {
  readonly db: Firestore;
  readonly signingSecret: string;
  readonly logger: JsonLogger;
  /** Wall-clock milliseconds, the clock Slack signs with (Bolt checks the past side against the same). */
  readonly nowMs: () => number;
  readonly endpoints?: readonly string[];
}

/**
 * In front of Bolt's HTTP receiver: refuses a request whose timestamp lies more than 5 minutes ahead (401), and
 * drops a correctly signed request seen before (same signature: same timestamp and body): it is acknowledged
 * (an empty 200 for commands and events) and nothing else is done. Each signature is claimed once in Firestore
 * (`requests/…`, `expireAt` for a TTL policy), so a replay is dropped whichever instance it reaches.
 */
export function guardSlackRequests(next: RequestListener, deps: RequestGuardDeps): RequestListener {
  const endpoints = deps.endpoints ?? ['/slack/events'];
  return (req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (req.method !== 'POST' || !endpoints.includes(path)) return next(req, res);
    void check(req, res, next, deps).catch((error) => {
      if (isRawBodyError(error)) {
        if (!res.headersSent) res.writeHead(413).end();
        return;
      }
      deps.logger.event('error', 'could not check a Slack request', { error: error instanceof Error ? error.message : String(error) });
      if (!res.headersSent) res.writeHead(500).end();
    });
  };
}

async function check(req: IncomingMessage, res: ServerResponse, next: RequestListener, deps: RequestGuardDeps): Promise<void> {
  const timestamp = Number(header(req, 'x-slack-request-timestamp'));
  const now = deps.nowMs();
  if (Number.isFinite(timestamp) && timestamp * 1000 > now + REQUEST_WINDOW_MS) {
    deps.logger.event('warn', 'Slack request refused: its timestamp is more than 5 minutes ahead', {
      aheadSeconds: Math.round(timestamp - now / 1000),
    });
    res.writeHead(401).end();
    return;
  }
  const signature = header(req, 'x-slack-signature');
  if (!signature) return next(req, res);
  // Bolt reuses the buffered body (rawBody) instead of reading the stream again.
  const buffered = await HTTPModuleFunctions.bufferIncomingMessage(req, defaultBodyLimit);
  const valid = isValidSlackRequest({
    signingSecret: deps.signingSecret,
    body: buffered.rawBody.toString(),
    headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': timestamp },
    nowMilliseconds: now,
  });
  // Unsigned, forged or stale: Bolt answers 401 and logs it; nothing of it is remembered.
  if (!valid) return next(buffered, res);
  // The claim runs while Bolt dispatches the request; its acknowledgement waits for it (see gateAck), so the
  // ack is as fast as without the check and a replay stops right after acknowledging, before any work.
  let settle: (seen: boolean) => void = () => undefined;
  const claim = new Promise<boolean>((resolve) => {
    settle = resolve;
  });
  replayClaims.run(claim, () => next(buffered, res));
  // Started once Bolt has dispatched (and usually acknowledged): building the Firestore write costs CPU too.
  setImmediate(
    () =>
      void seenBefore(signature, timestamp, deps).then((seen) => {
        if (seen) deps.logger.event('warn', 'replayed Slack request dropped', { requestTimestamp: timestamp });
        settle(seen);
      }),
  );
}

/** The replay claim of the Slack request being handled (true: seen before), if the guard checked it. */
const replayClaims = new AsyncLocalStorage<Promise<boolean>>();

/** Thrown by a replayed request's ack, so its listener stops before doing anything; the error handler ignores it. */
export class ReplayedRequest extends Error {
  constructor() {
    super('replayed Slack request');
    this.name = 'ReplayedRequest';
  }
}

type Ack = (response?: unknown) => Promise<void>;

/**
 * Bolt's ack for this request, answering Slack at once as before and then waiting for the replay claim: a
 * replay's ack throws `ReplayedRequest`. Listeners acknowledge first, so nothing of a replay is done.
 */
export function gateAck<T extends Ack>(ack: T): T {
  const claim = replayClaims.getStore();
  if (!claim) return ack;
  return (async (response?: unknown) => {
    await ack(response);
    if (await claim) throw new ReplayedRequest();
  }) as T;
}

/** Claims the signature; true when it was claimed already. Fails open (with a warning) when Firestore is slow or down. */
async function seenBefore(signature: string, timestampSeconds: number, deps: RequestGuardDeps): Promise<boolean> {
  const id = createHash('sha256').update(signature).digest('hex');
  const at = new Date(deps.nowMs());
  // A signature is valid while its timestamp is within 5 minutes of now, so remembering it that long is enough.
  const expireAt = new Date(Math.max(at.getTime(), timestampSeconds * 1000) + REQUEST_WINDOW_MS);
  try {
    await withDeadline(deps.db.collection('requests').doc(id).create({ at, expireAt }), CLAIM_DEADLINE_MS, () => new Error('timeout'));
    return false;
  } catch (error) {
    if (isAlreadyExists(error)) return true;
    deps.logger.event('warn', 'replay check skipped: Firestore did not answer', { error: error instanceof Error ? error.message : String(error) });
    return false;
  }
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The HTTP receiver Bolt built for `app`: its server calls `requestListener` for every request, so it can be wrapped. */
export function httpReceiverOf(app: App): HTTPReceiver {
  return (app as unknown as { receiver: HTTPReceiver }).receiver;
}
