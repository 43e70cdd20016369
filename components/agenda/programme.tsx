import { getTranslations } from 'next-intl/server';
import { getDb } from '@/lib/database/process-database';
import { AgendaEntryCard } from '@/components/agenda/agenda-entry';
import { VenueAddress } from '@/components/agenda/venue-address';
import { ViewerZoneLink } from '@/components/agenda/viewer-zone';
import { seatsLeft, type PublicAgenda } from '@/lib/agenda/public-agenda';
import type { AgendaQuery } from '@/lib/agenda/query';
import { venueAgendas, type AgendaEntry } from '@/lib/agenda/venue-agenda';
import { loadPublicAgenda } from '@/lib/agenda/load';
import { formatDay } from '@/lib/format/datetime';
import { pick } from '@/lib/i18n/text';
import { intlLocale, isLocale, type Locale } from '@/lib/i18n/locales';
import { programmePath } from '@/lib/agenda/programme-path';

export async function generateProgrammeMetadata({ params }: { params: Promise<{ locale: string; slug: string }> }) {
  const { locale, slug } = await params;
  const [agenda, t] = await Promise.all([loadPublicAgenda(slug), getTranslations({ locale, namespace: 'agenda' })]);
  return { title: agenda ? `${t('title')} · ${pick(agenda.event.name, isLocale(locale) ? locale : 'en')}` : t('title') };
}

/** The programme by venue and day, filtered by query (empty for the cached, unfiltered page). */
export async function Programme({
  slug,
  agenda,
  query,
  locale,
}: {
  slug: string;
  agenda: PublicAgenda;
  query: AgendaQuery;
  locale: Locale;
}) {
  const [t, seats] = await Promise.all([getTranslations('agenda'), seatsLeft(await getDb(), agenda.event.id)]);
  const entries = venueAgendas(agenda, query);
  const groups = new Map<string, AgendaEntry[]>();
  for (const entry of entries) {
    const key = `${entry.venue.slug}|${entry.day}`;
    groups.set(key, [...(groups.get(key) ?? []), entry]);
  }
  const orderedGroups = [...groups.entries()].sort(([a], [b]) => {
    const [va, da] = a.split('|');
    const [vb, db] = b.split('|');
    const pos = (v?: string) => agenda.venues.findIndex((x) => x.slug === v);
    return pos(va) - pos(vb) || da!.localeCompare(db!);
  });
  const link = (change: Record<string, string | undefined>) => {
    const next = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...query, ...change })) if (v) next.set(k, v);
    const qs = next.toString();
    return `/events/${slug}/agenda${qs ? `?${qs}` : ''}`;
  };
  const segments = [...new Set(agenda.sessions.map((s) => s.segment))];
  const kinds = [...new Set(agenda.sessions.map((s) => s.kind))];
  const languages = [...new Set(agenda.sessions.flatMap((s) => s.languages))].sort();

  return (
    <>
      <p className="muted">
        <a href={`/events/${slug}`}>{pick(agenda.event.name, locale)}</a>
      </p>
      <h1>{t('title')}</h1>
      <nav aria-label={t('venue')} className="actions" style={{ marginTop: 0 }}>
        <a
          href={link({ venue: undefined })}
          aria-current={!query.venue ? 'page' : undefined}
          className={`button ${query.venue ? 'secondary' : ''}`}
        >
          {t('allVenues')}
        </a>
        {agenda.venues.map((v) => (
          <a
            key={v.id}
            href={link({ venue: v.slug })}
            aria-current={query.venue === v.slug ? 'page' : undefined}
            className={`button ${query.venue === v.slug ? '' : 'secondary'}`}
          >
            {pick(v.city, locale)}
          </a>
        ))}
      </nav>
      <form
        method="get"
        className="card"
        style={{ marginTop: '1rem', display: 'flex', gap: '1rem', flexWrap: 'wrap', alignItems: 'flex-end' }}
        aria-label={t('filters')}
      >
        {query.venue && <input type="hidden" name="venue" value={query.venue} />}
        {query.tz && <input type="hidden" name="tz" value={query.tz} />}
        <div className="field">
          <label htmlFor="f-segment">{t('segment')}</label>
          <select id="f-segment" name="segment" defaultValue={query.segment ?? ''}>
            <option value="">{t('any')}</option>
            {segments.map((s) => (
              <option key={s} value={s}>
                {t(`segments.${s}` as never)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-kind">{t('kind')}</label>
          <select id="f-kind" name="kind" defaultValue={query.kind ?? ''}>
            <option value="">{t('any')}</option>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {t(`kinds.${k}` as never)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-language">{t('language')}</label>
          <select id="f-language" name="language" defaultValue={query.language ?? ''}>
            <option value="">{t('any')}</option>
            {languages.map((l) => (
              <option key={l} value={l}>
                {new Intl.DisplayNames([intlLocale(locale)], { type: 'language' }).of(l) ?? l}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-q">{t('search')}</label>
          <input id="f-q" name="q" type="search" defaultValue={query.q ?? ''} maxLength={100} />
        </div>
        <div className="field">
          <button className="button" type="submit">
            {t('apply')}
          </button>
        </div>
        <div className="field">
          <a href={programmePath(slug)}>{t('reset')}</a>
        </div>
      </form>
      <p className="actions">
        <ViewerZoneLink current={query.tz} showLabel={t('showMyZone', { zone: '{zone}' })} hideLabel={t('hideMyZone')} />
        <a href={`/api/v1/events/${slug}/agenda.ics${query.venue ? `?venue=${query.venue}` : ''}`}>{t('subscribe')}</a>
      </p>
      {orderedGroups.length === 0 && <p>{t('none')}</p>}
      {orderedGroups.map(([key, group]) => {
        const first = group[0]!;
        return (
          <section key={key} aria-labelledby={`h-${key}`} data-group={key}>
            <h2 id={`h-${key}`}>
              {pick(first.venue.city, locale)} · {formatDay(first.session.startsAt, first.venue.timeZone, locale)}{' '}
              <span className="zone">({first.venue.timeZone})</span>
            </h2>
            {first.venue.address && (
              <p className="muted">
                <VenueAddress address={first.venue.address} mapLabel={t('map')} />
              </p>
            )}
            <ul className="agenda-list">
              {group.map((entry) => (
                <AgendaEntryCard
                  key={`${entry.session.id}-${entry.venue.id}`}
                  entry={entry}
                  agenda={agenda}
                  locale={locale}
                  viewerZone={query.tz}
                  seatsLeft={seats.get(entry.session.id)}
                />
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}
