import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

// Loaded when first needed (OAuth distribution only): a single-workspace start does not pay for a YAML parser.
const require = createRequire(import.meta.url);

/** The bot scopes the OAuth install asks for: the manifest's, so the two never drift apart. */
export function botScopesFromManifest(path = fileURLToPath(new URL('../../../slack-manifest.yml', import.meta.url))): string[] {
  const { parse } = require('yaml') as typeof import('yaml');
  const manifest = parse(readFileSync(path, 'utf8')) as { oauth_config?: { scopes?: { bot?: unknown } } };
  const scopes = manifest.oauth_config?.scopes?.bot;
  if (!Array.isArray(scopes) || scopes.some((s) => typeof s !== 'string')) throw new Error('slack-manifest.yml has no oauth_config.scopes.bot list');
  return scopes as string[];
}
