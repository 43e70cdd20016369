// Bangkok's check-in staff on a phone (390 px, browser far away in Los Angeles): find an attendee by
// typing part of their Thai name, check them in, download the badge (its text holds the name, read
// back from the PDF), undo the check-in, take a walk-in, admit a delegation's head and then the rest of the delegation at once, and see
// the desk's count follow. In Chinese too, with no
// English on the desk.
import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { extractText, getDocumentProxy } from 'unpdf';
import { DESK_DELEGATION } from './fixtures';
import { contextFor, seededIds } from './support/page-inventory';

const PHONE_390 = { viewport: { width: 390, height: 844 }, hasTouch: true, deviceScaleFactor: 2, timezoneId: 'America/Los_Angeles' };

async function registerAtBangkok(request: import('@playwright/test').APIRequestContext, slug: string, name: string, email: string) {
  const response = await request.post(`/api/v1/events/${slug}/registrations`, {
    data: {
      name,
      email,
      organisation: 'NSTDA',
      country: 'TH',
      participantType: 'research_institute',
      mode: 'in_person',
      venue: 'bangkok',
      consent: true,
    },
  });
  expect(response.status(), await response.text()).toBe(201);
}

const count = (text: string) => Number(/(\d+)/.exec(text)?.[1]);

test('Bangkok’s desk finds a Thai name by a part of it, checks the person in, prints the badge, and undoes it', async ({
  browser,
  baseURL,
  request,
}) => {
  const ids = seededIds();
  const suffix = Date.now().toString(36).slice(-4);
  const name = `สมชาย ใจดี ${suffix}`;
  await registerAtBangkok(request, ids.slug, name, `somchai.${suffix}@nstda.example`);

  const context = await contextFor(browser, 'checkin', 'en', baseURL!, { ...PHONE_390, acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(`/admin/events/${ids.slug}/checkin`);
  const venues = page.getByTestId('desk-venues');
  await expect(venues).toContainText('Desk for');
  await expect(venues).toContainText('Bangkok');
  await expect(venues).not.toContainText('Nanning');
  const before = count((await page.getByTestId('desk-count').textContent())!);

  await page.getByLabel('Find someone').fill(`ใจดี ${suffix}`);
  const matches = page.getByTestId('desk-matches');
  await expect(matches).toContainText(name);
  await matches.getByRole('button', { name: `Check in: ${name}` }).click();
  const result = page.getByTestId('checkin-result');
  await expect(result).toHaveAttribute('data-outcome', 'checked-in');
  await expect(result).toContainText(`Checked in: ${name}`);
  await expect(page.getByTestId('desk-count')).toContainText(`${before + 1} checked in today`);

  const [download] = await Promise.all([page.waitForEvent('download'), result.getByRole('link', { name: 'Print badge' }).click()]);
  const pdf = fs.readFileSync((await download.path())!);
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
  expect(text).toContain(name);

  await result.getByRole('button', { name: 'Undo check-in' }).click();
  await expect(page.getByText('Check-in undone.')).toBeVisible();
  await expect(page.getByTestId('desk-count')).toContainText(`${before} checked in today`);
  // The person is at the desk again, to be checked in once more.
  await page.getByLabel('Find someone').fill(`ใจดี ${suffix}`);
  await expect(matches.getByRole('button', { name: `Check in: ${name}` })).toBeVisible();

  // A walk-in: registered through the registration path at Bangkok and admitted at once.
  const walkIn = `Walk-in ${suffix}`;
  await page.getByText(/^Walk-in at .*Bangkok/).click();
  await page.getByLabel('Full name').fill(walkIn);
  await page.getByLabel('Email').fill(`walkin.${suffix}@example.org`);
  await page.getByLabel('Organisation').fill('Mahidol University');
  await page.getByLabel('Country or region').selectOption('TH');
  await page.getByLabel('The attendee has read the privacy notice and agrees to it').check();
  await page.getByRole('button', { name: 'Register and check in' }).click();
  await expect(page.getByTestId('walkin-notice')).toHaveText(`Registered and checked in: ${walkIn}`);
  await expect(page.getByTestId('desk-count')).toContainText(`${before + 1} checked in today`);
  await context.close();
});

test('Bangkok’s desk admits the head of a delegation, and the desk then offers the rest of the delegation at once; the offer then says everyone is in', async ({
  browser,
  baseURL,
}) => {
  const ids = seededIds();
  const context = await contextFor(browser, 'checkin', 'en', baseURL!, PHONE_390);
  const page = await context.newPage();
  await page.goto(`/admin/events/${ids.slug}/checkin`);
  const before = count((await page.getByTestId('desk-count').textContent())!);

  // The seeded delegation (tests/e2e/fixtures.ts): three people at Bangkok, none checked in.
  await page.getByLabel('Find someone').fill(DESK_DELEGATION.family);
  await expect(page.getByTestId('desk-matches').locator('li')).toHaveCount(DESK_DELEGATION.size);
  await expect(page.getByTestId('desk-delegations')).toContainText(
    `Check in the delegation ${DESK_DELEGATION.name} (3 not yet checked in here)`,
  );
  // The head alone, through the desk's code path (as a scanned ticket): the answer brings the offer.
  await page
    .getByTestId('desk-matches')
    .getByRole('button', { name: `Check in: ${DESK_DELEGATION.head}` })
    .click();
  await expect(page.getByTestId('checkin-result')).toContainText(`Checked in: ${DESK_DELEGATION.head}`);
  await page.getByLabel('Find someone').fill('');
  await expect(page.getByTestId('desk-matches')).toHaveCount(0);
  const offer = page
    .getByTestId('desk-delegations')
    .getByRole('button', { name: `Check in the delegation ${DESK_DELEGATION.name} (2 not yet checked in here)` });
  await offer.click();
  const result = page.getByTestId('delegation-result');
  await expect(result).toHaveAttribute('data-outcome', 'checked-in');
  await expect(result).toContainText(`Delegation ${DESK_DELEGATION.name}: 2 checked in now`);
  await expect(result.getByTestId('delegation-admitted').locator('li')).toHaveCount(2);
  await expect(result.getByTestId('delegation-already').locator('li')).toHaveCount(1);
  await expect(page.getByTestId('desk-count')).toContainText(`${before + 3} checked in today`);
  await expect(page.getByTestId('desk-delegations')).toContainText(`Delegation ${DESK_DELEGATION.name}: everyone here is checked in`);
  // A search finds the same: everyone is in, nothing left to offer.
  await page.getByLabel('Find someone').fill(DESK_DELEGATION.family);
  await expect(page.getByTestId('desk-matches').getByText('Already checked in')).toHaveCount(3);
  await expect(page.getByTestId('desk-delegations')).toContainText(`Delegation ${DESK_DELEGATION.name}: everyone here is checked in`);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await context.close();
});

test('the desk in Chinese: venue, count, search and outcome worded in Chinese', async ({ browser, baseURL, request }) => {
  const ids = seededIds();
  const suffix = Date.now().toString(36).slice(-4);
  const name = `王小明 ${suffix}`;
  await registerAtBangkok(request, ids.slug, name, `wang.${suffix}@example.org`);
  const context = await contextFor(browser, 'checkin', 'zh', baseURL!, PHONE_390);
  const page = await context.newPage();
  await page.goto(`/admin/events/${ids.slug}/checkin`);
  await expect(page.getByTestId('desk-venues')).toContainText('签到台');
  await expect(page.getByTestId('desk-count')).toContainText('今日已签到');
  await page.getByLabel('查找参会者').fill(`小明 ${suffix}`);
  await page
    .getByTestId('desk-matches')
    .getByRole('button', { name: `签到: ${name}` })
    .click();
  await expect(page.getByTestId('checkin-result')).toContainText(`签到成功：${name}`);
  await expect(page.getByTestId('checkin-result').getByRole('link', { name: '打印胸牌' })).toBeVisible();
  await context.close();
});

test('at a session’s door on a 390 px phone, Bangkok’s staff record a checked-in person once and the room’s count follows', async ({
  browser,
  baseURL,
  request,
}) => {
  const ids = seededIds();
  const suffix = Date.now().toString(36).slice(-4);
  const name = `Door Person ${suffix}`;
  await registerAtBangkok(request, ids.slug, name, `door.${suffix}@nstda.example`);

  const context = await contextFor(browser, 'checkin', 'en', baseURL!, PHONE_390);
  const page = await context.newPage();
  // Admitted at the desk first: the door lets in only people checked in at the venue.
  await page.goto(`/admin/events/${ids.slug}/checkin`);
  await page.getByLabel('Find someone').fill(name);
  await page
    .getByTestId('desk-matches')
    .getByRole('button', { name: `Check in: ${name}` })
    .click();
  const admitted = page.getByTestId('checkin-result');
  await expect(admitted).toHaveAttribute('data-outcome', 'checked-in');
  const shortCode = /Code ([0-9A-Z]{4}-[0-9A-Z]{4})/.exec((await admitted.textContent())!)![1]!;

  await page.getByTestId('door-link').click();
  const sessions = page.getByTestId('door-sessions');
  await expect(sessions).toContainText('GMT+7');
  await sessions.getByRole('link').first().click();
  await expect(page.getByTestId('door-session')).toBeVisible();
  const before = count((await page.getByTestId('door-count').textContent())!);
  await page.getByLabel('Ticket code').fill(shortCode);
  await page.getByRole('button', { name: 'Record entry' }).click();
  await expect(page.getByTestId('door-result')).toHaveAttribute('data-outcome', 'recorded');
  await expect(page.getByTestId('door-result')).toContainText(`Entered: ${name}`);
  await expect(page.getByTestId('door-count')).toContainText(`${before + 1} `);
  // Scanned again: already in, with the time and its offset; the count stays.
  await page.getByLabel('Ticket code').fill(shortCode);
  await page.getByRole('button', { name: 'Record entry' }).click();
  await expect(page.getByTestId('door-result')).toHaveAttribute('data-outcome', 'already');
  await expect(page.getByTestId('door-result')).toContainText('GMT+7');
  await expect(page.getByTestId('door-count')).toContainText(`${before + 1} `);
  // Nothing reaches past the 390 px screen.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await context.close();
});
