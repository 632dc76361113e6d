// Tokens at rest: envelope encryption under a local key or a Cloud KMS key (a fake of its client here; the real
// one is never reached), old keys kept for reading during a rotation, records re-sealed as they are read.
import { randomBytes } from 'node:crypto';
import type { Installation } from '@slack/bolt';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig, secretsOf } from '../../src/config.js';
import { installationStoreFor } from '../../src/shared/slack/installation-store.js';
import { type KmsClient, tokenSealFrom } from '../../src/shared/slack/token-seal.js';
import { newTeamId, testDb } from '../support/test-db.js';

const db = testDb();
afterAll(() => db.terminate());

const key = () => randomBytes(32).toString('base64');
const KMS_KEY = 'projects/acme-kept/locations/europe-west1/keyRings/kept/cryptoKeys/tokens';

/** Cloud KMS as its client behaves: ciphertext only opens under the same key with the same associated data. */
function fakeKms(): KmsClient & { requests: { method: string; name: string; aad: string }[] } {
  const kek = randomBytes(32);
  const local = tokenSealFrom({ kmsKeyName: undefined, key: kek.toString('base64'), previousKeys: [] });
  const requests: { method: string; name: string; aad: string }[] = [];
  return {
    requests,
    async encrypt({ name, plaintext, additionalAuthenticatedData }) {
      requests.push({ method: 'encrypt', name, aad: additionalAuthenticatedData.toString() });
      const sealed = await local.seal({ k: plaintext.toString('base64') }, `${name}|${additionalAuthenticatedData}`);
      return [{ ciphertext: Buffer.from(JSON.stringify(sealed)) }];
    },
    async decrypt({ name, ciphertext, additionalAuthenticatedData }) {
      requests.push({ method: 'decrypt', name, aad: additionalAuthenticatedData.toString() });
      const { fields } = await local.open(JSON.parse(ciphertext.toString()), `${name}|${additionalAuthenticatedData}`);
      return [{ plaintext: Buffer.from(fields.k!, 'base64') }];
    },
  };
}

function installation(teamId: string, token: string): Installation<'v2', false> {
  return {
    team: { id: teamId, name: 'Acme' },
    enterprise: undefined,
    user: { id: 'UINSTALLER', token: undefined, scopes: undefined },
    bot: { id: 'BKEPT', userId: 'UKEPT', token, refreshToken: `xoxe-1-${teamId}`, expiresAt: 2_000_000_000, scopes: ['chat:write'] },
    authVersion: 'v2',
    isEnterpriseInstall: false,
  };
}

const query = (teamId: string) => ({ teamId, enterpriseId: undefined, isEnterpriseInstall: false });

describe('tokens sealed with Cloud KMS', () => {
  it('wraps each record’s data key in KMS with the workspace key as associated data, and asks KMS once per record', async () => {
    const kms = fakeKms();
    const store = installationStoreFor(db, { kmsKeyName: KMS_KEY, key: undefined, previousKeys: [] }, async () => kms);
    const team = newTeamId();
    await store.storeInstallation(installation(team, `xoxb-kms-${team}`));
    const doc = await db.collection('installations').doc(`T:${team}`).get();
    expect(JSON.stringify(doc.data())).not.toContain(`xoxb-kms-${team}`);
    expect(JSON.stringify(doc.data())).not.toContain(`xoxe-1-${team}`);
    expect(doc.get('sealed.kek')).toBe(`kms:${KMS_KEY}`);
    for (let i = 0; i < 3; i++)
      expect((await store.fetchInstallation(query(team))).bot).toMatchObject({ token: `xoxb-kms-${team}`, refreshToken: `xoxe-1-${team}` });
    expect(kms.requests).toEqual([
      { method: 'encrypt', name: KMS_KEY, aad: `T:${team}` },
      { method: 'decrypt', name: KMS_KEY, aad: `T:${team}` },
    ]);
  });

  it('reads records sealed under the former local key and re-seals them with KMS (moving to KMS)', async () => {
    const former = key();
    const team = newTeamId();
    await installationStoreFor(db, { kmsKeyName: undefined, key: former, previousKeys: [] }).storeInstallation(installation(team, `xoxb-moving-${team}`));
    const kms = fakeKms();
    const store = installationStoreFor(db, { kmsKeyName: KMS_KEY, key: former, previousKeys: [] }, async () => kms);
    expect((await store.fetchInstallation(query(team))).bot?.token).toBe(`xoxb-moving-${team}`);
    expect((await db.collection('installations').doc(`T:${team}`).get()).get('sealed.kek')).toBe(`kms:${KMS_KEY}`);
  });
});

