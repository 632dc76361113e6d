import { AsyncLocalStorage } from 'node:async_hooks';
// Types only: the logger must not load Bolt (the job CLI never needs its receivers).
import type { Logger, LogLevel } from '@slack/bolt';

const ORDER: Record<string, number> = { debug: 0, info: 1, warn: 2, error: 3 };
const SEVERITY: Record<string, string> = { debug: 'DEBUG', info: 'INFO', warn: 'WARNING', error: 'ERROR' };

// Slack tokens (xoxb-, xoxp-, xoxa-, xoxe-, xoxe.xoxb-, xapp-, and xwfp- of a workflow step's event): found anywhere, also glued to the text before
// them (`\nxoxb-…` once JSON-escaped, `%20xoxb-…` URL-encoded, `token_xoxb-…`) and with URL-encoded hyphens.
const SLACK_TOKEN = /(xox[abposre]|xapp|xwfp)(?:-|%2[dD])(?:[A-Za-z0-9]|-|%2[dD])+/g;
// A value labelled as a secret, token, password or authorization (`signingSecret`, `SLACK_SIGNING_SECRET=`,
// `client_secret=`, `Authorization: Bearer …`), with its quotes escaped once or twice (JSON inside JSON) or
// URL-encoded. The label must be followed by `:` or `=`, so words like "tokens revoked" stay.
const LABELLED_SECRET =
  /((?:secret|token|password|passwd|authorization|api[_-]?key)(?:\\*["'])?\s*(?:[:=]|%3[aAdD])\s*(?:\\*["'])?\s*(?:(?:Bearer|Basic)(?:\s+|%20|\+))?)(?!\[redacted\])[^\s"'\\,;&}\]]+/gi;

/** Tokens and secrets never reach a log line, whatever a library puts in an error message. */
export function redactSecrets(text: string, known: readonly string[] = []): string {
  let out = text;
  for (const secret of known) out = out.split(secret).join('[redacted]');
  return out
    .replace(LABELLED_SECRET, '$1[redacted]')
    .replace(SLACK_TOKEN, (_token, kind: string) => (kind === 'xapp' || kind === 'xwfp' ? `${kind}-[redacted]` : 'xox?-[redacted]'));
}

/**
 * Each configured secret in the forms it may take in a log line: as is, URL-encoded, JSON-escaped once and
 * twice. Short values are left out: redacting a 3-letter "secret" would garble every line.
 */
function secretForms(secrets: readonly (string | undefined)[]): string[] {
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (!secret || secret.length < 8) continue;
    const once = JSON.stringify(secret).slice(1, -1);
    for (const form of [secret, encodeURIComponent(secret), once, JSON.stringify(once).slice(1, -1)]) forms.add(form);
  }
  // Longest first, so a secret containing another is redacted whole.
  return [...forms].sort((a, b) => b.length - a.length);
}

export type LogFields = Record<string, unknown>;

/** Which service wrote a line, as Cloud Error Reporting groups errors (`K_SERVICE`, `K_REVISION` on Cloud Run). */
export interface ServiceContext {
  readonly service: string;
  readonly version: string;
}

/** Cloud Error Reporting's marker for an error entry that carries no stack trace. */
const REPORTED_ERROR_EVENT = 'type.googleapis.com/google.devtools.clouderrorreporting.v1beta1.ReportedErrorEvent';

/** Fields every line written while handling one request carries (its Cloud Trace ids). */
const requestFields = new AsyncLocalStorage<LogFields>();

/**
 * Runs `work` with the trace of the HTTP request that caused it, so each of its log lines joins the request in
 * Cloud Logging: `X-Cloud-Trace-Context: TRACE/SPAN;o=1` (Cloud Run) or W3C `traceparent: 00-TRACE-SPAN-01`.
 */
export function withRequestTrace<T>(headers: Record<string, string | string[] | undefined>, projectId: string, work: () => T): T {
  const fields = traceFields(headers, projectId);
  return fields ? requestFields.run(fields, work) : work();
}

