import { expect, test, type Browser, type Page } from '@playwright/test';
import { matrixAccounts, PASSWORD } from './fixtures';
import { seededIds } from './support/seeded-ids';

// Every role's main pages under the Content-Security-Policy: the page's scripts run (the app is
// hydrated), forms and editors work, and the browser reports no violation at all.

const slug = 'china-asean-tech-forum';
const organiser = { email: 'organiser@forum.demo', password: 'demo-organiser-2026' };

type Watched = { page: Page; violations: string[] };

async function watched(browser: Browser): Promise<Watched> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const violations: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      // Read back by violationsOn(); console messages alone can be missed before a listener exists.
      const list = ((window as unknown as { __csp?: string[] }).__csp ??= []);
      list.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
    });
  });
  page.on('console', (message) => {
    if (/Content.Security.Policy|Refused to (execute|load|apply|frame|connect)/i.test(message.text()))
      violations.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => violations.push(`page error: ${error.message}`));
  return { page, violations };
}

/** Opens a page, waits for React to take it over, and fails on any policy violation so far. */
async function visit({ page, violations }: Watched, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBeLessThan(400);
  await expectRunning({ page, violations }, path);
  return response!;
}

async function expectRunning({ page, violations }: Watched, what: string) {
  // The App Router's bootstrap sets window.next: it only runs when the nonce let its scripts in.
  await expect
    .poll(() => page.evaluate(() => Boolean((window as unknown as { next?: unknown }).next)), { message: `${what}: scripts ran` })
    .toBe(true);
  const reported = await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
  expect([...violations, ...reported], what).toEqual([]);
}

async function signIn(w: Watched, path: string, email: string, password: string) {
  await w.page.goto(path);
  await expect(w.page).toHaveURL(/\/signin\?callbackUrl=/);
  await expectRunning(w, 'sign-in page');
  await w.page.getByLabel('Email').first().fill(email);
  await w.page.getByLabel('Password').fill(password);
  await w.page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(w.page).toHaveURL(new RegExp(`${path}$`), { timeout: 30_000 });
  await expectRunning(w, path);
}

// Many pages per test, each waited on until its scripts run.
test.describe.configure({ timeout: 240_000 });

