import fs from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
import { e2eHlsPort, e2eSmtpPort } from './tests/helpers/e2e-ports';

const port = process.env.E2E_PORT ?? '3210';

/**
 * The journeys that run on PostgreSQL: those whose server side differs by database (locks taken by
 * concurrent connections, LISTEN/NOTIFY, a second instance, trigram search, the outbox's delivery).
 * Every other spec shows and says what it does the same from either database and runs on PGlite. Each
 * browser test runs on one of the two passes of `.ci/run`, which keeps them within their time; both
 * passes run every Vitest file (docs/testing.md).
 */
const postgresJourneys = [
  'admin-registrations',
  'check-in-desk',
  'delegations',
  'event-lifecycle',
  'live-room',
  'manage-seats',
  'meetings',
  'registration',
  'sign-in',
  'speaker-portal',
].map((name) => `${name}.spec.ts`);
const debianChromium = '/usr/bin/chromium';

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: process.env.DATABASE_URL && !process.env.E2E_EVERY_SPEC ? postgresJourneys : '**/*.spec.ts',
  testIgnore: process.env.DATABASE_URL || process.env.E2E_EVERY_SPEC ? undefined : postgresJourneys,
  outputDir: 'test-results/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: fs.existsSync(debianChromium) ? debianChromium : undefined,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'desktop', use: { ...devices['Desktop Chrome'] } }],
  webServer: {
    command: 'node --import tsx scripts/e2e-server.ts',
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'pipe',
    stderr: 'pipe',
    // Mail goes to a real SMTP server that a spec starts on this port (tests/e2e/speaker-portal.spec.ts).
    // The join page's player may fetch streams from the HLS server tests/e2e/player.spec.ts starts.
    env: {
      SMTP_URL: `smtp://127.0.0.1:${e2eSmtpPort()}`,
      STREAM_ORIGINS: `http://127.0.0.1:${e2eHlsPort()}`,
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    },
  },
});
