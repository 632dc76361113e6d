import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

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
  /** Keep data here across restarts: imported on start, exported on stop. */
  dataDir?: string;
  /** The project whose data is exported on stop (with dataDir). */
  projectId?: string;
  startTimeoutMs?: number;
  log?: (line: string) => void;
}

export async function startFirestoreEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  // A free port can be taken between our check and the emulator's bind; try a fresh one then.
  const attempts = options.port ? 1 : 3;
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(options, options.port ?? (await findFreePort()));
    } catch (error) {
      if (attempt >= attempts) throw error;
      options.log?.(`Firestore emulator did not start (${(error as Error).message.split('\n')[0]}); retrying`);
    }
  }
}

async function startOnce(options: EmulatorOptions, port: number): Promise<RunningEmulator> {
  const host = `127.0.0.1:${port}`;
  const args = ['emulators', 'firestore', 'start', `--host-port=${host}`];
  if (options.dataDir) {
    mkdirSync(options.dataDir, { recursive: true });
    const metadata = findLatestExport(options.dataDir)?.metadata;
    if (metadata) args.push(`--import-data=${metadata}`);
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
  // If this process dies without stopping it (a crash, process.exit), take the emulator along.
  const killOnExit = () => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  process.once('exit', killOnExit);
  child.once('exit', () => process.removeListener('exit', killOnExit));

  try {
    await waitUntilReady(host, child, options.startTimeoutMs ?? 60_000);
  } catch (error) {
    await stopGroup(child, host, 5_000);
    const tail = output.slice(-10).join('\n');
    throw new Error(`${(error as Error).message}\n${tail}`);
  }
  return {
    host,
    stop: async () => {
      if (options.dataDir) await exportData(host, options.projectId ?? 'kept-local', options.dataDir, options.log);
      await stopGroup(child, host, 10_000);
    },
  };
}

/**
 * The emulator's --export-on-exit does not survive a signal to its gcloud wrapper, so Kept asks
 * for an export over the emulator's REST API before stopping it, then keeps only the newest one.
 */
async function exportData(host: string, projectId: string, dataDir: string, log?: (line: string) => void): Promise<void> {
  const before = new Set(readdirSync(dataDir));
  try {
    const res = await fetch(`http://${host}/emulator/v1/projects/${projectId}:export`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ database: `projects/${projectId}/databases/(default)`, export_directory: resolve(dataDir) }),
    });
    if (!res.ok) throw new Error(`HTTP ${res.status}: ${await res.text()}`);
  } catch (error) {
    log?.(`Firestore emulator export failed: ${(error as Error).message}`);
    return;
  }
  const latest = findLatestExport(dataDir);
  for (const name of before) {
    if (name.startsWith(EXPORT_PREFIX) && name !== latest?.folder) rmSync(join(dataDir, name), { recursive: true, force: true });
  }
}

const EXPORT_PREFIX = 'firestore_export_';

function findLatestExport(dir: string): { folder: string; metadata: string } | undefined {
  if (!existsSync(dir)) return undefined;
  const folders = readdirSync(dir)
    .filter((name) => name.startsWith(EXPORT_PREFIX))
    .sort((a, b) => Number(b.slice(EXPORT_PREFIX.length)) - Number(a.slice(EXPORT_PREFIX.length)));
  for (const folder of folders) {
    const metadata = join(dir, folder, `${folder}.overall_export_metadata`);
    if (existsSync(metadata)) return { folder, metadata };
  }
  return undefined;
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

async function stopGroup(child: ChildProcess, host: string, graceMs: number): Promise<void> {
  if (child.pid === undefined) return;
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // already gone
    }
  };
  // The gcloud wrapper exits at once on SIGINT; wait for the Java process's port to close too.
  signalGroup('SIGINT');
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline && (await isListening(host))) {
    await new Promise((r) => setTimeout(r, 100));
  }
  signalGroup('SIGKILL');
}

async function isListening(host: string): Promise<boolean> {
  try {
    await fetch(`http://${host}/`, { signal: AbortSignal.timeout(500) });
    return true;
  } catch {
    return false;
  }
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
