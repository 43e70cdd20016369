import { expect, test } from '@playwright/test';
import { LOCALE_COOKIE } from '@/lib/i18n/locales';

for (const [locale, lang, title, home] of [
  ['en', 'en', 'Page not found', 'Go to the home page'],
  ['zh', 'zh-CN', '页面不存在', '返回首页'],
] as const) {
  test(`an unknown address gets the site's own not-found page in ${locale}, with its language, the site's frame and a way back`, async ({
    page,
    context,
    baseURL,
  }) => {
    await context.addCookies([{ name: LOCALE_COOKIE, value: locale, url: baseURL! }]);
    const response = await page.goto('/no/such/page');
    expect(response!.status()).toBe(404);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(page.locator('header.site-header')).toBeVisible();
    await page.getByRole('link', { name: home }).click();
    await expect(page).toHaveURL(/\/$/);
  });
}

test('an API address that no route answers gets a JSON not-found, and the real endpoints beside it still answer', async ({ request }) => {
  for (const path of ['/api/nope', '/api/v1/nope', '/api/v1/events/china-asean-tech-forum/nope/deeper']) {
    for (const response of [await request.get(path), await request.post(path, { data: {} }), await request.delete(path)]) {
      expect(response.status(), path).toBe(404);
      expect(response.headers()['content-type'], path).toContain('application/json');
      expect(await response.json(), path).toEqual({ error: 'No such API endpoint' });
    }
  }
  const health = await request.get('/api/health');
  expect(health.status()).toBe(200);
  const providers = await request.get('/api/auth/providers');
  expect(providers.status()).toBe(200);
  expect(Object.keys(await providers.json())).toContain('magic-link');
});

for (const [locale, lang, title, home] of [
  ['en', 'en', 'Page not found', 'Go to the home page'],
  ['zh', 'zh-CN', '页面不存在', '返回首页'],
] as const) {
  test(`an address the pages do not cover (a mistyped asset under /_next/) gets the site's not-found in ${locale} too`, async ({
    page,
    context,
    baseURL,
  }) => {
    await context.addCookies([{ name: LOCALE_COOKIE, value: locale, url: baseURL! }]);
    for (const path of ['/_next/no-such-asset', '/_next/agenda']) {
      const response = await page.goto(path);
      expect(response!.status(), path).toBe(404);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
      await expect(page.locator('header.site-header')).toBeVisible();
      await expect(page.getByRole('link', { name: home })).toHaveAttribute('href', '/');
    }
    // The build's real assets are still served as they are.
    const asset = await page.locator('script[src^="/_next/static/"]').first().getAttribute('src');
    expect((await page.request.get(asset!)).status()).toBe(200);
  });
}
