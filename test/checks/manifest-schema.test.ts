// `npm run check:manifest -- SCHEMA` (run by .ci/run with Slack's schema from beside the clone), and the rule
// that the suite itself reads only what the repository holds.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const run = promisify(execFile);

/** A schema of our own, in the shape of Slack's (draft-07), small enough to read in the test. */
const SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  required: ['display_information'],
  properties: {
    display_information: { type: 'object', required: ['name'], properties: { name: { type: 'string', maxLength: 35 } } },
  },
};

async function checkManifest(schema: object, manifestYaml?: string): Promise<{ code: number; output: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'kept-manifest-'));
  writeFileSync(join(dir, 'schema.json'), JSON.stringify(schema));
  const args = ['--import', 'tsx', 'scripts/check-manifest.ts', join(dir, 'schema.json')];
  if (manifestYaml !== undefined) {
    writeFileSync(join(dir, 'manifest.yml'), manifestYaml);
    args.push(join(dir, 'manifest.yml'));
  }
  try {
    const { stdout, stderr } = await run(process.execPath, args, { cwd: ROOT });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, output: e.stdout + e.stderr };
  }
}

function testFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? testFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('npm run check:manifest', () => {
  it('accepts the repository manifest when it matches the schema', async () => {
    const result = await checkManifest(SCHEMA);
    expect(result.output).toContain('slack-manifest.yml is valid');
    expect(result.code).toBe(0);
  });

  it('lists every place a manifest breaks the schema and exits 1', async () => {
    const result = await checkManifest(SCHEMA, 'display_information:\n  name: A name far longer than Slack allows for an app\n');
    expect(result.code).toBe(1);
    expect(result.output).toContain('/display_information/name');
    expect((await checkManifest(SCHEMA, 'features: {}\n')).output).toContain("must have required property 'display_information'");
  });

  it('exits 2 with its usage when the schema is missing or unreadable', async () => {
    const missing = await run(process.execPath, ['--import', 'tsx', 'scripts/check-manifest.ts'], { cwd: ROOT }).then(
      () => ({ code: 0, stderr: '' }),
      (e: { code: number; stderr: string }) => e,
    );
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Usage: npm run check:manifest');
    expect((await checkManifest(SCHEMA, ': : not yaml [')).code).toBe(2);
  });
});

describe('the test suite', () => {
  it('reads no file from outside the repository', () => {
    const outside = /join\(ROOT, '\.\.'|['"`]\.\.\/shared\/|\/work\/shared/;
    const offenders = testFiles(join(ROOT, 'test')).filter((file) => outside.test(readFileSync(file, 'utf8')));
    expect(offenders.map((f) => f.slice(ROOT.length))).toEqual([]);
  });
});
