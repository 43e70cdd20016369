import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json';
import zh from 'i18n-iso-countries/langs/zh.json';
import type { Locale } from '@/lib/i18n/locales';

countries.registerLocale(en);
countries.registerLocale(zh);

/** "Thailand" / "泰国" for "TH"; the code itself when unknown. */
export function countryName(code: string, locale: Locale): string {
  return countries.getName(code, locale === 'zh' ? 'zh' : 'en', { select: 'official' }) ?? code;
}
