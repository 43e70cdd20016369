import { getLocale, getTranslations } from 'next-intl/server';
import { EventNav, type EventNavLink } from '@/components/admin/event-nav';
import { loadEventPage } from '@/lib/edge/page';
import { currentActor } from '@/lib/auth/current';
import { type EventRole, STAFF } from '@/lib/auth/authorize';
import { pick } from '@/lib/i18n/text';
import './admin.css';

export const dynamic = 'force-dynamic';

/**
 * The shell of one event's admin pages. Every team role gets in; each sees the sections its role
 * opens (a venue manager: their venue's agenda, registrations and check-in; a viewer: the lists). Each page still checks the role it needs in lib/ itself, since a layout
 * is not re-run on every navigation.
 */
export default async function EventAdminLayout({ children, params }: { children: React.ReactNode; params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const base = `/admin/events/${slug}`;
  // Signed out: the page redirects to sign-in itself, with its own address to come back to (a
  // layout does not know the path). No data is shown either way: every lib read needs an actor.
  if (!(await currentActor())) return <>{children}</>;
  const access = await loadEventPage(slug, base, async (access) => access, STAFF);
  const [t, locale] = await Promise.all([getTranslations('adminEvent'), getLocale()]);
  const organiser = access.roles.includes('organiser');
  const links: EventNavLink[] = organiser
    ? [
        { href: base, label: t('nav.overview'), exact: true },
        { href: `${base}/agenda`, label: t('nav.agenda') },
        { href: `${base}/exhibitors`, label: t('nav.exhibitors') },
        { href: `${base}/listings`, label: t('nav.listings') },
        { href: `${base}/meetings`, label: t('nav.meetings') },
        { href: `${base}/outcomes`, label: t('nav.outcomes') },
        { href: `${base}/registrations`, label: t('nav.registrations') },
        { href: `${base}/questions`, label: t('nav.questions') },
        { href: `${base}/categories`, label: t('nav.categories') },
        { href: `${base}/approvals`, label: t('nav.approvals') },
        { href: `${base}/visa-letters`, label: t('nav.visaLetters') },
        { href: `${base}/documents`, label: t('nav.documents') },
        { href: `${base}/checkin`, label: t('nav.checkin') },
        { href: `${base}/reports`, label: t('nav.reports') },
        { href: `${base}/mail`, label: t('nav.mail') },
        { href: `${base}/streams`, label: t('nav.streams') },
        { href: `${base}/audit`, label: t('nav.audit') },
        { href: `${base}/team`, label: t('nav.team') },
        { href: `${base}/settings`, label: t('nav.settings') },
      ]
    : staffLinks(base, access.roles, t);
  return (
    <div data-event-admin={slug}>
      <p className="muted">
        <a href="/admin">{t('allEvents')}</a>
      </p>
      <div className="admin-head">
        <h1>{pick(access.event.name, locale)}</h1>
        <span className="badge">{access.roles.map((r) => t(`roles.${r}`)).join(', ')}</span>
      </div>
      <EventNav links={links} label={t('navLabel')} />
      {children}
    </div>
  );
}

/** The sections a team member who is not an organiser works in. */
function staffLinks(base: string, roles: EventRole[], t: (key: string) => string): EventNavLink[] {
  const reads = roles.includes('venue_manager') || roles.includes('viewer');
  const desk = roles.includes('venue_manager') || roles.includes('checkin');
  return [
    ...(roles.includes('viewer') ? [{ href: base, label: t('nav.overview'), exact: true }] : []),
    ...(reads
      ? [
          { href: `${base}/agenda`, label: t('nav.agenda') },
          { href: `${base}/registrations`, label: t('nav.registrations') },
          { href: `${base}/reports`, label: t('nav.reports') },
        ]
      : []),
    ...(roles.includes('viewer') ? [{ href: `${base}/outcomes`, label: t('nav.outcomes') }] : []),
    ...(desk ? [{ href: `${base}/checkin`, label: t('nav.checkin') }] : []),
  ];
}
