import { expect, test, type Page } from '@playwright/test';
import { useMailbox } from './mailbox';

// Issue 17's "Done when": an organiser makes an invitation-only "Government delegate" category with
// approval and a code and asks two questions (one conditional); a head registers a three-person
// delegation with the code on a phone; the organiser approves it in one action; each member gets a
// mail over SMTP; one member changes an answer from their manage page; the CSV holds the answers.
const mailbox = useMailbox();
const slug = 'china-asean-tech-forum';
const base = `/admin/events/${slug}`;
const phone = { viewport: { width: 390, height: 844 }, hasTouch: true, timezoneId: 'Asia/Vientiane', locale: 'en-US' };

async function signInAsOrganiser(page: Page, path: string) {
  await page.goto(path);
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
  await page.getByLabel('Email').first().fill('organiser@forum.demo');
  await page.getByLabel('Password').fill('demo-organiser-2026');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${path}$`));
}

// The browser tests share one forum: required questions left behind would stop every later registration.
test.afterEach(async ({ page }) => {
  await page.goto(`${base}/questions`);
  const stop = page.getByTestId('question-list').getByRole('button', { name: 'Stop asking', exact: false });
  for (let left = await stop.count(); left > 0; left = await stop.count()) {
    await stop.first().click();
    await expect.poll(() => stop.count()).toBeLessThan(left);
  }
});

test('a head registers a three-person delegation with an invitation code on a phone; the organiser approves it at once; each member is mailed; a member changes an answer; the CSV holds the answers', async ({
  page,
  browser,
}) => {
  // The organiser: the category (invitation only, approval), one code, two questions (one conditional).
  await signInAsOrganiser(page, `${base}/categories/new`);
  await page.getByLabel('Name (English)').fill('Government delegate (delegations)');
  await page.getByLabel('Name (Chinese)').fill('政府代表（代表团）');
  await page.getByLabel('Places').fill('20');
  await page.getByLabel('Who sees it').selectOption('invitation');
  await page.getByLabel(/need your approval/).check();
  await page.getByRole('button', { name: 'Create category' }).click();
  await expect(page.getByText('Category created.')).toBeVisible();
  await page.getByLabel('How many codes').fill('1');
  await page.getByLabel('Uses per code').fill('1');
  await page.getByLabel(/Valid until/).fill('2099-01-01T10:00');
  await page.getByRole('button', { name: 'Make codes' }).click();
  await expect(page.getByTestId('codes-made')).toHaveText('One code made.');
  const code = (await page.getByTestId('codes-table').locator('tbody code').first().textContent())!.trim();

  await page.goto(`${base}/questions`);
  const add = page.getByTestId('question-form-new');
  await add.getByLabel('Kind of answer').selectOption('yes_no');
  await add.getByLabel('Question (English)').fill('Does the delegation need visa letters?');
  await add.getByLabel('Question (Chinese)').fill('代表团是否需要签证邀请函？');
  await add.getByLabel('An answer is required').check();
  await add.getByRole('button', { name: 'Add question' }).click();
  await expect(add.getByRole('status')).toHaveText('Question added.');
  await add.getByLabel('Kind of answer').selectOption('short_text');
  await add.getByLabel('Question (English)').fill('Embassy where visas are issued');
  await add.getByLabel('An answer is required').check();
  await add.getByLabel('Ask only after this answer').selectOption({ label: 'Does the delegation need visa letters?' });
  await add.getByRole('group', { name: 'Ask when the answer is' }).getByLabel('Yes').check();
  await add.getByRole('button', { name: 'Add question' }).click();
  await expect(add.getByRole('status')).toHaveText('Question added.');

  // The head, on a phone: the invitation link, then the delegation form.
  const headContext = await browser.newContext(phone);
  const visitor = await headContext.newPage();
  await visitor.goto(`/events/${slug}/register?code=${code}`);
  await visitor.getByTestId('delegation-register-link').click();
  await expect(visitor.getByRole('heading', { name: 'Register a delegation' })).toBeVisible();
  const category = visitor.locator('[data-testid="category-fieldset"] label', { hasText: 'Government delegate (delegations)' });
  await expect(category.getByRole('radio')).toBeChecked();
  const head = 'head.lao.most@example.org';
  await visitor.locator('#name').fill('Khamphoui Sisavath');
  await visitor.locator('#email').fill(head);
  await visitor.locator('#organisation').fill('Ministry of Technology and Communications');
  await visitor.locator('#country').selectOption('LA');
  await visitor.locator('#participantType').selectOption('government');
  await visitor.getByLabel('Name of the delegation').fill('Lao PDR Ministry of Technology');
  await visitor.getByLabel('Agency or ministry').fill('Ministry of Technology and Communications');
  await visitor.getByLabel('Country the delegation represents').selectOption('LA');
  // Two members pasted, one line wrong: the line is named, the good ones become rows.
  await visitor
    .getByLabel('Or paste a list')
    .fill('Vilayphone Keo, vilayphone.keo@example.org, MTC, Director\nNo address here\nSouksavanh Phom\tsouksavanh.phom@example.org');
  await visitor.getByRole('button', { name: 'Add these members' }).click();
  await expect(visitor.getByTestId('paste-errors')).toHaveText(
    'Line 2: write the name and the email address, separated by commas (the organisation and job title may follow).',
  );
  await expect(visitor.getByTestId('delegation-member')).toHaveCount(2);
  await expect(visitor.locator('#members-1-email')).toHaveValue('souksavanh.phom@example.org');
  await visitor.getByLabel('Online (livestream)').check();
  const visa = visitor.getByRole('group', { name: /Does the delegation need visa letters\?/ });
  await visa.getByLabel('Yes').check();
  await visitor.getByLabel(/Embassy where visas are issued/).fill('Embassy in Vientiane');
  await visitor.getByLabel(/I agree that my data/).check();
  expect(await visitor.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await visitor.getByRole('button', { name: 'Register' }).click();
  await expect(visitor.getByTestId('registration-confirmation')).toContainText(head);
  const people = [head, 'vilayphone.keo@example.org', 'souksavanh.phom@example.org'];
  for (const address of people) {
    const [received] = await mailbox.waitFor(address, 1);
    expect(received!.parsed.subject, address).toMatch(/^Registration received: awaiting approval/);
  }

  // The organiser approves the whole delegation from one member's page.
  await page.goto(`${base}/registrations?q=${encodeURIComponent('vilayphone.keo')}`);
  await expect(page.getByTestId('registrations')).toContainText('Lao PDR Ministry of Technology');
  await page.getByTestId('registrations').getByRole('link', { name: 'Vilayphone Keo' }).click();
  await expect(page.getByTestId('registration-delegation')).toContainText('Lao PDR Ministry of Technology');
  await page.getByLabel('Message to each member (optional)').fill('Your delegation desk is in Hall B.');
  await page.getByRole('button', { name: 'Approve the whole delegation' }).click();
  await expect(page.getByText('The delegation is approved; each member gets a mail.')).toBeVisible();
  const approvedMails = [];
  for (const address of people) {
    const [, approved] = await mailbox.waitFor(address, 2);
    expect(approved!.parsed.subject, address).toMatch(/^Your registration is approved/);
    expect(approved!.parsed.text).toContain('Your delegation desk is in Hall B.');
    approvedMails.push(approved!);
  }

  // One member changes their answer from their own manage page.
  const memberContext = await browser.newContext(phone);
  const member = await memberContext.newPage();
  await member.goto(mailbox.managePath(approvedMails[2]!));
  await expect(member.getByTestId('delegation')).toContainText('Lao PDR Ministry of Technology');
  const details = member.getByTestId('details-form');
  await expect(details.getByLabel(/Embassy where visas are issued/)).toHaveValue('Embassy in Vientiane');
  await details.getByLabel(/Embassy where visas are issued/).fill('Embassy in Hanoi');
  await details.getByRole('button', { name: 'Save details and answers' }).click();
  await expect(member.getByTestId('details-notice')).toHaveText('Your details and answers are saved.');
  await memberContext.close();

  // The head sees the whole delegation from their own link.
  await visitor.goto(mailbox.managePath(approvedMails[0]!));
  await visitor.getByTestId('delegation-link').click();
  await expect(visitor.getByTestId('delegation-members').locator('li')).toHaveCount(3);
  await expect(visitor.getByTestId('delegation-members')).toContainText('Souksavanh Phom');
  await headContext.close();

  // The CSV: the delegation and each member's own answers.
  const csv = (await (await page.request.get(`${base}/registrations/export.csv`)).text()).replace(/^\uFEFF/, '');
  const [header, ...rows] = csv.split('\r\n');
  expect(header).toContain('delegation,delegation_id,delegation_head');
  expect(header).toContain('answer: Embassy where visas are issued');
  const row = (address: string) => rows.find((line) => line.includes(address)) ?? '';
  expect(row(head)).toContain('Lao PDR Ministry of Technology');
  expect(row(head)).toContain('Embassy in Vientiane');
  expect(row('vilayphone.keo@example.org')).toContain('Embassy in Vientiane');
  expect(row('souksavanh.phom@example.org')).toContain('Embassy in Hanoi');
  expect(row('souksavanh.phom@example.org')).not.toContain('Embassy in Vientiane');
});
