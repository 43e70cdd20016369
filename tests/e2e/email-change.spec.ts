import { expect, test } from '@playwright/test';
import { useMailbox } from './mailbox';
import { phonePage, registerByApi } from './support/visitor';

const EVENT = 'china-asean-tech-forum';
const mailbox = useMailbox();

test.use({ viewport: { width: 390, height: 844 } });

test('a registrant moves their registration to a new address only through the link mailed to it; the old address is told', async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  const old = 'address.mover@example.org';
  const fresh = 'address.mover.new@example.org';
  const created = await request.post(`/api/v1/events/${EVENT}/registrations`, {
    data: { name: 'Address Mover', email: old, country: 'LA', participantType: 'other', mode: 'online', consent: true },
  });
  expect(created.status()).toBe(201);
  const [confirmation] = await mailbox.waitFor(old, 1);
  const manage = mailbox.managePath(confirmation!);

  await page.goto(manage);
  const form = page.getByTestId('email-change-form');
  await form.getByLabel('New email address').fill(old);
  await form.getByRole('button', { name: 'Send the confirmation link' }).click();
  await expect(page.locator('#email-change-error')).toHaveText("This is already the registration's address.");
  await page.getByTestId('email-change-form').getByLabel('New email address').fill(fresh);
  await page.getByTestId('email-change-form').getByRole('button', { name: 'Send the confirmation link' }).click();
  await expect(page.getByTestId('email-change-form').getByRole('status')).toContainText('Nothing changes until you open it');
  // Nothing changed yet.
  await expect(page.getByText(`Address Mover · ${old}`)).toBeVisible();

  const [asked] = await mailbox.waitFor(fresh, 1);
  const link = /https?:\/\/\S+?(\/manage\/email\/\S+)/.exec(asked!.parsed.text ?? '')![1]!;
  await page.goto(link);
  await expect(page.getByTestId('email-change-confirm')).toContainText(`from ${old} to ${fresh}`);
  await page.getByRole('button', { name: 'Yes, use this address' }).click();
  await expect(page.getByTestId('email-change-done')).toContainText(fresh);
  const told = await mailbox.waitFor(old, 2);
  expect(told.at(-1)!.parsed.subject).toContain('was changed');
  expect(told.at(-1)!.parsed.text).toContain(fresh);

  // The link works once.
  await page.getByRole('link', { name: 'Go to your registration' }).click();
  await expect(page.getByText(`Address Mover · ${fresh}`)).toBeVisible();
  const again = await page.context().request.get(link);
  expect(await again.text()).not.toContain('Yes, use this address');
});

test('a crafted link cannot put its own sentence on a registrant’s or an organiser’s page: text the app did not sign reads as “not done”', async ({
  page,
  request,
  browser,
  baseURL,
}) => {
  const who = 'crafted.link@example.org';
  await registerByApi(request, { name: 'Crafted Link', email: who, country: 'KH', participantType: 'other', online: true }, EVENT);
  const manage = await mailbox.manageLinkOf(who);
  const lure = 'Your registration is suspended. Pay the fee at pay-forum.example';
  const notDone = 'This was not done. Try again, or ask the organisers.';
  const main = page.locator('main');
  for (const crafted of [lure, `${lure}~${'A'.repeat(43)}`]) {
    await page.goto(`${manage}?error=${encodeURIComponent(crafted)}`);
    await expect(main).toContainText(notDone);
    await expect(main).not.toContainText('pay-forum.example');
  }
  // The app's own unsigned links carry validation keys, which still read as their words; a key whose
  // value is not a number is someone else's sentence inside the app's.
  await page.goto(`${manage}?error=confirmCancel`);
  await expect(main).toContainText('Tick the box to confirm');
  await page.goto(`${manage}?error=${encodeURIComponent('tooLong?max=60')}`);
  await expect(main).toContainText('Use at most 60 characters.');
  await page.goto(`${manage}?error=${encodeURIComponent('tooLong?max=URGENT: pay at pay-forum.example')}`);
  await expect(main).toContainText(notDone);
  await expect(main).not.toContainText('pay-forum.example');

  const organiser = await phonePage(browser, baseURL!, 'organiser');
  await organiser.goto(`/admin/events/${EVENT}/streams?error=${encodeURIComponent(lure)}`);
  await expect(organiser.locator('main')).toContainText(notDone);
  await expect(organiser.locator('main')).not.toContainText('pay-forum.example');
  await organiser.context().close();
});
