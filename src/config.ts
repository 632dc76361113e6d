import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { decodeKey, type TokenKeys } from './shared/slack/token-seal.js';

/** Typed, frozen configuration read once from the environment at start-up. */
export interface Config {
  readonly slack: {
    /** Single-workspace mode; absent with OAuth distribution, where each workspace's token is stored. */
    readonly botToken: string | undefined;
    readonly signingSecret: string | undefined;
    /** Socket Mode when set, HTTP otherwise. */
    readonly appToken: string | undefined;
    readonly apiUrl: string | undefined;
    /** OAuth distribution to many workspaces (`/slack/install`). */
    readonly oauth?:
      | {
          readonly clientId: string;
          readonly clientSecret: string;
          readonly stateSecret: string;
          /** What seals the stored tokens: `KEPT_KMS_KEY` or `KEPT_TOKEN_KEY`, and `KEPT_TOKEN_KEY_PREVIOUS` for reading. */
          readonly tokenKeys: TokenKeys;
        }
      | undefined;
  };
  /** Who may call `POST /jobs/:name`: a shared secret header, and/or a Google-signed OIDC token. */
  readonly jobs: {
    readonly secret: string | undefined;
    readonly oidcAudience: string | undefined;
    readonly oidcEmail: string | undefined;
  };
  readonly port: number;
  readonly firestore:
    | { readonly mode: 'cloud'; readonly projectId: string }
    | { readonly mode: 'emulator'; readonly projectId: string; readonly host: string }
    /** No project and no emulator configured: start a local emulator that keeps data in dataDir. */
    | { readonly mode: 'embedded'; readonly projectId: string; readonly dataDir: string };
  readonly schedulerEnabled: boolean;
  readonly logLevel: 'debug' | 'info' | 'warn' | 'error';
}

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const envSchema = z.object({
  SLACK_BOT_TOKEN: optionalText.refine((v) => v === undefined || v.startsWith('xoxb-'), 'must start with xoxb-'),
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalText.refine((v) => v === undefined || v.startsWith('xapp-'), 'must start with xapp-'),
  SLACK_API_URL: optionalText.refine((v) => v === undefined || /^https?:\/\/\S+$/.test(v), 'must be an http(s) URL'),
  SLACK_CLIENT_ID: optionalText,
  SLACK_CLIENT_SECRET: optionalText,
  SLACK_STATE_SECRET: optionalText,
  KEPT_TOKEN_KEY: optionalText.refine((v) => v === undefined || decodeKey(v) !== undefined, 'must be 32 bytes in base64 (openssl rand -base64 32)'),
  KEPT_TOKEN_KEY_PREVIOUS: optionalText.refine(
    (v) => v === undefined || v.split(',').every((k) => decodeKey(k.trim()) !== undefined),
    'must be comma-separated 32-byte keys in base64',
  ),
  KEPT_KMS_KEY: optionalText.refine(
    (v) => v === undefined || /^projects\/[^/]+\/locations\/[^/]+\/keyRings\/[^/]+\/cryptoKeys\/[^/]+$/.test(v),
    'must be a Cloud KMS key name: projects/P/locations/L/keyRings/R/cryptoKeys/K',
  ),
  KEPT_JOBS_SECRET: optionalText.refine((v) => v === undefined || v.length >= 16, 'must be at least 16 characters'),
  KEPT_JOBS_OIDC_AUDIENCE: optionalText,
  KEPT_JOBS_OIDC_EMAIL: optionalText,
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  GOOGLE_CLOUD_PROJECT: optionalText,
  FIRESTORE_EMULATOR_HOST: optionalText.refine((v) => v === undefined || /^[\w.-]+:\d+$/.test(v), 'must be host:port'),
  KEPT_SCHEDULER: z.enum(['on', 'off']).default('on'),
  KEPT_DATA_DIR: z.string().default('.data'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
});

/** Every problem found in the environment, reported together. */
export class ConfigError extends Error {
  constructor(
    readonly problems: string[],
    /** True when the only trouble is that Slack credentials are absent (first run). */
    readonly missingSlackCredentials: boolean,
  ) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** `forJobs`: the job CLI posts with the bot token alone and receives nothing, so it needs no signing secret. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, options: { forJobs?: boolean } = {}): Config {
  const parsed = envSchema.safeParse(env);
  const problems: string[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(`${issue.path.join('.')}: ${issue.message}`);
  }
  // Presence checks run even when some format check failed, so every problem shows at once.
  const present = (name: string) => typeof env[name] === 'string' && env[name]!.trim() !== '';
  const missing: string[] = [];
  const oauthParts = ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'];
  const oauth = oauthParts.filter(present);
  if (oauth.length > 0 && oauth.length < oauthParts.length) {
    problems.push(`${oauthParts.filter((name) => !present(name)).join(', ')}: needed with ${oauth.join(', ')} for OAuth distribution`);
  }
  // An audience alone would accept a token from any Google service account: the sender must be named too.
  if (present('KEPT_JOBS_OIDC_AUDIENCE') !== present('KEPT_JOBS_OIDC_EMAIL')) {
    const [given, absent] = present('KEPT_JOBS_OIDC_AUDIENCE')
      ? ['KEPT_JOBS_OIDC_AUDIENCE', 'KEPT_JOBS_OIDC_EMAIL']
      : ['KEPT_JOBS_OIDC_EMAIL', 'KEPT_JOBS_OIDC_AUDIENCE'];
    problems.push(`${absent}: needed with ${given} (OIDC for /jobs checks both the audience and the service account)`);
  }
  if (oauth.length === oauthParts.length && !present('KEPT_TOKEN_KEY') && !present('KEPT_KMS_KEY')) {
    problems.push('KEPT_TOKEN_KEY or KEPT_KMS_KEY: needed with OAuth distribution, to seal the stored tokens');
  }
  if (!present('SLACK_BOT_TOKEN') && oauth.length === 0) missing.push('SLACK_BOT_TOKEN');
  if (!options.forJobs && !present('SLACK_APP_TOKEN') && !present('SLACK_SIGNING_SECRET')) {
    missing.push('SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN for Socket Mode)');
  }
  for (const name of missing) problems.push(`${name}: not set`);
  if (problems.length > 0 || !parsed.success) {
    throw new ConfigError(problems, problems.length === missing.length && missing.length > 0);
  }
  const e = parsed.data;
  const projectId = e.GOOGLE_CLOUD_PROJECT ?? 'kept-local';
  const firestore: Config['firestore'] = e.FIRESTORE_EMULATOR_HOST
    ? { mode: 'emulator', projectId, host: e.FIRESTORE_EMULATOR_HOST }
    : e.GOOGLE_CLOUD_PROJECT
      ? { mode: 'cloud', projectId }
      : { mode: 'embedded', projectId, dataDir: `${e.KEPT_DATA_DIR}/firestore` };
  return Object.freeze({
    slack: Object.freeze({
      botToken: e.SLACK_BOT_TOKEN,
      signingSecret: e.SLACK_SIGNING_SECRET,
      appToken: e.SLACK_APP_TOKEN,
      apiUrl: e.SLACK_API_URL,
      oauth:
        e.SLACK_CLIENT_ID && e.SLACK_CLIENT_SECRET && e.SLACK_STATE_SECRET
          ? Object.freeze({
              clientId: e.SLACK_CLIENT_ID,
              clientSecret: e.SLACK_CLIENT_SECRET,
              stateSecret: e.SLACK_STATE_SECRET,
              tokenKeys: Object.freeze({
                kmsKeyName: e.KEPT_KMS_KEY,
                key: e.KEPT_TOKEN_KEY,
                previousKeys: Object.freeze(
                  (e.KEPT_TOKEN_KEY_PREVIOUS ?? '')
                    .split(',')
                    .map((k) => k.trim())
                    .filter(Boolean),
                ),
              }),
            })
          : undefined,
    }),
    jobs: Object.freeze({ secret: e.KEPT_JOBS_SECRET, oidcAudience: e.KEPT_JOBS_OIDC_AUDIENCE, oidcEmail: e.KEPT_JOBS_OIDC_EMAIL }),
    port: e.PORT,
    firestore: Object.freeze(firestore),
    schedulerEnabled: e.KEPT_SCHEDULER === 'on',
    logLevel: e.LOG_LEVEL,
  });
}

/** Every token and secret in the configuration: the logger redacts them wherever they appear, labelled or not. */
export function secretsOf(config: Pick<Config, 'slack' | 'jobs'>): string[] {
  const { slack, jobs } = config;
  const keys = slack.oauth?.tokenKeys;
  return [
    slack.botToken,
    slack.signingSecret,
    slack.appToken,
    slack.oauth?.clientSecret,
    slack.oauth?.stateSecret,
    keys?.key,
    ...(keys?.previousKeys ?? []),
    jobs.secret,
  ].filter((s): s is string => typeof s === 'string' && s !== '');
}

/**
 * Which service and version wrote a log line, for Cloud Error Reporting: Cloud Run's own names (`K_SERVICE`,
 * `K_REVISION`) when it runs there, else `kept` and the package version.
 */
export function serviceContextFrom(env: NodeJS.ProcessEnv = process.env): { service: string; version: string } {
  const packageVersion = () => {
    try {
      // One level above src/ and dist/ alike.
      return String(JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version ?? 'unknown');
    } catch {
      return 'unknown';
    }
  };
  return { service: env.K_SERVICE?.trim() || 'kept', version: env.K_REVISION?.trim() || packageVersion() };
}

export const SETUP_HELP = `Kept needs a Slack app to talk to.

  1. Go to your Slack apps page, choose "Create New App" → "From an app manifest",
     and paste slack-manifest.yml from this folder.
  2. Install the app to your workspace, then set:
       SLACK_BOT_TOKEN       Bot User OAuth Token (xoxb-…), under "OAuth & Permissions"
       SLACK_APP_TOKEN       App-level token (xapp-…) with connections:write, for Socket Mode
                             (the easiest first run: no public URL needed)
     or, for HTTP mode instead of Socket Mode:
       SLACK_SIGNING_SECRET  under "Basic Information" → "App Credentials"
  3. Run npm start again (a .env file in this folder is read too; see .env.example).`;
