// Two participants on phones (390 px, browsers far from the venue, in Los Angeles) meet one to one:
// the organiser opens a meeting time at the Bangkok venue with two tables; both join matchmaking
// from the link in their confirmation mail; one asks, the other gets the request by mail and
// accepts; both then see the table and the time on the venue's clock with its zone, and the
// organiser's figures and CSV count the meeting.
import { expect, test, type Browser } from '@playwright/test';
import { useMailbox } from './mailbox';
import { contextFor } from './support/page-inventory';
import { phone390, phonePage, registerByApi } from './support/visitor';

const PHONE_390 = phone390();
const slug = 'china-asean-tech-forum';
const mailbox = useMailbox();

async function participantPage(
  browser: Browser,
  baseURL: string,
  request: import('@playwright/test').APIRequestContext,
  who: { name: string; email: string; country: string; online?: boolean },
) {
  // On site at Bangkok, where the meeting times are, unless they follow online.
  await registerByApi(request, { ...who, organisation: `${who.name} Lab` });
  const managePath = await mailbox.manageLinkOf(who.email);
  const page = await phonePage(browser, baseURL, 'anonymous');
  await page.goto(managePath);
  await page.getByTestId('meetings-link').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your meetings');
  const profile = page.getByTestId('matchmaking-profile');
  await profile.getByLabel('Big Health').check();
  await profile.getByLabel('What you offer or look for (one line)').fill('rapid diagnostics for rural clinics');
  await profile.getByRole('button', { name: 'Join matchmaking' }).click();
  await expect(page.getByRole('status')).toHaveText('Your matchmaking profile is saved.');
  return page;
}

