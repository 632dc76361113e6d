/**
 * Kept's layering, checked by `npm test` (test/layering.test.ts runs `npm run check:layers`).
 * Top to bottom, never back up: main → jobs/, app → home/, recap/ → features → shared/.
 * @type {import('dependency-cruiser').IConfiguration}
 */
const FEATURES = '^src/(promises|incidents|stories|clients|settings|workflows)/';
// `client-*.ts` are domain files (client-promise.ts, client-record.ts), except the clients slice's I/O roles (client-store.ts, client-blocks.ts, …).
const DOMAIN =
  '^src/.+/(client-(?![^/]*(store|blocks|modals|listeners|actions|views|shortcuts|slack|jobs|events)\\.ts$)[^/]+|[^/]+-service|story|[^/]+-schedule|[^/]+-cadence|[^/]+-metrics|[^/]+-stats|promise-week|working-hours|[^/]+-rules)\\.ts$';

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'Import circles (type-only imports count): what two files share belongs in a third.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'shared-imports-no-feature',
      comment: 'shared/ is the ground floor: it imports no feature, no home/, recap/, jobs/, app or main.',
      severity: 'error',
      from: { path: '^src/shared/' },
      to: { path: ['^src/(promises|incidents|stories|clients|settings|workflows|home|recap|jobs)/', '^src/(app|main)\\.ts$'] },
    },
    {
      name: 'features-import-no-upper-floor',
      comment: 'Features import no home/, recap/, jobs/, app.ts or main.ts (those read across features).',
      severity: 'error',
      from: { path: FEATURES },
      to: { path: ['^src/(home|recap|jobs)/', '^src/(app|main)\\.ts$'] },
    },
    {
      name: 'home-and-recap-import-no-jobs-or-entry',
      comment: 'home/ and recap/ sit below jobs/, app.ts and main.ts.',
      severity: 'error',
      from: { path: '^src/(home|recap)/' },
      to: { path: ['^src/jobs/', '^src/(app|main)\\.ts$'] },
    },
    {
      name: 'only-main-imports-jobs-route-and-app',
      comment: 'app.ts is composed by main.ts alone.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/main\\.ts$' },
      to: { path: '^src/(app|main)\\.ts$' },
    },
    {
      name: 'domain-imports-no-slack-or-firestore',
      comment: 'Domain rules and use cases (client-*.ts, *-service.ts, story.ts, schedules, cadences, metrics, stats) know neither Bolt nor Firestore.',
      severity: 'error',
      from: { path: DOMAIN },
      to: { path: ['^@slack/bolt', '^@slack/web-api', '^@google-cloud/firestore', 'node_modules/@slack/bolt', 'node_modules/@slack/web-api', 'node_modules/@google-cloud/firestore'] },
    },
    {
      name: 'domain-imports-no-io-layers',
      comment: 'Domain rules and use cases reach persistence and Slack only through interfaces, never through a store, listener or Slack helper module.',
      severity: 'error',
      from: { path: DOMAIN },
      to: { path: ['-(store|listeners|actions|views|shortcuts|slack|jobs)\\.ts$', '^src/shared/(slack|firestore)/'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'blocks-import-only-slack-types',
      comment: 'Block Kit builders are pure: Slack types only, no Bolt, no Web API client, no Firestore, no store or listener at run time.',
      severity: 'error',
      from: { path: '-(blocks|modals)\\.ts$' },
      to: {
        path: [
          '^@slack/bolt',
          '^@slack/web-api',
          '^@google-cloud/firestore',
          'node_modules/@slack/bolt',
          'node_modules/@slack/web-api',
          'node_modules/@google-cloud/firestore',
          '-(store|listeners|actions|views|shortcuts|jobs|service)\\.ts$',
          '^src/shared/firestore/',
        ],
        dependencyTypesNot: ['type-only'],
      },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
    exclude: { path: '^(dist|coverage)/' },
  },
};
