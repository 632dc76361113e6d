// slack-manifest.yml against what the app actually registers: every command, shortcut and event Kept listens
// for is declared, and everything declared is listened for. (Slack's own schema is checked by
// `npm run check:manifest`, outside the suite: the schema is not part of this repository.)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { App } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { createApp } from '../src/app.js';
import type { Config } from '../src/config.js';
import { JsonLogger } from '../src/shared/logger.js';
import { startFakeSlack } from './support/fake-slack.js';
import { testDb } from './support/test-db.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

const manifest = parse(readFileSync(join(ROOT, 'slack-manifest.yml'), 'utf8'));

interface EntryPoints {
  commands: Set<string>;
  /** callback_id → 'message' | 'global' */
  shortcuts: Map<string, string>;
  events: Set<string>;
  /** Workflow Builder steps (custom functions), by callback_id. */
  functions: Set<string>;
  interactive: boolean;
}

function declared(m: any): EntryPoints {
  return {
    commands: new Set((m.features?.slash_commands ?? []).map((c: { command: string }) => c.command)),
    shortcuts: new Map((m.features?.shortcuts ?? []).map((s: { callback_id: string; type: string }) => [s.callback_id, s.type])),
    // `message.channels`, `message.groups`, … are one `message` event to Bolt.
    events: new Set((m.settings?.event_subscriptions?.bot_events ?? []).map((e: string) => e.replace(/^message\..*$/, 'message'))),
    functions: new Set(Object.keys(m.functions ?? {})),
    interactive: m.settings?.interactivity?.is_enabled === true,
  };
}

/** Every difference between what is declared and what is registered, as sentences (empty when they agree). */
function entryPointProblems(manifestSide: EntryPoints, app: EntryPoints): string[] {
  const problems: string[] = [];
  const compare = (kind: string, inManifest: Iterable<string>, inApp: Iterable<string>) => {
    const a = new Set(inManifest);
    const b = new Set(inApp);
    for (const x of b) if (!a.has(x)) problems.push(`${kind} ${x} is registered but not declared in slack-manifest.yml`);
    for (const x of a) if (!b.has(x)) problems.push(`${kind} ${x} is declared in slack-manifest.yml but not registered`);
  };
  compare('command', manifestSide.commands, app.commands);
  compare(
    'shortcut',
    [...manifestSide.shortcuts].map(([id, type]) => `${id} (${type})`),
    [...app.shortcuts].map(([id, type]) => `${id} (${type})`),
  );
  compare('event', manifestSide.events, app.events);
  compare('function', manifestSide.functions, app.functions);
  if (app.interactive && !manifestSide.interactive) problems.push('the app handles interactions but interactivity is not enabled');
  return problems;
}

/** Builds the real app with Bolt's registration methods observed, so the list is what createApp registers. */
async function registeredByTheApp(): Promise<{ registered: EntryPoints; close: () => Promise<void> }> {
  const spies = {
    command: vi.spyOn(App.prototype, 'command'),
    shortcut: vi.spyOn(App.prototype, 'shortcut'),
    event: vi.spyOn(App.prototype, 'event'),
    action: vi.spyOn(App.prototype, 'action'),
    view: vi.spyOn(App.prototype, 'view'),
    function: vi.spyOn(App.prototype, 'function'),
  };
  const fake = await startFakeSlack();
  const db = testDb();
  try {
    const config: Config = {
      slack: { botToken: 'xoxb-manifest-test', signingSecret: 'secret', appToken: undefined, apiUrl: fake.url },
      port: 0,
      firestore: { mode: 'emulator', projectId: 'kept-test', host: process.env.FIRESTORE_EMULATOR_HOST ?? '' },
      schedulerEnabled: false,
      logLevel: 'error',
      jobs: { secret: undefined, oidcAudience: undefined, oidcEmail: undefined },
    };
    createApp({ config, db, logger: new JsonLogger('error', () => undefined), clock: () => new Date(), retryConfig: { retries: 0 } });
    const first = (spy: { mock: { calls: unknown[][] } }) => spy.mock.calls.map((call) => call[0]);
    const named = (kind: string, value: unknown): string => {
      if (typeof value !== 'string')
        throw new Error(`${kind} registered with a pattern (${String(value)}): register exact names so the manifest can declare them`);
      return value;
    };
    const shortcuts = new Map<string, string>();
    for (const c of first(spies.shortcut)) {
      const constraints = typeof c === 'object' && c !== null && !(c instanceof RegExp) ? (c as { callback_id?: unknown; type?: string }) : { callback_id: c };
      if (!constraints.type) throw new Error(`shortcut ${String(constraints.callback_id)} registered without its type (message_action or shortcut)`);
      shortcuts.set(named('shortcut', constraints.callback_id), constraints.type === 'message_action' ? 'message' : 'global');
    }
    const registered = {
      commands: new Set(first(spies.command).map((c) => named('command', c))),
      shortcuts,
      // A step's listener is an `app.function`, fed by the function_executed event.
      events: new Set([...first(spies.event).map((e) => named('event', e)), ...(spies.function.mock.calls.length > 0 ? ['function_executed'] : [])]),
      functions: new Set(first(spies.function).map((f) => named('function', f))),
      interactive: spies.action.mock.calls.length + spies.view.mock.calls.length + spies.shortcut.mock.calls.length > 0,
    };
    // Bolt checks its token (auth.test) as it starts: let that finish before the fake Slack goes away.
    await fake.waitForCalls('auth.test', 1);
    return {
      registered,
      close: async () => {
        await db.terminate();
        await fake.close();
      },
    };
  } finally {
    for (const spy of Object.values(spies)) spy.mockRestore();
  }
}

