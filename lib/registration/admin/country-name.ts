import type { Locale } from '@/lib/i18n/locales';
import { regionName } from '@/lib/i18n/region-names';

/** "Thailand" / "泰国" for "TH"; the code itself when unknown. */
export function countryName(code: string, locale: Locale): string {
  return regionName(code, locale);
}
