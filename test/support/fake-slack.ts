// A local stand-in for Slack's Web API: records every call, answers like Slack, injects faults.
// Point the app's WebClient at it with `slackApiUrl: fake.url` (env SLACK_API_URL).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse as parseQuery } from 'node:querystring';
import { answerMethod, conversationId, type FakeState, type FakeUser } from './fake-slack-methods.js';

export type { FakeUser } from './fake-slack-methods.js';

export interface RecordedCall {
  method: string;
  args: Record<string, any>;
  token: string | undefined;
  at: number;
  /** Whether the fake answered `ok: true` (false while a delayed answer is pending). */
  ok: boolean;
  /** The fault injected into this call, if any. */
  fault?: Fault;
  /** What the fake answered (absent for dropped calls and status faults). */
  response?: Record<string, any>;
}

export type Fault =
  | { kind: 'status'; status: number; retryAfterSeconds?: number }
  | { kind: 'error'; error: string }
  | { kind: 'delay'; ms: number }
  | { kind: 'drop' }
  /** Slack does the work (a post lands in its conversation) but the answer never reaches the caller. */
  | { kind: 'lose_answer' };

export interface FakeSlack {
  readonly url: string;
  readonly calls: RecordedCall[];
  callsTo(method: string): RecordedCall[];
  waitForCalls(method: string, count: number, timeoutMs?: number): Promise<RecordedCall[]>;
  responseUrl(key?: string): string;
  addUser(user: FakeUser): void;
  setTeam(teamId: string, opts?: { enterpriseId?: string }): void;
  injectFault(method: string | '*', fault: Fault, times?: number): void;
  /** A fault for the n-th call (1-based) to `method` from now on, or none; cleared by reset(). */
  setFaultPattern(method: string, pattern: (n: number, call: RecordedCall) => Fault | undefined): void;
  /** The clock message ts values follow (conversations.history's `oldest` compares with them); Slack's own by default. */
  setClock(clock: () => number): void;
  /** Messages posted in a conversation (a user id means the DM with them), oldest first. */
  history(channel: string): Array<Record<string, any>>;
  setLatency(method: string | '*', ms: number): void;
  /** Replace the answer for one method (e.g. oauth.v2.access); cleared by reset(). */
  stub(method: string, answer: (args: Record<string, any>) => Record<string, any>): void;
  reset(): void;
  close(): Promise<void>;
}

/** Fields Slack clients send as JSON-encoded strings inside form bodies. */
const JSON_FIELDS = ['blocks', 'attachments', 'view', 'files', 'metadata'];
/** Methods that authenticate with client credentials rather than a bearer token. */
const NO_TOKEN_METHODS = /^(oauth\.|openid\.connect\.token$)/;

interface Waiter {
  method: string;
  count: number;
  resolve: (calls: RecordedCall[]) => void;
}

