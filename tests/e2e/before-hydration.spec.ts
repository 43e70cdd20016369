// A slow phone shows the server's HTML seconds before React takes it over. Here the page's scripts
// never arrive, so every page stays in that state: a form that only works in the browser must not
// take input or a submit (a native one would put every field, a password too, in a GET's address),
// and every other form says how it submits (a filter's GET to its address, a server action's POST).
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { contextFor, pageInventory, seededIds, type Actor } from './support/page-inventory';

type FormState = { name: string; method: string | null; action: boolean; client: boolean; enabledControls: string[] };

/** What each control of the page's browser-submitted forms shows: text, the picked option, ticked or not. */
const shownValues = (page: Page): Promise<Record<string, string>> =>
  page.locator('form[data-client-form]').evaluateAll((forms) => {
    const shown: Record<string, string> = {};
    forms.forEach((form, index) => {
      const formName = (form as HTMLElement).dataset.testid ?? String(index);
      for (const control of form.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>('input, select, textarea')) {
        if (!control.name || ['hidden', 'password', 'file', 'submit'].includes(control.type)) continue;
        const ticks = control instanceof HTMLInputElement && ['checkbox', 'radio'].includes(control.type);
        shown[`${formName} ${control.name}${ticks ? `=${control.value}` : ''}`] = ticks
          ? String((control as HTMLInputElement).checked)
          : control.value;
      }
    });
    return shown;
  });

const withoutScripts = async (context: BrowserContext) => {
  await context.route('**/_next/static/**/*.js', (route) => route.abort());
};

for (const actor of [...new Set(pageInventory.map((p) => p.actor))] as Actor[]) {
  test.describe(`before hydration, ${actor}`, () => {
    let context: BrowserContext;
    let hydrating: BrowserContext;
    test.beforeAll(async ({ browser, baseURL }) => {
      context = await contextFor(browser, actor, 'en', baseURL!);
      await withoutScripts(context);
      hydrating = await contextFor(browser, actor, 'en', baseURL!);
    });
    test.afterAll(async () => {
      await context?.close();
      await hydrating?.close();
    });

    for (const entry of pageInventory.filter((p) => p.actor === actor)) {
      test(`${entry.name}: no form takes input it would lose or leak, and each shows its values from the start`, async () => {
        const page = await context.newPage();
        await page.goto(entry.path(seededIds()));
        const forms: FormState[] = await page.locator('form').evaluateAll((elements) =>
          (elements as HTMLFormElement[]).map((form) => ({
            name: form.dataset.testid ?? form.getAttribute('aria-label') ?? form.outerHTML.slice(0, 80),
            method: form.getAttribute('method'),
            action: form.hasAttribute('action'),
            client: form.hasAttribute('data-client-form'),
            enabledControls: [...form.querySelectorAll('input:not([type=hidden]), select, textarea, button')]
              .filter((control) => control.matches(':enabled'))
              .map((control) => control.getAttribute('name') ?? control.id ?? control.tagName),
          })),
        );
        const shownBefore = await shownValues(page);
        await page.close();
        for (const form of forms) {
          expect(form.method !== null || form.action, `${form.name} says where or how it submits`).toBe(true);
          if (form.client) {
            expect(form.method, `${form.name} never puts its fields in an address`).toBe('post');
            expect(form.enabledControls, `${form.name} takes no input before the page is ready`).toEqual([]);
          }
        }
        if (Object.keys(shownBefore).length === 0) return;
        // The wait is over: the server's HTML showed what the form holds (an edit form is not empty
        // or unticked, then filled in by the script).
        const ready = await hydrating.newPage();
        await ready.goto(entry.path(seededIds()));
        await expect(ready.locator('form[data-client-form] fieldset.form-gate[disabled]')).toHaveCount(0);
        const shownAfter = await shownValues(ready);
        await ready.close();
        const both = Object.keys(shownBefore).filter((key) => key in shownAfter);
        expect(Object.fromEntries(both.map((key) => [key, shownBefore[key]])), 'the fields before the page is ready').toEqual(
          Object.fromEntries(both.map((key) => [key, shownAfter[key]])),
        );
      });
    }
  });
}

test('a password typed before the sign-in page is ready never reaches an address', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL });
  await withoutScripts(context);
  const page = await context.newPage();
  await page.goto('/signin');
  await expect(page.locator('#signin-password')).toBeDisabled();
  await expect(page.locator('form[data-client-form] button[type="submit"]')).toBeDisabled();
  // Even a submit forced by a script sends nothing that could be read from the address bar or a log.
  const [sent] = await Promise.all([
    page.waitForRequest((request) => request.isNavigationRequest()),
    page.locator('form[data-client-form]').evaluate((form: HTMLFormElement) => form.requestSubmit()),
  ]);
  await page.waitForLoadState('load');
  expect(new URL(sent.url()).search).toBe('');
  expect(new URL(page.url()).search).toBe('');
  await context.close();
});

test('once the page is ready, its form takes input: the gate opens', async ({ page }) => {
  await page.goto('/signin');
  await expect(page.locator('#signin-password')).toBeEnabled();
  await expect(page.locator('form[data-client-form] fieldset.form-gate')).not.toHaveAttribute('disabled');
});
