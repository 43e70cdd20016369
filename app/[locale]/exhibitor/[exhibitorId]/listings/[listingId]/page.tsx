import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { ListingForm } from '@/components/admin/listing-form';
import { countryOptions } from '@/lib/admin/form-options';
import { loadSignedInPage } from '@/lib/edge/page';
import { ownListingForEdit } from '@/lib/exhibition/staff/own-listings';
import { ownExhibitorProfile } from '@/lib/exhibition/staff/own-profile';
import type { Locale } from '@/lib/i18n/locales';
import { pick } from '@/lib/i18n/text';
import { updateOwnListingAction } from '../../../actions';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Technology listing', robots: { index: false } };

/** Staff edit one of their exhibitor's listings; saving sends it back to moderation. */
export default async function OwnListingPage({ params }: { params: Promise<{ exhibitorId: string; listingId: string }> }) {
  const { exhibitorId, listingId } = await params;
  if (!z.uuid().safeParse(exhibitorId).success || !z.uuid().safeParse(listingId).success) notFound();
  const back = `/exhibitor/${exhibitorId}`;
  const [profile, edit] = await loadSignedInPage(`${back}/listings/${listingId}`, ({ db, actor }) =>
    Promise.all([ownExhibitorProfile(db, actor, exhibitorId), ownListingForEdit(db, actor, listingId)]),
  );
  if (edit.listing.exhibitorId !== profile.exhibitor.id) notFound();
  const [t, locale] = await Promise.all([getTranslations('exhibition'), getLocale() as Promise<Locale>]);
  return (
    <>
      <p>
        <a href={back}>← {pick(profile.exhibitor.name, locale)}</a>
      </p>
      <h1>{pick(edit.listing.title, locale)}</h1>
      <p className="muted">
        {t(`listingsAdmin.status.${edit.listing.status}`)} · {t('portal.moderationNote')}
      </p>
      <ListingForm
        defaults={edit.values}
        countries={countryOptions(locale)}
        exhibitors={[{ id: profile.exhibitor.id, name: pick(profile.exhibitor.name, locale) }]}
        action={updateOwnListingAction.bind(null, edit.listing.id)}
        doneHref={`${back}?done=listingSaved`}
        editing
      />
    </>
  );
}
