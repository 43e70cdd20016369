import { expect, test, type Page } from '@playwright/test';
import { useMailbox } from './mailbox';

const mailbox = useMailbox();

async function fillForm(page: Page, labels: Record<string, string>, email: string) {
  await page.getByLabel(labels.name!).fill('Nguyen Van An');
  await page.getByLabel(labels.email!, { exact: true }).fill(email);
  await page.getByLabel(labels.organisation!).fill('Hanoi University of Science and Technology');
  await page.getByLabel(labels.country!).selectOption('VN');
  await page.getByLabel(labels.type!).selectOption('young_scientist');
}

test('a new visitor registers in English for a workshop in Nanning, gets the manage link by mail, cancels with it, then registers again', async ({
  page,
}) => {
  const email = 'an.nguyen@example.org';
  await page.goto('/register');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Register');
  await page.getByRole('button', { name: 'Register' }).click();
  await expect(page.locator('#name-error')).toHaveText('Fill in this field.');
  await expect(page.locator('#consent-error')).toContainText('Tick the box to agree');

  const register = async () => {
    await fillForm(
      page,
      { name: 'Full name', email: 'Email', organisation: 'Organisation', country: 'Country or region', type: 'I am joining as' },
      email,
    );
    await page.getByLabel('In person at a venue').check();
    await page.getByLabel('Venue', { exact: true }).selectOption('nanning');
    const workshop = page.locator('label', { hasText: 'Young Scientists Workshop: From Lab to Market' });
    await expect(workshop).toContainText('Nanning, GMT+8');
    await workshop.getByRole('checkbox').check();
    await page.getByLabel(/I agree that my data/).check();
    await page.getByRole('button', { name: 'Register' }).click();
    // The screen says what was asked for and where the link went, not how the registration stands.
    const confirmation = page.getByTestId('registration-confirmation');
    await expect(confirmation).toContainText('Check your inbox');
    await expect(confirmation).toContainText(email);
    await expect(confirmation).toContainText('Young Scientists Workshop: From Lab to Market');
    await expect(confirmation).not.toContainText(/You are registered|waitlist position \d|already registered/i);
    await expect(confirmation.locator('[data-session-status]')).toHaveCount(0);
    await expect(page.locator('a[href*="/manage/"]')).toHaveCount(0);
  };
  await register();

  const [mail] = await mailbox.waitFor(email, 1);
  expect(mail!.parsed.subject).toMatch(/^Registration confirmed/);
  await page.goto(mailbox.managePath(mail!));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your registration');
  await expect(page.locator('[data-seat="confirmed"]')).toContainText('Young Scientists Workshop');
  await page.getByLabel(/Yes, cancel my registration/).check();
  await page.getByRole('button', { name: 'Cancel registration' }).click();
  await expect(page.getByTestId('registration-status')).toHaveText('Cancelled');

  // Changing their mind: "Register again" leads to the form, and the address is free again.
  await page.getByRole('link', { name: 'Register again' }).click();
  await register();
  await expect
    .poll(() => mailbox.to(email).filter((m) => /^Registration confirmed/.test(m.parsed.subject ?? '')).length, { timeout: 30_000 })
    .toBe(2);
  const again = mailbox.to(email).filter((m) => /^Registration confirmed/.test(m.parsed.subject ?? ''))[1]!;
  expect(mailbox.managePath(again)).not.toBe(mailbox.managePath(mail!));
  await page.goto(mailbox.managePath(again));
  await expect(page.getByTestId('registration-status')).toHaveText('Confirmed');
  await expect(page.locator('[data-seat="confirmed"]')).toContainText('Young Scientists Workshop');
});

test('registering twice with the same email shows the same page both times, and mails the address once', async ({ page }) => {
  const email = 'twice@example.org';
  const screens: string[] = [];
  for (const attempt of [1, 2]) {
    await page.goto('/register');
    await fillForm(
      page,
      { name: 'Full name', email: 'Email', organisation: 'Organisation', country: 'Country or region', type: 'I am joining as' },
      email,
    );
    await page.getByLabel('Online (livestream)').check();
    await page.getByLabel(/I agree that my data/).check();
    await page.getByRole('button', { name: 'Register' }).click();
    await expect(page.getByTestId('registration-confirmation'), `attempt ${attempt}`).toContainText('Check your inbox');
    screens.push((await page.getByTestId('registration-confirmation').textContent()) ?? '');
  }
  expect(screens[1]).toBe(screens[0]);
  await expect(page.getByTestId('form-notice')).toHaveCount(0);
  // The confirmation carries the manage link; a second attempt within 10 minutes adds no mail.
  await mailbox.waitFor(email, 1);
  await page.waitForTimeout(3_000);
  expect(mailbox.to(email).map((m) => m.parsed.subject)).toEqual([expect.stringMatching(/^Registration confirmed/)]);
});

test('一位新访客用中文报名线上参会并看到确认信息', async ({ page }) => {
  await page.goto('/locale?to=zh&back=/register');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('报名');
  await fillForm(
    page,
    { name: '姓名', email: '电子邮箱', organisation: '单位', country: '国家或地区', type: '参会身份' },
    'zh.visitor@example.org',
  );
  await page.getByLabel('线上参会（直播）').check();
  const keynote = page.locator('label', { hasText: '主旨演讲：人工智能赋能东南亚公共卫生' });
  await expect(keynote).toContainText('GMT+8');
  await keynote.getByRole('checkbox').check();
  await page.getByLabel('邮件语言').selectOption('zh');
  await page.getByLabel(/我同意/).check();
  await page.getByRole('button', { name: '提交报名' }).click();
  const confirmation = page.getByTestId('registration-confirmation');
  await expect(confirmation).toContainText('请查收邮件');
  await expect(confirmation).toContainText('zh.visitor@example.org');
  await expect(confirmation).toContainText('主旨演讲：人工智能赋能东南亚公共卫生');
});
