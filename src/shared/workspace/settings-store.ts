import type { Firestore } from '@google-cloud/firestore';
import { weeklyMomentAfter } from '../dates/weeks.js';
import type { IsoWeekday } from '../dates/working-hours.js';
import { isValidTimeZone } from '../dates/zoned.js';
import { toOptionalDate } from '../firestore/firestore.js';
import { isLanguage } from '../i18n/index.js';
import { type Workspace, workspaceKey } from './workspace.js';
import { DEFAULT_SETTINGS, type WorkspaceSettings } from './workspace-settings.js';

export interface SettingsStore {
  get(workspace: Workspace): Promise<WorkspaceSettings>;
  save(workspace: Workspace, settings: WorkspaceSettings): Promise<void>;
  /**
   * For a workspace nobody has configured yet: stores `initial` (once, whoever asks first) and answers
   * what is stored. Undefined when the workspace was configured already (nothing read, nothing written).
   */
  adopt?(workspace: Workspace, initial: WorkspaceSettings): Promise<WorkspaceSettings | undefined>;
}

/** Told after every save, with the settings before it; lets other slices follow a change. */
export type SettingsSavedListener = (workspace: Workspace, before: WorkspaceSettings, after: WorkspaceSettings) => void;

export class FirestoreSettingsStore implements SettingsStore {
  private readonly listeners: SettingsSavedListener[] = [];
  /** Workspaces whose last read found no settings: only they are worth an `adopt` transaction. */
  private readonly unconfigured = new Set<string>();

  constructor(
    private readonly db: Firestore,
    /** The app's clock (tests pass their own): stamps saves and plans the next recap. */
    private readonly clock: () => Date = () => new Date(),
  ) {}

  private doc(workspace: Workspace) {
    return this.db.collection('teams').doc(workspaceKey(workspace));
  }

  onSaved(listener: SettingsSavedListener): void {
    this.listeners.push(listener);
  }

  async get(workspace: Workspace): Promise<WorkspaceSettings> {
    const snapshot = await this.doc(workspace).get();
    const settings = fromStored(snapshot.get('settings'));
    if (snapshot.get('settings') === undefined) this.unconfigured.add(workspaceKey(workspace));
    // A recap channel set before the recap job existed: plan its first recap on first use.
    if (settings.channels.recap && snapshot.get('recapNextAt') === undefined) {
      await this.doc(workspace).set({ recapNextAt: nextRecapAt(settings, this.clock()) }, { merge: true });
    }
    return settings;
  }

  async adopt(workspace: Workspace, initial: WorkspaceSettings): Promise<WorkspaceSettings | undefined> {
    const key = workspaceKey(workspace);
    if (!this.unconfigured.has(key)) return undefined;
    const ref = this.doc(workspace);
    const adopted = await this.db.runTransaction(async (tx) => {
      const snapshot = await tx.get(ref);
      if (snapshot.get('settings') !== undefined) return fromStored(snapshot.get('settings'));
      tx.set(ref, { settings: { ...initial }, enterpriseId: workspace.enterpriseId ?? null, updatedAt: this.clock() }, { merge: true });
      return initial;
    });
    this.unconfigured.delete(key);
    return adopted;
  }

  /**
   * Saves the settings and re-plans the recap job's next look at this workspace (`recapNextAt`, which
   * the job range-queries instead of scanning every workspace): the next recap time, unless a look is
   * already due (a change just after the recap time must not skip that week's recap); none without a recap channel.
   */
  async save(workspace: Workspace, settings: WorkspaceSettings): Promise<void> {
    const now = this.clock();
    const snapshot = await this.doc(workspace).get();
    const before = fromStored(snapshot.get('settings'));
    const current = toOptionalDate(snapshot.get('recapNextAt'));
    const next = nextRecapAt(settings, now);
    const recapNextAt = next && current && current.getTime() <= now.getTime() ? current : next;
    // A zone someone chose is no longer the one read from a profile.
    const { timeZoneFrom, ...chosen } = settings;
    const stored = timeZoneFrom && settings.timeZone === before.timeZone ? settings : chosen;
    // mergeFields, not merge: the settings map is replaced whole, so a removed key (`/kept channel incidents none`)
    // really goes; a deep merge would keep it. Other fields of the team document stay untouched.
    await this.doc(workspace).set(
      { settings: { ...stored }, enterpriseId: workspace.enterpriseId ?? null, updatedAt: now, recapNextAt },
      { mergeFields: ['settings', 'enterpriseId', 'updatedAt', 'recapNextAt'] },
    );
    this.unconfigured.delete(workspaceKey(workspace));
    for (const listener of this.listeners) listener(workspace, before, stored);
  }
}

/** The next recap moment after `now`, or null when there is no recap channel to post to. */
export function nextRecapAt(settings: WorkspaceSettings, now: Date): Date | null {
  if (!settings.channels.recap) return null;
  return weeklyMomentAfter(now, settings.recap, isValidTimeZone(settings.timeZone) ? settings.timeZone : 'UTC');
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
    workingHours: r.workingHours && typeof r.workingHours === 'object' ? (r.workingHours as WorkspaceSettings['workingHours']) : DEFAULT_SETTINGS.workingHours,
    incidentCadenceMinutes: cadencesFromStored(r.incidentCadenceMinutes),
    recap: recapFromStored(r.recap),
    ...(typeof r.timeZoneFrom === 'string' ? { timeZoneFrom: r.timeZoneFrom } : {}),
    responseMinutes: typeof r.responseMinutes === 'number' && r.responseMinutes >= 5 ? r.responseMinutes : DEFAULT_SETTINGS.responseMinutes,
    ...(typeof r.holidays === 'string' && /^([A-Z]{2}(-[A-Z0-9]{1,3})?|none)$/.test(r.holidays) ? { holidays: r.holidays } : {}),
    daysOff: Array.isArray(r.daysOff) ? r.daysOff.filter((v): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) : [],
  };
}

function recapFromStored(raw: unknown): WorkspaceSettings['recap'] {
  const r = raw as { weekday?: unknown; minute?: unknown } | undefined;
  const weekday = r?.weekday;
  const minute = r?.minute;
  if (typeof weekday !== 'number' || !Number.isInteger(weekday) || weekday < 1 || weekday > 7) return DEFAULT_SETTINGS.recap;
  if (typeof minute !== 'number' || !Number.isInteger(minute) || minute < 0 || minute >= 24 * 60) return DEFAULT_SETTINGS.recap;
  return { weekday: weekday as IsoWeekday, minute };
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
