import { getTranslations } from 'next-intl/server';
import type { AgendaEntry } from '@/lib/agenda/venue-agenda';
import type { PublicAgenda } from '@/lib/agenda/public-agenda';
import { pick } from '@/lib/i18n/text';
import type { Locale } from '@/lib/i18n/locales';
import { SessionTimeAt } from './session-time';
import { ViewerTime } from './viewer-time';

export async function AgendaEntryCard({
  entry,
  agenda,
  locale,
  viewerZone,
  seatsLeft,
}: {
  entry: AgendaEntry;
  agenda: PublicAgenda;
  locale: Locale;
  viewerZone?: string;
  seatsLeft: number | null | undefined;
}) {
  const t = await getTranslations('agenda');
  const { session, venue, origin, relay } = entry;
  const room = agenda.rooms.find((r) => r.id === entry.roomId);
  const people = session.speakers
    .map((s) => agenda.speakers.find((p) => p.id === s.speakerId))
    .filter((p) => p !== undefined)
    .map((p) => p.name);
  return (
    <li className="card agenda-entry" data-session={session.slug} data-venue={venue.slug} data-relay={relay ? 'true' : 'false'}>
      <div>
        <SessionTimeAt session={session} venue={venue} locale={locale} headingDay={entry.day} />
        <ViewerTime
          start={session.startsAt}
          end={session.endsAt}
          zone={venue.timeZone}
          viewerZone={viewerZone}
          locale={locale}
          headingDay={entry.day}
        />
      </div>
      <h3>
        <a href={`/events/${agenda.event.slug}/sessions/${session.slug}${viewerZone ? `?tz=${encodeURIComponent(viewerZone)}` : ''}`}>
          {pick(session.title, locale)}
        </a>
      </h3>
      <p className="badges">
        <span className="badge">{t(`kinds.${session.kind}` as never)}</span>
        {relay && venue.kind !== 'online' && <span className="badge relay">{t('relayFrom', { venue: pick(origin.city, locale) })}</span>}
        {venue.kind === 'online' && <span className="badge relay">{t('online')}</span>}
        {session.status !== 'scheduled' && <span className={`badge ${session.status}`}>{t(`status.${session.status}`)}</span>}
        {!relay && seatsLeft !== null && seatsLeft !== undefined && (
          <span className={`badge ${seatsLeft === 0 ? 'wait' : 'ok'}`}>{t('seatsLeft', { count: seatsLeft })}</span>
        )}
      </p>
      <p className="muted where">
        {pick(venue.name, locale)}
        {room && ` · ${pick(room.name, locale)}`}
        {people.length > 0 && ` · ${people.join(', ')}`}
      </p>
    </li>
  );
}
