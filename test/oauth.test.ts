import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installationStoreFor } from '../src/shared/slack/installation-store.js';
import { type KeptHarness, SIGNING_SECRET, startKept } from './support/kept-harness.js';
import { eventBody, postSigned } from './support/slack-requests.js';
import { isolatedProjectId } from './support/sweep-fixture.js';

const TOKEN_KEYS = { kmsKeyName: undefined, key: randomBytes(32).toString('base64'), previousKeys: [] };

let h: KeptHarness;
beforeAll(async () => {
  h = await startKept({
    projectId: isolatedProjectId(),
    config: (base) => ({
      ...base,
      slack: {
        ...base.slack,
        botToken: undefined,
        oauth: { clientId: '111.222', clientSecret: 'client-secret', stateSecret: 'state-secret-for-tests', tokenKeys: TOKEN_KEYS },
      },
    }),
  });
});
afterAll(() => h.stop());

/** Goes through Slack's OAuth v2 flow as a browser would: install link, consent (faked), redirect back. */
async function install(teamId: string, token: string, rotation?: { refreshToken: string; expiresIn: number }): Promise<Response> {
  h.fake.stub('oauth.v2.access', (args) =>
    args.grant_type === 'refresh_token'
      ? { ok: true, token_type: 'bot', access_token: `xoxe.xoxb-refreshed-${teamId}`, refresh_token: `xoxe-1-next-${teamId}`, expires_in: 43_200 }
      : {
          ok: true,
          app_id: 'A_TEST',
          authed_user: { id: 'UINSTALLER' },
          scope: 'commands,chat:write',
          token_type: 'bot',
          access_token: token,
          bot_user_id: 'UBOT',
          team: { id: teamId, name: 'Acme' },
          enterprise: null,
          is_enterprise_install: false,
          ...(rotation ? { refresh_token: rotation.refreshToken, expires_in: rotation.expiresIn } : {}),
        },
  );
  const start = await fetch(`${h.url}/slack/install`, { redirect: 'manual' });
  expect(start.status).toBe(302);
  const authorize = new URL(start.headers.get('location')!);
  expect(authorize.searchParams.get('scope')).toContain('commands');
  const state = authorize.searchParams.get('state')!;
  const cookie = start.headers.get('set-cookie')!.split(';')[0]!;
  return fetch(`${h.url}/slack/oauth_redirect?code=code-from-slack&state=${encodeURIComponent(state)}`, { headers: { cookie }, redirect: 'manual' });
}

