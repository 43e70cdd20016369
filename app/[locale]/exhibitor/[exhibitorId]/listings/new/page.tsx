import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { ListingForm } from '@/components/admin/listing-form';
import { countryOptions } from '@/lib/admin/form-options';
import { loadSignedInPage } from '@/lib/edge/page';
import { emptyListingValues } from '@/lib/exhibition/admin/list-listings';
import { ownExhibitorProfile } from '@/lib/exhibition/staff/own-profile';
import type { Locale } from '@/lib/i18n/locales';
import { pick } from '@/lib/i18n/text';
import { createOwnListingAction } from '../../../actions';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'New technology listing', robots: { index: false } };

/** Staff enter a new offer or need of their exhibitor; it waits for the organisers' moderation. */
export default async function NewOwnListingPage({ params }: { params: Promise<{ exhibitorId: string }> }) {
  const { exhibitorId } = await params;
  if (!z.uuid().safeParse(exhibitorId).success) notFound();
  const back = `/exhibitor/${exhibitorId}`;
  const profile = await loadSignedInPage(`${back}/listings/new`, ({ db, actor }) => ownExhibitorProfile(db, actor, exhibitorId));
  const [t, locale] = await Promise.all([getTranslations('exhibition'), getLocale() as Promise<Locale>]);
  return (
    <>
      <p>
        <a href={back}>← {pick(profile.exhibitor.name, locale)}</a>
      </p>
      <h1>{t('listingsAdmin.newTitle')}</h1>
      <p className="muted">{t('portal.moderationNote')}</p>
      <ListingForm
        defaults={{ ...emptyListingValues, exhibitorId: profile.exhibitor.id }}
        countries={countryOptions(locale)}
        exhibitors={[{ id: profile.exhibitor.id, name: pick(profile.exhibitor.name, locale) }]}
        action={createOwnListingAction}
        doneHref={`${back}?done=listingSaved`}
      />
    </>
  );
}
