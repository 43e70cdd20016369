import { expect, test } from '@playwright/test';
import { LOCALE_COOKIE } from '@/lib/i18n/locales';

// As people use it: a phone-sized screen, a browser far from every venue.
test.use({ viewport: { width: 390, height: 844 }, timezoneId: 'America/Los_Angeles', locale: 'en-GB' });

const organiser = { email: 'organiser@forum.demo', password: 'demo-organiser-2026' };
const slug = 'china-asean-tech-forum';
const admin = `/admin/events/${slug}/exhibitors`;
const hostileName = '"><img src=x onerror=alert(1)> Kra Health';

test('an organiser adds an exhibitor, which stays private until approved, then the directory and its page show it as text, in English and Chinese', async ({
  page,
  browser,
}) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(admin);
  await page.getByLabel('Email').first().fill(organiser.email);
  await page.getByLabel('Password').fill(organiser.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/events\/china-asean-tech-forum/);
  await page.goto(admin);
  // The demo's pending exhibitor waits for approval; its approved ones are public.
  await expect(page.locator('[data-exhibitor="java-solar"]').getByTestId('exhibitor-status')).toHaveText('Waiting for approval');
  await expect(page.locator('[data-exhibitor="siam-medtech"]').getByTestId('exhibitor-status')).toHaveText('Public');

  await page.getByRole('link', { name: 'Add an exhibitor' }).click();
  const form = page.getByTestId('exhibitor-form');
  // Half a booth is refused beside the field, in words, before anything is sent.
  await form.getByLabel('Name (English)').fill(hostileName);
  await form.getByLabel('Name (Chinese)').fill('克拉健康');
  await form.getByLabel('Web address').fill('kra-health');
  await form.getByLabel('Country').selectOption('TH');
  await form.getByLabel('Big Health').check();
  await form.getByLabel('Venue').selectOption({ label: 'Bangkok Branch Venue — Science Park Convention Hall' });
  await form.getByLabel('Hall').fill('Hall C');
  await form.getByRole('button', { name: 'Add the exhibitor' }).click();
  await expect(form.locator('#exhibitor-booth-error')).toHaveText('A booth at a venue needs its hall and its number.');
  // A booth another exhibitor holds is refused by the server, in words.
  await form.getByLabel('Hall').fill('hall b');
  await form.getByLabel('Booth number').fill('b-08');
  await form.getByLabel('Contact email').fill('ops@kra-health.example');
  await form.getByRole('button', { name: 'Add the exhibitor' }).click();
  await expect(form.locator('#exhibitor-booth-error')).toHaveText('Another exhibitor already has this booth at this venue.');
  await form.getByLabel('Booth number').fill('C-01');
  await form.getByRole('button', { name: 'Add the exhibitor' }).click();
  await expect(page.getByRole('status')).toHaveText('Exhibitor added. It stays private until you approve it.');
  await expect(page.getByTestId('exhibitor-status')).toHaveText('Waiting for approval');

  // Not public yet: neither listed nor reachable by its address.
  const visitor = await browser.newContext({ viewport: { width: 390, height: 844 }, timezoneId: 'Asia/Bangkok' });
  const visitorPage = await visitor.newPage();
  visitorPage.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await visitorPage.goto(`/events/${slug}/exhibitors`);
  await expect(visitorPage.locator('[data-exhibitor="siam-medtech"]')).toBeVisible();
  await expect(visitorPage.locator('[data-exhibitor="kra-health"]')).toHaveCount(0);
  expect((await visitorPage.goto(`/events/${slug}/exhibitors/kra-health`))!.status()).toBe(404);
  // Nor are the demo's pending exhibitor or anyone's private contacts.
  expect((await visitorPage.goto(`/events/${slug}/exhibitors/java-solar`))!.status()).toBe(404);

  await page.getByRole('button', { name: 'Approve and publish' }).click();
  await expect(page.getByRole('status')).toHaveText('Approved: the profile is now public.');

  await visitorPage.goto(`/events/${slug}/exhibitors`);
  const card = visitorPage.locator('[data-exhibitor="kra-health"]');
  await expect(card.getByRole('link')).toHaveText(hostileName);
  await expect(card.getByTestId('exhibitor-booth')).toHaveText('Bangkok Branch Venue — Science Park Convention Hall, hall b, booth C-01');
  await card.getByRole('link').click();
  await expect(visitorPage.getByTestId('exhibitor-name')).toHaveText(hostileName);
  await expect(visitorPage.getByTestId('exhibitor-sectors')).toHaveText('Big Health');
  await expect(visitorPage.locator('img[src="x"]')).toHaveCount(0);
  expect(await visitorPage.content()).not.toContain('ops@kra-health.example');

  // The Chinese page names it and its sector in Chinese.
  await visitor.addCookies([{ name: LOCALE_COOKIE, value: 'zh', url: visitorPage.url() }]);
  await visitorPage.reload();
  await expect(visitorPage.getByTestId('exhibitor-name')).toHaveText('克拉健康');
  await expect(visitorPage.getByTestId('exhibitor-sectors')).toHaveText('大健康');
  await expect(visitorPage.getByTestId('exhibitor-booth')).toContainText('曼谷');
  expect(dialogs).toEqual([]);
  await visitor.close();
});
