// The Dockerfile's runtime stage carried out without a container engine: in a scratch directory, its COPY, ENV
// and RUN lines in order (npm with a cache of its own, so nothing outside the directory changes), then its
// exec-form CMD with the Firestore emulator and a fake Slack. It answers a signed /promise, then gets SIGTERM
// as Cloud Run sends it, and must exit 0 within 10 s. `USER node` cannot be switched to here; the process runs
// as whoever runs this script, and writes nothing outside the scratch directory.
//
//   npm run build && npx tsx scripts/rehearse-image.ts
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findFreePort, startFirestoreEmulator } from '../src/shared/firestore/firestore-emulator.js';
import { startFakeSlack } from '../test/support/fake-slack.js';
import { postSigned, slashCommandBody } from '../test/support/slack-requests.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SIGNING_SECRET = 'rehearsal-signing-secret';

type Step = { readonly kind: 'copy'; readonly from: string[]; readonly to: string } | { readonly kind: 'run'; readonly command: string };

interface Stage {
  /** COPY and RUN in the Dockerfile's order. */
  readonly steps: Step[];
  readonly env: Record<string, string>;
  readonly cmd: string[];
}

/** The last stage of the Dockerfile: what ends up in the image. `COPY --from=build /app/x` is the repository's build output `x`. */
export function runtimeStage(dockerfile: string): Stage {
  const lines = dockerfile
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  const last =
    lines
      .map((l, i) => (/^FROM\s/i.test(l) ? i : -1))
      .filter((i) => i >= 0)
      .at(-1) ?? 0;
  const stage: Stage = { steps: [], env: {}, cmd: [] };
  for (const line of lines.slice(last + 1)) {
    const [instruction, ...rest] = line.split(/\s+/);
    const args = rest.join(' ');
    switch (instruction!.toUpperCase()) {
      case 'COPY': {
        const parts = rest.filter((p) => !p.startsWith('--'));
        const fromBuild = rest.some((p) => p.startsWith('--from='));
        const to = parts.at(-1)!;
        stage.steps.push({ kind: 'copy', from: parts.slice(0, -1).map((p) => (fromBuild ? p.replace(/^\/app\//, '') : p)), to });
        break;
      }
      case 'RUN':
        stage.steps.push({ kind: 'run', command: args });
        break;
      case 'ENV': {
        const [key, ...value] = args.split(/[=\s]/);
        stage.env[key!] = value.join('=');
        break;
      }
      case 'CMD':
        stage.cmd.push(...(JSON.parse(args) as string[]));
        break;
    }
  }
  return stage;
}

async function main(): Promise<void> {
  if (!existsSync(join(ROOT, 'dist/main.js'))) throw new Error('no dist/: run `npm run build` first');
  const stage = runtimeStage(readFileSync(join(ROOT, 'Dockerfile'), 'utf8'));
  if (stage.cmd.length === 0) throw new Error('the Dockerfile has no exec-form CMD in its last stage');
  const app = mkdtempSync(join(tmpdir(), 'kept-image-'));
  const npmCache = mkdtempSync(join(tmpdir(), 'kept-image-npm-'));
  const emulator = await startFirestoreEmulator();
  const fake = await startFakeSlack();
  fake.addUser({ id: 'UANA', tz: 'Europe/Warsaw' });
  try {
    for (const step of stage.steps) {
      if (step.kind === 'run') {
        runStep(step.command, app, npmCache, stage.env);
        continue;
      }
      // Into a directory (`./`, or several sources) each source keeps its name; otherwise it becomes `to`.
      const intoDir = step.to.endsWith('/') || step.from.length > 1;
      for (const from of step.from) cpSync(join(ROOT, from), join(app, intoDir ? join(step.to, basename(from)) : step.to), { recursive: true });
    }

    const port = await findFreePort();
    const started = Date.now();
    const child = spawn(stage.cmd[0] === 'node' ? process.execPath : stage.cmd[0]!, stage.cmd.slice(1), {
      cwd: app,
      env: {
        PATH: process.env.PATH ?? '',
        ...stage.env,
        PORT: String(port),
        SLACK_BOT_TOKEN: 'xoxb-rehearsal',
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: fake.url,
        FIRESTORE_EMULATOR_HOST: emulator.host,
        GOOGLE_CLOUD_PROJECT: 'kept-image-rehearsal',
        KEPT_SCHEDULER: 'off',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

    const base = `http://127.0.0.1:${port}`;
    await waitFor(
      () =>
        fetch(`${base}/healthz`).then(
          (r) => r.ok,
          () => false,
        ),
      60_000,
      () => output,
    );
    const healthyMs = Date.now() - started;
    const ack = await postSigned(
      `${base}/slack/events`,
      slashCommandBody({
        teamId: 'TIMAGE',
        userId: 'UANA',
        command: '/promise',
        text: 'ACME: send the quote 2099-12-03 10:00',
        responseUrl: fake.responseUrl('r'),
      }),
      { signingSecret: SIGNING_SECRET },
    );
    const [reply] = await fake.waitForCalls('response_url:r', 1, 10_000);
    const stopAt = Date.now();
    child.kill('SIGTERM');
    const code = await Promise.race([exited, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 10_000))]);
    if (code === 'timeout') child.kill('SIGKILL');
    const stoppedMs = Date.now() - stopAt;
    const files = spawnSync('du', ['-sm', join(app, 'node_modules')], { encoding: 'utf8' }).stdout.split('\t')[0];
    const ok = ack.status === 200 && String(reply?.args.text ?? '').length > 0 && code === 0;
    process.stdout.write(
      [
        `image rehearsal: ${stage.steps.map((st) => (st.kind === 'run' ? `RUN ${st.command}` : `COPY ${st.from.join(' ')} ${st.to}`)).join('; ')}; CMD ${JSON.stringify(stage.cmd)}`,
        `  runtime node_modules: ${files} MB`,
        `  /healthz answered 200 after ${healthyMs} ms`,
        `  signed /promise: ${ack.status}, reply "${String(reply?.args.text ?? '').slice(0, 60)}"`,
        `  SIGTERM: exit ${code} after ${stoppedMs} ms (must be 0 within 10000 ms)`,
        ok ? 'OK' : `FAILED\n${output}`,
        '',
      ].join('\n'),
    );
    process.exitCode = ok ? 0 : 1;
  } finally {
    await fake.close();
    await emulator.stop();
    rmSync(app, { recursive: true, force: true });
    rmSync(npmCache, { recursive: true, force: true });
  }
}

function runStep(command: string, cwd: string, npmCache: string, env: Record<string, string>): void {
  const started = Date.now();
  const result = spawnSync('sh', ['-c', command], {
    cwd,
    env: { ...process.env, ...env, npm_config_cache: npmCache, npm_config_update_notifier: 'false' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.status !== 0) throw new Error(`RUN ${command} failed (${result.status})`);
  process.stderr.write(`RUN ${command}: ${Date.now() - started} ms\n`);
}

async function waitFor(probe: () => Promise<boolean>, timeoutMs: number, output: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await probe()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the image's command did not start:\n${output()}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