describe('rotating the local key', () => {
  it('opens records under a previous key, re-seals them with the current one on read, so the old key can go', async () => {
    const [oldKey, newKey] = [key(), key()];
    const team = newTeamId();
    await installationStoreFor(db, { kmsKeyName: undefined, key: oldKey, previousKeys: [] }).storeInstallation(installation(team, `xoxb-rotate-${team}`));
    const before = (await db.collection('installations').doc(`T:${team}`).get()).get('sealed.kek');

    const rotating = installationStoreFor(db, { kmsKeyName: undefined, key: newKey, previousKeys: [oldKey] });
    expect((await rotating.fetchInstallation(query(team))).bot?.token).toBe(`xoxb-rotate-${team}`);
    const after = (await db.collection('installations').doc(`T:${team}`).get()).get('sealed.kek');
    expect(after).not.toBe(before);

    const rotated = installationStoreFor(db, { kmsKeyName: undefined, key: newKey, previousKeys: [] });
    expect((await rotated.fetchInstallation(query(team))).bot?.token).toBe(`xoxb-rotate-${team}`);
    const stranger = installationStoreFor(db, { kmsKeyName: undefined, key: oldKey, previousKeys: [] });
    await expect(stranger.fetchInstallation(query(team))).rejects.toThrow(/KEPT_TOKEN_KEY_PREVIOUS/);
  });

  it('refuses a tampered record instead of returning altered tokens', async () => {
    const keys = { kmsKeyName: undefined, key: key(), previousKeys: [] };
    const team = newTeamId();
    const store = installationStoreFor(db, keys);
    await store.storeInstallation(installation(team, `xoxb-tamper-${team}`));
    const doc = db.collection('installations').doc(`T:${team}`);
    const data = Buffer.from((await doc.get()).get('sealed.data'), 'base64');
    data[0] = data[0]! ^ 1;
    await doc.update({ 'sealed.data': data.toString('base64') });
    await expect(installationStoreFor(db, keys).fetchInstallation(query(team))).rejects.toThrow();
  });
});

describe('configuration of the token keys', () => {
  const oauth = { SLACK_CLIENT_ID: '1.2', SLACK_CLIENT_SECRET: 'client-secret-x', SLACK_STATE_SECRET: 'state-secret-x', SLACK_SIGNING_SECRET: 's' };
  const problems = (env: Record<string, string>) => {
    try {
      loadConfig(env);
      return [];
    } catch (error) {
      return (error as { problems: string[] }).problems;
    }
  };

  it('requires a key with OAuth distribution, and checks its form', () => {
    expect(problems(oauth).join('\n')).toContain('KEPT_TOKEN_KEY or KEPT_KMS_KEY: needed with OAuth distribution');
    expect(problems({ ...oauth, KEPT_TOKEN_KEY: 'c2hvcnQ=' }).join('\n')).toContain('KEPT_TOKEN_KEY: must be 32 bytes in base64');
    expect(problems({ ...oauth, KEPT_KMS_KEY: 'tokens' }).join('\n')).toContain('KEPT_KMS_KEY: must be a Cloud KMS key name');
    expect(problems({ ...oauth, KEPT_TOKEN_KEY: key(), KEPT_TOKEN_KEY_PREVIOUS: `${key()},nope` }).join('\n')).toContain('KEPT_TOKEN_KEY_PREVIOUS');
    expect(problems({ ...oauth, KEPT_KMS_KEY: KMS_KEY })).toEqual([]);
  });

  it('never lets a token key reach a log line', () => {
    const [current, previous] = [key(), key()];
    const config = loadConfig({ ...oauth, KEPT_TOKEN_KEY: current, KEPT_TOKEN_KEY_PREVIOUS: previous });
    expect(secretsOf(config)).toEqual(expect.arrayContaining([current, previous]));
  });
});
