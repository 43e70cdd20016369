import { getLocale, getTranslations } from 'next-intl/server';
import { VenueAgendaNav } from '@/components/admin/venue-agenda-nav';
import { loadEventPage } from '@/lib/edge/page';
import { listVenues } from '@/lib/agenda/admin/list-venues';
import type { Locale } from '@/lib/i18n/locales';
import { pick } from '@/lib/i18n/text';
import { countryName } from '@/lib/registration/admin/country-name';
import { offsetLabel } from '@/lib/time/zones';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Venues', robots: { index: false } };

export default async function VenuesPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const path = `/admin/events/${slug}/agenda/venues`;
  const list = await loadEventPage(slug, path, ({ db, actor }) => listVenues(db, actor, slug));
  const [t, locale] = await Promise.all([getTranslations('adminVenues'), getLocale() as Promise<Locale>]);
  const now = new Date();

  return (
    <>
      <VenueAgendaNav eventSlug={slug} current="venues" />
      <h2>{t('venues.title')}</h2>
      <p className="muted">{t('venues.intro')}</p>
      <p>
        <a className="button" href={`${path}/new`}>
          {t('venues.add')}
        </a>
      </p>
      {list.venues.length === 0 ? (
        <p>{t('venues.none')}</p>
      ) : (
        <div className="admin-table-wrap">
          <table className="admin-table" data-testid="venue-list">
            <thead>
              <tr>
                <th scope="col">{t('venues.columns.venue')}</th>
                <th scope="col">{t('venues.columns.place')}</th>
                <th scope="col">{t('venues.columns.zone')}</th>
                <th scope="col">{t('venues.columns.kind')}</th>
                <th scope="col" className="num">
                  {t('venues.columns.seats')}
                </th>
                <th scope="col">{t('venues.columns.rooms')}</th>
                <th scope="col" className="num">
                  {t('venues.columns.sessions')}
                </th>
              </tr>
            </thead>
            <tbody>
              {list.venues.map((v) => (
                <tr key={v.id} data-venue={v.slug}>
                  <td>
                    <a href={`${path}/${v.id}`}>{pick(v.name, locale)}</a>
                  </td>
                  <td>
                    {pick(v.city, locale)}, {countryName(v.country, locale)}
                  </td>
                  <td>
                    {v.timeZone} <span className="zone">{offsetLabel(now, v.timeZone)}</span>
                  </td>
                  <td>{t(`kinds.${v.kind}`)}</td>
                  <td className="num">
                    {v.capacity === null
                      ? t('venues.unlimited')
                      : t('venues.seatsTaken', { confirmed: v.confirmedCount, capacity: v.capacity })}
                  </td>
                  <td>
                    {v.rooms.length === 0 ? (
                      <span className="muted">{t('venues.noRooms')}</span>
                    ) : (
                      v.rooms.map((r) => `${pick(r.name, locale)} (${r.capacity})`).join(' · ')
                    )}
                  </td>
                  <td className="num">{v.sessionCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
