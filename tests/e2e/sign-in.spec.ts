import { expect, test } from '@playwright/test';

const organiser = { email: 'organiser@forum.demo', password: 'demo-organiser-2026' };

test('an organiser signs in with a password, sees their event, and signing out revokes the session', async ({ page, context, baseURL }) => {
  await page.goto('/admin');
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fadmin/);
  await page.getByLabel('Email').first().fill(organiser.email);
  await page.getByLabel('Password').fill('wrong-password');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.locator('#signin-failed')).toContainText('not right');

  await page.getByLabel('Password').fill(organiser.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.locator('[data-event="china-asean-tech-forum"]')).toBeVisible();

  // The session answer says who is signed in, and nothing the server uses to find the session.
  const session = await (await page.request.get('/api/auth/session')).text();
  expect(JSON.parse(session)).toMatchObject({ user: { email: organiser.email } });
  expect(session).not.toContain('sessionToken');

  const cookiesWhileSignedIn = await context.cookies();
  await page.getByRole('button', { name: 'Sign out' }).click();
  // Back on the app's own address (APP_URL, here a non-default port), not on http://localhost:3000.
  await expect(page).toHaveURL(`${baseURL}/`);
  await expect(page.getByRole('button', { name: 'Sign out' })).toHaveCount(0);

  // Replaying the old cookie after sign-out must not get back in: the session row is gone.
  await context.addCookies(cookiesWhileSignedIn);
  expect(await (await page.request.get('/api/auth/session')).json()).toEqual({});
  await context.addCookies(cookiesWhileSignedIn);
  await page.goto('/admin');
  await expect(page).toHaveURL(/\/signin/);
});

test('after five wrong passwords the sign-in form says how long to wait, even for the right password', async ({ page }) => {
  const email = 'throttled.e2e@forum.test';
  await page.goto('/signin');
  for (let i = 0; i < 5; i++) {
    await page.getByLabel('Email').first().fill(email);
    await page.getByLabel('Password').fill(`wrong-${i}`);
    const answered = page.waitForResponse((response) => response.url().includes('/api/auth/callback/password'));
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await answered;
    await expect(page.locator('#signin-failed')).toContainText('not right');
  }
  await page.getByLabel('Password').fill('any-password-at-all');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.locator('#signin-failed')).toHaveText(
    'Too many sign-in attempts. Try again in 1 minute, or get a sign-in link by email below.',
  );
});

test('the sign-in link request answers the same for known and unknown addresses', async ({ page }) => {
  for (const email of ['organiser@forum.demo', 'nobody@example.org']) {
    await page.goto('/signin');
    await page.locator('#magic-email').fill(email);
    await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
    await expect(page.getByRole('status')).toContainText('If an account exists for that address');
  }
});

test('the sixth sign-in link request for one address from one connection says how long to wait', async ({ page }) => {
  for (let i = 0; i < 6; i++) {
    await page.goto('/signin');
    await page.locator('#magic-email').fill('flooded.e2e@example.org');
    await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
    if (i < 5) await expect(page.getByRole('status')).toContainText('If an account exists for that address');
  }
  await expect(page.locator('p[role="alert"]')).toHaveText(
    /^Too many sign-in link requests from your connection\. Try again in 1[45] minutes\.$/,
  );
});
