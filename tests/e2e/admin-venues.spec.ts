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
  await expect(page.getByLabel('Affiliation')).toHaveValue('University of Tokyo');
  await page.getByLabel('Affiliation').fill('Waseda University');
  await page.getByRole('button', { name: 'Save speaker' }).click();
  await expect(page.getByTestId('speaker-notice')).toHaveText('Speaker saved.');

  await page.getByRole('link', { name: 'All speakers' }).click();
  await expect(page.locator('[data-speaker="kenji-watanabe"]').getByTestId('speaker-affiliation')).toHaveText('Waseda University');
});
