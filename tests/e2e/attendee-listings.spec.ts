// An attendee on a phone (390 px, a browser in Los Angeles, far from the venues) posts a technology
// need from the link in their confirmation mail; the organiser approves it and puts it in the
// "Smart Hospital" technology promotion session; a visitor on the session page presses "Request a
// meeting", gives their own registration link, lands on their meetings page with the listing
// chosen, asks, and the author gets the request by mail.
import { expect, test, type APIRequestContext } from '@playwright/test';
import { useMailbox } from './mailbox';
import { fitsPhone, phonePage, registerByApi, type Visitor } from './support/visitor';

const slug = 'china-asean-tech-forum';
const mailbox = useMailbox();

/** Registered for the forum as a research institute's person; their manage link, from the mail. */
async function register(request: APIRequestContext, who: Visitor) {
  await registerByApi(request, { ...who, organisation: `${who.name} Institute`, participantType: 'research_institute' });
  return mailbox.manageLinkOf(who.email);
}

test('an attendee posts a need, the organiser approves it and presents it in a promotion session, and a visitor asks its author for a meeting', async ({
  browser,
  baseURL,
  request,
}) => {
  test.setTimeout(180_000);
  const suffix = Date.now().toString(36).slice(-5);
  const minute = String(Date.now() % 30).padStart(2, '0');
  const title = `Cold-chain sensors for vaccines ${suffix}`;
  const author = { name: `Nguyen An ${suffix}`, email: `nguyen.an.${suffix}@hanoi.example`, country: 'VN' };
  const asker = { name: `Arun ${suffix}`, email: `arun.${suffix}@bangkok.example`, country: 'TH' };

  // The author posts a need from their manage page; a title left empty is refused beside the field.
  const authorPage = await phonePage(browser, baseURL!, 'anonymous');
  await authorPage.goto(await register(request, author));
  await authorPage.getByTestId('listings-link').click();
  await expect(authorPage.getByRole('heading', { level: 1 })).toHaveText('Your technology offers and needs');
  const form = authorPage.getByTestId('new-listing-form');
  await form.getByLabel('Technology wanted').check();
  await form.getByLabel('Sector').selectOption({ label: 'Big Health' });
  await form.getByLabel('Readiness level (TRL)').selectOption('5');
  await form.getByLabel('Protection').selectOption('know-how');
  await form.getByLabel('Joint research').check();
  // `required` is the browser's own check; removing it shows the server's words.
  await form.getByLabel('Title (in your language)').evaluate((input) => input.removeAttribute('required'));
  await form.getByRole('button', { name: 'Send for approval' }).click();
  await expect(authorPage.getByTestId('error-title')).toHaveText('Fill in this field.');
  const again = authorPage.getByTestId('new-listing-form');
  await again.getByLabel('Title (in your language)').fill(title);
  await again.getByLabel('Sector').selectOption({ label: 'Big Health' });
  await again.getByLabel('Readiness level (TRL)').selectOption('5');
  await again.getByLabel('Protection').selectOption('know-how');
  await again.getByLabel('Joint research').check();
  await again.getByLabel('Summary').fill('We look for <b>low-power</b> sensors for district clinics.');
  await again.getByRole('button', { name: 'Send for approval' }).click();
  await expect(authorPage.getByRole('status')).toHaveText(
    'Your listing is sent. It appears in the directory once the organisers approve it.',
  );
  const mine = authorPage.locator('[data-my-listing]', { hasText: title });
  await expect(mine.getByTestId('my-listing-status')).toHaveText("Waiting for the organisers' check");
  await fitsPhone(authorPage);

  // Not public until approved.
  const visitor = await phonePage(browser, baseURL!, 'anonymous');
  await visitor.goto(`/events/${slug}/technologies`);
  await expect(visitor.getByText(title)).toHaveCount(0);

  // The organiser approves it; the moderation list names the author's organisation and country.
  const admin = await phonePage(browser, baseURL!, 'organiser');
  await admin.goto(`/admin/events/${slug}/listings`);
  const row = admin.locator(`[data-listing="${title}"]`);
  await expect(row.getByTestId('listing-attendee')).toHaveText(`${author.name} Institute (VN), participant`);
  await row.getByRole('button', { name: 'Publish' }).click();
  await expect(admin.locator(`[data-listing="${title}"]`).getByTestId('listing-status')).toHaveText('Public');
  await visitor.reload();
  await expect(visitor.locator('[data-listing]', { hasText: title }).getByTestId('listing-attendee-author')).toHaveText(
    `By ${author.name} Institute`,
  );

  // A meeting time at Bangkok, and the listing presented in the smart-hospital promotion session.
  await admin.goto(`/admin/events/${slug}/meetings`);
  const slotForm = admin.getByTestId('slot-form');
  const bangkok = await slotForm.locator('#slot-venueId option', { hasText: 'Bangkok' }).first().getAttribute('value');
  await slotForm.getByLabel('Venue').selectOption(bangkok!);
  await slotForm.getByLabel('Label').fill(`Listings ${suffix}`);
  await slotForm.getByLabel('Date').fill('2027-09-17');
  await slotForm.getByLabel('Starts').fill(`11:${minute}`);
  await slotForm.getByLabel('Ends').fill(`11:${String(Number(minute) + 30)}`);
  await slotForm.getByLabel('Meeting tables').fill('2');
  await slotForm.getByRole('button', { name: 'Open this time' }).click();
  await expect(admin.getByRole('status')).toHaveText('The meeting time is open.');
  await admin.goto(`/admin/events/${slug}/agenda`);
  await admin.getByRole('link', { name: 'Technology Promotion: Smart Hospital Solutions' }).first().click();
  const picker = admin.getByTestId('session-listings');
  // The demo presents two listings; the third place is free.
  const value = await picker.locator('#listing-place-3 option', { hasText: title }).getAttribute('value');
  await picker.locator('#listing-place-3').selectOption(value!);
  await picker.getByRole('button', { name: 'Save the listings' }).click();
  await expect(admin.getByRole('status').filter({ hasText: 'The presented listings are saved.' })).toBeVisible();

  // The asker joins matchmaking from their own link.
  const askerManage = await register(request, asker);
  const askerPage = await phonePage(browser, baseURL!, 'anonymous');
  await askerPage.goto(`${askerManage}/meetings`);
  const profile = askerPage.getByTestId('matchmaking-profile');
  await profile.getByLabel('Big Health').check();
  await profile.getByRole('button', { name: 'Join matchmaking' }).click();
  await expect(askerPage.getByRole('status')).toHaveText('Your matchmaking profile is saved.');

  // On the public session page (no manage link known), "Request a meeting" explains and asks for it.
  await askerPage.goto(`/events/${slug}/sessions/promotion-smart-hospitals`);
  const presented = askerPage.getByTestId('presented-listings').locator('li', { hasText: title });
  await expect(presented).toContainText(`By ${author.name} Institute`);
  await expect(presented).toContainText('Big Health');
  await expect(presented).toContainText('Readiness level 5 of 9');
  await fitsPhone(askerPage);
  await presented.getByRole('link', { name: 'Request a meeting' }).click();
  await expect(askerPage.getByRole('heading', { level: 1 })).toHaveText('Request a meeting');
  await expect(askerPage.getByTestId('meet-listing')).toContainText(title);
  await fitsPhone(askerPage);
  // Someone else's made-up link is refused in words.
  await askerPage.getByLabel('Your registration link').fill(`${baseURL}/manage/made-up-token`);
  await askerPage.getByRole('button', { name: 'Open my meetings' }).click();
  await expect(askerPage.getByTestId('meet-error')).toHaveText(
    'This is not a confirmed registration link of this forum. Use the link from your confirmation email.',
  );
  await askerPage.getByLabel('Your registration link').fill(`${baseURL}${askerManage}`);
  await askerPage.getByRole('button', { name: 'Open my meetings' }).click();
  await expect(askerPage.getByRole('heading', { level: 1 })).toHaveText('Your meetings');
  const ask = askerPage.getByTestId('meeting-request');
  await expect(ask.getByLabel('Whom to meet')).toHaveValue(/^listing:/);
  const slotValue = await ask.locator('#slotId option', { hasText: `Listings ${suffix}` }).getAttribute('value');
  await ask.getByLabel('Time and place').selectOption(slotValue!);
  await ask.getByRole('button', { name: 'Send request' }).click();
  await expect(askerPage.getByRole('status')).toHaveText('Your request is sent. You will get a mail when they answer.');

  // The author, not an exhibitor's contact, is asked: by mail, and on their meetings page.
  const [, requested] = await mailbox.waitFor(author.email, 2);
  expect(requested!.parsed.subject).toBe(`${asker.name} asks to meet you`);
  await authorPage.goto(`${new URL(authorPage.url()).pathname.replace(/\/listings$/, '')}/meetings`);
  await expect(authorPage.getByTestId('meetings-in')).toContainText(asker.name);
  await fitsPhone(authorPage);
});
