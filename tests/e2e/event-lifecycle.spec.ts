import { expect, test } from '@playwright/test';
import { contextFor, seededIds } from './support/page-inventory';

test.describe.configure({ timeout: 180_000 });

/**
 * Issue 16 as an organiser does it: next year's forum cloned from this one, its programme and the
 * event published, registration opened, someone registers, registration closed (the form and the
 * API refuse), the event archived (no longer listed, still readable).
 */
test('an organiser clones the forum into next year, takes it from draft to archived, and the public side follows each step', async ({
  browser,
  baseURL,
}) => {
  const ids = seededIds();
  const context = await contextFor(browser, 'organiser', 'en', baseURL!);
  const page = await context.newPage();
  await page.goto(`/admin/events/${ids.slug}/settings`);
  await expect(page.getByTestId('event-phase')).toHaveAttribute('data-phase', /open|upcoming/);

  const form = page.getByTestId('clone-event-form');
  await form.getByLabel('Name of the new edition (English)').fill('The 11th Forum on China-ASEAN Technology Transfer');
  await form.getByRole('button', { name: 'Create the next edition' }).click();
  // The web address is required: the form says so beside the field, in words.
  await expect(form.locator('#clone-slug-error')).not.toBeEmpty();
  await expect(form.locator('#clone-slug')).toBeFocused();
  await form.getByLabel('Web address').fill('forum-next-edition');
  await form.getByRole('button', { name: 'Create the next edition' }).click();

  await expect(page).toHaveURL(/\/admin\/events\/forum-next-edition\/settings\?done=cloned/);
  await expect(page.getByTestId('cloned')).toContainText(/Copied from .*: \d+ sessions, \d+ venues/);
  await expect(page.getByTestId('event-phase')).toHaveAttribute('data-phase', 'draft');
  // A draft is the team's alone.
  expect((await page.request.get('/events/forum-next-edition/agenda')).status()).toBe(404);

  // Its settings: an error beside the field, then saved.
  const settings = page.getByTestId('event-settings-form');
  await settings.getByLabel('Public contact address').fill('not an address');
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await expect(settings.locator('#settings-contactEmail-error')).not.toBeEmpty();
  await settings.getByLabel('Public contact address').fill('forum@example.org');
  await settings.getByLabel('Name (Chinese)').fill('第十一届中国—东盟技术转移与创新合作大会');
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByTestId('settings-notice')).toHaveText('Settings saved.');
  await page.reload();
  await expect(settings.getByLabel('Public contact address')).toHaveValue('forum@example.org');

  // Publishing the event before its programme is refused with the way forward.
  await page.getByRole('button', { name: 'Publish the event' }).click();
  await expect(page.getByTestId('phase-refused')).toContainText('Publish the programme first');
  await page.goto('/admin/events/forum-next-edition/agenda');
  await page.getByRole('button', { name: /^Publish version 1/ }).click();
  await expect(page.getByTestId('published')).toContainText('Published version 1');

  await page.goto('/admin/events/forum-next-edition/settings');
  await page.getByRole('button', { name: 'Publish the event' }).click();
  await expect(page.getByTestId('event-phase')).toHaveAttribute('data-phase', 'upcoming');
  expect((await page.request.get('/events/forum-next-edition/agenda')).status()).toBe(200);
  const anonymous = await browser.newContext({ baseURL });
  const visitor = await anonymous.newPage();
  await visitor.goto('/events/forum-next-edition/register');
  await expect(visitor.getByTestId('registration-not-open')).toHaveAttribute('data-phase', 'upcoming');
  // The home page lists it under the forum it features.
  await visitor.goto('/');
  await expect(visitor.getByTestId('other-events').locator('[data-event="forum-next-edition"]')).toBeVisible();

  await page.getByRole('button', { name: 'Open registration' }).click();
  await expect(page.getByTestId('event-phase')).toHaveAttribute('data-phase', 'open');
  const registration = {
    name: 'Next Edition Attendee',
    email: `next.edition.${Date.now()}@example.org`,
    country: 'TH',
    organisation: 'Chulalongkorn University',
    participantType: 'university',
    mode: 'online',
    sessions: [],
    locale: 'en',
    consent: true,
  };
  const registered = await visitor.request.post('/api/v1/events/forum-next-edition/registrations', { data: registration });
  expect(registered.status()).toBe(201);

  await page.getByRole('button', { name: 'Close registration' }).click();
  await expect(page.getByTestId('event-phase')).toHaveAttribute('data-phase', 'closed');
  const late = await visitor.request.post('/api/v1/events/forum-next-edition/registrations', {
    data: { ...registration, email: `late.${registration.email}` },
  });
  expect(late.status()).toBe(422);
  // The API words the validation key in the caller's language (en by default).
  expect((await late.json()).fields).toEqual({ event: 'Registration for this forum has closed.' });
  await visitor.goto('/events/forum-next-edition/register');
  await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('Registration is closed');
  await expect(visitor.getByRole('link', { name: 'See the programme' })).toBeVisible();

  await page.getByRole('button', { name: 'Archive the event' }).click();
  await expect(page.getByTestId('event-phase')).toHaveAttribute('data-phase', 'archived');
  const listed = await (await visitor.request.get('/api/v1/events')).json();
  expect(listed.events.map((e: { slug: string }) => e.slug)).not.toContain('forum-next-edition');
  expect((await visitor.request.get('/events/forum-next-edition/agenda')).status()).toBe(200);
  await visitor.goto('/');
  await expect(visitor.locator('[data-event="forum-next-edition"]')).toHaveCount(0);
  await anonymous.close();
  await context.close();
});

test('an organiser with the platform role creates a new forum as a draft from the admin home', async ({ browser, baseURL }) => {
  const context = await contextFor(browser, 'organiser', 'en', baseURL!);
  const page = await context.newPage();
  await page.goto('/admin');
  await page.getByRole('link', { name: 'New event' }).click();
  await expect(page).toHaveURL(/\/admin\/events\/new$/);
  await page.getByLabel('Name (English)').fill('ASEAN-China Marine Science Forum');
  await page.getByLabel('Name (English)').blur();
  // The web address is made from the English name.
  await expect(page.getByLabel('Web address')).toHaveValue('asean-china-marine-science-forum');
  await page.getByLabel('First day').fill('2027-03-11');
  await page.getByLabel('Last day').fill('2027-03-10');
  await page.getByLabel('Venue name').fill('Xiamen International Conference Center');
  await page.getByLabel('City').fill('Xiamen');
  await page.getByRole('button', { name: 'Create the draft' }).click();
  await expect(page.locator('#event-lastDay-error')).not.toBeEmpty();
  await page.getByLabel('Last day').fill('2027-03-12');
  await page.getByRole('button', { name: 'Create the draft' }).click();
  await expect(page).toHaveURL(/\/admin\/events\/asean-china-marine-science-forum\/settings\?done=created/);
  await expect(page.getByTestId('event-phase')).toHaveAttribute('data-phase', 'draft');
  await page.goto('/admin');
  await expect(page.locator('[data-event="asean-china-marine-science-forum"]')).toBeVisible();
  await context.close();
});
