import { isProgrammePath } from '@/lib/agenda/programme-path';
import { preferredLocale, type Locale } from '@/lib/i18n/locales';

/** next-intl reads the request's locale from this header when a page has not set it itself. */
export const LOCALE_HEADER = 'X-NEXT-INTL-LOCALE';

/**
 * Where a page request is served from inside app/[locale]. URLs carry no locale: the visitor's choice
 * lives in a cookie, so one address works in both languages. The programme without a query string is
 * the cached page; with filters, a search or a viewer time zone it is rendered per request
 * (agenda/filtered), so the cached copy never depends on the query.
 *
 * `cachedCopy: false` sends the unfiltered programme to the per-request page as well: a cached copy
 * carries the script nonce of the render that made it, so only a client that answers with that
 * nonce (the app server's fast path) or takes no scripts from it (the router's payload requests)
 * may have it.
 */
export function localeRewrite(
  pathname: string,
  search: string,
  cookieLocale: string | undefined,
  acceptLanguage: string | null,
  options: { cachedCopy?: boolean } = {},
): { locale: Locale; pathname: string } {
  const locale = preferredLocale(cookieLocale, acceptLanguage);
  const bare = pathname.replace(/\/$/, '');
  const perRequest = search.length > 1 || options.cachedCopy === false;
  const target = perRequest && isProgrammePath(bare) ? `${bare}/filtered` : pathname;
  return { locale, pathname: `/${locale}${target === '/' ? '' : target}` };
}
