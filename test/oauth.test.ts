import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type KeptHarness, SIGNING_SECRET, startKept } from './support/kept-harness.js';
import { eventBody, postSigned } from './support/slack-requests.js';
import { isolatedProjectId } from './support/sweep-fixture.js';

let h: KeptHarness;
beforeAll(async () => {
  h = await startKept({
    projectId: isolatedProjectId(),
    config: (base) => ({
      ...base,
      slack: { ...base.slack, botToken: undefined, oauth: { clientId: '111.222', clientSecret: 'client-secret', stateSecret: 'state-secret-for-tests' } },
    }),
  });
});
afterAll(() => h.stop());

/** Goes through Slack's OAuth v2 flow as a browser would: install link, consent (faked), redirect back. */
async function install(teamId: string, token: string): Promise<Response> {
  h.fake.stub('oauth.v2.access', () => ({
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
  }));
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
    expect(stored.get('installation.bot.token')).toBe('xoxb-oauth-team-1');

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

  it('rejects a redirect whose state was not issued by this app', async () => {
    const res = await fetch(`${h.url}/slack/oauth_redirect?code=x&state=forged`, { redirect: 'manual' });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect((await h.db.collection('installations').get()).docs.map((d) => d.id)).not.toContain('T:undefined');
  });
});
