import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

/** The bot scopes the OAuth install asks for: the manifest's, so the two never drift apart. */
export function botScopesFromManifest(path = fileURLToPath(new URL('../../../slack-manifest.yml', import.meta.url))): string[] {
  const manifest = parse(readFileSync(path, 'utf8')) as { oauth_config?: { scopes?: { bot?: unknown } } };
  const scopes = manifest.oauth_config?.scopes?.bot;
  if (!Array.isArray(scopes) || scopes.some((s) => typeof s !== 'string')) throw new Error('slack-manifest.yml has no oauth_config.scopes.bot list');
  return scopes as string[];
}
