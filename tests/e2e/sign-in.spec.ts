import { expect, test } from '@playwright/test';

const organiser = { email: 'organiser@forum.demo', password: 'demo-organiser-2026' };

test('an organiser signs in with a password, sees their event, and signing out revokes the session', async ({ page, context }) => {
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

  const cookiesWhileSignedIn = await context.cookies();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/$/);

  // Replaying the old cookie after sign-out must not get back in: the session row is gone.
  await context.addCookies(cookiesWhileSignedIn);
  await page.goto('/admin');
  await expect(page).toHaveURL(/\/signin/);
});

test('the sign-in link request answers the same for known and unknown addresses', async ({ page }) => {
  for (const email of ['organiser@forum.demo', 'nobody@example.org']) {
    await page.goto('/signin');
    await page.locator('#magic-email').fill(email);
    await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
    await expect(page.getByRole('status')).toContainText('If an account exists for that address');
  }
});