export async function startFakeSlack(opts: { port?: number } = {}): Promise<FakeSlack> {
  const calls: RecordedCall[] = [];
  const faults = new Map<string, Fault[]>();
  const latencies = new Map<string, number>();
  const stubs = new Map<string, (args: Record<string, any>) => Record<string, any>>();
  const patterns = new Map<string, { pattern: (n: number, call: RecordedCall) => Fault | undefined; count: number }>();
  const waiters = new Set<Waiter>();
  const timers = new Set<NodeJS.Timeout>();
  let origin = '';
  const state: FakeState = {
    users: new Map(),
    team: { teamId: 'T_TEST' },
    uploadUrl: (fileId) => `${origin}/upload/${fileId}`,
    counter: 0,
    conversations: new Map(),
  };

  const callsTo = (method: string) => calls.filter((c) => c.method === method && c.ok);
  const notify = () => {
    for (const w of waiters) {
      const found = callsTo(w.method);
      if (found.length >= w.count) {
        waiters.delete(w);
        w.resolve(found);
      }
    }
  };
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(() => {
        timers.delete(t);
        resolve();
      }, ms);
      timers.add(t);
    });
  const takeFault = (method: string, call: RecordedCall): Fault | undefined => {
    const patterned = patterns.get(method);
    if (patterned) {
      const fault = patterned.pattern(++patterned.count, call);
      if (fault) return fault;
    }
    for (const key of [method, '*']) {
      const queue = faults.get(key);
      if (queue && queue.length > 0) return queue.shift();
    }
    return undefined;
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const contentType = String(req.headers['content-type'] ?? '')
      .split(';')[0]!
      .trim()
      .toLowerCase();
    const path = new URL(req.url ?? '/', origin).pathname;
    const token = bearer(req.headers.authorization);
    let method: string;
    let args: Record<string, any>;
    if (path.startsWith('/api/')) {
      method = decodeURIComponent(path.slice('/api/'.length));
      args = parseArgs(raw, contentType);
    } else if (path.startsWith('/response/')) {
      method = `response_url:${decodeURIComponent(path.slice('/response/'.length))}`;
      args = parseArgs(raw, contentType);
    } else if (path.startsWith('/upload/')) {
      method = `upload:${decodeURIComponent(path.slice('/upload/'.length))}`;
      args = await describeUpload(raw, contentType, String(req.headers['content-type'] ?? ''));
    } else {
      res.writeHead(404).end();
      return;
    }
    const bodyToken = typeof args.token === 'string' ? args.token : undefined;
    delete args.token;
    const call: RecordedCall = { method, args, token: token ?? bodyToken, at: Date.now(), ok: false };
    calls.push(call);

    const fault = takeFault(method, call);
    if (fault) call.fault = fault;
    const latency = latencies.get(method) ?? latencies.get('*') ?? 0;
    const delay = latency + (fault?.kind === 'delay' ? fault.ms : 0);
    if (delay > 0) await sleep(delay);
    if (res.destroyed) return;

    if (fault?.kind === 'drop') {
      req.socket.destroy();
      return;
    }
    if (fault?.kind === 'status') {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (fault.retryAfterSeconds !== undefined) headers['retry-after'] = String(fault.retryAfterSeconds);
      const error = fault.status === 429 ? 'ratelimited' : 'fatal_error';
      res.writeHead(fault.status, headers).end(JSON.stringify({ ok: false, error }));
      return;
    }
    let answer: Record<string, any>;
    if (fault?.kind === 'error') answer = { ok: false, error: fault.error };
    else if (method.startsWith('response_url:') || method.startsWith('upload:')) answer = { ok: true };
    else if (!call.token && !NO_TOKEN_METHODS.test(method)) answer = { ok: false, error: 'not_authed' };
    else answer = stubs.get(method)?.(args) ?? answerMethod(method, args, state);
    call.response = answer;
    call.ok = answer.ok === true;
    if (fault?.kind === 'lose_answer') {
      // The work is done; the answer never leaves (the caller times out, or dies waiting).
      if (call.ok) notify();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(answer));
    if (call.ok) notify();
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500).end(String(error));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: `${origin}/api/`,
    calls,
    callsTo,
    waitForCalls(method, count, timeoutMs = 5000) {
      const found = callsTo(method);
      if (found.length >= count) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const waiter: Waiter = {
          method,
          count,
          resolve: (c) => {
            clearTimeout(timer);
            resolve(c);
          },
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          const seen = calls.map((c) => `${c.method}${c.ok ? '' : ` (not ok: ${c.fault?.kind ?? c.response?.error ?? 'pending'})`}`);
          reject(
            new Error(
              `fake Slack: expected ${count} ok call(s) to ${method} within ${timeoutMs} ms, got ${callsTo(method).length}. ` +
                `Calls so far: ${seen.length > 0 ? seen.join(', ') : 'none'}`,
            ),
          );
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
    responseUrl: (key = 'default') => `${origin}/response/${encodeURIComponent(key)}`,
    addUser: (user) => {
      state.users.set(user.id, user);
    },
    setTeam: (teamId, teamOpts = {}) => {
      state.team = { teamId, ...(teamOpts.enterpriseId ? { enterpriseId: teamOpts.enterpriseId } : {}) };
    },
    injectFault: (method, fault, times = 1) => {
      const queue = faults.get(method) ?? [];
      for (let i = 0; i < times; i++) queue.push(fault);
      faults.set(method, queue);
    },
    setLatency: (method, ms) => {
      latencies.set(method, ms);
    },
    stub: (method, answer) => {
      stubs.set(method, answer);
    },
    setFaultPattern: (method, pattern) => {
      patterns.set(method, { pattern, count: 0 });
    },
    setClock: (clock) => {
      state.clock = clock;
    },
    history: (channel) => [...(state.conversations.get(conversationId(channel)) ?? [])],
    reset: () => {
      calls.length = 0;
      faults.clear();
      latencies.clear();
      stubs.clear();
      patterns.clear();
      state.conversations.clear();
      delete state.clock;
    },
    close: async () => {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function bearer(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(.+)$/i.exec(header ?? '');
  return match ? match[1] : undefined;
}

function parseArgs(raw: Buffer, contentType: string): Record<string, any> {
  const text = raw.toString('utf8');
  if (text.trim() === '') return {};
  let args: Record<string, any>;
  if (contentType === 'application/json') {
    args = JSON.parse(text) as Record<string, any>;
  } else {
    args = {};
    for (const [key, value] of Object.entries(parseQuery(text))) args[key] = Array.isArray(value) ? value[0] : value;
  }
  for (const field of JSON_FIELDS) {
    if (typeof args[field] === 'string') {
      try {
        args[field] = JSON.parse(args[field]);
      } catch {
        /* leave a non-JSON string as sent */
      }
    }
  }
  return args;
}

/** Multipart uploads (what WebClient sends) count the file part's bytes; raw bodies count themselves. */
async function describeUpload(raw: Buffer, contentType: string, header: string): Promise<Record<string, any>> {
  if (contentType !== 'multipart/form-data') return { bytes: raw.length, contentType };
  const form = await new Response(raw, { headers: { 'content-type': header } }).formData();
  let bytes = 0;
  let filename: string | undefined;
  for (const value of form.values()) {
    if (typeof value !== 'string') {
      bytes += value.size;
      filename ??= value.name;
    }
  }
  return { bytes, contentType, ...(filename ? { filename } : {}) };
}
