// Issue 20's "done when", on phones (390 px) in browsers far from both venues: the organiser adds a
// Bangkok exhibitor and invites its staff member, who signs in through the mailed link (read over
// SMTP) and lists an offer in Big Health; the organiser approves it; a Nanning attendee (registered
// through the API) finds it in the public technologies directory by its sector and asks for a
// meeting; the staff member accepts on the exhibitor portal; both see the time on Bangkok's clock
// with its zone and in their own, download the calendar entry; the attendee cancels and the
// exhibitor's side is told by mail.
import { expect, test } from '@playwright/test';
import { useMailbox } from './mailbox';
import { contextFor } from './support/page-inventory';
import { fitsPhone, phone390, registerByApi } from './support/visitor';

const slug = 'china-asean-tech-forum';
const mailbox = useMailbox();

/** The first mail to `address` whose subject starts with `subject` (the outbox retries with a pause, so it may take a while). */
const mailWith = async (address: string, subject: string) => {
  const found = () => mailbox.to(address).find((m) => (m.parsed.subject ?? '').startsWith(subject));
  await expect.poll(() => Boolean(found()), { timeout: 120_000, message: `"${subject}" to ${address}` }).toBe(true);
  return found()!;
};

test('an invited exhibitor’s staff lists an offer, an attendee finds it and asks to meet, the staff accepts on the portal, and the cancellation reaches both', async ({
  browser,
  baseURL,
  request,
}) => {
  test.setTimeout(300_000);
  const suffix = Date.now().toString(36).slice(-5);
  const minute = String(Date.now() % 29).padStart(2, '0');
  const exhibitorName = `Chao Phraya Biotech ${suffix}`;
  const staff = { name: `Naree ${suffix}`, email: `naree.${suffix}@chaophraya.example`, country: 'TH', venue: 'bangkok' };
  const attendee = { name: `Huang Lei ${suffix}`, email: `huang.${suffix}@nanning.example`, country: 'CN', venue: 'nanning' };
  const title = `Saliva glucose strip ${suffix}`;
  const label = `Exhibitor journey ${suffix}`;

  // The organiser adds the Bangkok exhibitor (its contact is the staff member), approves it, opens a
  // meeting time at Bangkok and invites the staff member by mail.
  const organiser = await contextFor(browser, 'organiser', 'en', baseURL!, phone390('Europe/Berlin'));
  const admin = await organiser.newPage();
  await admin.goto(`/admin/events/${slug}/exhibitors/new`);
  const form = admin.getByTestId('exhibitor-form');
  await form.getByLabel('Name (English)').fill(exhibitorName);
  await form.getByLabel('Web address').fill(`chao-phraya-${suffix}`);
  await form.getByLabel('Country').selectOption('TH');
  await form.getByLabel('Big Health').check();
  await form.getByLabel('Venue').selectOption({ label: 'Bangkok Branch Venue — Science Park Convention Hall' });
  await form.getByLabel('Hall').fill('Hall J');
  await form.getByLabel('Booth number').fill(`J-${suffix}`);
  await form.getByLabel('Contact email').fill(staff.email);
  await form.getByRole('button', { name: 'Add the exhibitor' }).click();
  await expect(admin).toHaveURL(/\/exhibitors\/[0-9a-f-]{36}\?done=created/);
  const exhibitorId = /exhibitors\/([0-9a-f-]{36})/.exec(admin.url())![1]!;
  await admin.getByRole('button', { name: 'Approve and publish' }).click();
  await expect(admin.getByTestId('exhibitor-status')).toContainText('Public');
  const invite = admin.getByTestId('staff-invite-form');
  await invite.getByLabel('Email').fill(staff.email);
  await invite.getByRole('button', { name: 'Invite as staff' }).click();
  await expect(admin.getByTestId('exhibitor-staff').locator(`[data-invite="${staff.email}"]`)).toBeVisible();
  await fitsPhone(admin);

  const slots = await organiser.newPage();
  await slots.goto(`/admin/events/${slug}/meetings`);
  const slotForm = slots.getByTestId('slot-form');
  const bangkok = await slotForm.locator('#slot-venueId option', { hasText: 'Bangkok' }).first().getAttribute('value');
  await slotForm.getByLabel('Venue').selectOption(bangkok!);
  await slotForm.getByLabel('Label').fill(label);
  await slotForm.getByLabel('Date').fill('2027-09-18');
  await slotForm.getByLabel('Starts').fill(`14:${minute}`);
  await slotForm.getByLabel('Ends').fill(`14:${Number(minute) + 30}`);
  await slotForm.getByLabel('Meeting tables').fill('2');
  await slotForm.getByRole('button', { name: 'Open this time' }).click();
  await expect(slots.getByRole('status')).toHaveText('The meeting time is open.');

  // The staff member, registered for the forum at Bangkok (their registration answers for the
  // exhibitor), follows the mailed invite on their phone in London and is signed in on accepting.
  await registerByApi(request, staff);
  const inviteMail = await mailWith(staff.email, `You are invited to staff ${exhibitorName} at `);
  const inviteLink = /https?:\/\/\S+?\/exhibitor\/invite\/[A-Za-z0-9_-]+/.exec(inviteMail.parsed.text ?? '')![0];
  const staffContext = await contextFor(browser, 'anonymous', 'en', baseURL!, phone390('Europe/London'));
  const portal = await staffContext.newPage();
  await portal.goto(new URL(inviteLink).pathname);
  await portal.getByRole('button', { name: 'Accept' }).click();
  await expect(portal).toHaveURL(/\/exhibitor$/);
  await portal.getByRole('link', { name: exhibitorName }).click();
  await expect(portal.getByTestId('own-exhibitor-title')).toHaveText(exhibitorName);
  await fitsPhone(portal);

  // They list an offer in Big Health: it waits for moderation.
  await portal.getByRole('link', { name: 'Add a listing' }).click();
  const listing = portal.getByTestId('listing-form');
  await listing.getByLabel('Sector').selectOption('big-health');
  await listing.getByLabel('Title (English)').fill(title);
  await listing.getByLabel('Readiness level (TRL)').selectOption('6');
  await listing.getByLabel('Protection').selectOption('patent');
  await listing.getByLabel('Licensing').check();
  await fitsPhone(portal);
  await listing.getByRole('button', { name: 'Add the listing' }).click();
  await expect(portal.getByRole('status')).toHaveText('Listing saved. It is public once the organisers publish it.');
  await expect(portal.locator('[data-listing]', { hasText: title })).toContainText('Waiting for moderation');

  // The organiser publishes it.
  await admin.goto(`/admin/events/${slug}/listings`);
  await admin.locator(`[data-listing="${title}"]`).getByRole('button', { name: 'Publish' }).click();
  await expect(admin.getByRole('status')).toHaveText('Listing published.');

  // A Nanning attendee, on a phone in Los Angeles, finds it by its sector in the public directory.
  await registerByApi(request, attendee);
  const [confirmation] = await mailbox.waitFor(attendee.email, 1);
  const attendeeContext = await contextFor(browser, 'anonymous', 'en', baseURL!, phone390('America/Los_Angeles'));
  const visitor = await attendeeContext.newPage();
  await visitor.goto(`/events/${slug}/technologies`);
  const filters = visitor.getByTestId('listing-filters');
  await filters.getByLabel('Sector').selectOption('big-health');
  await filters.getByRole('button', { name: 'Apply' }).click();
  await expect(visitor.getByTestId('listing-title').filter({ hasText: title })).toHaveCount(1);
  await fitsPhone(visitor);

  // They join matchmaking from their manage link and ask the listing for the Bangkok time.
  await visitor.goto(mailbox.managePath(confirmation!));
  await visitor.getByTestId('meetings-link').click();
  const profile = visitor.getByTestId('matchmaking-profile');
  await profile.getByLabel('Big Health').check();
  await profile.getByRole('button', { name: 'Join matchmaking' }).click();
  await expect(visitor.getByRole('status')).toHaveText('Your matchmaking profile is saved.');
  const ask = visitor.getByTestId('meeting-request');
  await ask.getByLabel('Whom to meet').selectOption({ label: `${title} — ${exhibitorName}` });
  const slotValue = await ask.locator('#slotId option', { hasText: label }).getAttribute('value');
  await ask.getByLabel('Time and place').selectOption(slotValue!);
  await ask.getByRole('button', { name: 'Send request' }).click();
  await expect(visitor.getByRole('status')).toHaveText('Your request is sent. You will get a mail when they answer.');

  // The staff member sees it on the portal and accepts: a Nanning attendee and a Bangkok exhibitor meet online.
  await portal.goto(`/exhibitor/${exhibitorId}`);
  await portal.getByTestId('exhibitor-meetings-link').click();
  const incoming = portal.getByTestId('meetings-in').locator('li', { hasText: attendee.name });
  await expect(incoming).toContainText(title);
  await incoming.getByRole('button', { name: 'Accept' }).click();
  await expect(portal.getByRole('status')).toHaveText('Accepted. The meeting link is shown below.');

  // Both see the time on Bangkok's clock with its zone, and in their own zone once asked.
  const bangkokTime = `14:${minute}–14:${Number(minute) + 30} Bangkok, GMT+7`;
  await visitor.reload();
  for (const [page, list, own] of [
    [portal, 'meetings-in', 'Europe/London'],
    [visitor, 'meetings-out', 'America/Los_Angeles'],
  ] as const) {
    await page.getByTestId('viewer-zone').click();
    await expect(page).toHaveURL(new RegExp(`tz=${encodeURIComponent(own).replace('/', '%2F')}|tz=${own}`));
    const meeting = page.getByTestId(list).locator('li', { hasText: label });
    await expect(meeting.getByTestId('meeting-status')).toHaveText('Accepted');
    await expect(meeting.getByTestId('meeting-time')).toContainText(bangkokTime);
    await expect(meeting.getByTestId('meeting-time')).toContainText(`Your time: `);
    await expect(meeting.getByTestId('meeting-time')).toContainText(own);
    const href = await meeting.getByTestId('meeting-calendar').getAttribute('href');
    const calendar = await page.request.get(href!);
    expect(calendar.headers()['content-type']).toContain('text/calendar');
    expect(await calendar.text()).toContain('STATUS:CONFIRMED');
    await fitsPhone(page);
  }

  // The attendee cancels; both sides are told by mail, each with the calendar entry's cancellation,
  // and the attendee's own page says so.
  await visitor.getByTestId('meetings-out').locator('li', { hasText: label }).getByRole('button', { name: 'Cancel meeting' }).click();
  await expect(visitor.getByRole('status')).toHaveText('Cancelled. The time is free again.');
  const cancelled = await mailWith(staff.email, `${attendee.name} cancelled your meeting`);
  expect(cancelled.parsed.attachments.map((a) => a.filename)).toContain('meeting.ics');
  // Both get the cancellation: the attendee who cancelled is told too, with their calendar's cancellation.
  const ownCancellation = await mailWith(attendee.email, 'You cancelled your meeting with ');
  const ownCalendar = ownCancellation.parsed.attachments.find((a) => a.filename === 'meeting.ics')?.content.toString() ?? '';
  expect(ownCalendar).toContain('METHOD:CANCEL');
  expect(ownCalendar).toContain('STATUS:CANCELLED');
  await portal.reload();
  await expect(portal.getByTestId('meetings-in').locator('li', { hasText: label }).getByTestId('meeting-status')).toHaveText('Cancelled');
});
