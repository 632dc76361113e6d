// The layering rules in .dependency-cruiser.cjs, tried on a small tree of Kept-shaped files: each rule
// must catch its own violation by name, and a tree that follows the rules must pass. `npm test` runs the
// same rules over the real src/, test/ and bench/ before vitest starts (npm run check:layers).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { cruise } from 'dependency-cruiser';
import { afterEach, describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const config = require('../../.dependency-cruiser.cjs');

let root: string | undefined;
afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
  root = undefined;
});

/** Writes `files` (path → source) into a fresh tree and returns the names of the rules they break. */
async function violations(files: Record<string, string>): Promise<string[]> {
  root = mkdtempSync(join(tmpdir(), 'kept-layers-'));
  for (const [path, source] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), source);
  }
  writeFileSync(join(root, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', allowJs: true } }));
  writeFileSync(join(root, 'package.json'), JSON.stringify({ type: 'module', dependencies: { '@slack/bolt': '*', '@google-cloud/firestore': '*' } }));
  for (const pkg of ['@slack/bolt', '@google-cloud/firestore']) {
    mkdirSync(join(root, 'node_modules', pkg), { recursive: true });
    writeFileSync(join(root, 'node_modules', pkg, 'package.json'), JSON.stringify({ name: pkg, main: 'index.js' }));
    writeFileSync(join(root, 'node_modules', pkg, 'index.js'), 'export const x = 1;\n');
  }
  const cwd = process.cwd();
  process.chdir(root);
  try {
    const result = await cruise(['src'], {
      validate: true,
      ruleSet: { forbidden: config.forbidden },
      ...config.options,
      tsConfig: { fileName: 'tsconfig.json' },
    });
    const output = result.output as { summary: { violations: { rule: { name: string } }[] } };
    return [...new Set(output.summary.violations.map((v) => v.rule.name))].sort();
  } finally {
    process.chdir(cwd);
  }
}

describe('layering rules', () => {
  it('accept a tree that depends downward only', async () => {
    expect(
      await violations({
        'src/shared/slack/block-kit.ts': 'export const b = 1;\n',
        'src/promises/client-promise.ts': 'export const rule = 1;\n',
        'src/promises/promise-store.ts':
          "import { x } from '@google-cloud/firestore';\nimport { rule } from './client-promise.js';\nexport const s = x + rule;\n",
        'src/promises/promise-listeners.ts': "import { x } from '@slack/bolt';\nimport { s } from './promise-store.js';\nexport const l = x + s;\n",
        'src/home/home-view.ts': "import { l } from '../promises/promise-listeners.js';\nexport const h = l;\n",
      }),
    ).toEqual([]);
  });

  it('name an import circle, type-only imports included', async () => {
    expect(
      await violations({
        'src/promises/promise-listeners.ts': "import { a } from './promise-actions.js';\nexport type Deps = { n: number };\nexport const l = a;\n",
        'src/promises/promise-actions.ts': "import type { Deps } from './promise-listeners.js';\nexport const a = 1;\nexport type D = Deps;\n",
      }),
    ).toEqual(['no-circular']);
  });

  it('name an upward import from shared/ into a feature', async () => {
    expect(
      await violations({
        'src/promises/promise-store.ts': 'export const s = 1;\n',
        'src/shared/delivery/due-sweep.ts': "import { s } from '../../promises/promise-store.js';\nexport const d = s;\n",
      }),
    ).toEqual(['shared-imports-no-feature']);
  });

  it('name a feature importing the Home, the recap or the jobs', async () => {
    expect(
      await violations({
        'src/home/home-view.ts': 'export const h = 1;\n',
        'src/incidents/incident-actions.ts': "import { h } from '../home/home-view.js';\nexport const a = h;\n",
      }),
    ).toEqual(['features-import-no-upper-floor']);
  });

  it('name a domain or service file importing Bolt or Firestore', async () => {
    expect(
      await violations({
        'src/promises/client-promise.ts': "import { x } from '@slack/bolt';\nexport const rule = x;\n",
        'src/stories/story-service.ts': "import { x } from '@google-cloud/firestore';\nexport const svc = x;\n",
      }),
    ).toEqual(['domain-imports-no-slack-or-firestore']);
  });

  it('name a Block Kit builder that imports Bolt or a store', async () => {
    expect(
      await violations({
        'src/promises/promise-store.ts': 'export const s = 1;\n',
        'src/promises/promise-blocks.ts': "import { x } from '@slack/bolt';\nimport { s } from './promise-store.js';\nexport const b = x + s;\n",
      }),
    ).toEqual(['blocks-import-only-slack-types']);
  });
});
