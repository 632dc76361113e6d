import { FieldValue, type Firestore } from '@google-cloud/firestore';
import type { IsoWeekday, WorkingHours } from '../dates/working-hours.js';
import { toOptionalDate } from '../firestore/firestore.js';
import type { PersonSettings } from './person.js';
import { type Workspace, workspaceKey } from './workspace.js';

/** Per-person settings: `teams/{workspace}/people/{userId}`. A missing document is a person with none. */
export interface PeopleStore {
  get(workspace: Workspace, userId: string): Promise<PersonSettings>;
  /** Writes the given fields; a field set to null is removed. */
  update(workspace: Workspace, userId: string, change: PersonChange): Promise<void>;
}

export type PersonChange = { [K in keyof PersonSettings]?: PersonSettings[K] | null };

export class FirestorePeopleStore implements PeopleStore {
  constructor(private readonly db: Firestore) {}

  private doc(workspace: Workspace, userId: string) {
    return this.db.collection('teams').doc(workspaceKey(workspace)).collection('people').doc(userId);
  }

  async get(workspace: Workspace, userId: string): Promise<PersonSettings> {
    const snapshot = await this.doc(workspace, userId).get();
    return personFromStored(snapshot.data());
  }

  async update(workspace: Workspace, userId: string, change: PersonChange): Promise<void> {
    const fields: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(change)) {
      if (value === undefined) continue;
      fields[key] = value === null ? FieldValue.delete() : key === 'hours' ? { ...(value as WorkingHours) } : value;
    }
    await this.doc(workspace, userId).set(fields, { merge: true });
  }
}

/** Stored documents may lack fields or hold odd ones: each is read on its own, anything malformed is dropped. */
export function personFromStored(raw: unknown): PersonSettings {
  if (!raw || typeof raw !== 'object') return {};
  const r = raw as Record<string, unknown>;
  const hours = hoursFromStored(r.hours);
  const awayUntil = toOptionalDate(r.awayUntil);
  return {
    ...(hours ? { hours } : {}),
    ...(awayUntil && typeof r.awayLastDay === 'string' ? { awayUntil, awayLastDay: r.awayLastDay } : {}),
    ...(typeof r.awaySetBy === 'string' ? { awaySetBy: r.awaySetBy } : {}),
    ...(typeof r.backupId === 'string' && /^[UW][A-Z0-9]+$/.test(r.backupId) ? { backupId: r.backupId } : {}),
  };
}

function hoursFromStored(raw: unknown): WorkingHours | undefined {
  const r = raw as { days?: unknown; startMinute?: unknown; endMinute?: unknown } | undefined;
  if (!r || !Array.isArray(r.days) || typeof r.startMinute !== 'number' || typeof r.endMinute !== 'number') return undefined;
  const days = r.days.filter((d): d is IsoWeekday => Number.isInteger(d) && d >= 1 && d <= 7);
  return days.length > 0 && r.startMinute < r.endMinute ? { days, startMinute: r.startMinute, endMinute: r.endMinute } : undefined;
}
