// `npm test`: a production build if needed; unit, integration and fault tests (Vitest); then browser
// tests (Playwright) against that build. Ends with one summary line: "tests: N passed, N failed".
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { ensureBuild } from './ensure-build.mjs';

const root = path.resolve(import.meta.dirname, '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const run = (cmd, args) => spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env }).status ?? 1;
const readJson = (file) => {
  try {
    return JSON.parse(fs.readFileSync(path.join(root, 'test-results', file), 'utf8'));
  } catch {
    return undefined;
  }
};

fs.rmSync(path.join(root, 'test-results'), { recursive: true, force: true });
const target = process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite';
console.log(`[test] database under test: ${target}`);

// Build first: the fault tests (tests/fault) start the production server as a child process.
ensureBuild();
const vitestStatus = run(bin('vitest'), ['run']);
const playwrightStatus = run(bin('playwright'), ['test']);

const vitest = readJson('vitest.json');
const playwright = readJson('playwright.json');
const passed = (vitest?.numPassedTests ?? 0) + (playwright?.stats?.expected ?? 0);
const failed =
  (vitest?.numFailedTests ?? 0) +
  (playwright?.stats?.unexpected ?? 0) +
  (playwright?.stats?.flaky ?? 0) +
  (vitest ? 0 : 1) +
  (playwright ? 0 : 1) +
  // A runner that exited non-zero without a failed test (a server that did not start) still failed.
  (vitestStatus !== 0 && !vitest?.numFailedTests ? 1 : 0) +
  (playwrightStatus !== 0 && !playwright?.stats?.unexpected ? 1 : 0);
const skipped = (vitest?.numPendingTests ?? 0) + (vitest?.numTodoTests ?? 0) + (playwright?.stats?.skipped ?? 0);
// The names of what failed, last, where a reader of a truncated log still sees them.
const failedNames = [
  ...(vitest?.testResults ?? []).flatMap((file) =>
    (file.assertionResults ?? [])
      .filter((test) => test.status === 'failed')
      .map((test) => `${path.relative(root, file.name)} › ${test.fullName}${firstLine(test.failureMessages?.[0])}`),
  ),
  ...playwrightProblems(playwright?.suites ?? []),
];
for (const name of failedNames) console.log(`failed: ${name}`);
console.log(`\n[test] ${target}: vitest ${vitest?.numPassedTests ?? 0} passed, playwright ${playwright?.stats?.expected ?? 0} passed`);
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(vitestStatus !== 0 || playwrightStatus !== 0 || failed > 0 ? 1 : 0);

/** Playwright's failed and flaky tests, as "file › title (status)". */
function playwrightProblems(suites) {
  return suites.flatMap((suite) => [
    ...(suite.specs ?? []).flatMap((spec) =>
      (spec.tests ?? [])
        .filter((test) => test.status === 'unexpected' || test.status === 'flaky')
        .map((test) => `${spec.file} › ${spec.title} (${test.status})${firstLine(test.results?.find((r) => r.error)?.error?.message)}`),
    ),
    ...playwrightProblems(suite.suites ?? []),
  ]);
}

/** The first lines of a failure's message on one line (colours stripped), for a reader who sees only the summary. */
function firstLine(message) {
  if (!message) return '';
  const plain = stripVTControlCharacters(String(message));
  const lines = plain
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .slice(0, 4);
  return ` — ${lines.join(' | ').slice(0, 500)}`;
}
