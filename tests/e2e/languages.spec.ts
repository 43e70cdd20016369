import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { htmlLang, languageName, type Locale, locales } from '@/lib/i18n/locales';
import { loadMessages } from '@/lib/i18n/messages';
import { wordProblems } from '../helpers/words-guard';
import { contextFor, seededIds } from './support/page-inventory';

/**
 * The pages a visitor, a registrant and a speaker read, in every language at 390 px: each shows no
 * message key (a key missing from a language shows as its name), no English sentence of the
 * interface where the language has its own, the page's `lang`, the switcher and the hreflang links.
 */
const PHONE_390 = { viewport: { width: 390, height: 844 }, hasTouch: true, deviceScaleFactor: 2 };

function leaves(value: unknown, prefix = ''): [string, string][] {
  if (typeof value === 'string') return [[prefix, value]];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}

const english = leaves(loadMessages('en'));
const KEYS = english.map(([key]) => key).filter((key) => key.includes('.'));

/** Sentences of the English interface (three words or more, cut at placeholders) the language has its own words for. */
function englishSentences(locale: Locale): string[] {
  if (locale === 'en') return [];
  const own = new Map(leaves(loadMessages(locale)));
  return english
    .filter(([key, text]) => own.get(key) !== text)
    .flatMap(([, text]) => text.split(/\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}|[#|]/))
    .map((fragment) => fragment.trim())
    .filter((fragment) => /^[A-Za-z][^\n]*\s\S+\s\S+/.test(fragment) && fragment.length >= 12);
}

type Visit = { name: string; actor: 'anonymous' | 'speaker'; path: () => string; act?: (page: Page) => Promise<void> };

const VISITS: Visit[] = [
  { name: 'home', actor: 'anonymous', path: () => '/' },
  { name: 'programme', actor: 'anonymous', path: () => `/events/${seededIds().slug}/agenda` },
  { name: 'session', actor: 'anonymous', path: () => `/events/${seededIds().slug}/sessions/${seededIds().sessionSlug}` },
  {
    name: 'register form, submitted empty',
    actor: 'anonymous',
    path: () => `/events/${seededIds().slug}/register`,
    act: async (page) => {
      await page.evaluate(() => {
        for (const form of document.querySelectorAll('form')) form.noValidate = true;
      });
      await page.locator('form button[type="submit"]').last().click();
      const errors = page.locator('.error, .notice.bad, [role="alert"]').filter({ hasText: /\S/ });
      await expect(errors.first()).toBeVisible();
    },
  },
  { name: 'manage page', actor: 'anonymous', path: () => seededIds().inPersonManagePath },
  { name: 'speaker portal', actor: 'speaker', path: () => '/speaker' },
];

for (const locale of locales) {
  const sentences = englishSentences(locale);
  for (const actor of ['anonymous', 'speaker'] as const) {
    test.describe(`${locale} at 390 px, ${actor}`, () => {
      let context: BrowserContext;
      test.beforeAll(async ({ browser, baseURL }) => {
        context = await contextFor(browser, actor, locale, baseURL!, PHONE_390, 'languages');
      });
      test.afterAll(async () => context?.close());

      for (const visit of VISITS.filter((v) => v.actor === actor)) {
        test(`${visit.name} is all in ${languageName(locale)} (${locale})`, async () => {
          const page = await context.newPage();
          await page.goto(visit.path());
          await visit.act?.(page);
          await page.waitForLoadState('networkidle');
          await expect(page.locator('html')).toHaveAttribute('lang', htmlLang(locale));
          // biome-ignore lint/performance/useDomNodeTextContent: what a person reads, not the text of hidden nodes.
          const body = await page.locator('body').innerText();

          expect(
            KEYS.filter((key) => body.includes(key)),
            'message keys shown as text',
          ).toEqual([]);
          expect(
            sentences.filter((sentence) => body.includes(sentence)),
            'English interface text on the page',
          ).toEqual([]);
          if (visit.act) {
            const errors = await page.locator('.error, .notice.bad, [role="alert"]').allInnerTexts();
            expect(errors.flatMap((text) => wordProblems(text.trim(), locale))).toEqual([]);
          }

          // The switcher: every language in its own script, each marked with its lang.
          const links = page.locator('header nav.lang a');
          await expect(links).toHaveCount(locales.length);
          for (const code of locales) {
            const link = links.filter({ hasText: languageName(code) });
            await expect(link).toHaveAttribute('lang', htmlLang(code));
          }
          await expect(page.locator(`header nav.lang a[aria-current="true"]`)).toHaveText(languageName(locale));
          // One alternate per language and a default, in the head.
          await expect(page.locator('head link[rel="alternate"][hreflang]')).toHaveCount(locales.length + 1);
          await expect(page.locator('head link[rel="alternate"][hreflang="th"]')).toHaveAttribute('href', /^\/th(\/|$)/);

          const fits = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
          expect(fits, 'fits 390 px').toBe(true);
          await page.close();
        });
      }
    });
  }
}

test.describe('choosing the language', () => {
  test('from the URL, then the cookie, then Accept-Language', async ({ browser, baseURL }) => {
    const context = await browser.newContext({ baseURL, locale: 'ko-KR' });
    const page = await context.newPage();
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
    await page.goto('/th');
    await expect(page.locator('html')).toHaveAttribute('lang', 'th');
    await page.goto(`/ja/events/${seededIds().slug}/agenda`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
    await expect(page.locator('h1').first()).toBeVisible();
    // Choosing a language sets the cookie, which then beats the browser's Accept-Language.
    await page.goto('/');
    await page.locator('header nav.lang a', { hasText: 'ไทย' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'th');
    await page.goto('/agenda');
    await expect(page.locator('html')).toHaveAttribute('lang', 'th');
    await context.close();
  });
});