test('one participant asks another for a meeting, the other accepts, and both see the table and the time in the venue’s zone', async ({
  browser,
  baseURL,
  request,
}) => {
  test.setTimeout(180_000);
  const suffix = Date.now().toString(36).slice(-5);
  const minute = String(Date.now() % 30).padStart(2, '0');
  const label = `Matchmaking ${suffix}`;

  // The organiser opens a meeting time at Bangkok, typed on Bangkok's clock.
  const organiser = await contextFor(browser, 'organiser', 'en', baseURL!, PHONE_390);
  const admin = await organiser.newPage();
  await admin.goto(`/admin/events/${slug}/meetings`);
  const form = admin.getByTestId('slot-form');
  const bangkok = await form.locator('#slot-venueId option', { hasText: 'Bangkok' }).first().getAttribute('value');
  await form.getByLabel('Venue').selectOption(bangkok!);
  await form.getByLabel('Label').fill(label);
  await form.getByLabel('Date').fill('2027-09-16');
  await form.getByLabel('Starts').fill(`10:${minute}`);
  await form.getByLabel('Ends').fill(`10:${String(Number(minute) + 30)}`);
  // Zero tables is refused beside the field, in words.
  await form.getByLabel('Meeting tables').fill('0');
  await form.getByRole('button', { name: 'Open this time' }).click();
  await expect(admin.getByTestId('error-tables')).toHaveText('Enter 1 or more.');
  const again = admin.getByTestId('slot-form');
  await again.getByLabel('Venue').selectOption(bangkok!);
  await again.getByLabel('Label').fill(label);
  await again.getByLabel('Date').fill('2027-09-16');
  await again.getByLabel('Starts').fill(`10:${minute}`);
  await again.getByLabel('Ends').fill(`10:${String(Number(minute) + 30)}`);
  await again.getByLabel('Meeting tables').fill('2');
  await again.getByRole('button', { name: 'Open this time' }).click();
  await expect(admin.getByRole('status')).toHaveText('The meeting time is open.');
  await expect(admin.getByTestId('slot-list').locator('tr', { hasText: label })).toContainText(
    `10:${minute}–10:${Number(minute) + 30} Bangkok, GMT+7`,
  );

  const asker = { name: `Li Wei ${suffix}`, email: `li.wei.${suffix}@nanning.example`, country: 'CN' };
  const host = { name: `Somchai ${suffix}`, email: `somchai.${suffix}@bangkok.example`, country: 'TH' };
  const askerPage = await participantPage(browser, baseURL!, request, asker);
  const hostPage = await participantPage(browser, baseURL!, request, host);

  // The asker finds the host among the suggestions (both in Big Health), and asks for the time.
  await askerPage.reload();
  await expect(askerPage.getByTestId('suggestions')).toContainText(host.name);
  await expect(askerPage.getByTestId('suggestions')).toContainText('both in Big Health');
  const ask = askerPage.getByTestId('meeting-request');
  // Sent without a time: refused beside the field, in words.
  await ask.getByLabel('Whom to meet').selectOption({ label: `${host.name}, ${host.name} Lab` });
  await ask.getByRole('button', { name: 'Send request' }).click();
  await expect(askerPage.getByTestId('error-slotId')).toHaveText('Choose one of the meeting times offered.');
  const ask2 = askerPage.getByTestId('meeting-request');
  await ask2.getByLabel('Whom to meet').selectOption({ label: `${host.name}, ${host.name} Lab` });
  const slotValue = await ask2.locator('#slotId option', { hasText: label }).getAttribute('value');
  await ask2.getByLabel('Time and place').selectOption(slotValue!);
  await ask2.getByLabel('Message (optional)').fill('Your diagnostics could fit our clinics.');
  await ask2.getByRole('button', { name: 'Send request' }).click();
  await expect(askerPage.getByRole('status')).toHaveText('Your request is sent. You will get a mail when they answer.');
  await expect(askerPage.getByTestId('meetings-out').getByTestId('meeting-status')).toHaveText('Waiting for an answer');

  // The host is told by mail, follows its link, and accepts.
  const [, requested] = await mailbox.waitFor(host.email, 2);
  expect(requested!.parsed.subject).toBe(`${asker.name} asks to meet you`);
  expect(requested!.parsed.text).toContain('Your diagnostics could fit our clinics.');
  await hostPage.reload();
  const incoming = hostPage.getByTestId('meetings-in');
  await expect(incoming).toContainText(asker.name);
  await incoming.getByRole('button', { name: 'Accept' }).click();
  await expect(hostPage.getByRole('status')).toHaveText('Accepted. Your table is shown below.');

  // Both see the same table and the time on Bangkok's clock, with its zone, and each other's address.
  const [, accepted] = await mailbox.waitFor(asker.email, 2);
  expect(accepted!.parsed.subject).toBe(`${host.name} accepted your meeting`);
  await askerPage.reload();
  for (const [page, list, other] of [
    [hostPage, 'meetings-in', asker],
    [askerPage, 'meetings-out', host],
  ] as const) {
    const meeting = page.getByTestId(list).locator('li');
    await expect(meeting.getByTestId('meeting-status')).toHaveText('Accepted');
    await expect(meeting.getByTestId('meeting-place')).toContainText('meeting table 1');
    await expect(meeting.getByTestId('meeting-time')).toContainText(`10:${minute}–10:${Number(minute) + 30} Bangkok, GMT+7`);
    await expect(meeting.getByRole('link', { name: other.email })).toBeVisible();
    // Nothing wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  }

  // The asker records what came of it; the organiser's figures and CSV count the meeting.
  const outcome = askerPage.getByTestId('meetings-out').locator('li');
  await outcome.getByLabel('What came of it').selectOption('mou');
  await outcome.getByRole('button', { name: 'Save' }).click();
  await expect(askerPage.getByRole('status')).toHaveText('The outcome is saved.');
  await admin.reload();
  await expect(admin.getByTestId('meeting-outcomes')).toContainText('MoU intended 1');
  // By day on the venue's clock, by venue with its tables, and by sector (both in Big Health).
  await expect(admin.getByTestId('meetings-by-day')).toContainText('Sep 16');
  await expect(admin.getByTestId('meetings-by-venue')).toContainText(/Bangkok[^:]*: \d+ meetings, tables used \d+ of \d+/);
  await expect(admin.getByTestId('meetings-by-sector')).toContainText('Big Health');
  await expect(admin.getByTestId('pending-exhibitors')).toHaveAttribute('href', `/admin/events/${slug}/exhibitors`);
  await expect(admin.getByTestId('pending-listings')).toContainText(/listings? to moderate/);
  const csv = await (await organiser.request.get(`/admin/events/${slug}/meetings/export.csv`)).text();
  const line = csv.split('\r\n').find((l) => l.includes(asker.name)) ?? '';
  expect(line).toContain(host.name);
  expect(line).toContain(',accepted,1,');
  expect(line).toContain('Asia/Bangkok');
  expect(line).toContain(',mou');

  // Each adds the meeting to their calendar; the asker then cancels, and the host is told by mail
  // with the calendar entry's cancellation.
  const calendarHref = await askerPage.getByTestId('meetings-out').getByTestId('meeting-calendar').getAttribute('href');
  const calendar = await askerPage.request.get(calendarHref!);
  expect(calendar.headers()['content-type']).toContain('text/calendar');
  expect(await calendar.text()).toContain('STATUS:CONFIRMED');
  await askerPage.getByTestId('meetings-out').getByRole('button', { name: 'Cancel meeting' }).click();
  await expect(askerPage.getByRole('status')).toHaveText('Cancelled. The time is free again.');
  const [, , cancelled] = await mailbox.waitFor(host.email, 3);
  expect(cancelled!.parsed.subject).toBe(`${asker.name} cancelled your meeting`);
  expect(cancelled!.parsed.attachments.map((a) => a.filename)).toContain('meeting.ics');
});

test('an online attendee’s meeting is online: the host accepts without a link, both get the same private room, the organisers see only “Online”', async ({
  browser,
  baseURL,
  request,
}) => {
  test.setTimeout(180_000);
  const suffix = Date.now().toString(36).slice(-5);
  const minute = String(30 + (Date.now() % 29)).padStart(2, '0');
  const label = `Online ${suffix}`;
  const organiser = await contextFor(browser, 'organiser', 'en', baseURL!, PHONE_390);
  const admin = await organiser.newPage();
  await admin.goto(`/admin/events/${slug}/meetings`);
  const form = admin.getByTestId('slot-form');
  const bangkok = await form.locator('#slot-venueId option', { hasText: 'Bangkok' }).first().getAttribute('value');
  await form.getByLabel('Venue').selectOption(bangkok!);
  await form.getByLabel('Label').fill(label);
  await form.getByLabel('Date').fill('2027-09-17');
  await form.getByLabel('Starts').fill(`11:${minute}`);
  await form.getByLabel('Ends').fill(`12:${minute}`);
  await form.getByLabel('Meeting tables').fill('1');
  await form.getByRole('button', { name: 'Open this time' }).click();
  await expect(admin.getByRole('status')).toHaveText('The meeting time is open.');

  const remote = { name: `Nguyen ${suffix}`, email: `nguyen.${suffix}@hanoi.example`, country: 'VN', online: true };
  const host = { name: `Malee ${suffix}`, email: `malee.${suffix}@bangkok.example`, country: 'TH' };
  const remotePage = await participantPage(browser, baseURL!, request, remote);
  const hostPage = await participantPage(browser, baseURL!, request, host);
  await remotePage.reload();
  const ask = remotePage.getByTestId('meeting-request');
  await ask.getByLabel('Whom to meet').selectOption({ label: `${host.name}, ${host.name} Lab` });
  const slotValue = await ask.locator('#slotId option', { hasText: label }).getAttribute('value');
  await ask.getByLabel('Time and place').selectOption(slotValue!);
  await ask.getByRole('button', { name: 'Send request' }).click();
  await expect(remotePage.getByTestId('meetings-out').getByTestId('meeting-place')).toHaveText('Online meeting');

  // The host accepts without typing a link: a private room is made for the two of them.
  await hostPage.reload();
  const incoming = hostPage.getByTestId('meetings-in').locator('li', { hasText: remote.name });
  await expect(incoming.getByLabel('Your meeting link (optional)')).toBeVisible();
  await incoming.getByRole('button', { name: 'Accept' }).click();
  await expect(hostPage.getByRole('status')).toHaveText('Accepted. The meeting link is shown below.');
  const hostLink = await hostPage.getByTestId('meetings-in').getByTestId('meeting-link').getAttribute('href');
  expect(hostLink).toMatch(/^https:\/\/meet\.jit\.si\/HybridForum-[0-9a-f]{32}$/);
  await remotePage.reload();
  await expect(remotePage.getByTestId('meetings-out').getByTestId('meeting-link')).toHaveAttribute('href', hostLink!);
  const [, accepted] = await mailbox.waitFor(remote.email, 2);
  expect(accepted!.parsed.text).toContain(hostLink!);
  expect(await remotePage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  // The organisers see that it is online, never the link.
  await admin.reload();
  await expect(admin.getByTestId('meeting-list').locator('tr', { hasText: remote.name })).toContainText('Online');
  expect(await admin.content()).not.toContain(hostLink!);
  const csv = await (await organiser.request.get(`/admin/events/${slug}/meetings/export.csv`)).text();
  expect(csv).not.toContain(hostLink!);

  // The online attendee cancels their registration: their meeting ends with it, and the host is told.
  await remotePage.goto(new URL(remotePage.url()).pathname.replace(/\/meetings$/, ''));
  await remotePage.getByLabel(/Yes, cancel my registration/).check();
  await remotePage.getByRole('button', { name: 'Cancel registration' }).click();
  await expect(remotePage.getByTestId('registration-status')).toHaveText('Cancelled');
  await hostPage.reload();
  const ended = hostPage.getByTestId('meetings-in').locator('li', { hasText: remote.name });
  await expect(ended.getByTestId('meeting-status')).toHaveText('Cancelled');
  await expect(ended.getByTestId('meeting-link')).toHaveCount(0);
  const told = await mailbox.waitFor(host.email, 3);
  const cancelled = told.find((m) => m.parsed.subject === `Your meeting with ${remote.name} is cancelled`);
  expect(cancelled?.parsed.attachments.map((a) => a.filename)).toContain('meeting.ics');
});
