import { expect, test, type Page } from '@playwright/test';
import { useMailbox } from './mailbox';

const mailbox = useMailbox();

const slug = 'china-asean-tech-forum';
const base = `/admin/events/${slug}`;

async function signInAsOrganiser(page: Page, path: string) {
  await page.goto(path);
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
  await page.getByLabel('Email').first().fill('organiser@forum.demo');
  await page.getByLabel('Password').fill('demo-organiser-2026');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${path}$`));
}

test('an organiser creates a session, sees the room conflict before saving, publishes, and the public agenda shows it', async ({
  page,
}) => {
  // Other specs may have left drafts of their own (the keyboard journey adds a session), so this
  // one checks only its own session and the version number the button offers.
  await signInAsOrganiser(page, `${base}/agenda`);
  await expect(page.getByTestId('pending').locator('[data-change]').filter({ hasText: 'Fireside chat' })).toHaveCount(0);
  await page.getByRole('link', { name: 'New session' }).click();

  await page.getByLabel('Title (English)').fill('Fireside chat: Telemedicine across borders');
  // Leaving the title fills the web address from it; the organiser may still change it.
  const slugField = page.getByLabel('Address name (slug)');
  await slugField.focus();
  await expect(slugField).toHaveValue('fireside-chat-telemedicine-across-borders');
  await slugField.fill('fireside-telemedicine');
  await page
    .getByLabel('Venue', { exact: true })
    .selectOption({ label: 'Nanning International Convention and Exhibition Center (Asia/Shanghai)' });
  await page.getByLabel('Room', { exact: true }).selectOption({ label: 'Plenary Hall A (800)' });
  await page.getByLabel('Starts', { exact: true }).fill('09:15');
  await page.getByLabel('Ends', { exact: true }).fill('09:40');
  await page.getByRole('button', { name: 'Save session' }).click();

  const conflicts = page.getByTestId('conflicts');
  await expect(conflicts).toContainText('Plenary Hall A is already booked for “Opening Ceremony');
  // Move it to a free slot instead of overriding the warning.
  await page.getByLabel('Starts', { exact: true }).fill('18:00');
  await page.getByLabel('Ends', { exact: true }).fill('18:45');
  await page.getByRole('button', { name: 'Check for conflicts' }).click();
  await expect(conflicts).toContainText('No conflicts found.');
  await page.getByRole('button', { name: 'Save session' }).click();
  await expect(page).toHaveURL(new RegExp(`${base}/agenda\\?saved=1`));

  // Not public until published, neither in a filtered view (rendered per request) nor in the
  // programme page, which is served from the cache.
  const publicPage = await page.context().newPage();
  await publicPage.goto(`/events/${slug}/agenda?venue=nanning`);
  await expect(publicPage.getByText('Fireside chat: Telemedicine across borders')).toHaveCount(0);
  const cachedPage = await page.context().newPage();
  await cachedPage.goto(`/events/${slug}/agenda`);
  // Answered from the server's memory (scripts/serve.ts) once the first visit has filled it.
  await expect.poll(async () => (await cachedPage.reload())?.headers()['x-hf-page-cache'], { timeout: 15_000 }).toBe('HIT');
  await expect(cachedPage.getByText('Fireside chat: Telemedicine across borders')).toHaveCount(0);

  await expect(page.locator('[data-change="added"]').filter({ hasText: 'Fireside chat' })).toHaveCount(1);
  const publish = page.getByRole('button', { name: /^Publish version \d+/ });
  const version = (await publish.textContent())!.match(/\d+/)![0];
  await publish.click();
  await expect(page.getByTestId('published')).toContainText(`Published version ${version}`);

  await publicPage.reload();
  const entry = publicPage.locator('[data-session="fireside-telemedicine"][data-venue="nanning"]');
  await expect(entry).toContainText('18:00–18:45');
  await expect(entry).toContainText('Nanning, GMT+8');
  // Publishing dropped the cached programme: the very next request renders the new version.
  await cachedPage.reload();
  const published = cachedPage.locator('[data-session="fireside-telemedicine"][data-venue="nanning"]');
  await expect(published).toContainText('18:00–18:45');
  // And it is the new version that is cached again.
  await expect.poll(async () => (await cachedPage.reload())?.headers()['x-hf-page-cache'], { timeout: 15_000 }).toBe('HIT');
  await expect(published).toContainText('18:00–18:45');
});

test('an organiser checks a registrant in by the code on their ticket, once', async ({ page, request }) => {
  const registered = await request.post(`/api/v1/events/${slug}/registrations`, {
    data: {
      name: 'Dao Thi Hoa',
      email: 'dao.hoa@example.org',
      organisation: 'Vietnam Academy of Science and Technology',
      country: 'VN',
      participantType: 'research_institute',
      mode: 'in_person',
      venue: 'nanning',
      consent: true,
    },
  });
  expect(registered.status()).toBe(201);
  const [mail] = await mailbox.waitFor('dao.hoa@example.org', 1);
  await page.goto(mailbox.managePath(mail!));
  const code = (await page.getByTestId('ticket-code').textContent())!;
  expect(code).toMatch(/^HF1\./);

  await signInAsOrganiser(page, `${base}/checkin`);
  await page.getByLabel('Ticket code').fill(code);
  await page.getByRole('button', { name: 'Check in', exact: true }).click();
  await expect(page.getByTestId('checkin-result')).toHaveAttribute('data-outcome', 'checked-in');
  await expect(page.getByTestId('checkin-result')).toContainText('Checked in: Dao Thi Hoa');

  await page.getByLabel('Ticket code').fill(code);
  await page.getByRole('button', { name: 'Check in', exact: true }).click();
  await expect(page.getByTestId('checkin-result')).toHaveAttribute('data-outcome', 'already');
  await expect(page.getByTestId('checkin-result')).toContainText(/already checked in at \d{4}-\d{2}-\d{2} \d{2}:\d{2} GMT\+8/);

  await page.getByLabel('Ticket code').fill('HF1.forged');
  await page.getByRole('button', { name: 'Check in', exact: true }).click();
  await expect(page.getByTestId('checkin-result')).toHaveAttribute('data-outcome', 'unknown-code');
});
