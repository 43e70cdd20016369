import type { MagicLinkText } from '@/emails/magic-link-email';
import { htmlLang, type Locale, locales } from '@/lib/i18n/locales';
import { translator } from '@/lib/i18n/translator';

/**
 * The sign-in mail in the account's language, else the language of the page the link was asked
 * from; in every language at once (default first) only when neither is known (a script's request).
 */
export function magicLinkText(locale?: Locale | null): MagicLinkText {
  const all = (locale ? [locale] : locales).map((each) => translator(each, 'mail'));
  const each = (key: string) => all.map((t) => t(`magicLink.${key}`));
  return {
    subject: each('subject').join(' · '),
    heading: each('heading').join(' · '),
    paragraphs: each('body'),
    footer: each('ignore').join(' '),
    lang: locale ? htmlLang(locale) : 'en',
  };
}
