import AxeBuilder from '@axe-core/playwright';
import { expect, test, type BrowserContext } from '@playwright/test';
import { contextFor, inventoryLocales, inventoryPagesIn, seededIds, uncoveredPageRoutes, type Actor } from './support/page-inventory';
import { htmlLang } from '@/lib/i18n/locales';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

test('the page inventory lists every page the app has', () => {
  expect(uncoveredPageRoutes()).toEqual([]);
});

// Pages render the same from either database: .ci/run checks them once, on the PGlite pass, to keep
// CI within its time (about 120 browser tests).
test.skip(Boolean(process.env.DATABASE_URL), 'run on the PGlite pass only');

for (const locale of inventoryLocales) {
  const pages = inventoryPagesIn(locale);
  for (const actor of [...new Set(pages.map((p) => p.actor))] as Actor[]) {
    test.describe(`axe, ${locale}, ${actor}`, () => {
      let context: BrowserContext;
      test.beforeAll(async ({ browser, baseURL }) => {
        context = await contextFor(browser, actor, locale, baseURL!);
      });
      test.afterAll(async () => context?.close());

      for (const entry of pages.filter((p) => p.actor === actor)) {
        test(`${entry.name} has no serious or critical WCAG 2.2 A/AA violation (${locale})`, async () => {
          const target = entry.path(seededIds());
          const page = await context.newPage();
          const response = await page.goto(target);
          // A page missing from the build (or refusing its own role) would pass axe as an error page.
          expect(response?.status(), target).toBe(entry.status ?? 200);
          await expect(page.locator('html')).toHaveAttribute('lang', htmlLang(locale));
          // The mail preview is the mail's own HTML in a sandboxed frame (no scripts: axe cannot run in it
          // and waits out its frame timeout); the mail templates are not pages of the app.
          const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).exclude('iframe.mail-preview').analyze();
          const serious = violations
            .filter((v) => v.impact === 'serious' || v.impact === 'critical')
            .map(
              (v) =>
                `${v.id} (${v.impact}) ×${v.nodes.length}: ${v.nodes
                  .slice(0, 4)
                  .map((n) => `${n.target.join(' ')} ${n.any[0]?.message ?? ''}`)
                  .join(' | ')}`,
            );
          await page.close();
          expect(serious, `${target}\n${serious.join('\n')}`).toEqual([]);
        });
      }
    });
  }
}
