import { formatSpan } from '@/lib/format/datetime';
import type { Locale } from '@/lib/i18n/locales';
import { pick } from '@/lib/i18n/text';
import { translator } from '@/lib/i18n/translator';
import type { PublicAgenda } from '../public-agenda';
import type { AgendaChange } from './diff';

function span(startsAt: string, endsAt: string, zone: string, place: string, locale: Locale): string {
  return formatSpan(new Date(startsAt), new Date(endsAt), zone, place, locale);
}

/**
 * One line per change, in the reader's language and zone: "Moved: Keynote. Now Thu 24 Dec 10:00–10:45
 * Bangkok, GMT+7 (was …)". `zoneFor` says which zone a reader lives a session in.
 */
export function changeLine(
  change: AgendaChange,
  agenda: PublicAgenda,
  locale: Locale,
  zoneFor: (venueId: string) => { zone: string; place: string },
): string | null {
  const t = translator(locale, 'mail');
  const session = agenda.sessions.find((s) => s.id === change.sessionId);
  const title = session ? pick(session.title, locale) : change.sessionId;
  if (change.kind === 'moved') {
    const before = zoneFor(change.was.venueId);
    const after = zoneFor(change.now.venueId);
    return t('change.moved', {
      title,
      now: span(change.now.startsAt, change.now.endsAt, after.zone, after.place, locale),
      was: span(change.was.startsAt, change.was.endsAt, before.zone, before.place, locale),
    });
  }
  if (change.kind === 'cancelled') {
    const where = zoneFor(session?.venueId ?? '');
    return t('change.cancelled', { title, was: span(change.was.startsAt, change.was.endsAt, where.zone, where.place, locale) });
  }
  if (change.kind === 'room-changed') {
    const room = agenda.rooms.find((r) => r.id === change.now.roomId);
    const venue = agenda.venues.find((v) => v.id === session?.venueId);
    return t('change.room', {
      title,
      room: [room ? pick(room.name, locale) : null, venue ? pick(venue.name, locale) : null].filter(Boolean).join(', '),
    });
  }
  return null;
}
