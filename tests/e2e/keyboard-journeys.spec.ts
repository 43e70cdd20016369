import { expect, test, type Page } from '@playwright/test';
import { expectFocused, expectVisibleFocus, tabTo } from './support/keyboard';
import { contextFor, seededIds } from './support/page-inventory';

/**
 * The four journeys issue 23 names, done with the keyboard alone: no click, no fill. Every Tab stop
 * must show where focus is; a failed submit puts focus on the first field to mend.
 */

/** From the top of a page: the skip link first, then into the main content. */
// Dozens of Tab stops, each checked for a visible focus ring.
test.describe.configure({ timeout: 240_000 });

async function skipToContent(page: Page) {
  await page.keyboard.press('Tab');
  await expectFocused(page.locator('a.skip'), 'the skip link is the first stop');
  await expectVisibleFocus(page);
  await page.keyboard.press('Enter');
}

test('register with sessions, keyboard only', async ({ page }) => {
  const ids = seededIds();
  await page.goto(`/events/${ids.slug}/register`);
  await skipToContent(page);
  const submit = page.locator('form button[type=submit]');
  await tabTo(page, submit);
  await page.keyboard.press('Enter');
  await expectFocused(page.locator('#name'), 'focus moves to the first field in error');
  await expect(page.locator('#name-error')).not.toBeEmpty();

  await page.keyboard.type('Keyboard Tester');
  await page.keyboard.press('Tab');
  await page.keyboard.type('keyboard.tester@example.org');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Chulalongkorn University');
  await tabTo(page, page.locator('#country'));
  await page.keyboard.type('Thailand');
  await expect(page.locator('#country')).toHaveValue('TH');
  await tabTo(page, page.locator('#participantType'));
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('#participantType')).not.toHaveValue('');
  await tabTo(page, page.locator('input[name=mode][value=in_person]'));
  await page.keyboard.press('Space');
  await tabTo(page, page.locator('#venue'));
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('#venue')).toHaveValue('nanning');
  const firstSession = page.locator('[data-option] input[type=checkbox]').first();
  await tabTo(page, firstSession);
  await page.keyboard.press('Space');
  await expect(firstSession).toBeChecked();
  await tabTo(page, page.locator('input[name=consent]'));
  await page.keyboard.press('Space');
  await tabTo(page, submit);
  await page.keyboard.press('Enter');

  const confirmation = page.getByTestId('registration-confirmation');
  await expect(confirmation).toBeVisible();
  // The form is gone: focus goes to the news, not back to the top of the document.
  await expect
    .poll(() => page.evaluate(() => Boolean(document.activeElement?.closest('[data-testid=registration-confirmation]'))))
    .toBe(true);
});

test('change and cancel a registration from the manage page, keyboard only', async ({ page }) => {
  const ids = seededIds();
  await page.goto(ids.keyboardManagePath);
  await skipToContent(page);
  const box = page.locator('form input[name=sessions]').first();
  await tabTo(page, box);
  const before = await box.isChecked();
  await page.keyboard.press('Space');
  // The button of the form that holds the box (the details form above it has its own).
  await tabTo(page, box.locator('xpath=ancestor::form').locator('button[type=submit]'));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toBeVisible();
  await expect(page.locator('form input[name=sessions]').first()).toBeChecked({ checked: !before });
  // After the page answers, focus is on its answer or where it was, never lost.
  await expect.poll(() => page.evaluate(() => document.activeElement !== document.body && document.activeElement !== null)).toBe(true);

  // The cancel form's button (the erase form below has a danger button of its own).
  const cancel = page.getByRole('button', { name: 'Cancel registration', exact: true });
  await tabTo(page, cancel);
  await page.keyboard.press('Enter');
  // Not confirmed: the browser refuses and puts focus on the box to tick.
  await expectFocused(page.locator('input[name=confirm][value=yes]'), 'focus moves to the unticked confirmation');
  await page.keyboard.press('Space');
  await tabTo(page, cancel);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('registration-status')).toContainText('Cancelled');
  await expect(page.getByRole('status')).toBeVisible();
});

test('check an attendee in at the desk, keyboard only, and hear the outcome', async ({ browser, baseURL }) => {
  const ids = seededIds();
  const context = await contextFor(browser, 'organiser', 'en', baseURL!);
  const page = await context.newPage();
  await page.goto(ids.inPersonManagePath);
  const code = (await page.getByTestId('ticket-code').textContent())!.trim();

  await page.goto(`/admin/events/${ids.slug}/checkin`);
  const input = page.locator('#code');
  await expectFocused(input, 'the desk starts in the code field');
  // The outcome region is there before any outcome, so screen readers announce what arrives in it.
  const outcome = page.locator('[role=status][data-testid=checkin-outcome]');
  await expect(outcome).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expectFocused(input, 'an empty code keeps focus in the field');
  await expect(page.locator('#code-error')).toBeVisible();
  await page.keyboard.type(code);
  await page.keyboard.press('Enter');
  await expect(outcome).toContainText('checked in', { ignoreCase: true });
  await expectFocused(input, 'ready for the next person');
  await context.close();
});

test('create a session in admin, keyboard only', async ({ browser, baseURL }) => {
  const ids = seededIds();
  const context = await contextFor(browser, 'organiser', 'en', baseURL!);
  const page = await context.newPage();
  await page.goto(`/admin/events/${ids.slug}/agenda/sessions/new`);
  await skipToContent(page);
  const save = page.locator('form.session-editor button[type=submit]');
  await tabTo(page, save);
  await page.keyboard.press('Enter');
  await expectFocused(page.locator('#s-title-en'), 'focus moves to the first field in error');

  await page.keyboard.type('Keyboard-only roundtable');
  await tabTo(page, page.locator('#s-slug'));
  await page.keyboard.type('keyboard-only-roundtable');
  await tabTo(page, page.locator('#s-start'));
  await page.keyboard.type('0700PM');
  await tabTo(page, page.locator('#s-end'));
  await page.keyboard.type('0800PM');
  await tabTo(page, save);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/agenda\?saved=1/);
  await expect(page.getByRole('status')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Keyboard-only roundtable' })).toBeVisible();
  await context.close();
});
