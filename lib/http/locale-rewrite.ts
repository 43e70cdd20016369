import { isProgrammePath } from '@/lib/agenda/programme-path';
import { isLocale, preferredLocale, type Locale } from '@/lib/i18n/locales';

/** next-intl reads the request's locale from this header when a page has not set it itself. */
export const LOCALE_HEADER = 'X-NEXT-INTL-LOCALE';

/**
 * Where a page request is served from inside app/[locale]. The language comes from the URL when it
 * starts with one (/th/agenda: the address a `hreflang` link or a shared link names), else from the
 * visitor's choice in a cookie, else from Accept-Language; so one unprefixed address works in every
 * language. The programme without a query string is
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
  const [, first, ...rest] = pathname.split('/');
  const fromUrl = isLocale(first) ? first : null;
  const locale = fromUrl ?? preferredLocale(cookieLocale, acceptLanguage);
  const path = fromUrl ? `/${rest.join('/')}` : pathname;
  const bare = path.replace(/\/$/, '');
  const perRequest = search.length > 1 || options.cachedCopy === false;
  const target = perRequest && isProgrammePath(bare) ? `${bare}/filtered` : path;
  return { locale, pathname: `/${locale}${target === '/' ? '' : target}` };
}
