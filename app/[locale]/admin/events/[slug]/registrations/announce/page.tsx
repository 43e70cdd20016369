import { randomUUID } from 'node:crypto';
import { validationWords } from '@/lib/validation/server-words';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { RegistrationFilterForm } from '@/components/admin/registration-filters';
import { type PageProps, loadEventPage } from '@/lib/edge/page';
import { announcementAudience } from '@/lib/registration/admin/announcement';
import { registrationFilterOptions } from '@/lib/registration/admin/filter-options';
import { filterLabelKey, filtersKeepingValid, filtersToQuery } from '@/lib/registration/admin/filters';
import { queueAnnouncementAction } from './actions';
import { queryErrorField } from '@/lib/validation/query-error';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Email registrants', robots: { index: false } };

const querySchema = z.object({
  queued: z.coerce.number().int().min(0).optional().catch(undefined),
  error: queryErrorField,
});

export default async function AnnouncePage(props: PageProps<{ slug: string }>) {
  const { slug } = await props.params;
  const raw = await props.searchParams;
  const query = querySchema.parse(raw);
  const path = `/admin/events/${slug}/registrations/announce`;
  const [t, words] = await Promise.all([getTranslations('adminRegistrations'), validationWords()]);
  const { filters, problems } = filtersKeepingValid(raw);
  const [audience, options] = await loadEventPage(slug, path, ({ db, actor }) =>
    Promise.all([announcementAudience(db, actor, slug, filters), registrationFilterOptions(db, actor, slug)]),
  );

  return (
    <>
      <p>
        <a href={`/admin/events/${slug}/registrations`}>← {t('detail.back')}</a>
      </p>
      <h2>{t('announcement.title')}</h2>
      <p className="muted">{t('announcement.intro')}</p>
      {query.queued !== undefined && (
        <p className="notice ok" role="status">
          {t('announcement.queued', { count: query.queued })}
        </p>
      )}
      {query.error && (
        <p className="notice bad" role="alert">
          {t('announcement.error', { message: words(query.error) })}
        </p>
      )}
      {Object.entries(problems).map(([field, message]) => (
        <p key={field} className="notice bad" role="alert">
          {t('badFilter', { field: t(filterLabelKey(field)), message: words(message) })}
        </p>
      ))}
      <RegistrationFilterForm action={path} filters={filters} options={options} />
      <form action={queueAnnouncementAction.bind(null, slug)} className="card" style={{ marginTop: '1rem' }}>
        {Object.entries(filtersToQuery(filters)).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <input type="hidden" name="requestId" value={randomUUID()} />
        <p data-testid="announcement-audience">
          <strong>{t('announcement.recipients', { count: audience })}</strong>
        </p>
        <div className="field">
          <label htmlFor="a-subject">{t('announcement.subject')}</label>
          <input id="a-subject" name="subject" required maxLength={200} />
        </div>
        <div className="field">
          <label htmlFor="a-body">{t('announcement.body')}</label>
          <textarea id="a-body" name="body" required rows={10} maxLength={10000} aria-describedby="a-body-hint" />
          <span id="a-body-hint" className="muted">
            {t('announcement.bodyHint')}
          </span>
        </div>
        <button className="button" type="submit" disabled={audience === 0}>
          {t('announcement.send')}
        </button>
      </form>
    </>
  );
}
