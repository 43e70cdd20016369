import type { LocalizedText } from '@/db/schema';
import { type Locale, locales } from './locales';

/**
 * Where content in one language falls back to when it has no text of its own, before the shorter
 * tags and English: e.g. `'zh-Hant': ['zh']` would show Simplified Chinese to a Traditional Chinese
 * reader before English. Every other language goes straight to English (th → en, ja → en).
 */
export const CONTENT_FALLBACKS: Readonly<Record<string, readonly string[]>> = {};

/** The languages content can be written in on the admin forms: the interface languages, English first. */
export const CONTENT_LOCALES: readonly Locale[] = locales;

/**
 * The languages tried, in order, for a reader of `locale`: the tag itself, its own fallbacks, its
 * shorter forms (zh-Hant-TW → zh-Hant → zh), then English. "zh-Hant" → ["zh-Hant", "zh", "en"].
 */
export function contentChain(locale: string): string[] {
  const chain: string[] = [];
  const add = (tag: string) => {
    if (!chain.includes(tag)) chain.push(tag);
  };
  const visit = (tag: string) => {
    add(tag);
    for (const next of CONTENT_FALLBACKS[tag] ?? []) visit(next);
    const cut = tag.lastIndexOf('-');
    if (cut > 0) visit(tag.slice(0, cut));
  };
  visit(locale);
  add('en');
  return chain;
}

/** The text for a reader of `locale`, along its fallback chain (English last). */
export function pick(text: LocalizedText | null | undefined, locale: Locale | string): string {
  if (!text) return '';
  for (const tag of contentChain(locale)) {
    const value = text[tag];
    if (value) return value;
  }
  return '';
}

/** The language `pick` takes the text from, for marking a fallback with its own `lang` (WCAG 3.1.2). */
export function pickedLocale(text: LocalizedText | null | undefined, locale: Locale | string): string {
  for (const tag of contentChain(locale)) if (text?.[tag]) return tag;
  return locale;
}

/** The text written in exactly this language, or '' (no fallback): what an admin form edits. */
export function ownText(text: LocalizedText | null | undefined, locale: string): string {
  return text?.[locale] ?? '';
}

/** The offered languages that have no text of their own, so a form can mark them "missing". */
export function missingLocales(text: LocalizedText | null | undefined, offered: readonly string[] = CONTENT_LOCALES): string[] {
  return offered.filter((locale) => !ownText(text, locale).trim());
}

/**
 * A stored value from per-language inputs: English (required, '' when absent) and every other
 * language that has text; an emptied language is dropped rather than kept as '', so it falls back.
 */
export function localizedText(values: Partial<Record<string, string | undefined>>): LocalizedText {
  const text: LocalizedText = { en: values.en ?? '' };
  for (const [locale, value] of Object.entries(values)) if (locale !== 'en' && value) text[locale] = value;
  return text;
}
