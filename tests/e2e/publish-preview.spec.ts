import { expect, test, type Page } from '@playwright/test';
import { contextFor, seededIds } from './support/page-inventory';

test.describe.configure({ timeout: 180_000 });

const SESSION = 'keynote-data-governance'; // Nanning, Plenary Hall A, 09:30–10:30 on day 2; speaker Emily Clarke.

async function moveSession(page: Page, base: string, id: string, start: string, end: string) {
  await page.goto(`${base}/agenda/sessions/${id}`);
  await page.getByLabel('Starts', { exact: true }).fill(start);
  await page.getByLabel('Ends', { exact: true }).fill(end);
  await page.getByRole('button', { name: 'Save session' }).click();
  const acknowledge = page.getByLabel('I have read the warnings; save anyway');
  if (
    !(await page.waitForURL(/\/agenda\?saved=1/, { timeout: 5_000 }).then(
      () => true,
      () => false,
    ))
  ) {
    await acknowledge.check();
    await page.getByRole('button', { name: 'Save session' }).click();
    await expect(page).toHaveURL(/\/agenda\?saved=1/);
  }
}

/**
 * Issue 15, point 17: before publishing, the organiser sees each changed session's old and new time
 * (with its zone) and who will be mailed; after, how many were mailed, in words.
 */
test('the publish preview shows the old and new time and who will be mailed; the result says how many were', async ({
  browser,
  baseURL,
  request,
}) => {
  const ids = seededIds();
  const base = `/admin/events/${ids.slug}`;
  const listed = (await (await request.get(`/api/v1/events/${ids.slug}/sessions`)).json()) as { sessions: { id: string; slug: string }[] };
  const session = listed.sessions.find((s) => s.slug === SESSION)!;
  for (const n of [1, 2]) {
    const created = await request.post(`/api/v1/events/${ids.slug}/registrations`, {
      data: {
        name: `Preview Person ${n}`,
        email: `preview.person${n}@example.org`,
        organisation: 'Guangxi University',
        jobTitle: 'Researcher',
        country: 'CN',
        participantType: 'research_institute',
        mode: 'in_person',
        venue: 'nanning',
        sessions: [session.id],
        locale: 'en',
        consent: true,
      },
    });
    expect(created.status()).toBe(201);
  }

  const context = await contextFor(browser, 'organiser', 'en', baseURL!);
  const page = await context.newPage();
  await moveSession(page, base, session.id, '19:00', '20:00');

  const pending = page.getByTestId('pending');
  const change = pending.locator('[data-change="moved"]').filter({ hasText: 'Data Governance' });
  await expect(change.getByTestId('pending-time')).toHaveText(
    /^Time: \w{3}, \d+ \w{3} \d{4} · 09:30–10:30 Nanning, GMT\+8 → \w{3}, \d+ \w{3} \d{4} · 19:00–20:00 Nanning, GMT\+8$/,
  );
  await expect(change).toContainText(/Mailed to the \d+ registrants who chose it and its 1 speaker\./);
  const audience = await page.getByTestId('publish-audience').textContent();
  const [, registrants, speakers] = audience!.match(/^Publishing will mail (\d+) registrants? and (\d+) speakers?\.$/)!;
  expect(Number(registrants)).toBeGreaterThanOrEqual(2);
  await page.getByTestId('publish-recipients').locator('summary').click();
  await expect(page.getByTestId('publish-recipients')).toContainText('Preview Person 1 <preview.person1@example.org>');
  await expect(page.getByTestId('publish-recipients')).toContainText('Emily Clarke');

  await page.getByRole('button', { name: /^Publish version \d+/ }).click();
  const done = page.getByTestId('published');
  await expect(done).toContainText(
    `${registrants} registrant${registrants === '1' ? '' : 's'} and ${speakers} speaker${speakers === '1' ? '' : 's'} were mailed.`,
  );
  await expect(page.getByTestId('publish-audience')).toHaveCount(0);

  // Put the programme back as it was for the other specs: the preview now says the move back.
  await moveSession(page, base, session.id, '09:30', '10:30');
  await expect(page.getByTestId('pending').locator('[data-change="moved"]').filter({ hasText: 'Data Governance' })).toContainText(
    '19:00–20:00 Nanning, GMT+8 →',
  );
  await page.getByRole('button', { name: /^Publish version \d+/ }).click();
  await expect(page.getByTestId('published')).toContainText('were mailed.');
  await context.close();
});

/** Issue 15, point 18: a grant to an address with no registration says so, and that no mail went out. */
test('granting livestream access to an address nobody registered with says so', async ({ browser, baseURL }) => {
  const ids = seededIds();
  const context = await contextFor(browser, 'organiser', 'en', baseURL!);
  const page = await context.newPage();
  await page.goto(`/admin/events/${ids.slug}/streams`);
  await page.getByLabel('Email address').fill('Press.Desk@example.org');
  await page.getByRole('button', { name: 'Allow' }).click();
  await expect(page.getByRole('status')).toHaveText(
    'Saved. No one has registered with press.desk@example.org yet, and no email was sent. When someone registers with this address, the join links will show on their registration page.',
  );
  await page.getByLabel('Email address').fill('press.desk@example.org');
  await page.getByRole('button', { name: 'Allow' }).click();
  await expect(page.getByRole('status')).toHaveText(
    'press.desk@example.org already had livestream access; nothing changed. No one has registered with this address yet.',
  );
  await page.locator('[data-grant="press.desk@example.org"]').getByRole('button', { name: 'Remove' }).click();
  await expect(page.locator('[data-grant="press.desk@example.org"]')).toHaveCount(0);

  // Point 16: the audit log tells both in sentences, the raw record one click away.
  await page.goto(`/admin/events/${ids.slug}/audit`);
  const sentences = page.getByTestId('audit-sentence');
  await expect(sentences.first()).toHaveText(/^.+ removed the livestream access of press\.desk@example\.org\.$/);
  await expect(sentences.nth(1)).toHaveText(/^.+ granted livestream access to press\.desk@example\.org for every streamed session\.$/);
  // Other specs may have granted access too: every raw record stays behind its closed disclosure.
  const raw = page.getByText('stream.grant');
  expect(await raw.count()).toBeGreaterThan(0);
  for (const record of await raw.all()) await expect(record).not.toBeVisible();
  await context.close();
});
