import type { Firestore } from '@google-cloud/firestore';
import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import { type KmsClient, type SealedTokens, type TokenKeys, type TokenSeal, tokenSealFrom } from './token-seal.js';

type AnyInstallation = Installation<'v1' | 'v2', boolean>;

/** The token fields of an installation: sealed at rest, never stored in the clear. */
const TOKEN_FIELDS = [
  ['bot', 'token'],
  ['bot', 'refreshToken'],
  ['user', 'token'],
  ['user', 'refreshToken'],
] as const;

/**
 * Bolt's installation store on Firestore, for OAuth distribution to many workspaces.
 * One document per installation: `installations/E:<enterprise>` for an org-wide Enterprise Grid
 * install, `installations/T:<team>` (or `T:<enterprise>:<team>` inside a Grid) otherwise.
 * The tokens (bot and user, access and refresh) are sealed with the workspace key as associated data
 * (`sealed`, see token-seal.ts); a record written before sealing, or sealed under a previous key, is
 * sealed anew on its first read. Tokens are never logged.
 */
export class FirestoreInstallationStore implements InstallationStore {
  constructor(
    private readonly db: Firestore,
    private readonly seal: TokenSeal,
  ) {}

  private doc(key: string) {
    return this.db.collection('installations').doc(key);
  }

  async storeInstallation<AuthVersion extends 'v1' | 'v2'>(installation: Installation<AuthVersion, boolean>): Promise<void> {
    const key =
      installation.isEnterpriseInstall && installation.enterprise
        ? enterpriseKey(installation.enterprise.id)
        : teamKey(installation.team?.id ?? '', installation.enterprise?.id);
    await this.doc(key).set(await this.sealed(key, installation));
  }

  async fetchInstallation(query: InstallationQuery<boolean>): Promise<AnyInstallation> {
    for (const key of keysFor(query)) {
      const snapshot = await this.doc(key).get();
      if (!snapshot.exists) continue;
      const stored = snapshot.get('installation') as AnyInstallation;
      const sealed = snapshot.get('sealed') as SealedTokens | undefined;
      if (!sealed) {
        // Written in the clear (before tokens were sealed): seal it now, unless it changed meanwhile.
        const { installation, sealed: fresh } = await this.sealed(key, stored);
        await this.doc(key)
          .update({ installation, sealed: fresh }, { lastUpdateTime: snapshot.updateTime! })
          .catch(() => undefined);
        return stored;
      }
      const { fields, stale } = await this.seal.open(sealed, key);
      const installation = withTokens(stored, fields);
      if (stale) await this.doc(key).set(await this.sealed(key, installation));
      return installation;
    }
    throw new Error('No installation for this workspace');
  }

  async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
    await Promise.all(keysFor(query).map((key) => this.doc(key).delete()));
  }

  /** The document to store: the installation without its tokens, and the tokens sealed. */
  private async sealed(key: string, installation: AnyInstallation | Installation<'v1' | 'v2', boolean>) {
    // JSON round trip drops undefined fields, which Firestore refuses.
    const plain = JSON.parse(JSON.stringify(installation)) as Record<string, Record<string, unknown> | undefined>;
    const fields: Record<string, string> = {};
    for (const [part, field] of TOKEN_FIELDS) {
      const value = plain[part]?.[field];
      if (typeof value === 'string' && value !== '') fields[`${part}.${field}`] = value;
      if (plain[part]) delete plain[part][field];
    }
    return { installation: plain, sealed: await this.seal.seal(fields, key), updatedAt: new Date() };
  }
}

/** The store OAuth distribution uses, sealing with the keys the configuration names. */
export function installationStoreFor(db: Firestore, keys: TokenKeys, connectKms?: () => Promise<KmsClient>): FirestoreInstallationStore {
  return new FirestoreInstallationStore(db, connectKms ? tokenSealFrom(keys, connectKms) : tokenSealFrom(keys));
}

function withTokens(stored: AnyInstallation, fields: Record<string, string>): AnyInstallation {
  const copy = structuredClone(stored) as unknown as Record<string, Record<string, unknown> | undefined>;
  for (const [path, value] of Object.entries(fields)) {
    const [part, field] = path.split('.') as [string, string];
    copy[part] ??= {};
    copy[part][field] = value;
  }
  return copy as unknown as AnyInstallation;
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
