// Mutation testing (StrykerJS): changes the code of the modules that hold the invariants, one small
// change (a mutant) at a time, and runs the tests that cover it; a mutant no test notices is a gap.
// `npm run test:mutation` runs this on PostgreSQL (scripts/test-mutation.mjs); scores in docs/testing.md.
// StrykerJS 9.6 is the last line that runs on Node 20 (10.x needs Node 22).
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.mts' },
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  // Each mutant runs only the tests that reached it.
  coverageAnalysis: 'perTest',
  // The machine is small and shared; the database tests are already concurrent inside.
  concurrency: 2,
  mutate: [
    'lib/registration/**/*.ts',
    'lib/mail/**/*.ts',
    'lib/livestream/**/*.ts',
    'lib/agenda/publish/**/*.ts',
    'lib/checkin/**/*.ts',
    'lib/auth/**/*.ts',
    // 1:1 meetings and their tables (slot locks, holds, limits).
    'lib/meetings/**/*.ts',
  ],
  // Server and fault tests need the production build; browser tests are Playwright's. The unit and
  // integration tests are the ones that import these modules directly.
  testFiles: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
  ignorePatterns: ['.next', '.data', '.data-*', 'test-results', 'playwright-report', 'reports', 'bench/results'],
  // Static mutants (module-level constants) would need every test file re-run per mutant.
  ignoreStatic: true,
  timeoutMS: 60_000,
  timeoutFactor: 2,
  dryRunTimeoutMinutes: 60,
  reporters: ['clear-text', 'progress-append-only', 'json', 'html'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  thresholds: { high: 85, low: 70, break: null },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
