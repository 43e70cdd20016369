import type { SpeakerScheduleText } from '@/emails/speaker-schedule-email';
import type { Locale } from '@/lib/i18n/locales';
import { translator } from '@/lib/i18n/translator';

/** The words of a speaker's programme-change mail, from messages/<locale>. */
export function speakerScheduleText(locale: Locale, forumName: string, speakerName: string): SpeakerScheduleText {
  const t = translator(locale, 'mail');
  return {
    subject: t('speakerSchedule.subject'),
    greeting: t('speakerSchedule.greeting', { name: speakerName }),
    lead: t('speakerSchedule.lead'),
    portal: t('speakerSchedule.portal'),
    calendar: t('speakerSchedule.calendar'),
    footer: t('speakerSchedule.footer', { forum: forumName }),
  };
}
