import AxeBuilder from '@axe-core/playwright';
import { expect, test, type BrowserContext } from '@playwright/test';
import { contextFor, inventoryLocales, inventoryPagesInTurn, seededIds, uncoveredPageRoutes, type Actor } from './support/page-inventory';
import { PHONE_360, sidewaysOverflow } from './support/phone-width';
import { htmlLang } from '@/lib/i18n/locales';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

test('the page inventory lists every page the app has', () => {
  expect(uncoveredPageRoutes()).toEqual([]);
});

// Each page once, in a language other than English in turn, on a 360 px phone: axe, and that the page
// fits the phone in that language (phone-width.spec.ts tries every page in English).
for (const locale of inventoryLocales) {
  const pages = inventoryPagesInTurn(locale);
  for (const actor of [...new Set(pages.map((p) => p.actor))] as Actor[]) {
    test.describe(`axe and 360 px, ${locale}, ${actor}`, () => {
      let context: BrowserContext;
      test.beforeAll(async ({ browser, baseURL }) => {
        context = await contextFor(browser, actor, locale, baseURL!, PHONE_360, 'axe walk');
      });
      test.afterAll(async () => context?.close());

      for (const entry of pages.filter((p) => p.actor === actor)) {
        test(`${entry.name} has no serious or critical WCAG 2.2 A/AA violation and fits 360 px (${locale})`, async () => {
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
          const measured = await sidewaysOverflow(page);
          await page.close();
          expect(serious, `${target}\n${serious.join('\n')}`).toEqual([]);
          expect(measured.scrollWidth, `${target} is ${measured.scrollWidth}px wide: ${measured.culprits.join(', ')}`).toBeLessThanOrEqual(
            measured.innerWidth,
          );
        });
      }
    });
  }
}
