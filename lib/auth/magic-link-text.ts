import type { MagicLinkText } from '@/emails/magic-link-email';
import { locales } from '@/lib/i18n/locales';
import { translator } from '@/lib/i18n/translator';

/**
 * The sign-in mail in every language at once, default language first: it goes to an address before
 * we know whose it is, so there is no language to choose. A new locale joins it by its messages alone.
 */
export function magicLinkText(): MagicLinkText {
  const all = locales.map((locale) => translator(locale, 'mail'));
  const each = (key: string) => all.map((t) => t(`magicLink.${key}`));
  return {
    subject: each('subject').join(' · '),
    heading: each('heading').join(' · '),
    paragraphs: each('body'),
    footer: each('ignore').join(' '),
  };
}