describe('OAuth distribution', () => {
  it('installs into a workspace, stores its token in Firestore, and uses that token for its requests', async () => {
    const done = await install('TOAUTH1', 'xoxb-oauth-team-1');
    expect(done.status).toBeLessThan(400);
    const stored = await h.db.collection('installations').doc('T:TOAUTH1').get();
    // At rest the token is ciphertext: the installation keeps its ids and scopes, the tokens are sealed.
    expect(stored.get('installation.bot.userId')).toBe('UBOT');
    expect(stored.get('installation.bot.token')).toBeUndefined();
    expect(JSON.stringify(stored.data())).not.toContain('oauth-team-1');
    expect(stored.get('sealed')).toMatchObject({ v: 1, kek: expect.stringMatching(/^local:[0-9a-f]{12}$/) });

    h.fake.addUser({ id: 'UANA', tz: 'Europe/Warsaw' });
    const { status, reply } = await h.command('TOAUTH1', 'UANA', '/promise', 'list');
    expect(status).toBe(200);
    expect(JSON.stringify(reply)).toContain('no open promises');
    const lookup = h.fake.calls.find((c) => c.method === 'users.info');
    expect(lookup?.token).toBe('xoxb-oauth-team-1');
    expect(h.logLines.join('\n')).not.toContain('xoxb-oauth-team-1');
  });

  it('forgets the tokens when the app is uninstalled', async () => {
    await install('TOAUTH2', 'xoxb-oauth-team-2');
    const res = await postSigned(`${h.url}/slack/events`, eventBody({ teamId: 'TOAUTH2', event: { type: 'app_uninstalled', event_ts: '1.2' } }), {
      signingSecret: SIGNING_SECRET,
    });
    expect(res.status).toBe(200);
    const doc = h.db.collection('installations').doc('T:TOAUTH2');
    for (let i = 0; i < 50 && (await doc.get()).exists; i++) await new Promise((r) => setTimeout(r, 50));
    expect((await doc.get()).exists).toBe(false);
  });

  it('answers 200 and stores nothing for a channel message of a workspace that uninstalled Kept', async () => {
    const event = { type: 'message', channel: 'CGONE1', channel_type: 'channel', user: 'UEXT', user_team: 'TOTHER', text: 'Hello?', ts: '1796115600.000100' };
    const res = await postSigned(`${h.url}/slack/events`, eventBody({ teamId: 'TNEVERINSTALLED', event }), { signingSecret: SIGNING_SECRET });
    expect(res.status).toBe(200);
    await h.kept.idle(5_000);
    expect((await h.db.collection('teams').doc('TNEVERINSTALLED').collection('watches').get()).size).toBe(0);
    expect(h.logLines.filter((line) => line.includes('"severity":"ERROR"') && line.includes('TNEVERINSTALLED'))).toEqual([]);
  });

  it('rejects a redirect whose state was not issued by this app', async () => {
    const res = await fetch(`${h.url}/slack/oauth_redirect?code=x&state=forged`, { redirect: 'manual' });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect((await h.db.collection('installations').get()).docs.map((d) => d.id)).not.toContain('T:undefined');
  });

  it('seals a record stored in the clear before sealing existed on its first read, and keeps working with it', async () => {
    const doc = h.db.collection('installations').doc('T:TOAUTH3');
    await doc.set({
      installation: {
        team: { id: 'TOAUTH3' },
        bot: { id: 'B3', userId: 'UBOT', token: 'xoxb-legacy-plaintext-3', scopes: ['commands'] },
        isEnterpriseInstall: false,
      },
      updatedAt: new Date(),
    });
    h.fake.addUser({ id: 'UANA', tz: 'Europe/Warsaw' });
    const { status } = await h.command('TOAUTH3', 'UANA', '/promise', 'list');
    expect(status).toBe(200);
    expect(h.fake.calls.filter((c) => c.method === 'users.info').map((c) => c.token)).toContain('xoxb-legacy-plaintext-3');
    expect(JSON.stringify((await doc.get()).data())).not.toContain('xoxb-legacy-plaintext-3');
    expect((await doc.get()).get('sealed.kek')).toMatch(/^local:/);
  });

  it('does not open tokens copied onto another workspace: the workspace key is sealed in with them', async () => {
    await install('TOAUTH4', 'xoxb-oauth-team-4');
    const sealed = (await h.db.collection('installations').doc('T:TOAUTH4').get()).data()!;
    await h.db
      .collection('installations')
      .doc('T:TOAUTH5')
      .set({ ...sealed, installation: { ...sealed.installation, team: { id: 'TOAUTH5' } } });
    const store = installationStoreFor(h.db, TOKEN_KEYS);
    await expect(store.fetchInstallation({ teamId: 'TOAUTH5', enterpriseId: undefined, isEnterpriseInstall: false })).rejects.toThrow();
    expect((await store.fetchInstallation({ teamId: 'TOAUTH4', enterpriseId: undefined, isEnterpriseInstall: false })).bot?.token).toBe('xoxb-oauth-team-4');
  });

  it('with token rotation refreshes an access token about to expire and stores the new pair sealed', async () => {
    await install('TOAUTH6', 'xoxe.xoxb-first-6', { refreshToken: 'xoxe-1-first-6', expiresIn: 3_600 });
    h.fake.addUser({ id: 'UANA', tz: 'Europe/Warsaw' });
    h.fake.calls.length = 0;
    const { status } = await h.command('TOAUTH6', 'UANA', '/promise', 'list');
    expect(status).toBe(200);
    // Expiring within 2 hours: Bolt refreshed it before the request's first call, and used the new one.
    expect(h.fake.calls.find((c) => c.method === 'oauth.v2.access')?.args).toMatchObject({ grant_type: 'refresh_token', refresh_token: 'xoxe-1-first-6' });
    expect(h.fake.calls.find((c) => c.method === 'users.info')?.token).toBe('xoxe.xoxb-refreshed-TOAUTH6');
    const stored = await h.db.collection('installations').doc('T:TOAUTH6').get();
    expect(JSON.stringify(stored.data())).not.toMatch(/xoxe/);
    const opened = await installationStoreFor(h.db, TOKEN_KEYS).fetchInstallation({ teamId: 'TOAUTH6', enterpriseId: undefined, isEnterpriseInstall: false });
    expect(opened.bot).toMatchObject({ token: 'xoxe.xoxb-refreshed-TOAUTH6', refreshToken: 'xoxe-1-next-TOAUTH6' });
    expect(opened.bot?.expiresAt).toBeGreaterThan(Date.now() / 1000 + 40_000);
    expect(h.logLines.join('\n')).not.toMatch(/xoxe[.-]/);
  });
});
