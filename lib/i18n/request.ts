import { cookies, headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { isLocale, LOCALE_COOKIE, preferredLocale, type Locale } from './locales';
import { loadMessages } from './messages';

export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = isLocale(requested) ? requested : await localeOutsidePages();
  const messages = loadMessages(locale);
  return { locale, messages, timeZone: 'UTC' };
});

/** Route handlers are not rewritten by proxy.ts, so they choose the locale the way it does. */
async function localeOutsidePages(): Promise<Locale> {
  return preferredLocale((await cookies()).get(LOCALE_COOKIE)?.value, (await headers()).get('accept-language'));
}
