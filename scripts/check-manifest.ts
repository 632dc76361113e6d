// slack-manifest.yml against Slack's published manifest schema, outside the test suite: the schema is not
// part of this repository (CI keeps it beside the clone), and `npm test` reads only what the repository holds.
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { parse } from 'yaml';

const USAGE = `Usage: npm run check:manifest -- SCHEMA.json [MANIFEST.yml]

Validates the Slack app manifest (default slack-manifest.yml) against Slack's manifest JSON schema.
Exit code: 0 valid, 1 invalid (every problem listed), 2 on bad usage or an unreadable file.`;

/** Every way the manifest breaks the schema, as `path: problem` lines (empty when it is valid). */
export function manifestProblems(schema: object, manifest: unknown): string[] {
  const validate = new Ajv({ strict: false, allErrors: true, logger: false }).compile(schema);
  if (validate(manifest)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'}: ${e.message ?? 'invalid'}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`);
}

function main(args: string[]): number {
  const [schemaPath, manifestPath = 'slack-manifest.yml', ...extra] = args;
  if (!schemaPath || extra.length > 0 || schemaPath === '--help') {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  let schema: object;
  let manifest: unknown;
  try {
    schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
    manifest = parse(readFileSync(manifestPath, 'utf8'));
  } catch (error) {
    process.stderr.write(`Cannot read the schema or the manifest: ${(error as Error).message}\n`);
    return 2;
  }
  const problems = manifestProblems(schema, manifest);
  if (problems.length === 0) {
    process.stdout.write(`${manifestPath} is valid against ${schemaPath}\n`);
    return 0;
  }
  process.stderr.write(`${manifestPath} does not match ${schemaPath}:\n${problems.map((p) => `  - ${p}`).join('\n')}\n`);
  return 1;
}

process.exitCode = main(process.argv.slice(2));
