import { expect, test } from '@playwright/test';

// A browser far from every venue: Los Angeles is 15–17 hours behind Asia, so each morning session in
// Nanning, Tokyo or Bangkok is the previous evening, on another date than the venue's day heading.
test.use({ timezoneId: 'America/Los_Angeles', locale: 'en-GB' });

const laDay = (iso: string) =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone: 'America/Los_Angeles',
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  }).format(new Date(iso));
const laDate = (iso: string) => new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Los_Angeles' }).format(new Date(iso));

test('the programme in my time zone dates every time that falls on another day than its heading', async ({ page }) => {
  await page.goto('/agenda');
  await page.getByTestId('viewer-zone').click();
  await expect(page).toHaveURL(/tz=America%2FLos_Angeles/);

  const opening = page.locator('[data-session="opening-ceremony"][data-venue="nanning"]').getByTestId('viewer-time');
  const start = (await opening.locator('time').getAttribute('datetime'))!;
  await expect(opening).toContainText(`${laDay(start)} · 17:00–17:45 America/Los_Angeles, GMT-8`);

  const groups = page.locator('section[data-group]');
  expect(await groups.count()).toBeGreaterThan(3);
  let dated = 0;
  for (const group of await groups.all()) {
    const headingDay = (await group.getAttribute('data-group'))!.split('|')[1]!;
    for (const time of await group.getByTestId('viewer-time').all()) {
      const iso = (await time.locator('time').getAttribute('datetime'))!;
      if (laDate(iso) === headingDay) continue;
      await expect(time, `${headingDay}: ${iso}`).toContainText(laDay(iso));
      dated += 1;
    }
  }
  expect(dated).toBeGreaterThan(0);
});

test('the success screen lists an in-person Bangkok registrant’s sessions in Bangkok time, dated, earliest first', async ({ page }) => {
  await page.goto('/register');
  await page.getByLabel('Full name').fill('Somsak Wong');
  await page.getByLabel('Email', { exact: true }).fill(`bkk.${Date.now()}@example.org`);
  await page.getByLabel('Organisation').fill('Mahidol University');
  await page.getByLabel('Country or region').selectOption('TH');
  await page.getByLabel('I am joining as').selectOption('research_institute');
  await page.getByLabel('In person at a venue').check();
  await page.getByLabel('Venue', { exact: true }).selectOption('bangkok');
  // Picked later one first: the screen orders by time, not by the order of the clicks.
  await page.locator('label', { hasText: 'Thailand Medical Hub' }).getByRole('checkbox').check();
  await page.locator('label', { hasText: 'Opening Ceremony' }).getByRole('checkbox').check();
  await page.getByLabel(/I agree that my data/).check();
  await page.getByRole('button', { name: 'Register' }).click();

  const rows = page.getByTestId('requested-sessions').locator('li');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('Opening Ceremony');
  await expect(rows.nth(0)).toContainText(/\w{3}, \d{1,2} \w{3,4} \d{4} · 08:00–08:45 Bangkok, GMT\+7/);
  await expect(rows.nth(1)).toContainText('Thailand Medical Hub');
  await expect(rows.nth(1)).toContainText(/\d{4} · 15:45–17:15 Bangkok, GMT\+7/);
  await expect(page.getByTestId('requested-sessions')).not.toContainText('Online');
});

test('a session page says the session is streamed online and lists Online where it is shown', async ({ page }) => {
  await page.goto('/agenda');
  await page.locator('[data-session="opening-ceremony"][data-venue="nanning"] h3 a').click();
  await expect(page.getByTestId('streamed')).toHaveText('Streamed online');
  await expect(page.locator('[data-relay-venue="online"]')).toContainText('09:00–09:45 Nanning, GMT+8');
  await expect(page.locator('[data-relay-venue="bangkok"]')).toContainText('08:00–08:45 Bangkok, GMT+7');
});

test('a venue’s street address, with a map link, is on the home page, the programme and the session page', async ({ page }) => {
  const address = /Phahonyothin Road, Khlong Luang, Pathum Thani/;
  await page.goto('/');
  await expect(page.locator('[data-venue="bangkok"]').getByTestId('venue-address')).toContainText(address);
  await page.goto('/agenda?venue=bangkok');
  const heading = page.locator('section[data-group^="bangkok|"]').first().getByTestId('venue-address');
  await expect(heading).toContainText(address);
  await expect(heading.getByRole('link', { name: 'Map' })).toHaveAttribute(
    'href',
    /^https:\/\/www\.openstreetmap\.org\/search\?query=Phahonyothin/,
  );
  await page.goto('/agenda');
  await page.locator('[data-session="bangkok-healthtech-pitch"][data-venue="bangkok"] h3 a').click();
  await expect(page.getByTestId('venue-address')).toContainText(address);
  // The online venue has no street address, and says none.
  await page.goto('/agenda?venue=online');
  await expect(page.getByTestId('venue-address')).toHaveCount(0);
});
