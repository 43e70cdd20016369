// The fast mutation run for CI (`npm run test:mutation:fast`): the seat ledger and the outbox insert,
// against their own small tests. Fails (exit code 1) when the score drops below `thresholds.break`.
import full from './stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...full,
  mutate: ['lib/registration/seats.ts', 'lib/mail/outbox.ts'],
  testFiles: ['tests/integration/seat-ledger.test.ts', 'tests/integration/outbox-insert.test.ts'],
  // The TypeScript checker costs a full program check at start; these files' mutants are few.
  checkers: [],
  reporters: ['clear-text', 'progress-append-only', 'json'],
  jsonReporter: { fileName: 'reports/mutation-fast/mutation.json' },
  thresholds: { high: 90, low: 85, break: 85 },
  timeoutMS: 30_000,
};
