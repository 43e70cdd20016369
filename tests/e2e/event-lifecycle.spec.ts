import { expect, test } from '@playwright/test';
import { useMailbox } from './mailbox';
import { contextFor, seededIds } from './support/page-inventory';

test.describe.configure({ timeout: 240_000 });

// The venue manager's invite arrives by mail, read from a real SMTP server.
const mailbox = useMailbox();

/**
 * Issue 16 as an organiser does it: next year's forum cloned from this one, a venue manager for
 * Bangkok invited by mail who signs in by the link and edits a Bangkok session (and is refused a
 * session of another venue), its programme and the event published, registration opened, someone registers, registration closed (the form and the
 * API refuse), the event archived (no longer listed, still readable).
 */
test('an organiser clones the forum into next year, takes it from draft to archived, and the public side follows each step', async ({
  browser,
  baseURL,
}) => {
  const ids = seededIds();
  const context = await contextFor(browser, 'organiser', 'en', baseURL!);
  const page = await context.newPage();
  await page.goto(`/admin/events/${ids.slug}/settings`);
  await expect(page.getByTestId('event-phase')).toHaveAttribute('data-phase', /open|upcoming/);

  const form = page.getByTestId('clone-event-form');
  await form.getByLabel('Name of the new edition (English)').fill('The 11th Forum on China-ASEAN Technology Transfer');
  await form.getByRole('button', { name: 'Create the next edition' }).click();
  // The web address is required: the form says so beside the field, in words.
  await expect(form.locator('#clone-slug-error')).not.toBeEmpty();
  await expect(form.locator('#clone-slug')).toBeFocused();
  await form.getByLabel('Web address').fill('forum-next-edition');
  await form.getByRole('button', { name: 'Create the next edition' }).click();

  await expect(page).toHaveURL(/\/admin\/events\/forum-next-edition\/settings\?done=cloned/);
  await expect(page.getByTestId('cloned')).toContainText(/Copied from .*: \d+ sessions, \d+ venues/);
  await expect(page.getByTestId('event-phase')).toHaveAttribute('data-phase', 'draft');
  // A draft is the team's alone.
  expect((await page.request.get('/events/forum-next-edition/agenda')).status()).toBe(404);

  // Its settings: an error beside the field, then saved.
  const settings = page.getByTestId('event-settings-form');
  await settings.getByLabel('Public contact address').fill('not an address');
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await expect(settings.locator('#settings-contactEmail-error')).not.toBeEmpty();
  await settings.getByLabel('Public contact address').fill('forum@example.org');
  await settings.getByLabel('Name (Chinese)').fill('第十一届中国—东盟技术转移与创新合作大会');
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByTestId('settings-notice')).toHaveText('Settings saved.');
  await page.reload();
  await expect(settings.getByLabel('Public contact address')).toHaveValue('forum@example.org');

  // The team: a venue manager for Bangkok. A venue role without its venue is an error beside the field.
  await page.getByRole('navigation', { name: 'Event administration' }).getByRole('link', { name: 'Team' }).click();
  await expect(page).toHaveURL(/\/admin\/events\/forum-next-edition\/team$/);
  const invite = page.getByTestId('team-invite-form');
  const managerEmail = `bangkok.manager.${Date.now()}@example.org`;
  await invite.getByLabel('Email', { exact: true }).fill(managerEmail);
  await invite.getByLabel('Role').selectOption('venue_manager');
  await invite.getByRole('button', { name: 'Send invite' }).click();
  await expect(invite.locator('#invite-venueId-error')).toHaveText('Choose the venue this person will manage.');
  const bangkok = await invite.locator('#invite-venueId option', { hasText: 'Bangkok' }).getAttribute('value');
  await invite.getByLabel('Venue').selectOption(bangkok!);
  await invite.getByRole('button', { name: 'Send invite' }).click();
  await expect(page.getByRole('status')).toHaveText(`Invite sent to ${managerEmail}.`);
  await expect(page.locator(`[data-invite="${managerEmail}"]`)).toContainText('Bangkok');

  // The manager signs in by the mailed link, on their own browser.
  const [inviteMail] = await mailbox.waitFor(managerEmail, 1);
  const invitePath = new URL(/https?:\/\/\S+?\/invite\/[A-Za-z0-9_-]+/.exec(inviteMail!.parsed.text ?? '')![0]).pathname;
  const managerContext = await browser.newContext({ baseURL });
  const manager = await managerContext.newPage();
  await manager.goto(invitePath);
  await expect(manager.getByRole('main')).toContainText('venue manager for Bangkok');
  await manager.getByRole('button', { name: 'Accept and sign in' }).click();
  await expect(manager).toHaveURL(/\/admin\/events\/forum-next-edition\/agenda$/);
  const sessionLinks = (p: typeof page) =>
    p
      .locator('a[href*="/agenda/sessions/"]')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')!).filter((h) => !h.endsWith('/new')));
  const own = await sessionLinks(manager);
  expect(own.length).toBeGreaterThan(0);
  await manager.goto(own[0]!);
  const editor = manager.getByLabel('Title (English)');
  await editor.fill('Thailand Medical Hub: Matchmaking, run from Bangkok');
  await manager.getByRole('button', { name: 'Save session' }).click();
  // The demo's Bangkok matchmaking shares a speaker with a Nanning ceremony that day: the editor
  // warns first, and the manager saves having read it.
  await manager.getByLabel('I have read the warnings; save anyway').check();
  await manager.getByRole('button', { name: 'Save session' }).click();
  await expect(manager).toHaveURL(/\/agenda\?saved=1$/);
  await expect(manager.getByRole('link', { name: 'Thailand Medical Hub: Matchmaking, run from Bangkok' })).toBeVisible();
  // Another venue's session, by its address: not found, as for a stranger.
  await page.goto('/admin/events/forum-next-edition/agenda');
  const foreign = (await sessionLinks(page)).find((href) => !own.includes(href))!;
  expect((await manager.request.get(foreign, { maxRedirects: 0 })).status()).toBe(404);
  // The link worked once.
  await manager.goto(invitePath);
  await expect(manager.getByRole('main')).toContainText('This invite link was used, revoked or has expired.');
  await page.goto('/admin/events/forum-next-edition/team');
  await expect(page.locator(`[data-member="${managerEmail}"]`)).toContainText('Venue manager');
  await managerContext.close();
  await page.goto('/admin/events/forum-next-edition/settings');

  // Publishing the event before its programme is refused with the way forward.
  await page.getByRole('button', { name: 'Publish the event' }).click();
  await expect(page.getByTestId('phase-refused')).toContainText('Publish the programme first');
  await page.goto('/admin/events/forum-next-edition/agenda');
  await page.getByRole('button', { name: /^Publish version 1/ }).click();
  await expect(page.getByTestId('published')).toContainText('Published version 1');

  await page.goto('/admin/events/forum-next-edition/settings');
  await page.getByRole('button', { name: 'Publish the event' }).click();
  await expect(page.getByTestId('event-phase')).toHaveAttribute('data-phase', 'upcoming');
  expect((await page.request.get('/events/forum-next-edition/agenda')).status()).toBe(200);
  const anonymous = await browser.newContext({ baseURL });
  const visitor = await anonymous.newPage();
  await visitor.goto('/events/forum-next-edition/register');
  await expect(visitor.getByTestId('registration-not-open')).toHaveAttribute('data-phase', 'upcoming');
  // The home page lists it under the forum it features.
  await visitor.goto('/');
  await expect(visitor.getByTestId('other-events').locator('[data-event="forum-next-edition"]')).toBeVisible();

  await page.getByRole('button', { name: 'Open registration' }).click();
  await expect(page.getByTestId('event-phase')).toHaveAttribute('data-phase', 'open');
  const registration = {
    name: 'Next Edition Attendee',
    email: `next.edition.${Date.now()}@example.org`,
    country: 'TH',
    organisation: 'Chulalongkorn University',
    participantType: 'university',
    mode: 'online',
    sessions: [],
    locale: 'en',
    consent: true,
  };
  const registered = await visitor.request.post('/api/v1/events/forum-next-edition/registrations', { data: registration });
  expect(registered.status()).toBe(201);

  await page.getByRole('button', { name: 'Close registration' }).click();
  await expect(page.getByTestId('event-phase')).toHaveAttribute('data-phase', 'closed');
  const late = await visitor.request.post('/api/v1/events/forum-next-edition/registrations', {
    data: { ...registration, email: `late.${registration.email}` },
  });
  expect(late.status()).toBe(422);
  // The API words the validation key in the caller's language (en by default).
  expect((await late.json()).fields).toEqual({ event: 'Registration for this forum has closed.' });
  await visitor.goto('/events/forum-next-edition/register');
  await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('Registration is closed');
  await expect(visitor.getByRole('link', { name: 'See the programme' })).toBeVisible();

  await page.getByRole('button', { name: 'Archive the event' }).click();
  await expect(page.getByTestId('event-phase')).toHaveAttribute('data-phase', 'archived');
  const listed = await (await visitor.request.get('/api/v1/events')).json();
  expect(listed.events.map((e: { slug: string }) => e.slug)).not.toContain('forum-next-edition');
  expect((await visitor.request.get('/events/forum-next-edition/agenda')).status()).toBe(200);
  await visitor.goto('/');
  await expect(visitor.locator('[data-event="forum-next-edition"]')).toHaveCount(0);
  await anonymous.close();
  await context.close();
});

