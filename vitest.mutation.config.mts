// The Vitest configuration under StrykerJS: the project's, without the JSON reporter (every mutant run
// would overwrite test-results/vitest.json) and with the unit and integration tests only (the server
// and fault tests start the production build, which a mutant does not change).
import { defineConfig } from 'vitest/config';
import base from './vitest.config.mts';

export default defineConfig({
  ...base,
  test: { ...base.test, include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'], reporters: ['default'] },
});
