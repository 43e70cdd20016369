import { getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/lib/database/process-database';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { actorOrSignIn } from '@/lib/auth/guards';
import { myEvents } from '@/lib/auth/my-events';
import { pick } from '@/lib/i18n/text';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Organisers' };

export default async function AdminHome() {
  const actor = await actorOrSignIn('/admin');
  const [events, t, te, tr, locale] = await Promise.all([
    myEvents(await getDb(), actor),
    getTranslations('auth'),
    getTranslations('adminEvents'),
    getTranslations('adminEvent.roles'),
    getLocale(),
  ]);
  return (
    <>
      <p className="muted">
        {t('signedInAs', { email: actor.email })} <SignOutButton label={t('signOut')} />
      </p>
      <h1>{te('homeTitle')}</h1>
      {actor.canCreateEvents && (
        <p>
          <a className="button" href="/admin/events/new">
            {te('newEvent')}
          </a>
        </p>
      )}
      <ul>
        {events.map((event) => (
          <li key={event.id} data-event={event.slug}>
            {/* Speakers' work happens in their portal; organisers' and desk staff's here. */}
            <a href={event.roles.some((r) => r !== 'speaker') ? `/admin/events/${event.slug}` : '/speaker'}>{pick(event.name, locale)}</a>{' '}
            <span className="badge">{event.roles.map((role) => tr(role)).join(', ')}</span>
          </li>
        ))}
      </ul>
      {events.length === 0 && <p>You have no events yet.</p>}
      {events.some((e) => e.roles.includes('speaker')) && (
        <p>
          <a className="button secondary" href="/speaker">
            Speaker portal
          </a>
        </p>
      )}
    </>
  );
}
