import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

/**
 * Starts `gcloud emulators firestore start` as a child process group and stops what it started.
 * Used by `npm start` (the embedded local database) and by the test run.
 */
export interface RunningEmulator {
  /** host:port, the value for FIRESTORE_EMULATOR_HOST */
  readonly host: string;
  stop(): Promise<void>;
}

export interface EmulatorOptions {
  port?: number;
  /** Keep data here across restarts (--import-data on start, --export-on-exit on stop). */
  dataDir?: string;
  startTimeoutMs?: number;
  log?: (line: string) => void;
}

export async function startFirestoreEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const port = options.port ?? (await findFreePort());
  const host = `127.0.0.1:${port}`;
  const args = ['emulators', 'firestore', 'start', `--host-port=${host}`];
  if (options.dataDir) {
    mkdirSync(options.dataDir, { recursive: true });
    const metadata = findExportMetadata(options.dataDir);
    if (metadata) args.push(`--import-data=${metadata}`);
    args.push(`--export-on-exit=${options.dataDir}`);
  }
  // detached: the emulator is a gcloud wrapper around a Java process; a process group lets us stop both.
  const child = spawn('gcloud', args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  const collect = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) {
      if (!line.trim()) continue;
      output.push(line);
      if (output.length > 50) output.shift();
      options.log?.(line);
    }
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);

  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    await waitUntilReady(host, child, options.startTimeoutMs ?? 60_000);
  } catch (error) {
    await stopGroup(child, exited, 5_000);
    const tail = output.slice(-10).join('\n');
    throw new Error(`${(error as Error).message}\n${tail}`);
  }
  return { host, stop: () => stopGroup(child, exited, 30_000) };
}

function findExportMetadata(dir: string): string | undefined {
  if (!existsSync(dir)) return undefined;
  const file = readdirSync(dir).find((name) => name.endsWith('.overall_export_metadata'));
  return file ? join(dir, file) : undefined;
}

async function waitUntilReady(host: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exitCode: number | null = null;
  child.once('exit', (code) => {
    exitCode = code ?? -1;
  });
  while (Date.now() < deadline) {
    if (exitCode !== null) {
      throw new Error(`The Firestore emulator exited (code ${exitCode}). Is the Google Cloud SDK with its Firestore emulator and Java installed?`);
    }
    try {
      const res = await fetch(`http://${host}/`, { signal: AbortSignal.timeout(1_000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The Firestore emulator did not start on ${host} within ${timeoutMs} ms.`);
}

async function stopGroup(child: ChildProcess, exited: Promise<void>, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // already gone
    }
  };
  // SIGINT lets the emulator write --export-on-exit data before it goes.
  signalGroup('SIGINT');
  const timedOut = await Promise.race([
    exited.then(() => false),
    new Promise<boolean>((r) => setTimeout(() => r(true), graceMs).unref()),
  ]);
  if (timedOut) signalGroup('SIGKILL');
  // The Java process may outlive the wrapper for a moment; make sure the whole group is gone.
  await new Promise((r) => setTimeout(r, 200));
  signalGroup('SIGKILL');
}

export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
