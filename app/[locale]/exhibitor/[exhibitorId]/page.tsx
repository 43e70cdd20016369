import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { ExhibitorProfileForm } from '@/components/exhibitor/profile-form';
import { LogoUpload } from '@/components/exhibitor/logo-upload';
import { safePhotoSrc } from '@/lib/speakers/photo';
import { countryOptions } from '@/lib/admin/form-options';
import { type PageProps, loadSignedInPage, pageInput } from '@/lib/edge/page';
import { ownListings } from '@/lib/exhibition/staff/own-listings';
import { ownExhibitorProfile } from '@/lib/exhibition/staff/own-profile';
import type { Locale } from '@/lib/i18n/locales';
import { pick } from '@/lib/i18n/text';
import { updateOwnProfileAction } from '../actions';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Exhibitor profile', robots: { index: false } };

const querySchema = z.object({ done: z.enum(['listingSaved']).optional().catch(undefined) });

/** One staffed exhibitor: its profile to edit and its listings (each to edit, or a new one). */
export default async function OwnExhibitorPage(props: PageProps<{ exhibitorId: string }>) {
  const { exhibitorId, query } = await pageInput(props, querySchema);
  if (!z.uuid().safeParse(exhibitorId).success) notFound();
  const here = `/exhibitor/${exhibitorId}`;
  const [profile, rows] = await loadSignedInPage(here, ({ db, actor }) =>
    Promise.all([ownExhibitorProfile(db, actor, exhibitorId), ownListings(db, actor, exhibitorId)]),
  );
  const [t, locale] = await Promise.all([getTranslations('exhibition'), getLocale() as Promise<Locale>]);
  return (
    <>
      <p>
        <a href="/exhibitor">← {t('portal.back')}</a>
      </p>
      <h1 data-testid="own-exhibitor-title">{pick(profile.exhibitor.name, locale)}</h1>
      <p className="muted" data-testid="own-exhibitor-status">
        {t(`admin.status.${profile.exhibitor.status}`)} · {t('portal.liveNote')}
      </p>
      <p>
        <a className="button secondary" href={`${here}/meetings`} data-testid="exhibitor-meetings-link">
          {t('portal.meetingsTitle')}
        </a>
      </p>
      {query.done && (
        <p className="notice ok" role="status">
          {t('portal.listingSaved')}
        </p>
      )}
      <section aria-labelledby="listings-h">
        <h2 id="listings-h">{t('portal.listingsTitle')}</h2>
        <p className="muted">{t('portal.listingsIntro')}</p>
        {rows.length === 0 && <p>{t('listingsAdmin.none')}</p>}
        <ul style={{ listStyle: 'none', padding: 0, display: 'grid', gap: '.5rem' }}>
          {rows.map((listing) => (
            <li key={listing.id} className="card" data-listing={listing.id}>
              <a href={`${here}/listings/${listing.id}`}>{pick(listing.title, locale)}</a>{' '}
              <span className={`badge ${listing.status}`}>{t(`listingsAdmin.status.${listing.status}`)}</span>
              <br />
              <span className="muted">
                {t(`kinds.${listing.kind}`)} · {t(`sectors.${listing.sector}`)}
              </span>
            </li>
          ))}
        </ul>
        <p>
          <a className="button" href={`${here}/listings/new`}>
            {t('listingsAdmin.add')}
          </a>
        </p>
      </section>
      <section aria-labelledby="profile-h">
        <h2 id="profile-h">{t('portal.profileTitle')}</h2>
        <LogoUpload
          endpoint={`${here}/logo`}
          exhibitorId={profile.exhibitor.id}
          name={pick(profile.exhibitor.name, locale)}
          src={safePhotoSrc(profile.exhibitor.logo)}
        />
        <ExhibitorProfileForm
          defaults={profile.values}
          countries={countryOptions(locale)}
          action={updateOwnProfileAction.bind(null, profile.exhibitor.id)}
        />
      </section>
    </>
  );
}
