import type { MagicLinkText } from '@/emails/magic-link-email';
import type { LocalizedText } from '@/db/schema';
import { pick } from '@/lib/i18n/text';
import { htmlLang, type Locale } from '@/lib/i18n/locales';
import { translator } from '@/lib/i18n/translator';

/** The staff invite mail, in the language the organiser chose (the layout is the sign-in mail's). */
export function staffInviteText(input: { eventName: LocalizedText; exhibitorName: LocalizedText; locale: Locale }): MagicLinkText {
  const t = translator(input.locale, 'mail');
  const words = { event: pick(input.eventName, input.locale), exhibitor: pick(input.exhibitorName, input.locale) };
  return {
    subject: t('staffInvite.subject', words),
    heading: t('staffInvite.heading'),
    paragraphs: [t('staffInvite.body', words)],
    footer: t('staffInvite.ignore'),
    lang: htmlLang(input.locale),
  };
}
