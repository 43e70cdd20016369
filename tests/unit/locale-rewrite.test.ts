import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localeRewrite } from '@/lib/http/locale-rewrite';
import { locales } from '@/lib/i18n/locales';

describe('where proxy.ts serves a page from', () => {
  it('takes the language from the cookie first, then the browser, else English', () => {
    expect(localeRewrite('/speakers', '', 'zh', 'en-GB,en;q=0.9')).toEqual({ locale: 'zh', pathname: '/zh/speakers' });
    expect(localeRewrite('/speakers', '', undefined, 'zh-CN,zh;q=0.9')).toEqual({ locale: 'zh', pathname: '/zh/speakers' });
    expect(localeRewrite('/speakers', '', 'fr', 'fr-FR')).toEqual({ locale: 'en', pathname: '/en/speakers' });
    expect(localeRewrite('/', '', undefined, null)).toEqual({ locale: 'en', pathname: '/en' });
  });

  it('serves the unfiltered programme from the cached page and any query from the per-request one', () => {
    expect(localeRewrite('/events/forum/agenda', '', 'en', null).pathname).toBe('/en/events/forum/agenda');
    expect(localeRewrite('/events/forum/agenda', '?', 'en', null).pathname).toBe('/en/events/forum/agenda');
    expect(localeRewrite('/events/forum/agenda', '?venue=tokyo', 'en', null).pathname).toBe('/en/events/forum/agenda/filtered');
    expect(localeRewrite('/events/forum/agenda/', '?tz=Asia%2FTokyo', 'zh', null).pathname).toBe('/zh/events/forum/agenda/filtered');
    // Only the programme has a cached twin; other pages keep their query.
    expect(localeRewrite('/events/forum/speakers', '?q=x', 'en', null).pathname).toBe('/en/events/forum/speakers');
    expect(localeRewrite('/events/forum/agenda/extra', '?q=x', 'en', null).pathname).toBe('/en/events/forum/agenda/extra');
  });

  it('sends a browser’s request for the unfiltered programme to the per-request page when it cannot have the cached copy', () => {
    expect(localeRewrite('/events/forum/agenda', '', 'en', null, { cachedCopy: false }).pathname).toBe('/en/events/forum/agenda/filtered');
    expect(localeRewrite('/events/forum/agenda/', '', 'zh', null, { cachedCopy: false }).pathname).toBe('/zh/events/forum/agenda/filtered');
    expect(localeRewrite('/events/forum/agenda', '', 'en', null, { cachedCopy: true }).pathname).toBe('/en/events/forum/agenda');
    expect(localeRewrite('/events/forum/speakers', '', 'en', null, { cachedCopy: false }).pathname).toBe('/en/events/forum/speakers');
  });

  it('always lands on a supported language under app/[locale], whatever the cookie and headers hold', () => {
    fc.assert(
      fc.property(fc.webPath(), fc.option(fc.string()), fc.option(fc.string()), fc.string(), (pathname, cookie, acceptLanguage, search) => {
        const target = localeRewrite(pathname.startsWith('/') ? pathname : `/${pathname}`, search, cookie ?? undefined, acceptLanguage);
        expect(locales).toContain(target.locale);
        expect(target.pathname.startsWith(`/${target.locale}`)).toBe(true);
      }),
    );
  });
});
