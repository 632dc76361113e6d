import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('configuration', () => {
  it('reports every problem at once', () => {
    const error = configError({ SLACK_BOT_TOKEN: 'not-a-token', PORT: 'eighty', KEPT_SCHEDULER: 'sometimes', SLACK_SIGNING_SECRET: 's' });
    expect(error.problems).toHaveLength(3);
    expect(error.message).toContain('SLACK_BOT_TOKEN');
    expect(error.message).toContain('PORT');
    expect(error.message).toContain('KEPT_SCHEDULER');
    expect(error.missingSlackCredentials).toBe(false);
  });

  it('says when only the Slack credentials are missing', () => {
    const error = configError({});
    expect(error.missingSlackCredentials).toBe(true);
    expect(error.problems.join('\n')).toMatch(/SLACK_BOT_TOKEN[\s\S]*SLACK_SIGNING_SECRET/);
  });

  it('runs an embedded local Firestore when no project or emulator is configured', () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' });
    expect(config.firestore).toEqual({ mode: 'embedded', projectId: 'kept-local', dataDir: '.data/firestore' });
    expect(config.port).toBe(3000);
    expect(config.schedulerEnabled).toBe(true);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('uses an emulator when FIRESTORE_EMULATOR_HOST is set, and real Firestore for a project alone', () => {
    const base = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'secret' };
    expect(loadConfig({ ...base, FIRESTORE_EMULATOR_HOST: '127.0.0.1:8080' }).firestore).toMatchObject({ mode: 'emulator', host: '127.0.0.1:8080' });
    expect(loadConfig({ ...base, GOOGLE_CLOUD_PROJECT: 'acme-kept' }).firestore).toEqual({ mode: 'cloud', projectId: 'acme-kept' });
    expect(loadConfig({ ...base, KEPT_SCHEDULER: 'off' }).schedulerEnabled).toBe(false);
  });

  it('refuses OIDC for /jobs with an audience but no service account, and the reverse', () => {
    const base = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'secret' };
    expect(configError({ ...base, KEPT_JOBS_OIDC_AUDIENCE: 'https://kept.example/jobs' }).message).toMatch(
      /KEPT_JOBS_OIDC_EMAIL: needed with KEPT_JOBS_OIDC_AUDIENCE/,
    );
    expect(configError({ ...base, KEPT_JOBS_OIDC_EMAIL: 'scheduler@kept.iam.gserviceaccount.com' }).message).toMatch(
      /KEPT_JOBS_OIDC_AUDIENCE: needed with KEPT_JOBS_OIDC_EMAIL/,
    );
    const both = loadConfig({ ...base, KEPT_JOBS_OIDC_AUDIENCE: 'https://kept.example/jobs', KEPT_JOBS_OIDC_EMAIL: 'scheduler@kept.iam.gserviceaccount.com' });
    expect(both.jobs).toMatchObject({ oidcAudience: 'https://kept.example/jobs', oidcEmail: 'scheduler@kept.iam.gserviceaccount.com' });
  });

  it('never echoes a secret value in its problems', () => {
    const error = configError({ SLACK_BOT_TOKEN: 'xoxp-user-secret-token', SLACK_SIGNING_SECRET: 'abc' });
    expect(error.message).not.toContain('xoxp-user-secret-token');
  });
});
