import { getTranslations } from 'next-intl/server';

/** The links between the agenda and its set-up pages (venues, speakers), shown atop the latter. */
export async function VenueAgendaNav({ eventSlug, current }: { eventSlug: string; current: 'venues' | 'speakers' }) {
  const t = await getTranslations('adminVenues.subnav');
  const base = `/admin/events/${eventSlug}/agenda`;
  const links = [
    { key: 'venues', href: `${base}/venues`, label: t('venues') },
    { key: 'speakers', href: `${base}/speakers`, label: t('speakers') },
  ] as const;
  return (
    <nav
      aria-label={t('label')}
      style={{ display: 'flex', flexWrap: 'wrap', gap: '.4rem 1rem', alignItems: 'baseline', marginBottom: '1rem' }}
    >
      <a href={base}>{t('agenda')}</a>
      <span aria-hidden="true" className="muted">
        |
      </span>
      {links.map((link) => (
        <a
          key={link.key}
          href={link.href}
          aria-current={link.key === current ? 'page' : undefined}
          style={link.key === current ? { fontWeight: 700, color: 'var(--ink)' } : undefined}
        >
          {link.label}
        </a>
      ))}
    </nav>
  );
}
