import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { loadPublicAgenda } from '@/lib/agenda/load';
import { getDb } from '@/lib/database/process-database';
import { approvedExhibitorById } from '@/lib/exhibition/public-exhibitors';
import { publishedListing } from '@/lib/exhibition/public-listings';
import type { Locale } from '@/lib/i18n/locales';
import { pick } from '@/lib/i18n/text';
import { meetingTargetSchema } from '@/lib/meetings/request-schema';
import { openMeetingsAction } from './actions';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Request a meeting', robots: { index: false } };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const querySchema = z.object({
  with: meetingTargetSchema,
  error: z.literal('link').optional().catch(undefined),
});

/**
 * "Request a meeting" from a public page: the site cannot know who the visitor is (no account; the
 * manage link mailed to them is who they are), so it says so and lets them open their meetings page
 * with that link, the request already set on the listing or exhibitor (the directory's, an
 * exhibitor's and a session's "Request a meeting" all lead here).
 */
export default async function MeetPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const query = querySchema.safeParse(await searchParams);
  const agenda = await loadPublicAgenda(slug);
  if (!agenda || !query.success || query.data.with.kind === 'person') notFound();
  const db = await getDb();
  const { kind, id } = query.data.with;
  const [listing, exhibitor] = await Promise.all([
    kind === 'listing' ? publishedListing(db, agenda.event.id, id) : undefined,
    kind === 'exhibitor' ? approvedExhibitorById(db, agenda.event.id, id) : undefined,
  ]);
  if (!listing && !exhibitor) notFound();
  const [t, te, locale] = await Promise.all([
    getTranslations('presentedListings'),
    getTranslations('exhibition'),
    getLocale() as Promise<Locale>,
  ]);
  const target = `${kind}:${id}`;
  return (
    <article style={{ maxWidth: 640 }}>
      <h1>{t('meet.title')}</h1>
      {listing ? (
        <p data-testid="meet-listing">
          <strong>{pick(listing.title, locale)}</strong>
          <br />
          <span className="muted">
            {te('technologies.by', { exhibitor: pick(listing.authorName, locale) || te('technologies.attendee') })}
          </span>
        </p>
      ) : (
        <p data-testid="meet-exhibitor">
          <strong>{pick(exhibitor!.name, locale)}</strong>
        </p>
      )}
      <p>{listing ? t('meet.explain') : t('meet.explainExhibitor')}</p>
      {query.data.error && (
        <p className="notice bad" role="alert" data-testid="meet-error">
          {t('meet.badLink')}
        </p>
      )}
      <form action={openMeetingsAction.bind(null, slug)} className="card">
        <input type="hidden" name="with" value={target} />
        <div className="field">
          <label htmlFor="link">{t('meet.link')}</label>
          <input
            id="link"
            name="link"
            type="url"
            inputMode="url"
            autoComplete="off"
            required
            maxLength={600}
            aria-describedby="link-hint"
            aria-invalid={query.data.error ? true : undefined}
          />
          <span className="muted" id="link-hint">
            {t('meet.linkHint')}
          </span>
        </div>
        <button type="submit" className="button">
          {t('meet.open')}
        </button>
      </form>
      <p>
        {t('meet.notRegistered')} <a href={`/events/${slug}/register`}>{t('meet.register')}</a>
      </p>
    </article>
  );
}
