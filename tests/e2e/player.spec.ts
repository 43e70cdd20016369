// The join page's player: a real HLS stream (tests/e2e/fixtures/hls: three one-second H.264 segments
// of 96×64 made with ffmpeg, 10 KB) served from a local static server on its own origin, reached
// through the page's signed two-minute redirect. Chromium here decodes H.264 through Media Source
// Extensions, so the test asks for the real thing: the video's clock advances.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { e2eHlsPort } from '../helpers/e2e-ports';
import { seededIds } from './support/page-inventory';

const FIXTURE = path.join(process.cwd(), 'tests/e2e/fixtures/hls');
const TYPES: Record<string, string> = { '.m3u8': 'application/vnd.apple.mpegurl', '.mpegts': 'video/mp2t' };

let server: http.Server;
const requested: string[] = [];

test.beforeAll(async () => {
  // Every channel serves the same fixture under its own folder, so the requests tell which one plays.
  server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    requested.push(url.pathname);
    const file = /^\/(floor|zh|th)\/([a-z0-9]+\.(m3u8|mpegts))$/.exec(url.pathname);
    if (!file) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, {
      'Content-Type': TYPES[path.extname(file[2]!)]!,
      'Access-Control-Allow-Origin': '*',
      'Cache-Control': 'no-store',
    });
    response.end(fs.readFileSync(path.join(FIXTURE, file[2]!)));
  });
  await new Promise<void>((resolve) => server.listen(e2eHlsPort(), '127.0.0.1', resolve));
});

test.afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
});

test('the join page plays the registrant’s interpretation channel in the page with hls.js, and switches channel', async ({ page }) => {
  const blocked: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/.test(message.text())) blocked.push(message.text());
  });
  await page.goto(seededIds().playerJoinPath);
  await expect(page.getByTestId('join-state')).toHaveAttribute('data-state', 'live');

  // The registrant reads Chinese: the page starts on the Chinese interpretation, and offers the rest.
  await expect(page.getByTestId('channel')).toHaveAttribute('data-channel', 'zh');
  const channels = page.getByTestId('channels').getByRole('link');
  await expect(channels).toHaveText(['Floor (original sound)', 'Chinese interpretation', 'Thai interpretation']);
  await expect(page.getByRole('link', { name: 'Chinese interpretation' })).toHaveAttribute('aria-current', 'true');

  const player = page.getByTestId('player');
  await expect(player).toHaveAttribute('data-engine', 'hls.js');
  await expect(player).toHaveAttribute('data-manifest', 'true');
  await expect.poll(async () => Number(await player.getAttribute('data-fragments'))).toBeGreaterThanOrEqual(1);
  // Decoded and playing: the video's clock moves (muted autoplay, as browsers allow).
  const video = page.getByLabel('Livestream player');
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 15_000 }).toBeGreaterThan(0.5);
  expect(requested).toContain('/zh/stream.m3u8');
  expect(requested).toContain('/zh/seg0.mpegts');
  expect(requested.some((p) => p.startsWith('/th/') || p.startsWith('/floor/'))).toBe(false);

  // The page holds the signed redirect only, never the stream's address.
  const html = await page.content();
  expect(html).not.toContain(`127.0.0.1:${e2eHlsPort()}`);
  expect(await player.locator('video').getAttribute('src')).toMatch(/^blob:/);

  await page.getByRole('link', { name: 'Thai interpretation' }).click();
  await expect(page.getByTestId('channel')).toHaveAttribute('data-channel', 'th');
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 15_000 }).toBeGreaterThan(0.5);
  expect(requested).toContain('/th/seg0.mpegts');
  expect(blocked).toEqual([]);
});

test('without the stream server the player says the stream could not be loaded, and keeps the link to open it elsewhere', async ({
  page,
}) => {
  await new Promise((resolve) => server.close(resolve));
  await page.goto(seededIds().playerJoinPath);
  const player = page.getByTestId('player');
  await expect(player).toHaveAttribute('data-engine', 'failed');
  await expect(player.getByRole('alert')).toContainText('could not be loaded');
  await expect(page.getByTestId('watch')).toHaveAttribute('href', /^\/api\/v1\/stream\//);
});
