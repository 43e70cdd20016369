import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { wordProblems } from '../helpers/words-guard';
import { contextFor, inventoryLocales, pageInventory, seededIds, type Actor } from './support/page-inventory';

/**
 * Every form, in every language, submitted empty and with bad values: what it then says must be
 * written for people in the page's language (no raw enum values, zod defaults, field paths, or the
 * other language). A form page that joins the inventory joins FORMS too (the first test checks).
 */
type Attempt = { what: string; run: (page: Page) => Promise<void> };
type FormPage = { page: string; attempts: Attempt[] };

/** Lets the server see what the browser would refuse (required, type=email): the server's words are tested too. */
async function skipBrowserChecks(page: Page) {
  await page.evaluate(() => {
    for (const form of document.querySelectorAll('form')) form.noValidate = true;
  });
}

async function submit(page: Page, form: string, button?: string) {
  await skipBrowserChecks(page);
  const within = page.locator(form).first();
  await (button ? within.locator(button) : within.locator('button[type="submit"]').last()).click();
}

const FORMS: FormPage[] = [
  {
    page: 'registration form',
    attempts: [
      { what: 'empty', run: (page) => submit(page, 'form') },
      {
        what: 'bad values',
        run: async (page) => {
          await page.locator('#name').fill('N'.repeat(5000));
          await page.locator('#email').fill('not-an-address');
          await page.locator('#needs').fill('x'.repeat(600));
          await page.locator('input[value="in_person"]').check();
          await submit(page, 'form');
        },
      },
    ],
  },
  ...['manage, in person', 'manage, online'].map((name) => ({
    page: name,
    attempts: [
      {
        what: 'in person without a venue',
        run: async (page: Page) => {
          const form = page.locator('form').filter({ has: page.locator('select[name="venue"]') });
          await form.locator('input[value="in_person"]').check();
          await form.locator('select[name="venue"]').selectOption('');
          await submit(page, 'form:has(select[name="venue"])');
        },
      },
    ],
  })),
  {
    page: 'sign in',
    attempts: [
      { what: 'empty', run: (page) => submit(page, 'form:has(#signin-email)') },
      {
        what: 'bad values',
        run: async (page) => {
          await page.locator('#signin-email').fill('nobody');
          await submit(page, 'form:has(#signin-email)');
        },
      },
    ],
  },
  {
    page: 'speaker portal',
    attempts: [
      {
        what: 'empty and bad values',
        run: async (page) => {
          const form = page.getByTestId('profile-form').first();
          await form.locator('input[id^="affiliation-"]').fill('');
          await form.locator('input[id^="timeZone-"]').fill('Mars/Olympus');
          await form.locator('input[id^="jobTitle-"]').fill('J'.repeat(400));
          await submit(page, '[data-testid="profile-form"]');
        },
      },
    ],
  },
  { page: 'admin new session', attempts: [{ what: 'empty', run: (page) => submit(page, 'form.session-editor') }] },
  {
    page: 'admin session',
    attempts: [
      {
        what: 'bad values',
        run: async (page) => {
          await page.locator('#s-titleEn').fill('');
          await page.locator('#s-slug').fill('Not A Slug');
          await page.locator('#s-capacity').fill('-4');
          await page.locator('#s-livestreamUrl').fill('http://example.org');
          await submit(page, 'form.session-editor');
        },
      },
    ],
  },
  { page: 'admin new venue', attempts: [{ what: 'empty', run: (page) => submit(page, 'form:has([id^="venue-"])') }] },
  {
    page: 'admin venue',
    attempts: [
      {
        what: 'a room with bad values',
        run: async (page) => {
          const form = page.getByTestId('room-form-new');
          await form.locator('input[id$="-capacity"]').fill('-1');
          await submit(page, '[data-testid="room-form-new"]');
        },
      },
    ],
  },
  { page: 'admin new speaker', attempts: [{ what: 'empty', run: (page) => submit(page, '[data-testid="speaker-form"]') }] },
  {
    page: 'admin speaker',
    attempts: [
      {
        what: 'bad values',
        run: async (page) => {
          await page.locator('#speaker-email').fill('nobody');
          await page.locator('#speaker-slug').fill('Bad Slug');
          await page.locator('#speaker-name').fill('');
          await submit(page, '[data-testid="speaker-form"]');
        },
      },
    ],
  },
  {
    page: 'admin registration',
    attempts: [{ what: 'cancel without ticking the box', run: (page) => submit(page, 'form:has(input[name="confirm"])') }],
  },
  { page: 'admin announcement', attempts: [{ what: 'empty', run: (page) => submit(page, 'form:has(#a-subject)') }] },
  {
    page: 'admin livestream access',
    attempts: [
      { what: 'empty', run: (page) => submit(page, 'form:has(#grant-email)') },
      {
        what: 'bad values',
        run: async (page) => {
          await page.locator('#grant-email').fill('nobody');
          await submit(page, 'form:has(#grant-email)');
        },
      },
    ],
  },
  ...['admin check-in desk', 'check-in desk (venue staff)'].map((name) => ({
    page: name,
    attempts: [
      { what: 'empty', run: (page: Page) => submit(page, 'form:has(#code)') },
      {
        what: 'bad values',
        run: async (page: Page) => {
          await page.locator('#code').fill('C'.repeat(400));
          await submit(page, 'form:has(#code)');
        },
      },
    ],
  })),
];