export function traceFields(headers: Record<string, string | string[] | undefined>, projectId: string): LogFields | undefined {
  const one = (name: string) => {
    const v = headers[name];
    return Array.isArray(v) ? v[0] : v;
  };
  const cloud = one('x-cloud-trace-context')?.match(/^([0-9a-f]{32})(?:\/(\d+))?(?:;o=([01]))?/i);
  if (cloud) {
    return {
      'logging.googleapis.com/trace': `projects/${projectId}/traces/${cloud[1]!.toLowerCase()}`,
      ...(cloud[2] ? { 'logging.googleapis.com/spanId': BigInt(cloud[2]).toString(16).padStart(16, '0') } : {}),
      ...(cloud[3] ? { 'logging.googleapis.com/trace_sampled': cloud[3] === '1' } : {}),
    };
  }
  const w3c = one('traceparent')?.match(/^[0-9a-f]{2}-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/i);
  if (w3c) {
    return {
      'logging.googleapis.com/trace': `projects/${projectId}/traces/${w3c[1]!.toLowerCase()}`,
      'logging.googleapis.com/spanId': w3c[2]!.toLowerCase(),
      'logging.googleapis.com/trace_sampled': (Number.parseInt(w3c[3]!, 16) & 1) === 1,
    };
  }
  return undefined;
}

/** The stack of an error given as an Error or as text that already holds one (`describe(error)`). */
function stackOf(error: unknown): string | undefined {
  if (error instanceof Error) return error.stack ?? undefined;
  if (typeof error === 'string' && /\n\s+at /.test(error)) return error;
  return undefined;
}

/**
 * JSON lines that Cloud Logging reads (`severity`, `message`, extra fields),
 * also handed to Bolt as its logger so every line has one shape.
 */
export class JsonLogger implements Logger {
  private level: LogLevel;
  private name = 'kept';
  private readonly secrets: string[];
  private readonly serviceContext: ServiceContext | undefined;

  /**
   * `secrets`: the configured tokens and secrets (see `secretsOf` in config.ts), redacted wherever they appear.
   * `serviceContext`: named on every ERROR line, so Cloud Error Reporting groups errors by service and version.
   */
  constructor(
    level: 'debug' | 'info' | 'warn' | 'error' = 'info',
    private readonly write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
    options: { secrets?: readonly (string | undefined)[]; serviceContext?: ServiceContext } = {},
  ) {
    this.level = level as LogLevel;
    this.secrets = secretForms(options.secrets ?? []);
    this.serviceContext = options.serviceContext;
  }

  debug(...msg: unknown[]): void {
    this.log('debug', msg);
  }
  info(...msg: unknown[]): void {
    this.log('info', msg);
  }
  warn(...msg: unknown[]): void {
    this.log('warn', msg);
  }
  error(...msg: unknown[]): void {
    this.log('error', msg);
  }
  setLevel(level: LogLevel): void {
    this.level = level;
  }
  getLevel(): LogLevel {
    return this.level;
  }
  setName(name: string): void {
    this.name = name;
  }

  /**
   * A structured event: `logger.event('warn', 'reminder failed', { workspace, promiseId })`. On an ERROR line the
   * `error` field becomes what Cloud Error Reporting reads: its stack in `stack_trace`, or, with no stack, the
   * error's text in `message` and the ReportedErrorEvent type.
   */
  event(level: 'debug' | 'info' | 'warn' | 'error', message: string, fields: LogFields = {}): void {
    if ((ORDER[level] ?? 1) < (ORDER[this.level] ?? 1)) return;
    let entry: LogFields = { severity: SEVERITY[level], message, logger: this.name, ...requestFields.getStore(), ...fields };
    if (level === 'error') {
      const { error, ...rest } = entry;
      const stack = stackOf(error);
      entry = {
        ...rest,
        ...(stack ? { stack_trace: stack } : { '@type': REPORTED_ERROR_EVENT, ...(error !== undefined ? { message: `${message}: ${String(error)}` } : {}) }),
        ...(this.serviceContext ? { serviceContext: this.serviceContext } : {}),
      };
    }
    this.write(redactSecrets(JSON.stringify(entry, errorReplacer), this.secrets));
  }

  private log(level: 'debug' | 'info' | 'warn' | 'error', parts: unknown[]): void {
    if ((ORDER[level] ?? 1) < (ORDER[this.level] ?? 1)) return;
    const message = parts.map((p) => (p instanceof Error ? (p.stack ?? p.message) : typeof p === 'string' ? p : safeJson(p))).join(' ');
    this.event(level, message);
  }
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value, errorReplacer);
  } catch {
    return String(value);
  }
}

function errorReplacer(_key: string, value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  return value;
}
