import { expect, test, type Page } from '@playwright/test';

async function fillForm(page: Page, labels: Record<string, string>, email: string) {
  await page.getByLabel(labels.name!).fill('Nguyen Van An');
  await page.getByLabel(labels.email!, { exact: true }).fill(email);
  await page.getByLabel(labels.organisation!).fill('Hanoi University of Science and Technology');
  await page.getByLabel(labels.country!).selectOption('VN');
  await page.getByLabel(labels.type!).selectOption('young_scientist');
}

test('a new visitor registers in English for a workshop in Nanning, sees the confirmation, then cancels from the manage link', async ({ page }) => {
  await page.goto('/register');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Register');
  await page.getByRole('button', { name: 'Register' }).click();
  await expect(page.locator('#name-error')).toContainText('Full name');
  await expect(page.locator('#consent-error')).toContainText('must be given');

  await fillForm(page, { name: 'Full name', email: 'Email', organisation: 'Organisation', country: 'Country or region', type: 'I am joining as' }, 'an.nguyen@example.org');
  await page.getByLabel('In person at a venue').check();
  await page.getByLabel('Venue', { exact: true }).selectOption('nanning');
  const workshop = page.locator('label', { hasText: 'Young Scientists Workshop: From Lab to Market' });
  await expect(workshop).toContainText('Nanning, GMT+8');
  await workshop.getByRole('checkbox').check();
  await page.getByLabel(/I agree that my data/).check();
  await page.getByRole('button', { name: 'Register' }).click();

  const confirmation = page.getByTestId('registration-confirmation');
  await expect(confirmation).toContainText('You are registered');
  await expect(confirmation).toContainText('confirmed');
  await expect(confirmation).toContainText('an.nguyen@example.org');

  await page.getByRole('link', { name: 'Manage your registration' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your registration');
  await expect(page.locator('[data-seat="confirmed"]')).toContainText('Young Scientists Workshop');
  await page.getByLabel(/Yes, cancel my registration/).check();
  await page.getByRole('button', { name: 'Cancel registration' }).click();
  await expect(page.getByTestId('registration-status')).toHaveText('Cancelled');
});

test('registering twice with the same email says so without revealing the registration', async ({ page }) => {
  for (const attempt of [1, 2]) {
    await page.goto('/register');
    await fillForm(page, { name: 'Full name', email: 'Email', organisation: 'Organisation', country: 'Country or region', type: 'I am joining as' }, 'twice@example.org');
    await page.getByLabel('Online (livestream)').check();
    await page.getByLabel(/I agree that my data/).check();
    await page.getByRole('button', { name: 'Register' }).click();
    if (attempt === 1) await expect(page.getByTestId('registration-confirmation')).toBeVisible();
  }
  await expect(page.getByTestId('form-notice')).toContainText('already registered');
  await expect(page.getByRole('link', { name: 'Manage your registration' })).toHaveCount(0);
});

test('一位新访客用中文报名线上参会并看到确认信息', async ({ page }) => {
  await page.goto('/locale?to=zh&back=/register');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('报名');
  await fillForm(page, { name: '姓名', email: '电子邮箱', organisation: '单位', country: '国家或地区', type: '参会身份' }, 'zh.visitor@example.org');
  await page.getByLabel('线上参会（直播）').check();
  const keynote = page.locator('label', { hasText: '主旨演讲：人工智能赋能东南亚公共卫生' });
  await expect(keynote).toContainText('GMT+8');
  await keynote.getByRole('checkbox').check();
  await page.getByLabel('邮件语言').selectOption('zh');
  await page.getByLabel(/我同意/).check();
  await page.getByRole('button', { name: '提交报名' }).click();
  const confirmation = page.getByTestId('registration-confirmation');
  await expect(confirmation).toContainText('报名成功');
  await expect(confirmation).toContainText('已确认');
});
