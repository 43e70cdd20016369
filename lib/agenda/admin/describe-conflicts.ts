import type { Locale } from '@/lib/i18n/locales';
import { pick } from '@/lib/i18n/text';
import type { Conflict } from './conflicts';

type Translate = (key: string, values: Record<string, string | number>) => string;

/** Conflict warnings as sentences in the organiser's language. */
export function describeConflicts(conflicts: Conflict[], t: Translate, locale: Locale): string[] {
  return conflicts.map((conflict) => {
    const values: Record<string, string | number> = {};
    for (const [key, value] of Object.entries(conflict)) {
      if (key === 'kind') continue;
      values[key] =
        typeof value === 'object' && value !== null ? pick(value as { en: string; zh?: string }, locale) : (value as string | number);
    }
    return t(conflict.kind, values);
  });
}
