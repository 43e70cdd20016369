// An organiser, on a phone (390 px), invites a person to an exhibitor's staff and revokes the invite
// before it is accepted: the mailed link (read over SMTP) then says it was used, revoked or has expired,
// and offers no button.
import { expect, test } from '@playwright/test';
import { useMailbox } from './mailbox';
import { contextFor } from './support/page-inventory';
import { phone390 } from './support/visitor';
import { seededIds } from './support/seeded-ids';

const slug = 'china-asean-tech-forum';
const PHONE_390 = phone390('Asia/Bangkok');
const mailbox = useMailbox();

test('an organiser revokes an exhibitor staff invite before it is accepted, and its link no longer works', async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  const email = `revoked.${Date.now().toString(36)}@siam-medtech.example`;
  const organiser = await contextFor(browser, 'organiser', 'en', baseURL!, PHONE_390);
  const admin = await organiser.newPage();
  await admin.goto(`/admin/events/${slug}/exhibitors/${seededIds().exhibitorId}`);
  const invite = admin.getByTestId('staff-invite-form');
  await invite.getByLabel('Email').fill(email);
  await invite.getByRole('button', { name: 'Invite as staff' }).click();
  const open = admin.getByTestId('exhibitor-staff').locator(`[data-invite="${email}"]`);
  await expect(open).toBeVisible();
  const [mail] = await mailbox.waitFor(email, 1);
  const link = /https?:\/\/\S+?\/exhibitor\/invite\/[A-Za-z0-9_-]+/.exec(mail!.parsed.text ?? '')![0];

  await open.getByRole('button', { name: `Revoke the invite to ${email}` }).click();
  await expect(admin.getByRole('status')).toHaveText('The invite is revoked: its link no longer works.');
  await expect(admin.getByTestId('exhibitor-staff').locator(`[data-invite="${email}"]`)).toHaveCount(0);
  expect(await admin.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  const invitee = await (await contextFor(browser, 'anonymous', 'en', baseURL!, PHONE_390)).newPage();
  await invitee.goto(new URL(link).pathname);
  await expect(invitee.locator('.notice.bad')).toHaveText(
    'This invite link was used, revoked or has expired. Ask the organisers for a new one.',
  );
  await expect(invitee.getByRole('button', { name: 'Accept' })).toHaveCount(0);
});
