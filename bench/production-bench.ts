import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { findFreePort, startFirestoreEmulator } from '../src/shared/firestore/firestore-emulator.js';
import { startFakeSlack } from '../test/support/fake-slack.js';
import { postSigned, slashCommandBody } from '../test/support/slack-requests.js';

/**
 * The operator's numbers, side by side on this machine with a bare Bolt app as the baseline, in the same run:
 * cold start (spawn to the first signed /promise answered 200), idle memory of the whole process tree, files
 * loaded at start, for `npm start` (tsx) and the production start (`node dist/main.js`, after `npm run build`);
 * and the job CLI with nothing due (wall and CPU seconds), compiled and through `npm run job`, against a bare
 * `node -e ''`. Run `npm run build` first.
 */
const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, idle: { type: 'string', default: '5000' } } });
const runs = Number(values.runs);
const idleMs = Number(values.idle);
const SECRET = 'bench-signing-secret';
const emulator = process.env.FIRESTORE_EMULATOR_HOST ? undefined : await startFirestoreEmulator();
const host = process.env.FIRESTORE_EMULATOR_HOST ?? emulator!.host;
const fake = await startFakeSlack();
fake.addUser({ id: 'UBENCH', tz: 'Europe/Warsaw' });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const counter = join(import.meta.dirname, 'support', 'count-modules.mjs');

/** A process and all its descendants. */
function processTree(root: number): Set<number> {
  const parents = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      parents.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {}
  }
  const tree = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, ppid] of parents) if (tree.has(ppid) && !tree.has(pid)) tree.add(pid), (grew = true);
  }
  return tree;
}

/** Resident memory of a process and all its descendants, in MB. */
function treeRssMb(root: number): number {
  let kb = 0;
  for (const pid of processTree(root)) {
    try {
      kb += Number(readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)?.[1] ?? 0);
    } catch {}
  }
  return kb / 1024;
}

interface Start {
  name: string;
  command: string[];
}
const STARTS: Start[] = [
  { name: 'bare Bolt app (`node bench/support/bare-bolt-app.mjs`)', command: [process.execPath, '--import', counter, 'bench/support/bare-bolt-app.mjs'] },
  { name: 'production start (`node dist/main.js`)', command: [process.execPath, '--import', counter, 'dist/main.js'] },
  // NODE_OPTIONS carries the counter through npm into the node process tsx starts.
  { name: '`npm start` (tsx, no build)', command: ['npm', 'start', '--silent'] },
];

async function coldStart(start: Start): Promise<{ ms: number; rssMb: number; modules: number }> {
  const port = await findFreePort();
  const countFile = join(mkdtempSync(join(tmpdir(), 'kept-mods-')), 'count.json');
  const t0 = performance.now();
  const [cmd, ...args] = start.command as [string, ...string[]];
  const child: ChildProcess = spawn(cmd, args, {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      SLACK_BOT_TOKEN: 'xoxb-bench',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: fake.url,
      PORT: String(port),
      FIRESTORE_EMULATOR_HOST: host,
      GOOGLE_CLOUD_PROJECT: 'kept-bench-production',
      KEPT_SCHEDULER: 'off',
      LOG_LEVEL: 'warn',
      KEPT_MODULE_COUNT_FILE: countFile,
      ...(cmd === 'npm' ? { NODE_OPTIONS: `--import ${counter}` } : {}),
    },
    stdio: 'ignore',
  });
  const exited = new Promise((r) => child.once('exit', r));
  const body = () =>
    slashCommandBody({
      teamId: 'TBENCHSTART',
      userId: 'UBENCH',
      command: '/promise',
      text: 'ACME: send the quote 2099-12-03 10:00',
      responseUrl: fake.responseUrl('start'),
    });
  for (;;) {
    const status = await postSigned(`http://127.0.0.1:${port}/slack/events`, body(), { signingSecret: SECRET }).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) break;
    if (performance.now() - t0 > 60_000) throw new Error(`${start.name}: no 200 within a minute`);
    await new Promise((r) => setTimeout(r, 10));
  }
  const ms = performance.now() - t0;
  await new Promise((r) => setTimeout(r, idleMs));
  const rssMb = treeRssMb(child.pid!);
  // Every process of the tree: npm does not pass SIGTERM on to the node it started.
  const tree = [...processTree(child.pid!)];
  for (const pid of tree) {
    try {
      process.kill(pid, 'SIGTERM');
    } catch {}
  }
  await exited;
  // npm start leaves its node child to stop on its own (npm does not wait): give every process of the tree a
  // moment to write its count; the app is the one that loaded the most.
  const counted = () => {
    const dir = dirname(countFile);
    const mine = readdirSync(dir).filter((name) => name.startsWith(`${basename(countFile)}.`));
    return mine.map((name) => (JSON.parse(readFileSync(join(dir, name), 'utf8')) as { count: number }).count);
  };
  for (let i = 0; i < 50 && tree.some((pid) => existsSync(`/proc/${pid}`)); i++) await new Promise((r) => setTimeout(r, 100));
  const counts = counted();
  return { ms, rssMb, modules: counts.length > 0 ? Math.max(...counts) : Number.NaN };
}

