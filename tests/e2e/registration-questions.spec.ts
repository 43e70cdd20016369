import { expect, test } from '@playwright/test';
import { useMailbox } from './mailbox';

const mailbox = useMailbox();
const organiser = { email: 'organiser@forum.demo', password: 'demo-organiser-2026' };
const slug = 'china-asean-tech-forum';
const base = `/admin/events/${slug}`;
const phone = { viewport: { width: 390, height: 844 }, hasTouch: true, deviceScaleFactor: 2, timezoneId: 'Pacific/Honolulu' };

test.use(phone);

// The browser tests share one forum: required questions left behind would stop every later registration.
test.afterEach(async ({ page }) => {
  await page.goto(`${base}/questions`);
  const stop = page.getByTestId('question-list').getByRole('button', { name: 'Stop asking', exact: false });
  for (let left = await stop.count(); left > 0; left = await stop.count()) {
    await stop.first().click();
    await expect.poll(() => stop.count()).toBeLessThan(left);
  }
  await expect(page.getByText('No questions yet.')).toBeVisible();
});

test('an organiser asks two questions (one conditional), a visitor answers them after reading the errors, changes an answer from the manage page, and the CSV holds it', async ({
  page,
  browser,
}) => {
  await page.goto(`${base}/questions`);
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
  await page.getByLabel('Email').first().fill(organiser.email);
  await page.getByLabel('Password').fill(organiser.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${base}/questions$`));

  const add = page.getByTestId('question-form-new');
  await add.getByLabel('Kind of answer').selectOption('yes_no');
  await add.getByLabel('Question (English)').fill('Do you need a visa support letter?');
  await add.getByLabel('Question (Chinese)').fill('您是否需要签证邀请函？');
  await add.getByLabel('An answer is required').check();
  await add.getByRole('button', { name: 'Add question' }).click();
  await expect(add.getByRole('status')).toHaveText('Question added.');
  await expect(page.getByTestId('question-list')).toContainText('Do you need a visa support letter?');

  await add.getByLabel('Kind of answer').selectOption('short_text');
  await add.getByLabel('Question (English)').fill('Passport number');
  await add.getByLabel('An answer is required').check();
  await add.getByLabel('Ask only after this answer').selectOption({ label: 'Do you need a visa support letter?' });
  await add.getByRole('group', { name: 'Ask when the answer is' }).getByLabel('Yes').check();
  await add.getByRole('button', { name: 'Add question' }).click();
  await expect(add.getByRole('status')).toHaveText('Question added.');
  const passportItem = page.getByTestId('question-list').locator('li', { hasText: 'Passport number' });
  await expect(passportItem).toContainText('asked after “Do you need a visa support letter?”');
  // The arrows are buttons, reached and pressed from the keyboard.
  await passportItem.getByRole('button', { name: 'Move “Passport number” up' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/moved=/);
  await expect(page.getByTestId('question-list').locator('li').first()).toContainText('Passport number');
  await page
    .getByTestId('question-list')
    .locator('li', { hasText: 'Passport number' })
    .getByRole('button', { name: 'Move “Passport number” down' })
    .click();
  await expect(page.getByTestId('question-list').locator('li').first()).toContainText('Do you need a visa support letter?');

  // A visitor on a phone, far from the venues.
  const visitorContext = await browser.newContext(phone);
  const visitor = await visitorContext.newPage();
  const email = 'lan.visa@example.org';
  await visitor.goto(`/events/${slug}/register`);
  await visitor.getByLabel('Full name').fill('Pham Thi Lan');
  await visitor.getByLabel('Email', { exact: true }).fill(email);
  await visitor.getByLabel('Country or region').first().selectOption('VN');
  await visitor.getByLabel('I am joining as').selectOption('government');
  await visitor.getByLabel('Online (livestream)').check();
  await visitor.getByLabel(/I agree that my data/).check();
  const visa = visitor.getByRole('group', { name: /Do you need a visa support letter\?/ });
  await expect(visitor.getByLabel(/Passport number/)).toHaveCount(0);
  await visitor.getByRole('button', { name: 'Register' }).click();
  await expect(visa.locator('.error')).toHaveText('Fill in this field.');

  await visa.getByLabel('Yes').check();
  const passport = visitor.getByLabel(/Passport number/);
  await expect(passport).toBeVisible();
  await visitor.getByRole('button', { name: 'Register' }).click();
  await expect(visitor.locator('[data-question] .error').filter({ hasText: 'Fill in this field.' })).toHaveCount(1);
  await passport.fill('C1234567');
  // Choosing "No" hides the passport question and drops its answer; "Yes" brings it back empty.
  await visa.getByLabel('No').check();
  await expect(passport).toHaveCount(0);
  await visa.getByLabel('Yes').check();
  await expect(passport).toHaveValue('');
  await passport.fill('C1234567');
  await visitor.getByRole('button', { name: 'Register' }).click();
  await expect(visitor.getByTestId('registration-confirmation')).toContainText(email);

  const [mail] = await mailbox.waitFor(email, 1);
  await visitor.goto(mailbox.managePath(mail!));
  const details = visitor.getByTestId('details-form');
  await expect(details.getByLabel(/Passport number/)).toHaveValue('C1234567');
  await details.getByLabel(/Passport number/).fill('C7654321');
  await details.getByRole('button', { name: 'Save details and answers' }).click();
  await expect(visitor.getByTestId('details-notice')).toHaveText('Your details and answers are saved.');
  await visitorContext.close();

  const csv = (await (await page.request.get(`${base}/registrations/export.csv`)).text()).replace(/^\uFEFF/, '');
  const [header, ...rows] = csv.split('\r\n');
  expect(header).toContain('answer: Do you need a visa support letter?');
  expect(header).toContain('answer: Passport number');
  const row = rows.find((line) => line.includes(email))!;
  expect(row).toContain('C7654321');
  expect(row).not.toContain('C1234567');
  expect(row).toMatch(/,yes(,|$)/);
});
