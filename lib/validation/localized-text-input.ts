import { z } from 'zod';
import type { LocalizedText } from '@/db/schema';
import { CONTENT_LOCALES, localizedText, ownText } from '@/lib/i18n/text';
import { vmsg } from './message';
import { multiLineText, singleLineText } from './text';

/**
 * One localised field of a form, every offered language side by side: `{ en, zh, ja, ko, th }` in,
 * a stored LocalizedText out (English required unless `optional`, empty languages dropped so they
 * fall back). A new language in lib/i18n/locales.ts appears on every such form by itself.
 */
export function localizedTextInput(max: number, options: { multiline?: boolean; optional?: boolean } = {}) {
  const one = () => (options.multiline ? multiLineText(max) : singleLineText(max));
  const shape: Record<string, z.ZodType<string, unknown>> = {};
  for (const locale of CONTENT_LOCALES)
    shape[locale] = locale === 'en' && !options.optional ? one().pipe(z.string().min(1, vmsg('required'))) : one().optional().default('');
  const languages = z.object(shape, { error: vmsg('required') });
  if (options.optional) return languages.optional().transform((values): LocalizedText => localizedText(values ?? {}));
  return languages.transform((values): LocalizedText => localizedText(values));
}

/** A stored value as the form's inputs show it: one string per offered language, '' where there is none. */
export function localizedFormValues(text: LocalizedText | null | undefined): Record<string, string> {
  return Object.fromEntries(CONTENT_LOCALES.map((locale) => [locale, ownText(text, locale)]));
}
