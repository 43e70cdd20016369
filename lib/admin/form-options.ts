import type { Locale } from '@/lib/i18n/locales';
import { regionOptions } from '@/lib/i18n/region-names';

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
  return regionOptions(locale);
}
