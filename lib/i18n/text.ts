import type { LocalizedText } from '@/db/schema';
import type { Locale } from './locales';

/** The text in the wanted language, falling back to English. */
export function pick(text: LocalizedText | null | undefined, locale: Locale | string): string {
  if (!text) return '';
  return (locale === 'zh' ? text.zh : undefined) || text.en;
}