/** Scopes each Slack Web API method Kept may call needs (bot token). A method missing here fails the test: add it. */
const METHOD_SCOPES: Record<string, string[]> = {
  'auth.test': [],
  'chat.postMessage': ['chat:write'],
  'chat.postEphemeral': ['chat:write'],
  'chat.update': ['chat:write'],
  'chat.delete': ['chat:write'],
  'chat.scheduleMessage': ['chat:write'],
  'chat.getPermalink': [],
  'users.info': ['users:read'],
  'views.open': [],
  'views.push': [],
  'views.update': [],
  'views.publish': [],
  'conversations.open': ['im:write'],
  // Before posting again what a lapsed claim may have posted, Kept looks for it: in channels, private channels, DMs and group DMs.
  'conversations.history': ['channels:history', 'groups:history', 'im:history', 'mpim:history'],
  'conversations.replies': ['channels:history', 'groups:history', 'im:history', 'mpim:history'],
  'conversations.info': ['channels:read', 'groups:read'],
  'conversations.join': ['channels:join'],
  'reactions.add': ['reactions:write'],
  'reactions.remove': ['reactions:write'],
  'reactions.get': ['reactions:read'],
  'files.uploadV2': ['files:write'],
  'files.getUploadURLExternal': ['files:write'],
  'files.completeUploadExternal': ['files:write'],
  'team.info': ['team:read'],
  'functions.completeSuccess': [],
  'functions.completeError': [],
};

