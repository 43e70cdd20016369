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
/** The PostgreSQL pass of `.ci/run`: its journeys only (E2E_EVERY_SPEC runs every spec on either database). */
const onlyPostgresJourneys = Boolean(process.env.DATABASE_URL && !process.env.E2E_EVERY_SPEC);

/**
 * The walks read every page (in each language, at phone width, under axe and the CSP), use no mailbox
 * and start no second server, so they run beside the journeys, one spec of each at a time: one spec
 * keeps a core busy only about half the time (the server and the browser take turns). The journeys
 * share the mailbox's fixed port, so they stay one at a time among themselves.
 *
 * The axe and CSP walks run first, before any journey, on the seeded forum alone (as they did when
 * every spec ran in turn): what a journey leaves behind then reaches them in no order that depends on
 * timing. The other walks run beside the journeys, as they ran after most of them before.
 */
const spec = (name: string) => `**/${name}.spec.ts`;
const firstWalks = ['accessibility', 'content-security-policy'].map(spec);
const walks = ['before-hydration', 'home', 'languages', 'not-found', 'phone-width', 'screen-reader', 'viewer-zone', 'words'].map(spec);

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
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
  projects: [
    ...(onlyPostgresJourneys
      ? []
      : [
          { name: 'first-walks', use: { ...devices['Desktop Chrome'] }, testMatch: firstWalks, workers: 1 },
          { name: 'walks', use: { ...devices['Desktop Chrome'] }, testMatch: walks, workers: 1 },
        ]),
    {
      name: 'journeys',
      use: { ...devices['Desktop Chrome'] },
      testMatch: onlyPostgresJourneys ? postgresJourneys : '**/*.spec.ts',
      testIgnore: onlyPostgresJourneys
        ? undefined
        : [...firstWalks, ...walks, ...(process.env.DATABASE_URL || process.env.E2E_EVERY_SPEC ? [] : postgresJourneys)],
      dependencies: onlyPostgresJourneys ? [] : ['first-walks'],
      workers: 1,
    },
  ],
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
