import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { CreateEventForm } from '@/components/admin/create-event-form';
import { countryOptions, timeZoneOptions } from '@/lib/admin/form-options';
import { actorOrSignIn } from '@/lib/auth/guards';
import type { Locale } from '@/lib/i18n/locales';
import { createEventAction } from './actions';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'New event', robots: { index: false } };

export default async function NewEventPage() {
  const actor = await actorOrSignIn('/admin/events/new');
  // Only the platform role creates events; to anyone else the page does not exist.
  if (!actor.canCreateEvents) notFound();
  const [t, locale] = await Promise.all([getTranslations('adminEvents.create'), getLocale() as Promise<Locale>]);
  return (
    <div style={{ maxWidth: 820 }}>
      <p className="muted">
        <a href="/admin">{t('back')}</a>
      </p>
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <CreateEventForm zones={timeZoneOptions()} countries={countryOptions(locale)} action={createEventAction} />
    </div>
  );
}
