import { localDate } from '@/lib/time/zones';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/lib/database/process-database';
import { SessionTime, SessionTimeAt } from '@/components/agenda/session-time';
import { ShareLink } from '@/components/agenda/share-link';
import { VenueAddress } from '@/components/agenda/venue-address';
import { loadPublicAgenda } from '@/lib/agenda/load';
import { programmePath } from '@/lib/agenda/programme-path';
import { seatsLeft } from '@/lib/agenda/public-agenda';
import { parseAgendaQuery } from '@/lib/agenda/query';
import { pick } from '@/lib/i18n/text';
import { presentedListings } from '@/lib/exhibition/session/presented-listings';
import { intlLocale, type Locale } from '@/lib/i18n/locales';
import { punctuation } from '@/lib/i18n/punctuation';
import { credentialsLine, nameWithHonorific, speakerCredentials } from '@/lib/speakers/credentials';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ slug: string; session: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SessionPage({ params, searchParams }: Props) {
  const { slug, session: key } = await params;
  const agenda = await loadPublicAgenda(slug);
  const session = agenda?.sessions.find((s) => s.slug === key);
  if (!agenda || !session) notFound();
  const { tz } = parseAgendaQuery(await searchParams);
  const db = await getDb();
  const [t, tp, te, locale, seats, presented] = await Promise.all([
    getTranslations('agenda'),
    getTranslations('presentedListings'),
    getTranslations('exhibition'),
    getLocale() as Promise<Locale>,
    seatsLeft(db, agenda.event.id),
    // Read live, not from the published agenda's version: a listing taken down leaves at once.
    presentedListings(db, session.id),
  ]);
  const venue = agenda.venues.find((v) => v.id === session.venueId)!;
  const room = agenda.rooms.find((r) => r.id === session.roomId);
  const left = seats.get(session.id);
  // Streamed sessions are on the online venue's programme, in the session's own venue's time.
  const online = session.streamed && venue.kind !== 'online' ? agenda.venues.find((v) => v.kind === 'online') : undefined;
  const languageName = new Intl.DisplayNames([intlLocale(locale)], { type: 'language' });
  const regionName = new Intl.DisplayNames([intlLocale(locale)], { type: 'region' });
  const marks = punctuation(locale);
  return (
    <article data-session={session.slug}>
      <p className="muted">
        <a href={programmePath(slug)}>{t('title')}</a>
      </p>
      <h1>{pick(session.title, locale)}</h1>
      <p style={{ display: 'flex', gap: '.4rem', flexWrap: 'wrap' }}>
        <span className="badge">{t(`kinds.${session.kind}` as never)}</span>
        <span className="badge">{t(`segments.${session.segment}` as never)}</span>
        {session.status !== 'scheduled' && <span className={`badge ${session.status}`}>{t(`status.${session.status}`)}</span>}
        {online && (
          <span className="badge relay" data-testid="streamed">
            {t('online')}
          </span>
        )}
      </p>
      <p data-testid="venue-time">
        <SessionTimeAt session={session} venue={venue} locale={locale} headingDay={null} />
      </p>
      {tz && tz !== venue.timeZone && (
        <p className="muted" data-testid="viewer-time">
          {t('yourTime', { time: '' })}
          <SessionTime start={session.startsAt} end={session.endsAt} zone={tz} place={tz} locale={locale} headingDay={null} />
        </p>
      )}
      <p>
        {pick(venue.name, locale)}
        {room && ` · ${t('room')}: ${pick(room.name, locale)}`}
        {venue.address && (
          <>
            <br />
            <VenueAddress address={venue.address} mapLabel={t('map')} />
          </>
        )}
      </p>
      <p>{pick(session.description, locale)}</p>
      <dl>
        <dt>{t('languages')}</dt>
        <dd>{session.languages.map((l) => languageName.of(l) ?? l).join(', ')}</dd>
        {session.capacity !== null && (
          <>
            <dt>{t('capacity')}</dt>
            <dd data-testid="seats">
              {session.capacity} · {t('seatsLeft', { count: left ?? 0 })}
            </dd>
          </>
        )}
        {(session.relays.length > 0 || online) && (
          <>
            <dt>{t('shownAt')}</dt>
            <dd>
              <ul>
                {session.relays.map((relay) => {
                  const at = agenda.venues.find((v) => v.id === relay.venueId)!;
                  return (
                    <li key={relay.venueId} data-relay-venue={at.slug}>
                      {pick(at.name, locale)}:{' '}
                      <SessionTimeAt
                        session={session}
                        venue={at}
                        locale={locale}
                        headingDay={localDate(session.startsAt, venue.timeZone)}
                      />
                    </li>
                  );
                })}
                {online && (
                  <li data-relay-venue={online.slug}>
                    {pick(online.name, locale)}:{' '}
                    <SessionTimeAt
                      session={session}
                      venue={venue}
                      locale={locale}
                      headingDay={localDate(session.startsAt, venue.timeZone)}
                    />
                  </li>
                )}
              </ul>
            </dd>
          </>
        )}
      </dl>
      {session.speakers.length > 0 && (
        <section>
          <h2>{t('speakers')}</h2>
          <ul>
            {session.speakers.map((role) => {
              const person = agenda.speakers.find((p) => p.id === role.speakerId);
              if (!person) return null;
              const credentials = speakerCredentials(person, locale);
              const about = [t(`roles.${role.role}` as never), credentialsLine(credentials, locale)].filter(Boolean).join(marks.comma);
              return (
                <li key={role.speakerId} data-speaker={person.slug}>
                  <a href={`/events/${slug}/speakers/${person.slug}`}>{nameWithHonorific(person.name, credentials)}</a> — {about}
                  {marks.open}
                  {regionName.of(person.country) ?? person.country}
                  {marks.close}
                  {role.presence === 'remote' && ` · ${t('remote')}`}
                </li>
              );
            })}
          </ul>
        </section>
      )}
      {presented.length > 0 && (
        <section aria-labelledby="presented-heading" data-testid="presented-listings">
          <h2 id="presented-heading">{tp('title')}</h2>
          <ul style={{ listStyle: 'none', padding: 0 }}>
            {presented.map((l) => (
              <li key={l.id} className="card" data-listing={l.id}>
                <p className="muted" style={{ margin: 0 }}>
                  {te(`kindLong.${l.kind}`)} · {te(`sectors.${l.sector}`)} · {te('technologies.trl', { trl: l.trl })}
                </p>
                <h3 style={{ margin: '.25rem 0', fontSize: '1.05rem' }}>{pick(l.title, locale)}</h3>
                <p className="muted" style={{ margin: 0 }}>
                  {te('technologies.by', { exhibitor: pick(l.authorName, locale) || te('technologies.attendee') })} (
                  {regionName.of(l.authorCountry) ?? l.authorCountry})
                </p>
                <p style={{ margin: '.5rem 0 0' }}>
                  <a className="button small" href={`/events/${slug}/meet?with=listing:${l.id}`} data-testid="request-meeting">
                    {tp('request')}
                  </a>
                </p>
              </li>
            ))}
          </ul>
        </section>
      )}
      <div className="actions">
        <a className="button secondary" href={`/api/v1/events/${slug}/sessions/${session.slug}/calendar.ics`} download>
          {t('addToCalendar')}
        </a>
        <ShareLink label={t('share')} copiedLabel={t('copied')} title={pick(session.title, locale)} />
        {session.status !== 'cancelled' && (
          <a className="button" href={`/events/${slug}/register?session=${session.id}`}>
            {t('register')}
          </a>
        )}
      </div>
    </article>
  );
}
