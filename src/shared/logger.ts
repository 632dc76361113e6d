import { type Logger, LogLevel } from '@slack/bolt';

const ORDER: Record<string, number> = { debug: 0, info: 1, warn: 2, error: 3 };
const SEVERITY: Record<string, string> = { debug: 'DEBUG', info: 'INFO', warn: 'WARNING', error: 'ERROR' };

// Slack tokens (xoxb-, xoxp-, xoxa-, xoxe-, xoxe.xoxb-, xapp-): found anywhere, also glued to the text before
// them (`\nxoxb-…` once JSON-escaped, `%20xoxb-…` URL-encoded, `token_xoxb-…`) and with URL-encoded hyphens.
const SLACK_TOKEN = /(xox[abposre]|xapp)(?:-|%2[dD])(?:[A-Za-z0-9]|-|%2[dD])+/g;
// A value labelled as a secret, token, password or authorization (`signingSecret`, `SLACK_SIGNING_SECRET=`,
// `client_secret=`, `Authorization: Bearer …`), with its quotes escaped once or twice (JSON inside JSON) or
// URL-encoded. The label must be followed by `:` or `=`, so words like "tokens revoked" stay.
const LABELLED_SECRET =
  /((?:secret|token|password|passwd|authorization|api[_-]?key)(?:\\*["'])?\s*(?:[:=]|%3[aAdD])\s*(?:\\*["'])?\s*(?:(?:Bearer|Basic)(?:\s+|%20|\+))?)(?!\[redacted\])[^\s"'\\,;&}\]]+/gi;

/** Tokens and secrets never reach a log line, whatever a library puts in an error message. */
export function redactSecrets(text: string, known: readonly string[] = []): string {
  let out = text;
  for (const secret of known) out = out.split(secret).join('[redacted]');
  return out.replace(LABELLED_SECRET, '$1[redacted]').replace(SLACK_TOKEN, (_token, kind: string) => (kind === 'xapp' ? 'xapp-[redacted]' : 'xox?-[redacted]'));
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

/**
 * JSON lines that Cloud Logging reads (`severity`, `message`, extra fields),
 * also handed to Bolt as its logger so every line has one shape.
 */
export class JsonLogger implements Logger {
  private level: LogLevel;
  private name = 'kept';
  private readonly secrets: string[];

  /** `secrets`: the configured tokens and secrets (see `secretsOf` in config.ts), redacted wherever they appear. */
  constructor(
    level: 'debug' | 'info' | 'warn' | 'error' = 'info',
    private readonly write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
    options: { secrets?: readonly (string | undefined)[] } = {},
  ) {
    this.level = level as LogLevel;
    this.secrets = secretForms(options.secrets ?? []);
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

  /** A structured event: `logger.event('warn', 'reminder failed', { workspace, promiseId })`. */
  event(level: 'debug' | 'info' | 'warn' | 'error', message: string, fields: LogFields = {}): void {
    if ((ORDER[level] ?? 1) < (ORDER[this.level] ?? 1)) return;
    const entry = { severity: SEVERITY[level], message, logger: this.name, ...fields };
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

export { LogLevel };
