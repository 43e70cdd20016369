import { formatDay, formatTimeWithZone } from '@/lib/format/datetime';
import type { Locale } from '@/lib/i18n/locales';
import { pick } from '@/lib/i18n/text';
import type { OutcomeChoices } from './list-outcomes';

/** The form's session and listing choices in the page's language: a session with its day and time on its venue's clock, zone named. */
export function choiceLabels(choices: OutcomeChoices, locale: Locale) {
  return {
    sessions: choices.sessions.map((s) => ({
      id: s.id,
      label: `${pick(s.title, locale)} — ${formatDay(s.startsAt, s.timeZone, locale)} ${formatTimeWithZone(s.startsAt, s.timeZone, pick(s.city, locale))}`,
    })),
    listings: choices.listings.map((l) => ({ id: l.id, label: `${pick(l.title, locale)} — ${pick(l.exhibitorName, locale)}` })),
  };
}