const results = new Map<string, { ms: number[]; rss: number[]; modules: number[] }>();
for (let i = 0; i < runs; i++) {
  for (const start of STARTS) {
    const r = await coldStart(start);
    const row = results.get(start.name) ?? { ms: [], rss: [], modules: [] };
    row.ms.push(r.ms);
    row.rss.push(r.rssMb);
    row.modules.push(r.modules);
    results.set(start.name, row);
  }
}
const bareMs = median(results.get(STARTS[0]!.name)!.ms);
const lines = [
  `Cold start (spawn → first signed /promise answered 200), idle memory after ${idleMs / 1000} s, files loaded; median of ${runs}, interleaved`,
  '',
  '| start | cold start ms | ÷ bare Bolt | idle RSS of the process tree MB | files loaded at start |',
  '|---|---:|---:|---:|---:|',
  ...[...results].map(
    ([name, r]) =>
      `| ${name} | ${Math.round(median(r.ms))} | ${(median(r.ms) / bareMs).toFixed(2)}× | ${Math.round(median(r.rss))} | ${median(r.modules).toLocaleString('en-US')} |`,
  ),
  '',
];

/** Wall and CPU seconds of a command, by /usr/bin/time. */
async function timed(command: string[]): Promise<{ wall: number; cpu: number; output: string }> {
  const { stderr, stdout } = await promisify(execFile)('/usr/bin/time', ['-f', 'TIME %e %U %S', ...command], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      SLACK_BOT_TOKEN: 'xoxb-bench',
      SLACK_API_URL: fake.url,
      FIRESTORE_EMULATOR_HOST: host,
      GOOGLE_CLOUD_PROJECT: 'kept-bench-cli-empty',
    },
  });
  const [, wall, user, sys] = stderr.match(/TIME ([\d.]+) ([\d.]+) ([\d.]+)/)!;
  return { wall: Number(wall), cpu: Number(user) + Number(sys), output: stdout.trim() };
}
const CLIS: Array<[string, string[]]> = [
  ["bare `node -e ''`", [process.execPath, '-e', '']],
  ['compiled (`node dist/jobs/job-cli.js reminders`)', [process.execPath, 'dist/jobs/job-cli.js', 'reminders']],
  ['`npm run job -- reminders` (tsx)', ['npm', 'run', '--silent', 'job', '--', 'reminders']],
];
const cli = new Map<string, { wall: number[]; cpu: number[]; output: string }>();
for (let i = 0; i < runs; i++) {
  for (const [name, command] of CLIS) {
    const r = await timed(command);
    const row = cli.get(name) ?? { wall: [], cpu: [], output: r.output };
    row.wall.push(r.wall);
    row.cpu.push(r.cpu);
    cli.set(name, row);
  }
}
lines.push(
  `Job CLI with nothing due (an empty Firestore project), median of ${runs}, interleaved`,
  '',
  '| run | wall s | CPU s (user + sys) | prints |',
  '|---|---:|---:|---|',
  ...[...cli].map(([name, r]) => `| ${name} | ${median(r.wall).toFixed(2)} | ${median(r.cpu).toFixed(2)} | ${r.output ? `\`${r.output}\`` : ''} |`),
  '',
);
process.stdout.write(`${lines.join('\n')}\n`);
await fake.close();
await emulator?.stop();
