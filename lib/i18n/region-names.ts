import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json';
import zh from 'i18n-iso-countries/langs/zh.json';
import { intlLocale, type Locale } from './locales';

// English and Chinese keep the short official names the forum has always shown ("Hong Kong", "香港");
// every other language takes the runtime's own (Intl.DisplayNames), so a new language needs nothing here.
countries.registerLocale(en);
countries.registerLocale(zh);

const displayNames = new Map<Locale, Intl.DisplayNames>();

/** "Thailand" / "泰国" / "タイ" / "ประเทศไทย" for "TH"; the code itself when unknown. */
export function regionName(code: string, locale: Locale): string {
  const listed = countries.getName(code, locale, { select: 'official' });
  if (listed) return listed;
  let names = displayNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([intlLocale(locale)], { type: 'region', fallback: 'code' });
    displayNames.set(locale, names);
  }
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

/** Every ISO 3166-1 alpha-2 code with its name in `locale`, sorted by name as that language sorts. */
export function regionOptions(locale: Locale): { code: string; name: string }[] {
  return Object.keys(countries.getAlpha2Codes())
    .map((code) => ({ code, name: regionName(code, locale) }))
    .sort((a, b) => a.name.localeCompare(b.name, intlLocale(locale)));
}
