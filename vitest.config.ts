import { defineConfig } from 'vitest/config';

// CI asks for a machine-readable report too, to print a plain "N passed, N failed" line.
const report = process.env.KEPT_TEST_REPORT;

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // Forks keep each file's Bolt apps and servers apart; two cores on CI.
    pool: 'forks',
    ...(report ? { reporters: ['default', 'json'], outputFile: { json: report } } : {}),
  },
});
