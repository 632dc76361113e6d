import type { Firestore } from '@google-cloud/firestore';
import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';

/**
 * Bolt's installation store on Firestore, for OAuth distribution to many workspaces.
 * One document per installation: `installations/E:<enterprise>` for an org-wide Enterprise Grid
 * install, `installations/T:<team>` (or `T:<enterprise>:<team>` inside a Grid) otherwise.
 * Tokens live only here; they are never logged.
 */
export class FirestoreInstallationStore implements InstallationStore {
  constructor(private readonly db: Firestore) {}

  private doc(key: string) {
    return this.db.collection('installations').doc(key);
  }

  async storeInstallation<AuthVersion extends 'v1' | 'v2'>(installation: Installation<AuthVersion, boolean>): Promise<void> {
    const key =
      installation.isEnterpriseInstall && installation.enterprise
        ? enterpriseKey(installation.enterprise.id)
        : teamKey(installation.team?.id ?? '', installation.enterprise?.id);
    // JSON round trip drops undefined fields, which Firestore refuses.
    await this.doc(key).set({ installation: JSON.parse(JSON.stringify(installation)), updatedAt: new Date() });
  }

  async fetchInstallation(query: InstallationQuery<boolean>): Promise<Installation<'v1' | 'v2', boolean>> {
    for (const key of keysFor(query)) {
      const snapshot = await this.doc(key).get();
      if (snapshot.exists) return snapshot.get('installation') as Installation<'v1' | 'v2', boolean>;
    }
    throw new Error('No installation for this workspace');
  }

  async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
    await Promise.all(keysFor(query).map((key) => this.doc(key).delete()));
  }
}

function enterpriseKey(enterpriseId: string): string {
  return `E:${enterpriseId}`;
}

function teamKey(teamId: string, enterpriseId?: string): string {
  return enterpriseId ? `T:${enterpriseId}:${teamId}` : `T:${teamId}`;
}

/** Where an installation for this request may be: the org-wide one for Grid org installs, else the team's. */
function keysFor(query: InstallationQuery<boolean>): string[] {
  if (query.isEnterpriseInstall && query.enterpriseId) return [enterpriseKey(query.enterpriseId)];
  const keys: string[] = [];
  if (query.teamId) keys.push(teamKey(query.teamId, query.enterpriseId));
  if (query.teamId && query.enterpriseId) keys.push(teamKey(query.teamId));
  if (query.enterpriseId) keys.push(enterpriseKey(query.enterpriseId));
  return keys;
}
