import { expect, test } from '@playwright/test';

test('the home page shows the demo forum with every venue in its own time zone', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Forum on China-ASEAN Technology Transfer/);
  await expect(page.getByText('Digital Technology + Big Health')).toBeVisible();
  for (const [venue, zone] of [
    ['nanning', 'GMT+8'],
    ['tokyo', 'GMT+9'],
    ['seoul', 'GMT+9'],
    ['bangkok', 'GMT+7'],
  ] as const) {
    await expect(page.locator(`[data-venue="${venue}"]`)).toContainText(zone);
  }
  await expect(page.locator('[data-venue="bangkok"]')).toContainText('08:00');
  await expect(page.locator('[data-venue="tokyo"]')).toContainText('10:00');
});

test('a visitor can switch the site to Chinese and back', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: '中文' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('第十届中国—东盟技术转移与创新合作大会');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await page.getByRole('link', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('The 10th Forum');
});

test('every page names an icon that the server answers, and /favicon.ico itself answers', async ({ page, request }) => {
  const direct = await request.get('/favicon.ico');
  expect(direct.status()).toBe(200);
  expect(direct.headers()['content-type']).toMatch(/^image\//);
  for (const path of ['/', '/agenda', '/speakers', '/signin']) {
    await page.goto(path);
    const href = await page.locator('head link[rel="icon"]').first().getAttribute('href');
    expect(href, path).toBeTruthy();
    expect((await request.get(href!)).status(), `${path} → ${href}`).toBe(200);
  }
});
