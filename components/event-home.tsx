import { getLocale, getTranslations } from 'next-intl/server';
import type { EventRow, VenueRow } from '@/lib/agenda/events';
import { formatDay } from '@/lib/format/datetime';
import { pick } from '@/lib/i18n/text';
import type { Locale } from '@/lib/i18n/locales';
import { localTime, offsetLabel } from '@/lib/time/zones';
import { programmePath } from '@/lib/agenda/programme-path';
import { VenueAddress } from '@/components/agenda/venue-address';

export async function EventHome({
  event,
  venues,
  firstSessionAt,
  otherEvents = [],
}: {
  event: EventRow;
  venues: VenueRow[];
  firstSessionAt: Map<string, Date>;
  /** Other published forums, upcoming first (the home page lists them under the featured one). */
  otherEvents?: EventRow[];
}) {
  const locale = (await getLocale()) as Locale;
  const t = await getTranslations('home');
  const ta = await getTranslations('agenda');
  const lastMoment = new Date(event.endsAt.getTime() - 1);
  return (
    <>
      <section className="hero">
        <p>{t('organisedBy', { organiser: event.organiser })}</p>
        <h1>{pick(event.name, locale)}</h1>
        <p className="theme">{pick(event.theme, locale)}</p>
        <p>
          {t('dates', { start: formatDay(event.startsAt, event.timeZone, locale), end: formatDay(lastMoment, event.timeZone, locale) })}{' '}
          <span>({offsetLabel(event.startsAt, event.timeZone)})</span>
        </p>
        <div className="actions">
          <a className="button" href={`/events/${event.slug}/register`}>
            {t('registerCta')}
          </a>
          <a className="button secondary" href={programmePath(event.slug)}>
            {t('agendaCta')}
          </a>
        </div>
      </section>
      <p>{pick(event.description, locale)}</p>
      <nav aria-label={t('moreLabel')} className="muted">
        <a href={`/events/${event.slug}/exhibitors`}>{t('exhibitorsLink')}</a> ·{' '}
        <a href={`/events/${event.slug}/technologies`}>{t('technologiesLink')}</a> ·{' '}
        <a href={`/events/${event.slug}/outcomes`}>{t('outcomesLink')}</a>
      </nav>
      <h2>{t('venues')}</h2>
      <ul className="grid" style={{ listStyle: 'none', padding: 0 }}>
        {venues.map((venue) => {
          const opens = firstSessionAt.get(venue.id);
          return (
            <li key={venue.id} className="card" data-venue={venue.slug}>
              <span className="badge">{t(`kind.${venue.kind}`)}</span>
              <h3>
                <a href={`/events/${event.slug}/agenda?venue=${venue.slug}`}>{pick(venue.name, locale)}</a>
              </h3>
              <p className="muted">
                {pick(venue.city, locale)} · {venue.timeZone}
              </p>
              {venue.address && (
                <p>
                  <VenueAddress address={venue.address} mapLabel={ta('map')} />
                </p>
              )}
              {opens && (
                <p>
                  {t('localTime', {
                    date: formatDay(opens, venue.timeZone, locale),
                    time: localTime(opens, venue.timeZone),
                    zone: `${pick(venue.city, locale)}, ${offsetLabel(opens, venue.timeZone)}`,
                  })}
                </p>
              )}
              <p className="muted">{venue.capacity === null ? t('unlimited') : t('seats', { count: venue.capacity })}</p>
            </li>
          );
        })}
      </ul>
      {otherEvents.length > 0 && (
        <section data-testid="other-events">
          <h2>{t('moreForums')}</h2>
          <ul>
            {otherEvents.map((other) => (
              <li key={other.id} data-event={other.slug}>
                <a href={`/events/${other.slug}`}>{pick(other.name, locale)}</a>{' '}
                <span className="muted">
                  {t('dates', {
                    start: formatDay(other.startsAt, other.timeZone, locale),
                    end: formatDay(new Date(other.endsAt.getTime() - 1), other.timeZone, locale),
                  })}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
