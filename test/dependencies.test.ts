// Kept runs on Node 20 (package.json `engines`, the Dockerfile's node:20 image, CI). A package that needs a
// newer Node installs with only a warning and may break at run time, so the lockfile is checked here.
import { readFileSync } from 'node:fs';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('..', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('package.json', ROOT), 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync(new URL('package-lock.json', ROOT), 'utf8')) as {
  packages: Record<string, { engines?: { node?: string } | string[]; dev?: boolean }>;
};

/** Installed packages whose declared Node range leaves out `version`. */
function packagesRefusing(version: string, packages: typeof lock.packages): string[] {
  return Object.entries(packages)
    .filter(([path, p]) => {
      const range = !Array.isArray(p.engines) ? p.engines?.node : undefined;
      return path !== '' && typeof range === 'string' && semver.validRange(range) !== null && !semver.satisfies(version, range);
    })
    .map(([path, p]) => `${path.replace(/^.*node_modules\//, '')} (node ${(p.engines as { node: string }).node}${p.dev ? ', dev' : ''})`);
}

describe('the Node version Kept declares', () => {
  const oldest = semver.minVersion(manifest.engines.node)!.version;

  it('is one every installed package supports, runtime and tooling alike', () => {
    expect(oldest.startsWith('20.')).toBe(true);
    expect(packagesRefusing(oldest, lock.packages)).toEqual([]);
  });

  it('would be refused by a package that needs Node 22, as @google-cloud/kms 6 does', () => {
    const withKms6 = { ...lock.packages, 'node_modules/@google-cloud/kms': { engines: { node: '>=22' } } };
    expect(packagesRefusing(oldest, withKms6)).toEqual(['@google-cloud/kms (node >=22)']);
  });
});
