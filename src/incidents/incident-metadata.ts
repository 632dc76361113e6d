import { type KeptEventType, type KeptMetadata, keptMetadata } from '../shared/slack/message-metadata.js';
import type { ClientIncident } from './client-incident.js';

/** The metadata of a message about one incident: ids, the client's name, severity, status, the owner; never its title or updates. */
export function incidentMetadata(eventType: KeptEventType, incident: ClientIncident): KeptMetadata {
  return keptMetadata(eventType, {
    incident_id: incident.id,
    client: incident.client,
    severity: incident.severity,
    status: incident.status,
    owner_id: incident.ownerId,
    opened_at: incident.createdAt.toISOString(),
    resolved_at: incident.resolvedAt?.toISOString(),
  });
}

/** A change to the incident message: resolved once it is, otherwise updated. */
export function incidentChangeEvent(incident: ClientIncident): KeptEventType {
  return incident.status === 'resolved' ? 'kept_incident_resolved' : 'kept_incident_updated';
}
