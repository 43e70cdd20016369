import type { MagicLinkText } from '@/emails/magic-link-email';
import type { LocalizedText } from '@/db/schema';
import { pick } from '@/lib/i18n/text';
import { htmlLang, type Locale } from '@/lib/i18n/locales';
import { translator } from '@/lib/i18n/translator';
import type { TeamRole } from '@/lib/auth/authorize';

/**
 * The invite mail in the language the organiser chose for the invitee (the layout is the sign-in
 * mail's, with its own words).
 */
export function teamInviteText(input: {
  eventName: LocalizedText;
  role: TeamRole;
  venueName: LocalizedText | null;
  locale: Locale;
}): MagicLinkText {
  const all = [input.locale].map((locale) => {
    const t = translator(locale, 'mail');
    const role = t(`teamInvite.roles.${input.role}`);
    const where = input.venueName ? t('teamInvite.atVenue', { role, venue: pick(input.venueName, locale) }) : role;
    return {
      subject: t('teamInvite.subject', { event: pick(input.eventName, locale) }),
      heading: t('teamInvite.heading'),
      body: t('teamInvite.body', { event: pick(input.eventName, locale), role: where }),
      ignore: t('teamInvite.ignore'),
    };
  });
  return {
    subject: all.map((a) => a.subject).join(' · '),
    heading: all.map((a) => a.heading).join(' · '),
    paragraphs: all.map((a) => a.body),
    footer: all.map((a) => a.ignore).join(' '),
    lang: htmlLang(input.locale),
  };
}
