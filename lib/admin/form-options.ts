import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json';
import zh from 'i18n-iso-countries/langs/zh.json';
import type { Locale } from '@/lib/i18n/locales';

countries.registerLocale(en);
countries.registerLocale(zh);

/**
 * The IANA zones a venue or speaker can be given, as this runtime knows them (the same list that
 * validation accepts), plus UTC and any stored zone the list spells differently.
 */
export function timeZoneOptions(...current: (string | null | undefined)[]): string[] {
  const zones = new Set(['UTC', ...Intl.supportedValuesOf('timeZone')]);
  for (const zone of current) if (zone) zones.add(zone);
  return [...zones].sort();
}

export type CountryOption = { code: string; name: string };

/** ISO 3166-1 alpha-2 codes with their names in the viewer's language, by name. */
export function countryOptions(locale: Locale): CountryOption[] {
  const names = countries.getNames(locale === 'zh' ? 'zh' : 'en', { select: 'official' });
  return Object.entries(names)
    .map(([code, name]) => ({ code, name }))
    .sort((a, b) => a.name.localeCompare(b.name, locale));
}
