import { expect, test } from '@playwright/test';
import { seededIds } from './support/page-inventory';

// Issue 15, point 10: the session choices follow the venue, and say which sessions cannot.

test('"Register for this session" keeps the session when the visitor picks In person and a venue that has it', async ({ page }) => {
  const ids = seededIds();
  await page.goto(`/events/${ids.slug}/register?session=${ids.sessionId}`);
  await page.getByLabel('In person at a venue').check();
  const slugs = await page
    .locator('#venue option')
    .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
  let kept = 0;
  for (const slug of slugs) {
    await page.goto(`/events/${ids.slug}/register?session=${ids.sessionId}`);
    await page.getByLabel('In person at a venue').check();
    await page.locator('#venue').selectOption(slug);
    const option = page.locator(`[data-option="${ids.sessionId}"] input`);
    if ((await option.count()) > 0) {
      await expect(option).toBeChecked();
      kept++;
    } else await expect(page.getByTestId('sessions-dropped')).toContainText('“');
  }
  expect(kept).toBeGreaterThan(0);
});

test('the manage page refreshes the session choices when the venue changes, and names what cannot follow', async ({ page }) => {
  const ids = seededIds();
  await page.goto(ids.inPersonManagePath);
  const form = page.locator('form').filter({ has: page.locator('select[name="venue"]') });
  const current = await form.locator('select[name="venue"]').inputValue();
  const before = await form.locator('input[name="sessions"]:checked').count();
  expect(before).toBeGreaterThan(0);
  const others = await form
    .locator('select[name="venue"] option')
    .evaluateAll((options, cur) => options.map((o) => (o as HTMLOptionElement).value).filter((v) => v && v !== cur), current);
  let named = 0;
  for (const slug of others) {
    await form.locator('select[name="venue"]').selectOption(slug);
    if (await page.getByTestId('cannot-follow').isVisible()) {
      await expect(page.getByTestId('cannot-follow')).toContainText('will be dropped when you save');
      named++;
    }
  }
  await form.locator('input[value="online"]').check();
  expect(named + (await page.getByTestId('cannot-follow').count())).toBeGreaterThan(0);
});
