import { expect, test, type BrowserContext } from '@playwright/test';
import { contextFor, inventoryLocales, inventoryPagesIn, seededIds, type Actor } from './support/page-inventory';

// Not isMobile: mobile emulation zooms out to fit a too-wide page, and innerWidth then grows with it.
const phone = { viewport: { width: 360, height: 740 }, hasTouch: true, deviceScaleFactor: 2 };

// Pages render the same from either database: .ci/run checks them once, on the PGlite pass, to keep
// CI within its time (about 120 browser tests).
test.skip(Boolean(process.env.DATABASE_URL), 'run on the PGlite pass only');

for (const locale of inventoryLocales) {
  const pages = inventoryPagesIn(locale);
  for (const actor of [...new Set(pages.map((p) => p.actor))] as Actor[]) {
    test.describe(`360 px phone, ${locale}, ${actor}`, () => {
      let context: BrowserContext;
      test.beforeAll(async ({ browser, baseURL }) => {
        context = await contextFor(browser, actor, locale, baseURL!, phone);
      });
      test.afterAll(async () => context?.close());

      for (const entry of pages.filter((p) => p.actor === actor)) {
        test(`${entry.name} fits 360 px without sideways scrolling (${locale})`, async () => {
          const target = entry.path(seededIds());
          const page = await context.newPage();
          await page.goto(target);
          const measured = await page.evaluate(() => {
            const width = window.innerWidth;
            // What reaches past the right edge without a scrolling box of its own around it: what to fix.
            const scrollsItself = (el: Element) => {
              for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
                if (['auto', 'scroll'].includes(getComputedStyle(up).overflowX)) return true;
              }
              return false;
            };
            const culprits = [...document.querySelectorAll('body *')]
              .filter((el) => el.getBoundingClientRect().right > width + 1 && !scrollsItself(el))
              .map(
                (el) =>
                  `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${typeof el.className === 'string' && el.className ? `.${el.className.split(' ').join('.')}` : ''} ${Math.round(el.getBoundingClientRect().right)}px`,
              )
              .slice(0, 5);
            return { scrollWidth: document.documentElement.scrollWidth, innerWidth: width, culprits };
          });
          await page.close();
          expect(measured.scrollWidth, `${target} is ${measured.scrollWidth}px wide: ${measured.culprits.join(', ')}`).toBeLessThanOrEqual(
            measured.innerWidth,
          );
        });
      }
    });
  }
}
