import { expect, test, type APIRequestContext } from '@playwright/test';
import { e2eSmtpPort } from '../helpers/e2e-ports';
import { manageLinkMailedTo } from '../helpers/manage-link';
import { startSmtpServer } from '../helpers/smtp';

const EVENT = 'china-asean-tech-forum';
const email = 'seat.mover@example.org';

let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
test.beforeAll(async () => {
  // The e2e server sends its mail here (playwright.config.ts passes SMTP_URL with this port).
  smtp = await startSmtpServer({ port: e2eSmtpPort() });
});
test.afterAll(async () => smtp?.close());

async function sessions(request: APIRequestContext): Promise<{ id: string; slug: string; seatsLeft: number | null }[]> {
  const response = await request.get(`/api/v1/events/${EVENT}/sessions`);
  expect(response.status()).toBe(200);
  return (await response.json()).sessions;
}

test('a registrant moves from Nanning to Tokyo and changes sessions on the manage page; the workshop seat they left is free again', async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  const before = await sessions(request);
  const workshop = before.find((s) => s.slug === 'young-scientists-workshop')!;
  const created = await request.post(`/api/v1/events/${EVENT}/registrations`, {
    data: {
      name: 'Seat Mover',
      email,
      organisation: 'Guangxi University',
      jobTitle: 'Researcher',
      country: 'CN',
      participantType: 'young_scientist',
      mode: 'in_person',
      venue: 'nanning',
      sessions: [workshop.id],
      locale: 'en',
      consent: true,
    },
  });
  expect(created.status()).toBe(201);
  const seatsWhileHeld = (await sessions(request)).find((s) => s.id === workshop.id)!.seatsLeft!;
  expect(seatsWhileHeld).toBe(workshop.seatsLeft! - 1);

  // The manage link arrives by mail only.
  await expect.poll(() => manageLinkMailedTo(smtp.received, email), { timeout: 30_000 }).not.toBeNull();
  await page.goto(manageLinkMailedTo(smtp.received, email)!);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your registration');
  await expect(page.locator('[data-seat="confirmed"]')).toContainText('Young Scientists Workshop');

  // Move to Tokyo, giving up the workshop held in Nanning.
  await page.getByRole('checkbox', { name: /Young Scientists Workshop/ }).uncheck();
  await page.getByLabel('Venue', { exact: true }).selectOption('tokyo');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status')).toHaveText('Your registration was updated. We have emailed you the new details.');
  await expect(page.getByTestId('registration-status')).toHaveText('Confirmed');
  await expect(page.locator('section.card p', { hasText: 'In person at' })).toContainText('Tokyo');
  await expect(page.getByText('You have not chosen any sessions.')).toBeVisible();
  expect((await sessions(request)).find((s) => s.id === workshop.id)!.seatsLeft).toBe(seatsWhileHeld + 1);

  // The form now offers what Tokyo shows: choose the first of those sessions.
  const offered = page.locator('input[name="sessions"]');
  await expect(offered.first()).toBeVisible();
  const chosenId = await offered.first().getAttribute('value');
  await offered.first().check();
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status')).toHaveText('Your registration was updated. We have emailed you the new details.');
  await expect(page.locator('ul.itinerary > li')).toHaveCount(1);
  await expect(page.locator('ul.itinerary > li').first()).toHaveAttribute('data-seat', 'confirmed');
  await expect(page.locator('input[name="sessions"]:checked')).toHaveAttribute('value', chosenId!);
});
