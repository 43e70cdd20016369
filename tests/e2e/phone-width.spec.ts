import { expect, test, type BrowserContext } from '@playwright/test';
import { contextFor, pageInventory, seededIds, type Actor } from './support/page-inventory';
import { PHONE_360, sidewaysOverflow } from './support/phone-width';

// Every page in English here; every page in one other language in turn, with axe, in accessibility.spec.ts.
const locale = 'en';

for (const actor of [...new Set(pageInventory.map((p) => p.actor))] as Actor[]) {
  test.describe(`360 px phone, ${locale}, ${actor}`, () => {
    let context: BrowserContext;
    test.beforeAll(async ({ browser, baseURL }) => {
      context = await contextFor(browser, actor, locale, baseURL!, PHONE_360);
    });
    test.afterAll(async () => context?.close());

    for (const entry of pageInventory.filter((p) => p.actor === actor)) {
      test(`${entry.name} fits 360 px without sideways scrolling (${locale})`, async () => {
        const target = entry.path(seededIds());
        const page = await context.newPage();
        await page.goto(target);
        const measured = await sidewaysOverflow(page);
        await page.close();
        expect(measured.scrollWidth, `${target} is ${measured.scrollWidth}px wide: ${measured.culprits.join(', ')}`).toBeLessThanOrEqual(
          measured.innerWidth,
        );
      });
    }
  });
}
