import { defineConfig } from 'vitest/config';

// `npm run test:mutation`: Stryker mutates the domain rules and runs only the pure tests that cover them
// (no emulator, no Bolt app), so each mutant costs milliseconds.
export default defineConfig({
  test: {
    include: [
      'test/promises/client-promise.test.ts',
      'test/promises/promise-schedule.test.ts',
      'test/promises/promise-rules.test.ts',
      'test/incidents/incident-cadence.test.ts',
      'test/incidents/incident-cadence-rules.test.ts',
      'test/recap/recap-stats.test.ts',
      'test/shared/command-text.test.ts',
      'test/shared/dates/working-hours.test.ts',
      'test/shared/dates/working-hours-text.test.ts',
    ],
    pool: 'forks',
  },
});
