import { expect, test, type Page } from '@playwright/test';
import { useMailbox } from './mailbox';

const mailbox = useMailbox();

const slug = 'china-asean-tech-forum';
const base = `/admin/events/${slug}`;

async function signInAsOrganiser(page: Page, path: string) {
  await page.goto(path);
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
  await page.getByLabel('Email').first().fill('organiser@forum.demo');
  await page.getByLabel('Password').fill('demo-organiser-2026');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${path}$`));
}

test('an organiser makes an invitation-only category with approval and a code; a visitor far away registers with it on a phone; the organiser approves and the mail arrives', async ({
  page,
  browser,
}) => {
  // The organiser: the category, its names side by side, then one single-use code.
  await signInAsOrganiser(page, `${base}/categories/new`);
  // A category may be limited to halls; online attendance is a way of attending, not a hall to tick.
  const halls = page.getByRole('group', { name: 'Venues', exact: true }).getByRole('checkbox');
  await expect(halls).toHaveCount(4);
  await expect(page.getByRole('group', { name: 'Venues', exact: true })).not.toContainText('Online');
  await page.getByLabel('Name (English)').fill('Ministry delegation');
  await page.getByLabel('Name (Chinese)').fill('部委代表团');
  await page.getByLabel('Description (English)').fill('Officials of partner ministries.');
  await page.getByLabel('Places').fill('10');
  await page.getByLabel('Who sees it').selectOption('invitation');
  await page.getByLabel(/need your approval/).check();
  await page.getByRole('button', { name: 'Create category' }).click();
  await expect(page.getByText('Category created.')).toBeVisible();
  await expect(page.getByTestId('category-title')).toContainText('Ministry delegation');
  await page.getByLabel('How many codes').fill('1');
  await page.getByLabel('Uses per code').fill('1');
  await page.getByLabel(/Valid until/).fill('2099-01-01T10:00');
  await page.getByRole('button', { name: 'Make codes' }).click();
  await expect(page.getByTestId('codes-made')).toHaveText('One code made.');
  const code = (await page.getByTestId('codes-table').locator('tbody code').first().textContent())!.trim();
  expect(code).toMatch(/^[A-Z2-9]{10}$/);

  // The visitor, on a phone in Honolulu: without the code the category does not exist for them.
  const visitor = await browser.newContext({ viewport: { width: 390, height: 844 }, timezoneId: 'Pacific/Honolulu', locale: 'en-US' });
  const phone = await visitor.newPage();
  await phone.goto(`/events/${slug}/register`);
  await expect(phone.getByTestId('category-fieldset')).toBeVisible();
  await expect(phone.getByTestId('category-fieldset')).not.toContainText('Ministry delegation');
  await phone.goto(`/events/${slug}/register?code=NOTACODE`);
  await expect(phone.locator('#code-error')).toHaveText(
    'This invitation code does not work. Check it, or ask whoever invited you for a new one.',
  );
  await expect(phone.getByTestId('category-fieldset')).not.toContainText('Ministry delegation');

  // The link from the invitation opens it, already chosen.
  await phone.goto(`/events/${slug}/register?code=${code}`);
  const category = phone.locator('[data-testid="category-fieldset"] label', { hasText: 'Ministry delegation' });
  await expect(category).toContainText('the organisers confirm each registration');
  await expect(category.getByRole('radio')).toBeChecked();
  const email = 'minister.aide@example.org';
  await phone.getByLabel('Full name').fill('Siriporn Chaiyaporn');
  await phone.getByLabel('Email', { exact: true }).fill(email);
  await phone.getByLabel('Organisation').fill('Ministry of Higher Education, Science, Research and Innovation');
  await phone.getByLabel('Country or region').selectOption('TH');
  await phone.getByLabel('I am joining as').selectOption('government');
  await phone.getByLabel('Online (livestream)').check();
  await phone.getByLabel(/I agree that my data/).check();
  const width = await phone.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
  await phone.getByRole('button', { name: 'Register' }).click();
  await expect(phone.getByTestId('registration-confirmation')).toContainText(email);
  const [received] = await mailbox.waitFor(email, 1);
  expect(received!.parsed.subject).toMatch(/^Registration received: awaiting approval/);
  // The code was single-use: the same link no longer opens the category, and says so without naming it.
  await phone.goto(`/events/${slug}/register?code=${code}`);
  await expect(phone.getByTestId('category-fieldset')).not.toContainText('Ministry delegation');
  await expect(phone.locator('#code-error')).toContainText('This invitation code does not work.');
  await visitor.close();

  // The organiser approves with a message; the registrant's mail says so.
  await page.goto(`${base}/approvals`);
  const pending = page.locator('label', { hasText: email });
  await expect(pending).toContainText('Ministry delegation');
  await pending.getByRole('checkbox').check();
  await page.getByLabel('Message to include in the mail (optional)').fill('Your delegation desk is in Hall A.');
  await page.getByRole('button', { name: 'Approve ticked' }).click();
  await expect(page.getByTestId('decision-notice')).toContainText('1 approved with a seat');
  await expect(page.locator('label', { hasText: email })).toHaveCount(0);
  const [, approved] = await mailbox.waitFor(email, 2);
  expect(approved!.parsed.subject).toMatch(/^Your registration is approved/);
  expect(approved!.parsed.text).toContain('Your delegation desk is in Hall A.');
  expect(approved!.parsed.text).toMatch(/Message from the organisers/i);
});
