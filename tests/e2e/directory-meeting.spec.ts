// "Request a meeting" from the public technology directory and from an exhibitor's page, on a phone
// (390 px, a browser in Los Angeles): the site does not know the visitor, so the meet page asks for the
// link from their confirmation mail (or offers to register); with it they land on their own meetings
// page with the listing or the exhibitor chosen, ask, and the exhibitor's contact person is mailed.
import { expect, test, type APIRequestContext } from '@playwright/test';
import { useMailbox } from './mailbox';
import { fitsPhone, phonePage, registerByApi, type Visitor } from './support/visitor';

const slug = 'china-asean-tech-forum';
const mailbox = useMailbox();

/** Registered for the forum; their manage link, from the mail. */
async function register(request: APIRequestContext, who: Visitor) {
  await registerByApi(request, who);
  return mailbox.manageLinkOf(who.email);
}

test('a visitor asks a listing from the technology directory and an exhibitor from its page, through their registration link', async ({
  browser,
  baseURL,
  request,
}) => {
  test.setTimeout(180_000);
  const suffix = Date.now().toString(36).slice(-5);
  const exhibitorName = `Andaman Diagnostics International ${suffix}`;
  const contact = { name: `Somchai ${suffix}`, email: `somchai.${suffix}@andaman.example`, country: 'TH' };
  const asker = { name: `Linh ${suffix}`, email: `linh.${suffix}@hue.example`, country: 'VN' };

  // The organiser adds and approves an exhibitor whose contact person is registered.
  const admin = await phonePage(browser, baseURL!, 'organiser');
  await admin.goto(`/admin/events/${slug}/exhibitors/new`);
  const form = admin.getByTestId('exhibitor-form');
  await form.getByLabel('Name (English)').fill(exhibitorName);
  await form.getByLabel('Web address').fill(`andaman-${suffix}`);
  await form.getByLabel('Country').selectOption('TH');
  await form.getByLabel('Big Health').check();
  await form.getByLabel('Contact email').fill(contact.email);
  await form.getByRole('button', { name: 'Add the exhibitor' }).click();
  await expect(admin).toHaveURL(/\/exhibitors\/[0-9a-f-]{36}\?done=created/);
  const exhibitorId = /exhibitors\/([0-9a-f-]{36})/.exec(admin.url())![1]!;
  await admin.getByRole('button', { name: 'Approve and publish' }).click();
  await expect(admin.getByTestId('exhibitor-status')).toContainText('Public');
  await register(request, contact);

  // The asker has joined matchmaking from their own link.
  const askerManage = await register(request, asker);
  const page = await phonePage(browser, baseURL!, 'anonymous');
  await page.goto(`${askerManage}/meetings`);
  const profile = page.getByTestId('matchmaking-profile');
  await profile.getByLabel('Big Health').check();
  await profile.getByRole('button', { name: 'Join matchmaking' }).click();
  await expect(page.getByRole('status')).toHaveText('Your matchmaking profile is saved.');

  // Every card of the technology directory has its button; it leads to the meet page set on that listing.
  await page.goto(`/events/${slug}/technologies`);
  const card = page.locator('li[data-listing]').first();
  const listingTitle = (await card.getByTestId('listing-title').textContent())!;
  await expect(page.locator('li[data-listing]')).toHaveCount(await page.getByTestId('request-meeting').count());
  await fitsPhone(page);
  await card.getByRole('link', { name: 'Request a meeting' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Request a meeting');
  await expect(page.getByTestId('meet-listing')).toContainText(listingTitle);
  await expect(page.getByRole('link', { name: 'Register for the forum' })).toHaveAttribute('href', `/events/${slug}/register`);
  await fitsPhone(page);

  // The exhibitor's public page offers a meeting with the exhibitor itself.
  await page.goto(`/events/${slug}/exhibitors`);
  await page.getByRole('link', { name: exhibitorName }).first().click();
  await expect(page.getByTestId('exhibitor-name')).toHaveText(exhibitorName);
  await fitsPhone(page);
  await page.getByRole('link', { name: `Request a meeting with ${exhibitorName}` }).click();
  await expect(page.getByTestId('meet-exhibitor')).toHaveText(exhibitorName);
  await expect(page.getByText('the request is set on this exhibitor')).toBeVisible();
  await fitsPhone(page);
  await page.getByLabel('Your registration link').fill(`${baseURL}/manage/made-up-token`);
  await page.getByRole('button', { name: 'Open my meetings' }).click();
  await expect(page.getByTestId('meet-error')).toHaveText(
    'This is not a confirmed registration link of this forum. Use the link from your confirmation email.',
  );
  await page.getByLabel('Your registration link').fill(`${baseURL}${askerManage}`);
  await page.getByRole('button', { name: 'Open my meetings' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your meetings');
  const ask = page.getByTestId('meeting-request');
  await expect(ask.getByLabel('Whom to meet')).toHaveValue(`exhibitor:${exhibitorId}`);
  await expect(ask.locator('#with option:checked')).toHaveText(exhibitorName);
  const firstSlot = await ask.locator('#slotId option').nth(1).getAttribute('value');
  await ask.getByLabel('Time and place').selectOption(firstSlot!);
  await ask.getByRole('button', { name: 'Send request' }).click();
  await expect(page.getByRole('status')).toHaveText('Your request is sent. You will get a mail when they answer.');
  await expect(page.getByTestId('meetings-out').locator('li', { hasText: contact.name })).toContainText(exhibitorName);
  await fitsPhone(page);

  // The exhibitor's contact person is asked, by mail.
  const [, requested] = await mailbox.waitFor(contact.email, 2);
  expect(requested!.parsed.subject).toBe(`${asker.name} asks to meet you`);
});