/** Pages with a form a person fills in; each must be in FORMS. */
const PAGES_WITH_FORMS = [
  'registration form',
  'manage, in person',
  'manage, online',
  'sign in',
  'speaker portal',
  'admin new session',
  'admin session',
  'admin new venue',
  'admin venue',
  'admin new speaker',
  'admin speaker',
  'admin registration',
  'admin announcement',
  'admin livestream access',
  'admin check-in desk',
  'check-in desk (venue staff)',
];

test('every form page of the inventory is in the words test', () => {
  const inventory = new Set(pageInventory.map((p) => p.name));
  for (const name of PAGES_WITH_FORMS) expect(inventory.has(name), `${name} is in the page inventory`).toBe(true);
  expect(FORMS.map((f) => f.page).sort()).toEqual([...PAGES_WITH_FORMS].sort());
});

const ERROR_TEXT = '.error, .notice.bad, [role="alert"]';

for (const locale of inventoryLocales) {
  for (const actor of [...new Set(pageInventory.map((p) => p.actor))] as Actor[]) {
    const forms = FORMS.filter((f) => pageInventory.find((p) => p.name === f.page)?.actor === actor);
    if (forms.length === 0) continue;
    test.describe(`words, ${locale}, ${actor}`, () => {
      let context: BrowserContext;
      test.beforeAll(async ({ browser, baseURL }) => {
        context = await contextFor(browser, actor, locale, baseURL!);
      });
      test.afterAll(async () => context?.close());

      for (const form of forms) {
        for (const attempt of form.attempts) {
          test(`${form.page}, ${attempt.what}: the errors are written for people (${locale})`, async () => {
            const entry = pageInventory.find((p) => p.name === form.page)!;
            const page = await context.newPage();
            await page.goto(entry.path(seededIds()));
            await attempt.run(page);
            const shown = page.locator(ERROR_TEXT).filter({ hasText: /\S/ });
            await expect(shown.first()).toBeVisible();
            // Client-side answers come at once, the server's after a round trip: let both settle.
            await page.waitForLoadState('networkidle');
            const texts = (await shown.allInnerTexts()).map((t) => t.trim()).filter(Boolean);
            await page.close();
            expect(texts.length).toBeGreaterThan(0);
            expect(texts.flatMap((text) => wordProblems(text, locale))).toEqual([]);
          });
        }
      }
    });
  }
}
