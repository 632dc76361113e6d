import { type KeptEventType, type KeptMetadata, keptMetadata } from '../shared/slack/message-metadata.js';
import type { ClientPromise } from './client-promise.js';

/**
 * The metadata of a message about one promise: ids, the client's name, the status, the due time in
 * force (ISO) and the owner; never what was promised (free text stays in the message).
 */
export function promiseMetadata(eventType: KeptEventType, promise: ClientPromise): KeptMetadata {
  return keptMetadata(eventType, {
    promise_id: promise.id,
    client: promise.client,
    status: promise.status,
    due_at: promise.dueAt.toISOString(),
    owner_id: promise.ownerId,
    kept_on_time: promise.outcome?.kind === 'kept' ? promise.outcome.onTime : undefined,
    renegotiations: promise.renegotiations.length > 0 ? promise.renegotiations.length : undefined,
  });
}

/** What last happened to the promise, for a message that shows it as it is now (its card, on request). */
export function latestPromiseEvent(promise: ClientPromise): KeptEventType {
  if (promise.status === 'kept') return 'kept_promise_kept';
  if (promise.status === 'cancelled') return 'kept_promise_cancelled';
  return promise.renegotiations.length > 0 ? 'kept_promise_renegotiated' : 'kept_promise_logged';
}
