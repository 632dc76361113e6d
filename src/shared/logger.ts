import { type Logger, LogLevel } from '@slack/bolt';

const ORDER: Record<string, number> = { debug: 0, info: 1, warn: 2, error: 3 };
const SEVERITY: Record<string, string> = { debug: 'DEBUG', info: 'INFO', warn: 'WARNING', error: 'ERROR' };

/** Tokens and secrets never reach a log line, whatever a library puts in an error message. */
export function redactSecrets(text: string): string {
  return text
    .replace(/\bxox[abposre]-[A-Za-z0-9-]+/g, 'xox?-[redacted]')
    .replace(/\bxapp-[A-Za-z0-9-]+/g, 'xapp-[redacted]')
    .replace(/(signing[_ ]?secret["':= ]+)[A-Za-z0-9]+/gi, '$1[redacted]')
    .replace(/(authorization["':= ]+(?:Bearer )?)[^\s"',]+/gi, '$1[redacted]');
}

export type LogFields = Record<string, unknown>;

/**
 * JSON lines that Cloud Logging reads (`severity`, `message`, extra fields),
 * also handed to Bolt as its logger so every line has one shape.
 */
export class JsonLogger implements Logger {
  private level: LogLevel;
  private name = 'kept';

  constructor(
    level: 'debug' | 'info' | 'warn' | 'error' = 'info',
    private readonly write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
  ) {
    this.level = level as LogLevel;
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
    this.write(redactSecrets(JSON.stringify(entry, errorReplacer)));
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
