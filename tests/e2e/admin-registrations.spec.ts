import { expect, test } from '@playwright/test';

const organiser = { email: 'organiser@forum.demo', password: 'demo-organiser-2026' };
const slug = 'china-asean-tech-forum';
const base = `/admin/events/${slug}`;

test('the demo organiser finds a registrant by filters, opens the detail, and exports the same rows as CSV', async ({ page, request }) => {
  // The export refuses anyone who is not signed in as an organiser.
  const anonymous = await request.get(`${base}/registrations/export.csv`);
  expect(anonymous.status()).toBe(401);

  // The public API lists the categories the form offers; the registrant chooses Enterprise.
  const categories = await request.get(`/api/v1/events/${slug}/categories`);
  expect(categories.status()).toBe(200);
  const offered: { id: string; name: { en: string } }[] = (await categories.json()).categories;
  expect(offered.map((c) => c.name.en)).not.toContain('Government delegate');
  const enterprise = offered.find((c) => c.name.en === 'Enterprise')!;

  const registered = await request.post(`/api/v1/events/${slug}/registrations`, {
    data: {
      category: enterprise.id,
      name: 'Sokha Findme',
      email: 'sokha.findme@example.org',
      organisation: 'Institute of Technology of Cambodia',
      country: 'KH',
      participantType: 'research_institute',
      mode: 'online',
      consent: true,
    },
  });
  expect(registered.status()).toBe(201);

  await page.goto(`${base}/registrations`);
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
  await page.getByLabel('Email').first().fill(organiser.email);
  await page.getByLabel('Password').fill(organiser.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${base}/registrations$`));
  await expect(page.getByRole('navigation', { name: 'Event administration' }).getByRole('link', { name: 'Registrations' })).toHaveAttribute(
    'aria-current',
    'page',
  );
  // The demo comes with registrations.
  await expect(page.getByTestId('registrations').locator('tbody tr').first()).toBeVisible();

  await page.getByLabel('Search').fill('findme');
  await page.getByLabel('Attendance').selectOption('online');
  await page.getByLabel('Country or region').selectOption('KH');
  await page.getByLabel('Category', { exact: true }).selectOption({ label: 'Enterprise' });
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(new RegExp(`category=${enterprise.id}`));
  await expect(page).toHaveURL(/q=findme/);
  await expect(page.getByTestId('registration-total')).toHaveText('1 registration matches');
  const rows = page.getByTestId('registrations').locator('tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('sokha.findme@example.org');
  await expect(rows.first()).toContainText('Enterprise');
  // Nobody without a category matches that search.
  await page.getByLabel('Category', { exact: true }).selectOption({ label: 'No category' });
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page.getByTestId('registration-total')).toHaveText('No registrations match');
  await page.getByLabel('Category', { exact: true }).selectOption({ label: 'Enterprise' });
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(rows).toHaveCount(1);

  await page.getByTestId('registrations').getByRole('link', { name: 'Sokha Findme' }).click();
  await expect(page.getByTestId('registration-name')).toHaveText('Sokha Findme');
  await expect(page.getByTestId('registration-status')).toContainText('Confirmed');
  await expect(page.getByTestId('registration-mails')).toContainText('registration.confirmed');
  await expect(page.getByTestId('checked-in')).toHaveText('Not checked in');
  await expect(page.getByTestId('registration-category')).toHaveText('Enterprise');

  // The organiser corrects the organisation and moves the registrant to another category (audited).
  const editForm = page.getByTestId('registration-edit-form');
  await editForm.getByLabel('Organisation').fill('Royal University of Phnom Penh');
  await editForm.getByLabel('Category').selectOption({ label: 'Research institute or university' });
  await editForm.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByTestId('registration-edit-notice')).toHaveText('Saved.');
  await expect(page.getByTestId('registration-category')).toHaveText('Research institute or university');
  await expect(page.locator('section[aria-labelledby="fields-title"]')).toContainText('Royal University of Phnom Penh');
  // A wrong address is named beside its field, in words; nothing is saved.
  await editForm.getByLabel('Email', { exact: true }).fill('not an address');
  await editForm.getByRole('button', { name: 'Save changes' }).click();
  await expect(editForm.locator('#edit-email-error')).not.toBeEmpty();
  await page.reload();
  await expect(page.getByTestId('registration-edit-form').getByLabel('Email', { exact: true })).toHaveValue('sokha.findme@example.org');

  // And sends the confirmation again, through the outbox.
  await page.getByRole('button', { name: 'Resend confirmation' }).click();
  await expect(page.getByRole('status')).toHaveText('The confirmation is queued in the outbox.');
  await expect(page.getByTestId('registration-mails').locator('tbody tr').filter({ hasText: 'registration.confirmed' })).toHaveCount(2);

  const research = offered.find((c) => c.name.en === 'Research institute or university')!;
  const csv = await page.request.get(`${base}/registrations/export.csv?q=findme&mode=online&country=KH&category=${research.id}`);
  expect(csv.status()).toBe(200);
  expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
  const body = await csv.body();
  expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = body.toString('utf8').slice(1).split('\r\n').filter(Boolean);
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain('sokha.findme@example.org');
  expect(lines[0]).toContain('cancelled_at_utc,category,category_id,category_waitlist_position,decision');
  expect(lines[1]).toContain(`,Research institute or university,${research.id},`);
  expect(lines[1]).toContain('Royal University of Phnom Penh');

  await page.getByRole('link', { name: 'Overview' }).click();
  await expect(page.getByRole('img', { name: /Registrations per day/ })).toBeVisible();
  await expect(page.getByTestId('session-seats')).toContainText('Young Scientists Workshop');
  // The demo's programme fits on one page of sessions: no pager, and a page past the end shows it.
  await expect(page.getByTestId('session-pages')).toHaveCount(0);
  await page.goto(`${base}?sessions=7`);
  await expect(page.getByTestId('session-seats')).toContainText('Young Scientists Workshop');
});
