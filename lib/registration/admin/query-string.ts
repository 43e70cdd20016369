import { filtersToQuery, type RegistrationFilters } from './filters';

/** A link that keeps the current filters and adds or replaces some parameters. */
export function withFilters(path: string, filters: RegistrationFilters, extra: Record<string, string | number | undefined> = {}): string {
  const query = new URLSearchParams(filtersToQuery(filters));
  for (const [key, value] of Object.entries(extra)) if (value !== undefined && value !== '') query.set(key, String(value));
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}