test('public pages, the language switch and the registration form run under the policy', async ({ browser }) => {
  const w = await watched(browser);
  for (const path of [
    '/',
    `/events/${slug}`,
    `/events/${slug}/agenda?venue=tokyo`,
    `/events/${slug}/speakers`,
    `/events/${slug}/sessions/opening-ceremony`,
    '/privacy',
  ])
    await visit(w, path);

  // The programme from the server's stored copy: answered with the nonce the copy carries.
  await visit(w, `/events/${slug}/agenda`);
  await expect.poll(async () => (await visit(w, `/events/${slug}/agenda`)).headers()['x-hf-page-cache'], { timeout: 15_000 }).toBe('HIT');

  await visit(w, '/');
  await w.page.getByRole('link', { name: '中文' }).click();
  await expect(w.page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expectRunning(w, 'Chinese home page');
  await w.page.getByRole('link', { name: 'English' }).click();
  await expect(w.page.locator('html')).toHaveAttribute('lang', 'en');
  await expectRunning(w, 'English home page');

  await visit(w, '/register');
  await w.page.getByLabel('Full name').fill('Siriporn Policy');
  await w.page.getByLabel('Email', { exact: true }).fill('siriporn.policy@example.org');
  await w.page.getByLabel('Organisation').fill('Chulalongkorn University');
  await w.page.getByLabel('Country or region').selectOption('TH');
  await w.page.getByLabel('I am joining as').selectOption('university');
  await w.page.getByLabel('Online (livestream)').check();
  // The session list is drawn by the form's script once the attendance is chosen.
  await w.page.locator('label.check[data-option]').first().getByRole('checkbox').check();
  await w.page.getByLabel(/I agree that my data/).check();
  await w.page.getByRole('button', { name: 'Register' }).click();
  await expect(w.page.getByTestId('registration-confirmation')).toContainText('Check your inbox');
  await expectRunning(w, 'registration submitted');
});

test('organiser pages, the session editor, and the attendee’s manage and join pages run under the policy', async ({ browser }) => {
  const w = await watched(browser);
  const sessions = (await (await w.page.request.get(`/api/v1/events/${slug}/sessions`)).json()).sessions as {
    id: string;
    streamed: boolean;
  }[];
  const streamed = sessions.find((s) => s.streamed)!;
  await w.page.request.post(`/api/v1/events/${slug}/registrations`, {
    data: {
      name: 'Dara Policy',
      email: 'dara.policy@example.org',
      organisation: 'Royal University of Phnom Penh',
      country: 'KH',
      participantType: 'university',
      mode: 'online',
      sessions: [streamed.id],
      consent: true,
    },
  });
  const base = `/admin/events/${slug}`;
  await signIn(w, base, organiser.email, organiser.password);
  for (const path of [
    '/admin',
    `${base}/registrations`,
    `${base}/agenda`,
    `${base}/agenda/venues`,
    `${base}/streams`,
    `${base}/checkin`,
    `${base}/audit`,
  ])
    await visit(w, path);

  // The session editor: a client form that asks the server for conflicts.
  await visit(w, `${base}/agenda`);
  await w.page.getByRole('link', { name: 'New session' }).click();
  // The address first: leaving the title fills an empty address from it.
  await w.page.getByLabel('Address name (slug)').fill('policy-probe');
  await w.page.getByLabel('Title (English)').fill('Policy probe');
  await w.page
    .getByLabel('Venue', { exact: true })
    .selectOption({ label: 'Nanning International Convention and Exhibition Center (Asia/Shanghai)' });
  await w.page.getByLabel('Starts', { exact: true }).fill('18:00');
  await w.page.getByLabel('Ends', { exact: true }).fill('18:45');
  await w.page.getByRole('button', { name: 'Check for conflicts' }).click();
  await expect(w.page.getByTestId('conflicts')).toContainText('No conflicts found.');
  await expectRunning(w, 'session editor');

  // The registrant's mail, as the organiser reads it (its HTML in a sandboxed frame), gives the links.
  await visit(w, `${base}/mail?q=dara.policy`);
  await w.page
    .getByRole('link', { name: /Registration confirmed/ })
    .first()
    .click();
  await expectRunning(w, 'mail preview');
  const text = (await w.page.locator('pre.mail-text').textContent()) ?? '';
  const manage = /\/manage\/[^\s]+/.exec(text)?.[0];
  expect(manage, 'manage link in the mail').toBeTruthy();
  await visit(w, manage!);
  await expect(w.page.getByRole('heading', { level: 1 })).toHaveText('Your registration');
  const join = /\/join\/[^\s]+/.exec(text)?.[0];
  expect(join, 'join link in the mail').toBeTruthy();
  await visit(w, join!);
});

test('the live room, its moderator page and the stage display run under the policy, their event streams connected', async ({ browser }) => {
  const w = await watched(browser);
  const ids = seededIds();
  await visit(w, ids.livePath);
  await expect(w.page.getByTestId('feed-status')).toHaveAttribute('data-status', 'live');
  await visit(w, ids.stagePath);
  await expect(w.page.getByTestId('stage-highlight')).toBeVisible();
  const moderate = `/live/moderate/${ids.sessionId}`;
  await signIn(w, moderate, organiser.email, organiser.password);
  await expect(w.page.getByTestId('feed-status')).toHaveAttribute('data-status', 'live');
  // An event arrives over the stream under the policy: the organiser closes and reopens questions.
  await w.page.getByTestId('toggle-questions').click();
  await expect(w.page.getByTestId('toggle-questions')).toHaveText('Open questions again');
  await w.page.getByTestId('toggle-questions').click();
  await expect(w.page.getByTestId('toggle-questions')).toHaveText('Close questions');
  await expectRunning(w, 'live pages');
});

test('the speaker portal runs under the policy', async ({ browser }) => {
  const w = await watched(browser);
  await signIn(w, '/speaker', matrixAccounts.speaker, PASSWORD);
  await expect(w.page.getByRole('heading', { level: 1 })).toHaveText('Speaker portal');
});
