import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { parse } from 'yaml';

/**
 * Validates slack-manifest.yml against Slack's manifest JSON schema (kept outside the repository):
 * `npx tsx bench/manifest-schema.ts [MANIFEST] [SCHEMA]`. Exits 1 and prints every problem when invalid.
 */
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SCHEMA_NAME = join('shared', 'slack', 'manifest.schema.1.0.0.json');
const manifestPath = process.argv[2] ?? join(ROOT, 'slack-manifest.yml');
// Beside the repository, or beside the folder of worktrees.
const schemaPath = process.argv[3] ?? [join(ROOT, '..', SCHEMA_NAME), join(ROOT, '..', '..', SCHEMA_NAME)].find((p) => existsSync(p));
if (!schemaPath) {
  process.stderr.write(`Slack's manifest schema not found (${SCHEMA_NAME} beside the repository); pass its path.\n`);
  process.exit(2);
}
const validate = new Ajv({ strict: false, allErrors: true, logger: false }).compile(JSON.parse(readFileSync(schemaPath, 'utf8')));
const manifest = parse(readFileSync(manifestPath, 'utf8')) as { functions?: Record<string, unknown> };
if (validate(manifest)) {
  const functions = Object.keys(manifest.functions ?? {});
  process.stdout.write(`${manifestPath}: valid against ${schemaPath} (${functions.length} functions: ${functions.join(', ')})\n`);
} else {
  for (const e of validate.errors ?? []) process.stdout.write(`${e.instancePath || '/'} ${e.message}\n`);
  process.exit(1);
}
