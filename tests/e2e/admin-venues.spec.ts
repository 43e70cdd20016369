import { expect, test } from '@playwright/test';

const organiser = { email: 'organiser@forum.demo', password: 'demo-organiser-2026' };
const venues = '/admin/events/china-asean-tech-forum/agenda/venues';

test('the demo organiser adds a room to the Tokyo venue and edits a speaker’s affiliation', async ({ page }) => {
  await page.goto(venues);
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
  await page.getByLabel('Email').first().fill(organiser.email);
  await page.getByLabel('Password').fill(organiser.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  // The event's admin layout sends sign-in back to the event's overview, not the deep link.
  await expect(page).toHaveURL(/\/admin\/events\/china-asean-tech-forum/);
  await page.goto(venues);

  await page.locator('[data-venue="tokyo"] a').click();
  await expect(page.getByTestId('venue-title')).toContainText('Tokyo Branch Venue');

  // A negative seat count is refused in the form, naming the field, before anything is sent.
  const add = page.getByTestId('room-form-new');
  await add.getByLabel('Room name (English)').fill('Seminar Room 5F');
  await add.getByLabel('Room name (Chinese)').fill('5楼研讨室');
  await add.getByLabel('Seats').fill('-3');
  await add.getByRole('button', { name: 'Add room' }).click();
  await expect(add.locator('.error[role="alert"]')).toHaveText('Enter 0 or more.');

  await add.getByLabel('Seats').fill('60');
  await add.getByRole('button', { name: 'Add room' }).click();
  await expect(add.getByRole('status')).toHaveText('Room added.');
  const room = page.locator('[data-room="Seminar Room 5F"]');
  await expect(room).toBeVisible();
  await expect(room.locator('td.num')).toHaveText('60');
  // The add form is empty again for the next room.
  await expect(add.getByLabel('Room name (English)')).toHaveValue('');

  // A room that sessions use cannot be deleted; the page says which sessions.
  const used = page.locator('[data-room="Conference Room 3F"]');
  await used.getByText('Edit', { exact: true }).click();
  await used.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByTestId('room-in-use')).toContainText('Room “Conference Room 3F” cannot be deleted');
  await expect(page.getByTestId('room-in-use').locator('li').first()).toBeVisible();
  await expect(used).toBeVisible();

  // Choosing another zone for a venue with sessions warns that their local times will shift.
  await expect(page.getByTestId('zone-warning')).toHaveCount(0);
  await page.getByTestId('venue-form').getByLabel('Time zone').selectOption('Asia/Seoul');
  await expect(page.getByTestId('zone-warning')).toContainText('local times at this venue will shift');
  await page.getByTestId('venue-form').getByLabel('Time zone').selectOption('Asia/Tokyo');
  await expect(page.getByTestId('zone-warning')).toHaveCount(0);

  await page.getByRole('navigation', { name: 'Agenda set-up' }).getByRole('link', { name: 'Speakers' }).click();
  await page.locator('[data-speaker="kenji-watanabe"] a').click();
  await expect(page.getByTestId('speaker-title')).toContainText('Kenji Watanabe');
  await expect(page.getByLabel('Affiliation', { exact: true })).toHaveValue('University of Tokyo');
  await page.getByLabel('Affiliation', { exact: true }).fill('Waseda University');
  await page.getByRole('button', { name: 'Save speaker' }).click();
  await expect(page.getByTestId('speaker-notice')).toHaveText('Speaker saved.');

  await page.getByRole('link', { name: 'All speakers' }).click();
  await expect(page.locator('[data-speaker="kenji-watanabe"]').getByTestId('speaker-affiliation')).toHaveText('Waseda University');
});

test('a sortable header orders the rows through the URL and marks itself with aria-sort; on a phone the table scrolls in its own named region', async ({
  page,
}) => {
  await page.goto(venues);
  await page.getByLabel('Email').first().fill(organiser.email);
  await page.getByLabel('Password').fill(organiser.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/events\/china-asean-tech-forum/);
  await page.goto(venues);

  const table = page.getByTestId('venue-list');
  const header = (name: string) => table.getByRole('columnheader', { name, exact: true });
  const sessionCounts = async () => (await table.locator('tbody tr td.num:last-child').allTextContents()).map(Number);
  const names = async () => table.locator('tbody tr td:first-child').allTextContents();
  const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
  await expect(table.locator('th[aria-sort]')).toHaveCount(0);

  // A plain link: it works without JavaScript, and the order lives in the URL.
  await header('Sessions').getByRole('link').click();
  await expect(page).toHaveURL(/[?&]sort=sessions&dir=asc/);
  await expect(header('Sessions')).toHaveAttribute('aria-sort', 'ascending');
  await expect(table.locator('th[aria-sort]')).toHaveCount(1);
  const ascending = await sessionCounts();
  expect(ascending.length).toBeGreaterThan(2);
  expect(ascending).toEqual([...ascending].sort((a, b) => a - b));

  await header('Sessions').getByRole('link').click();
  await expect(page).toHaveURL(/[?&]sort=sessions&dir=desc/);
  await expect(header('Sessions')).toHaveAttribute('aria-sort', 'descending');
  const descending = await sessionCounts();
  expect(descending).toEqual([...ascending].sort((a, b) => b - a));

  await header('Venue').getByRole('link').click();
  await expect(header('Venue')).toHaveAttribute('aria-sort', 'ascending');
  await expect(header('Sessions')).not.toHaveAttribute('aria-sort');
  const byName = await names();
  expect(byName).toEqual([...byName].sort(collator.compare));
  expect(new Set(byName).size).toBeGreaterThan(2);

  // At 360 px the table is wider than the screen: it scrolls inside a region a keyboard can reach.
  await page.setViewportSize({ width: 360, height: 740 });
  const region = page.getByRole('region', { name: 'Venues', exact: true });
  await expect(region).toHaveAttribute('tabindex', '0');
  await expect(region.getByTestId('venue-list')).toBeVisible();
  expect(await region.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});
