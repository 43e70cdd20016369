// The registration pages' first load (bench/README.md, first-load JavaScript ≤ 150 KB gzipped): the
// form's code (react-hook-form and the form) is fetched after the page's first scripts, and the form
// itself is in the page's HTML from the start, not streamed after it and revealed by a script.
import { expect, test } from '@playwright/test';
import { firstLoadScripts } from '../../bench/support/first-load-js';

/** A string of react-hook-form's own code (its context's name), in whatever chunk carries it. */
const FORM_LIBRARY = 'HookFormContext';

for (const path of ['/events/china-asean-tech-forum/register', '/events/china-asean-tech-forum/register/delegation']) {
  test(`${path}: the form shows at once, and its code arrives after the first scripts`, async ({ page, request }) => {
    const html = await (await request.get(path)).text();
    const firstLoad = new Set(firstLoadScripts(html).map((src) => new URL(src, 'http://page').pathname));
    expect(firstLoad.size).toBeGreaterThan(0);
    // React streams a Suspense boundary's content that did not fit the first flush as a hidden
    // segment after the page (`<div hidden id="S:…">`) and reveals it later: the form is not one.
    const firstSegment = html.indexOf('<div hidden id="S:');
    const form = html.indexOf('<form data-client-form');
    expect(form).toBeGreaterThan(0);
    if (firstSegment >= 0) expect(form, 'the form is in the page, not a segment streamed after it').toBeLessThan(firstSegment);
    for (const src of firstLoad) expect(await (await request.get(src)).text(), `${src} is in the first load`).not.toContain(FORM_LIBRARY);

    // Every script outside the first load waits until released, so the page can be seen without them.
    const later: string[] = [];
    const held: Array<() => Promise<void>> = [];
    let released = false;
    await page.route('**/_next/static/**/*.js', (route) => {
      const { pathname } = new URL(route.request().url());
      if (firstLoad.has(pathname) || released) return route.continue();
      later.push(pathname);
      held.push(() => route.continue());
    });
    await page.goto(path);
    await expect(page.locator('#name')).toBeVisible();
    await expect(page.locator('#country option')).not.toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Register' })).toBeVisible();
    await expect(page.locator('#name')).toBeDisabled();
    await expect.poll(() => later.length, { message: 'the form asks for its code' }).toBeGreaterThan(0);

    released = true;
    for (const go of held.splice(0)) await go();
    await expect(page.locator('#name')).toBeEnabled();
    const bodies = await Promise.all(later.map(async (src) => (await request.get(src)).text()));
    expect(
      bodies.some((body) => body.includes(FORM_LIBRARY)),
      'react-hook-form came with the later scripts',
    ).toBe(true);

    // The form the server wrote is the one that works: the browser checks it once hydrated.
    await page.getByRole('button', { name: 'Register' }).click();
    await expect(page.locator('#name-error')).toHaveText('Fill in this field.');
  });
}
