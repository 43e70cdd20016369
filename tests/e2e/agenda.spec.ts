import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { useMailbox } from './mailbox';

const mailbox = useMailbox();

const LIVESTREAM_HOST = 'live.hybrid-forum.example';

test('the programme shows each venue in its own time, with relays marked, and the viewer’s own zone on request', async ({ browser }) => {
  const context = await browser.newContext({ timezoneId: 'Europe/Paris' });
  const page = await context.newPage();
  await page.goto('/agenda');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Programme');

  const opening = (venue: string) => page.locator(`[data-session="opening-ceremony"][data-venue="${venue}"]`);
  await expect(opening('nanning')).toContainText('09:00–09:45 Nanning, GMT+8');
  await expect(opening('tokyo')).toContainText('10:00–10:45 Tokyo, GMT+9');
  await expect(opening('bangkok')).toContainText('08:00–08:45 Bangkok, GMT+7');
  await expect(opening('tokyo')).toContainText('Live relay from Nanning');
  await expect(opening('nanning')).not.toContainText('Live relay');

  await page.getByTestId('viewer-zone').click();
  await expect(page).toHaveURL(/tz=Europe%2FParis/);
  await expect(opening('nanning').getByTestId('viewer-time')).toContainText('02:00–02:45 Europe/Paris, GMT+1');
  await context.close();
});

test('a visitor filters by venue and kind, searches, opens a session and downloads its calendar file', async ({ page }) => {
  await page.goto('/agenda');
  await page.getByRole('link', { name: 'Bangkok', exact: true }).click();
  await expect(page.locator('[data-venue]:not([data-venue="bangkok"])')).toHaveCount(0);
  await expect(page.locator('[data-session="bangkok-healthtech-pitch"]')).toBeVisible();

  await page.getByLabel('Session type').selectOption('keynote');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.locator('[data-session]')).not.toHaveCount(0);
  for (const card of await page.locator('[data-session]').all()) await expect(card).toContainText('Keynote');

  await page.goto('/agenda?venue=nanning&q=workshop');
  await expect(page.locator('[data-session]')).toHaveCount(1);
  await page.getByRole('link', { name: 'Young Scientists Workshop: From Lab to Market' }).click();
  await expect(page.getByTestId('seats')).toContainText('30');
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Add to calendar (.ics)' }).click();
  const file = await (await download).path();
  const text = fs.readFileSync(file!, 'utf8');
  expect(text).toContain('BEGIN:VEVENT');
  expect(text).toContain('@hybrid-forum');
});

test('the programme reads in Chinese', async ({ page }) => {
  await page.goto('/locale?to=zh&back=/agenda');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('日程');
  await expect(page.locator('[data-session="opening-ceremony"][data-venue="tokyo"]')).toContainText('南宁现场直播');
  await expect(page.locator('[data-session="opening-ceremony"][data-venue="tokyo"]')).toContainText('东京, GMT+9');
});

test('without JavaScript, the cached programme switches language and returns to itself', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/events/china-asean-tech-forum/agenda');
  await page.getByRole('link', { name: '中文' }).click();
  await expect(page).toHaveURL(/\/events\/china-asean-tech-forum\/agenda$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('日程');
  await context.close();
});

test('no public page, feed or API response carries a livestream link', async ({ page, request }) => {
  const paths = ['/', '/agenda', '/speakers', '/register', '/privacy', '/api/v1/events', '/api/v1/openapi.json'];
  await page.goto('/agenda');
  const slug = new URL(page.url()).pathname.split('/')[2]!;
  paths.push(
    `/events/${slug}/agenda?venue=online`,
    `/api/v1/events/${slug}`,
    `/api/v1/events/${slug}/sessions`,
    `/api/v1/events/${slug}/venues`,
    `/api/v1/events/${slug}/agenda.ics`,
  );
  const sessions = (await (await request.get(`/api/v1/events/${slug}/sessions`)).json()).sessions as { slug: string }[];
  for (const s of sessions)
    paths.push(
      `/events/${slug}/sessions/${s.slug}`,
      `/api/v1/events/${slug}/sessions/${s.slug}`,
      `/api/v1/events/${slug}/sessions/${s.slug}/calendar.ics`,
    );
  for (const path of paths) {
    const response = await request.get(path);
    expect(response.status(), path).toBeLessThan(400);
    expect(await response.text(), path).not.toContain(LIVESTREAM_HOST);
  }
});

test('an attendee’s own pages carry no livestream link: in person they show the relay room and a QR ticket, online a join page that counts down', async ({
  page,
  request,
}) => {
  await page.goto('/agenda');
  const slug = new URL(page.url()).pathname.split('/')[2]!;
  const sessions = (await (await request.get(`/api/v1/events/${slug}/sessions`)).json()).sessions as { id: string; slug: string }[];
  const keynote = sessions.find((s) => s.slug === 'keynote-ai-public-health')!.id;
  const base = {
    organisation: 'KAIST',
    jobTitle: '',
    country: 'KR',
    participantType: 'research_institute',
    sessions: [keynote],
    locale: 'en',
    consent: true,
  };
  const inPerson = await request.post(`/api/v1/events/${slug}/registrations`, {
    data: { ...base, name: 'Kim Seo-yeon', email: 'kim.seoyeon@example.org', mode: 'in_person', venue: 'seoul' },
  });
  const online = await request.post(`/api/v1/events/${slug}/registrations`, {
    data: { ...base, name: 'Lim Ji-ho', email: 'lim.jiho@example.org', mode: 'online' },
  });
  expect(inPerson.status()).toBe(201);
  expect(online.status()).toBe(201);

  for (const [email, check] of [
    [
      'kim.seoyeon@example.org',
      async () => {
        await expect(page.getByTestId('ticket')).toBeVisible();
        await expect(page.getByTestId('ticket-code')).toHaveText(/^HF1\./);
        await expect(page.getByTestId('presence').first()).toContainText('Shown live in Hall 1');
        await expect(page.getByTestId('join-link')).toHaveCount(0);
      },
    ],
    [
      'lim.jiho@example.org',
      async () => {
        await expect(page.getByTestId('ticket')).toHaveCount(0);
        await page.getByTestId('join-link').first().click();
        await expect(page.getByTestId('join-state')).toHaveAttribute('data-state', 'before');
        await expect(page.getByTestId('countdown')).toBeVisible();
        expect(await page.content()).not.toContain(LIVESTREAM_HOST);
      },
    ],
  ] as const) {
    // The manage link, as its owner gets it: by mail.
    const [mail] = await mailbox.waitFor(email, 1);
    await page.goto(mailbox.managePath(mail!));
    expect(await page.content()).not.toContain(LIVESTREAM_HOST);
    await check();
  }
});
