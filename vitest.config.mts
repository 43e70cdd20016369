import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/server/**/*.test.ts', 'tests/fault/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    env: { AUTH_SECRET: 'test-secret-test-secret-test-secret-0123', LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' },
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
  },
});
