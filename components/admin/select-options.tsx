import type { CountryOption } from '@/lib/admin/form-options';
import { LANGUAGES, locales } from '@/lib/i18n/locales';

/** The options of a time-zone select: IANA names, as organisers recognise them. */
export function ZoneOptions({ zones }: { zones: string[] }) {
  return zones.map((zone) => (
    <option key={zone} value={zone}>
      {zone}
    </option>
  ));
}

/** The options of a country select: the name in the page's language and the code, which delegates' papers carry. */
export function CountryOptions({ countries }: { countries: CountryOption[] }) {
  return countries.map((c) => (
    <option key={c.code} value={c.code}>
      {c.name} ({c.code})
    </option>
  ));
}

/** The options of a mail-language select: each language named in itself, marked with its own lang. */
export function LanguageOptions() {
  return locales.map((code) => (
    <option key={code} value={code} lang={LANGUAGES[code].html}>
      {LANGUAGES[code].name}
    </option>
  ));
}