/** Scopes each event needs. */
const EVENT_SCOPES: Record<string, string[]> = {
  app_home_opened: [],
  app_uninstalled: [],
  tokens_revoked: [],
  reaction_added: ['reactions:read'],
  reaction_removed: ['reactions:read'],
  message: ['channels:history', 'groups:history'],
  member_joined_channel: ['channels:read', 'groups:read'],
  user_change: ['users:read'],
  function_executed: [],
  'message.im': ['im:history'],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Web API methods called through a `client` anywhere in src/ (`client.chat.postMessage(`, across line breaks too). */
function methodsCalled(): Set<string> {
  const call = /\bclient\s*\.\s*([a-z]+)\s*\.\s*([a-zA-Z]+)\s*\(/g;
  const methods = new Set<string>();
  for (const file of sourceFiles(join(ROOT, 'src'))) {
    for (const match of readFileSync(file, 'utf8').matchAll(call)) methods.add(`${match[1]}.${match[2]}`);
  }
  return methods;
}

describe('slack-manifest.yml', () => {
  let registered: EntryPoints;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ registered, close } = await registeredByTheApp());
  });
  afterAll(() => close());

  it('declares every command, shortcut and event the app registers, and nothing it does not', () => {
    expect(registered.commands.size).toBeGreaterThan(0);
    expect(entryPointProblems(declared(manifest), registered)).toEqual([]);
  });

  it('declares the Workflow Builder steps with what Slack needs to run them remotely: the event, org-wide deploy, remote runtime', () => {
    expect(registered.functions.size).toBeGreaterThan(0);
    expect(manifest.settings.event_subscriptions.bot_events).toContain('function_executed');
    expect(manifest.settings.function_runtime).toBe('remote');
    expect(manifest.settings.org_deploy_enabled).toBe(true);
  });

  it("declares each step's inputs and outputs, by name, with a type and a title, and says which are required", () => {
    for (const [id, fn] of Object.entries(manifest.functions) as [string, any][]) {
      for (const side of ['input_parameters', 'output_parameters'] as const) {
        const params = Object.entries(fn[side] ?? {}) as [string, any][];
        expect(params.length, `${id} ${side}`).toBeGreaterThan(0);
        for (const [name, param] of params) {
          expect(typeof param.type, `${id}.${side}.${name}.type`).toBe('string');
          expect(typeof param.title, `${id}.${side}.${name}.title`).toBe('string');
          expect(typeof param.is_required, `${id}.${side}.${name}.is_required`).toBe('boolean');
        }
      }
    }
    expect(Object.keys(manifest.functions.log_client_promise.input_parameters)).toEqual(['client', 'what', 'owner', 'due', 'source_link']);
    expect(Object.keys(manifest.functions.log_client_promise.output_parameters)).toEqual(['promise_id', 'due', 'card_link']);
    expect(Object.keys(manifest.functions.open_client_incident.output_parameters)).toEqual(['incident_id', 'message_link']);
    expect(Object.keys(manifest.functions.share_story.output_parameters)).toEqual(['story_id']);
  });

  it('turns the Home tab on exactly when the app publishes a Home', () => {
    expect(manifest.features.app_home.home_tab_enabled).toBe(registered.events.has('app_home_opened'));
  });

  it("grants every scope the app's commands, shortcuts, events and Web API calls need", () => {
    const scopes = new Set<string>(manifest.oauth_config.scopes.bot);
    const needed = new Map<string, string>();
    if (registered.commands.size + registered.shortcuts.size > 0) needed.set('commands', 'commands and shortcuts');
    for (const event of registered.events) {
      const eventScopes = EVENT_SCOPES[event];
      expect(eventScopes, `add the scopes event ${event} needs to EVENT_SCOPES`).toBeDefined();
      for (const scope of eventScopes!) needed.set(scope, `event ${event}`);
    }
    for (const method of methodsCalled()) {
      const methodScopes = METHOD_SCOPES[method];
      expect(methodScopes, `add the scopes ${method} needs to METHOD_SCOPES`).toBeDefined();
      for (const scope of methodScopes!) needed.set(scope, method);
    }
    const missing = [...needed].filter(([scope]) => !scopes.has(scope)).map(([scope, why]) => `${scope} (for ${why})`);
    expect(missing).toEqual([]);
  });

  it('sends commands, interactions and events to the one endpoint, with Socket Mode on for a first try', () => {
    const urls = new Set(
      [
        ...manifest.features.slash_commands.map((c: { url: string }) => c.url),
        manifest.settings.interactivity.request_url,
        manifest.settings.event_subscriptions?.request_url,
      ].filter(Boolean),
    );
    expect([...urls]).toEqual(['https://example.invalid/slack/events']);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
  });
});

describe('the manifest check itself', () => {
  const base = (): EntryPoints => ({
    commands: new Set(['/promise']),
    shortcuts: new Map([['log_promise', 'message']]),
    events: new Set(['app_home_opened']),
    functions: new Set(['log_client_promise']),
    interactive: true,
  });

  it('catches a command registered but not declared, and one declared but not registered', () => {
    const app = base();
    app.commands.add('/incident');
    expect(entryPointProblems(base(), app)).toEqual(['command /incident is registered but not declared in slack-manifest.yml']);
    expect(entryPointProblems(app, base())).toEqual(['command /incident is declared in slack-manifest.yml but not registered']);
  });

  it('catches a step registered but not declared, and one declared but not registered', () => {
    const app = base();
    app.functions.add('share_story');
    expect(entryPointProblems(base(), app)).toEqual(['function share_story is registered but not declared in slack-manifest.yml']);
    expect(entryPointProblems(app, base())).toEqual(['function share_story is declared in slack-manifest.yml but not registered']);
  });

  it('catches a shortcut of the wrong type and a missing event', () => {
    const app = base();
    app.shortcuts.set('log_promise', 'global');
    app.events.clear();
    expect(entryPointProblems(base(), app)).toEqual([
      'shortcut log_promise (global) is registered but not declared in slack-manifest.yml',
      'shortcut log_promise (message) is declared in slack-manifest.yml but not registered',
      'event app_home_opened is declared in slack-manifest.yml but not registered',
    ]);
  });
});
