// A phone on a bad network: the registration form's code, fetched after the page's first scripts
// (components/registration/registration-form-island.tsx), cannot be had for a while. Next.js's runtime
// asks again by itself; when that fails too, the page says so and offers "Try again". Once the network
// is back, trying again fetches the code anew and the form works, without reloading the page.
import { expect, test } from '@playwright/test';
import { firstLoadScripts } from '../../bench/support/first-load-js';

test('the form comes back with "Try again" once its code can be fetched', async ({ page, request }) => {
  const path = '/events/china-asean-tech-forum/register';
  const firstLoad = new Set(firstLoadScripts(await (await request.get(path)).text()).map((src) => new URL(src, 'http://page').pathname));
  let networkDown = true;
  let refused = 0;
  await page.route('**/_next/static/**/*.js', (route) => {
    if (firstLoad.has(new URL(route.request().url()).pathname) || !networkDown) return route.continue();
    refused += 1;
    return route.abort('connectionreset');
  });
  await page.goto(path);
  const retry = page.getByRole('button', { name: 'Try again' });
  await expect(retry).toBeVisible({ timeout: 20_000 });
  expect(refused).toBeGreaterThan(0);

  networkDown = false;
  await retry.click();
  await expect(page.locator('#name')).toBeEnabled();
  await page.getByRole('button', { name: 'Register' }).click();
  await expect(page.locator('#name-error')).toHaveText('Fill in this field.');
  expect(new URL(page.url()).pathname).toBe(path);
});
