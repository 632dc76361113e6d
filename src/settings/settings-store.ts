import type { Firestore } from '@google-cloud/firestore';
import { isLanguage } from '../shared/i18n/index.js';
import { type Workspace, workspaceKey } from '../shared/workspace.js';
import { DEFAULT_SETTINGS, type WorkspaceSettings } from './workspace-settings.js';

export interface SettingsStore {
  get(workspace: Workspace): Promise<WorkspaceSettings>;
  save(workspace: Workspace, settings: WorkspaceSettings): Promise<void>;
}

export class FirestoreSettingsStore implements SettingsStore {
  constructor(private readonly db: Firestore) {}

  private doc(workspace: Workspace) {
    return this.db.collection('teams').doc(workspaceKey(workspace));
  }

  async get(workspace: Workspace): Promise<WorkspaceSettings> {
    const snapshot = await this.doc(workspace).get();
    return fromStored(snapshot.get('settings'));
  }

  async save(workspace: Workspace, settings: WorkspaceSettings): Promise<void> {
    // mergeFields, not merge: the settings map is replaced whole, so a removed key (`/kept channel incidents none`)
    // really goes; a deep merge would keep it. Other fields of the team document stay untouched.
    await this.doc(workspace).set(
      { settings: { ...settings }, enterpriseId: workspace.enterpriseId ?? null, updatedAt: new Date() },
      { mergeFields: ['settings', 'enterpriseId', 'updatedAt'] },
    );
  }
}

/** Stored settings may predate a field: every missing or malformed field falls back to its default. */
export function fromStored(raw: unknown): WorkspaceSettings {
  if (!raw || typeof raw !== 'object') return DEFAULT_SETTINGS;
  const r = raw as Partial<Record<keyof WorkspaceSettings, unknown>>;
  return {
    language: isLanguage(r.language) ? r.language : DEFAULT_SETTINGS.language,
    timeZone: typeof r.timeZone === 'string' ? r.timeZone : DEFAULT_SETTINGS.timeZone,
    leads: Array.isArray(r.leads) ? r.leads.filter((v): v is string => typeof v === 'string') : DEFAULT_SETTINGS.leads,
    channels: r.channels && typeof r.channels === 'object' ? (r.channels as WorkspaceSettings['channels']) : {},
    reminderLeadMinutes: Array.isArray(r.reminderLeadMinutes)
      ? r.reminderLeadMinutes.filter((v): v is number => typeof v === 'number')
      : DEFAULT_SETTINGS.reminderLeadMinutes,
    workingHours:
      r.workingHours && typeof r.workingHours === 'object'
        ? (r.workingHours as WorkspaceSettings['workingHours'])
        : DEFAULT_SETTINGS.workingHours,
    incidentCadenceMinutes: cadencesFromStored(r.incidentCadenceMinutes),
  };
}

/** Each severity on its own: a number of minutes, null (one working day), or its default when missing. */
function cadencesFromStored(raw: unknown): WorkspaceSettings['incidentCadenceMinutes'] {
  const r = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const one = (key: 'sev1' | 'sev2' | 'sev3') => {
    const v = r[key];
    return v === null || (typeof v === 'number' && v > 0) ? v : DEFAULT_SETTINGS.incidentCadenceMinutes[key];
  };
  return { sev1: one('sev1'), sev2: one('sev2'), sev3: one('sev3') };
}
