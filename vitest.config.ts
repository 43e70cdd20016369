import fs from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

const testFiles = ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/server/**/*.test.ts', 'tests/fault/**/*.test.ts'];

/**
 * Test files whose database pool is wider than 20 connections: the races of fifty transactions at once.
 * PostgreSQL allows 100 connections in all, so on PostgreSQL these run one at a time, before the rest
 * (two at a time): two of them side by side, or one beside a server test's app processes, ran out of
 * connections ("sorry, too many clients already"). They are found by their `createTestDatabase`
 * option, so a new race file joins them without an edit here.
 */
const connectionHeavy = fs
  .readdirSync('tests/integration')
  .filter((file) => file.endsWith('.test.ts'))
  .filter((file) => {
    const source = fs.readFileSync(path.join('tests/integration', file), 'utf8');
    return [...source.matchAll(/createTestDatabase\(\{\s*maxConnections:\s*(\d+)/g)].some((m) => Number(m[1]) > 20);
  })
  .map((file) => `tests/integration/${file}`);

export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    // `include` is set per project on PostgreSQL: a project's list would be added to the root's, not replace it.
    ...(process.env.DATABASE_URL ? {} : { include: testFiles }),
    environment: 'node',
    testTimeout: 60_000,
    env: { AUTH_SECRET: 'test-secret-test-secret-test-secret-0123', LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' },
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    ...(process.env.DATABASE_URL
      ? {
          projects: [
            {
              extends: true,
              test: { name: 'wide-pools', include: connectionHeavy, maxWorkers: 1, sequence: { groupOrder: 0 } },
            },
            {
              extends: true,
              test: {
                name: 'the-rest',
                include: testFiles,
                exclude: ['**/node_modules/**', ...connectionHeavy],
                maxWorkers: 2,
                sequence: { groupOrder: 1 },
              },
            },
          ],
        }
      : {}),
  },
});
