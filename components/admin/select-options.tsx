import type { CountryOption } from '@/lib/admin/form-options';

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
