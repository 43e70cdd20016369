import { getLocale, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { AttendeeListingForm } from '@/components/exhibition/attendee-listing-form';
import { FocusedNotice } from '@/components/ui/focused-notice';
import { countryOptions } from '@/lib/admin/form-options';
import { getDb } from '@/lib/database/process-database';
import { pageInput, type PageProps } from '@/lib/edge/page';
import type { AttendeeListingValues } from '@/lib/exhibition/attendee/attendee-listing-schema';
import { listingAuthorForToken } from '@/lib/exhibition/attendee/listing-author';
import { attendeeListingFormValues, myListings } from '@/lib/exhibition/attendee/save-attendee-listing';
import type { Locale } from '@/lib/i18n/locales';
import { pick } from '@/lib/i18n/text';
import { validationWords } from '@/lib/validation/server-words';
import { createListingAction, updateListingAction, withdrawListingAction } from './actions';
import { queryErrorField } from '@/lib/validation/query-error';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Your technology listings', robots: { index: false } };

const querySchema = z.object({
  done: z.enum(['created', 'updated', 'withdrawn']).optional().catch(undefined),
  refused: z.enum(['link', 'waitlisted', 'pending', 'cancelled', 'archived']).optional().catch(undefined),
  error: queryErrorField,
  field: z.string().max(40).optional().catch(undefined),
  listing: z.uuid().optional().catch(undefined),
});

const EMPTY: AttendeeListingValues = {
  kind: 'need',
  title: '',
  titleEn: '',
  summary: '',
  sector: '' as never,
  trl: '',
  ipStatus: '' as never,
  cooperation: [],
  countries: [],
};

export default async function MyListingsPage(props: PageProps<{ token: string }>) {
  const { token, query } = await pageInput(props, querySchema);
  const [t, te, locale, words] = await Promise.all([
    getTranslations('myListings'),
    getTranslations('exhibition'),
    getLocale() as Promise<Locale>,
    validationWords(),
  ]);
  const db = await getDb();
  const self = `/manage/${encodeURIComponent(token)}`;
  const found = await listingAuthorForToken(db, token);
  if (!found.ok)
    return (
      <div style={{ maxWidth: 760 }}>
        <p className="notice bad" data-testid="listings-refused">
          {t(`refused.${found.reason}`)}
        </p>
      </div>
    );
  const { author } = found;
  const mine = await myListings(db, author);
  const countries = countryOptions(locale);
  const askEnglish = author.locale !== 'en';
  // An error belongs to the form it came from: an edit names its listing, a new listing none.
  const errorIn = (listingId?: string) =>
    query.error && query.field && query.field !== 'form' && query.listing === listingId
      ? { field: query.field, words: words(query.error) }
      : undefined;
  return (
    <div style={{ maxWidth: 760 }}>
      <p>
        <a href={self}>{t('back')}</a>
      </p>
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      {query.done && <FocusedNotice tone="ok">{t(`done.${query.done}`)}</FocusedNotice>}
      {query.refused && <FocusedNotice tone="bad">{t(`refused.${query.refused}`)}</FocusedNotice>}
      {query.error && query.field === 'form' && <FocusedNotice tone="bad">{words(query.error)}</FocusedNotice>}

      {mine.length > 0 && (
        <section aria-labelledby="mine-heading">
          <h2 id="mine-heading">{t('mine')}</h2>
          <ul style={{ listStyle: 'none', padding: 0 }}>
            {mine.map((l) => (
              <li key={l.id} className="card" data-my-listing={l.id} data-status={l.status}>
                <p className="muted" style={{ margin: 0 }}>
                  {te(`kindLong.${l.kind}`)} · {te(`sectors.${l.sector}`)} · {te('technologies.trl', { trl: l.trl })}
                </p>
                <h3 style={{ margin: '.25rem 0' }}>{pick(l.title, locale)}</h3>
                <p data-testid="my-listing-status">
                  <span className="badge">{t(`status.${l.status}`)}</span>
                </p>
                <details open={query.listing === l.id}>
                  <summary>{t('edit')}</summary>
                  <p className="muted">{t('editHint')}</p>
                  <AttendeeListingForm
                    prefix={`edit-${l.id.slice(0, 8)}`}
                    action={updateListingAction.bind(null, token)}
                    values={attendeeListingFormValues(l, author.locale)}
                    listingId={l.id}
                    askEnglish={askEnglish}
                    countries={countries}
                    error={errorIn(l.id)}
                    submit={t('save')}
                  />
                </details>
                <form action={withdrawListingAction.bind(null, token)}>
                  <input type="hidden" name="listing" value={l.id} />
                  <button type="submit" className="button secondary">
                    {t('withdraw')}
                  </button>
                </form>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className="card" aria-labelledby="new-heading">
        <h2 id="new-heading">{t('new')}</h2>
        <p className="muted">{t('newHint')}</p>
        <AttendeeListingForm
          prefix="new-listing"
          action={createListingAction.bind(null, token)}
          values={EMPTY}
          askEnglish={askEnglish}
          countries={countries}
          error={errorIn(undefined)}
          submit={t('create')}
        />
      </section>
    </div>
  );
}
