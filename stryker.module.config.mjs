// The full mutation run for one module at a time (`npm run test:mutation -- module lib/livestream`):
// the machine is small and shared, and one module's run can be finished and scored on its own.
// No explicit test list: the Vitest runner then runs the unit and integration tests that import the
// module (directly or through other modules), which are all the tests that can reach its code.
import full from './stryker.config.mjs';

const module = process.env.MUTATION_MODULE;
if (!module) throw new Error('MUTATION_MODULE is not set (use `npm run test:mutation -- module lib/<name>`)');
const name = module.replace(/^lib\//, '').replace(/\W+/g, '-');

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...full,
  mutate: [`${module.replace(/\/$/, '')}/**/*.ts`],
  testFiles: undefined,
  vitest: { ...full.vitest, related: true },
  concurrency: 1,
  // Its own sandbox folder, so it can run beside the fast run (which uses .stryker-tmp).
  tempDirName: '.stryker-tmp-module',
  ignorePatterns: [...full.ignorePatterns, '.stryker-tmp'],
  reporters: ['clear-text', 'progress-append-only', 'json'],
  jsonReporter: { fileName: `reports/mutation-${name}/mutation.json` },
};
