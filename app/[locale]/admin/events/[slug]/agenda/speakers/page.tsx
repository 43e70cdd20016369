import { getLocale, getTranslations } from 'next-intl/server';
import { VenueAgendaNav } from '@/components/admin/venue-agenda-nav';
import { loadEventPage } from '@/lib/edge/page';
import { listSpeakers } from '@/lib/speakers/admin/list-speakers';
import type { Locale } from '@/lib/i18n/locales';
import { countryName } from '@/lib/registration/admin/country-name';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Speakers', robots: { index: false } };

export default async function SpeakersPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const path = `/admin/events/${slug}/agenda/speakers`;
  const list = await loadEventPage(slug, path, ({ db, actor }) => listSpeakers(db, actor, slug));
  const [t, locale] = await Promise.all([getTranslations('adminVenues'), getLocale() as Promise<Locale>]);

  return (
    <>
      <VenueAgendaNav eventSlug={slug} current="speakers" />
      <h2>{t('speakers.title')}</h2>
      <p className="muted">{t('speakers.intro')}</p>
      <p>
        <a className="button" href={`${path}/new`}>
          {t('speakers.add')}
        </a>
      </p>
      {list.speakers.length === 0 ? (
        <p>{t('speakers.none')}</p>
      ) : (
        <div className="admin-table-wrap">
          <table className="admin-table" data-testid="speaker-list">
            <thead>
              <tr>
                <th scope="col">{t('speakers.columns.name')}</th>
                <th scope="col">{t('speakers.columns.affiliation')}</th>
                <th scope="col">{t('speakers.columns.country')}</th>
                <th scope="col">{t('speakers.columns.zone')}</th>
                <th scope="col" className="num">
                  {t('speakers.columns.sessions')}
                </th>
                <th scope="col">{t('speakers.columns.account')}</th>
              </tr>
            </thead>
            <tbody>
              {list.speakers.map((s) => (
                <tr key={s.id} data-speaker={s.slug}>
                  <td>
                    <a href={`${path}/${s.id}`}>{[s.honorific, s.name].filter(Boolean).join(' ')}</a>
                    {s.jobTitle && <div className="muted">{s.jobTitle}</div>}
                  </td>
                  <td data-testid="speaker-affiliation">{s.affiliation}</td>
                  <td>{countryName(s.country, locale)}</td>
                  <td>{s.timeZone ?? <span className="muted">{t('speakers.noZone')}</span>}</td>
                  <td className="num">{s.sessionCount}</td>
                  <td>{s.hasAccount ? t('speakers.signedIn') : <span className="muted">{t('speakers.notSignedIn')}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
