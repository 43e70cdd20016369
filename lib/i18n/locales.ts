/**
 * The interface languages. Adding one is a folder messages/<code>/ and one line here (docs/languages.md):
 * - `name`: the language's name in its own script, for the switcher;
 * - `intl`: the tag Intl formats dates, numbers and lists with (th keeps Gregorian years: the
 *   forum's audience is international, so a Thai page says 2026, not 2569; docs/languages.md);
 * - `html`: the `lang` attribute of its pages and mails (it also picks the font stack, globals.css).
 */
export const LANGUAGES = {
  en: { name: 'English', intl: 'en-GB', html: 'en' },
  zh: { name: '中文', intl: 'zh-CN', html: 'zh-CN' },
  ja: { name: '日本語', intl: 'ja-JP', html: 'ja' },
  ko: { name: '한국어', intl: 'ko-KR', html: 'ko' },
  th: { name: 'ไทย', intl: 'th-TH-u-ca-gregory', html: 'th' },
  vi: { name: 'Tiếng Việt', intl: 'vi-VN', html: 'vi' },
} as const satisfies Record<string, { name: string; intl: string; html: string }>;

export type Locale = keyof typeof LANGUAGES;
export const locales = Object.keys(LANGUAGES) as [Locale, ...Locale[]];
export const defaultLocale: Locale = 'en';
export const LOCALE_COOKIE = 'hf_locale';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && Object.hasOwn(LANGUAGES, value);
}

/** A supported locale named by a query parameter (?lang=th), else English. */
export function localeOrDefault(value: string | null | undefined): Locale {
  return isLocale(value) ? value : defaultLocale;
}

/** The supported locale a BCP 47 tag asks for ("zh-TW" → zh, "th-TH" → th), or null. */
export function localeFromTag(tag: string): Locale | null {
  const primary = tag.trim().toLowerCase().split('-')[0] ?? '';
  return isLocale(primary) ? primary : null;
}

/** Picks the best supported locale from an Accept-Language header, honouring its q-weights. */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale {
  const wanted = (header ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q ? Number(q.slice(2)) : 1;
      return { locale: localeFromTag(tag), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((w) => w.locale !== null && w.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  return wanted[0]?.locale ?? defaultLocale;
}

/** Intl locale tag used for dates, numbers and lists. */
export function intlLocale(locale: Locale): string {
  return LANGUAGES[locale].intl;
}

/** The `lang` attribute for text in this locale. */
export function htmlLang(locale: Locale): string {
  return LANGUAGES[locale].html;
}

/** The language's own name, in its own script ("日本語", "ไทย"). */
export function languageName(locale: Locale): string {
  return LANGUAGES[locale].name;
}

/** "A, B and C" in the locale's own way ("A、B、C", "A, B และ C"). */
export function formatList(locale: Locale, items: readonly string[], type: Intl.ListFormatType = 'conjunction'): string {
  return new Intl.ListFormat(intlLocale(locale), { type, style: 'long' }).format(items);
}

/** The visitor's language: the one they chose (cookie), else the browser's preference. */
export function preferredLocale(cookieValue: string | undefined, acceptLanguage: string | null | undefined): Locale {
  return isLocale(cookieValue) ? cookieValue : localeFromAcceptLanguage(acceptLanguage);
}
