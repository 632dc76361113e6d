/**
 * Machine-readable metadata on every message Kept posts about a promise, an incident or a story
 * (Slack's `metadata: { event_type, event_payload }`), read by other apps, workflows and exports.
 * The payload is small and stable: ids, the client's name, a status, ISO times, user ids; never free
 * text beyond the client. `v` versions the contract documented in the README.
 */
export const METADATA_VERSION = 1;

export type KeptEventType =
  | 'kept_promise_logged'
  | 'kept_promise_kept'
  | 'kept_promise_renegotiated'
  | 'kept_promise_cancelled'
  | 'kept_promise_snoozed'
  | 'kept_promise_reassigned'
  | 'kept_promise_reminder'
  | 'kept_promise_overdue'
  | 'kept_incident_opened'
  | 'kept_incident_updated'
  | 'kept_incident_reminder'
  | 'kept_incident_resolved'
  | 'kept_story_shared'
  | 'kept_story_upvoted'
  | 'kept_recap_posted'
  /** A scheduled message with no event of its own: only its delivery id. */
  | 'kept_delivery'
  | 'kept_promise_digest'
  | 'kept_incident_digest'
  | 'kept_client_waiting'
  | 'kept_client_waiting_digest'
  | 'kept_client_meeting_due'
  | 'kept_client_meetings_due';

export type MetadataValue = string | number | boolean;

export interface KeptMetadata {
  readonly event_type: KeptEventType;
  readonly event_payload: Readonly<Record<string, MetadataValue>>;
}

/** Builds the metadata of one message; fields left undefined are omitted. */
export function keptMetadata(eventType: KeptEventType, payload: Record<string, MetadataValue | undefined>): KeptMetadata {
  const event_payload: Record<string, MetadataValue> = { v: METADATA_VERSION };
  for (const [key, value] of Object.entries(payload)) if (value !== undefined) event_payload[key] = value;
  return { event_type: eventType, event_payload };
}