test('an organiser with the platform role creates a new forum as a draft from the admin home', async ({ browser, baseURL }) => {
  const context = await contextFor(browser, 'organiser', 'en', baseURL!);
  const page = await context.newPage();
  await page.goto('/admin');
  await page.getByRole('link', { name: 'New event' }).click();
  await expect(page).toHaveURL(/\/admin\/events\/new$/);
  await page.getByLabel('Name (English)').fill('ASEAN-China Marine Science Forum');
  await page.getByLabel('Name (English)').blur();
  // The web address is made from the English name.
  await expect(page.getByLabel('Web address')).toHaveValue('asean-china-marine-science-forum');
  await page.getByLabel('First day').fill('2027-03-11');
  await page.getByLabel('Last day').fill('2027-03-10');
  await page.getByLabel('Venue name').fill('Xiamen International Conference Center');
  await page.getByLabel('City').fill('Xiamen');
  await page.getByRole('button', { name: 'Create the draft' }).click();
  await expect(page.locator('#event-lastDay-error')).not.toBeEmpty();
  await page.getByLabel('Last day').fill('2027-03-12');
  await page.getByRole('button', { name: 'Create the draft' }).click();
  await expect(page).toHaveURL(/\/admin\/events\/asean-china-marine-science-forum\/settings\?done=created/);
  await expect(page.getByTestId('event-phase')).toHaveAttribute('data-phase', 'draft');
  await page.goto('/admin');
  await expect(page.locator('[data-event="asean-china-marine-science-forum"]')).toBeVisible();
  await context.close();
});
