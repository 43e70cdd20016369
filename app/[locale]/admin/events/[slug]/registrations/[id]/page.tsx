import { DataTable } from '@/components/admin/data-table';
import { notFound } from 'next/navigation';
import { validationWords } from '@/lib/validation/server-words';
import { getLocale, getMessages, getTranslations } from 'next-intl/server';
import { RegistrationEditForm } from '@/components/admin/registration-edit-form';
import { countryOptions } from '@/lib/admin/form-options';
import type { PlainMessages } from '@/lib/i18n/plain-translator';
import { organiserEditForm } from '@/lib/registration/admin/edit-form';
import { registrationFilterOptions } from '@/lib/registration/admin/filter-options';
import { z } from 'zod';
import { type PageProps, loadEventPage, pageInput } from '@/lib/edge/page';
import { READERS, VENUE_EDITORS } from '@/lib/auth/authorize';
import { formatSpan } from '@/lib/format/datetime';
import { eventTimestamp } from '@/lib/format/event-time';
import type { Locale } from '@/lib/i18n/locales';
import { pick } from '@/lib/i18n/text';
import { countryName } from '@/lib/registration/admin/country-name';
import { registrationDetail } from '@/lib/registration/admin/detail';
import { answerText } from '@/lib/registration/questions/read-answers';
import {
  cancelRegistrationAction,
  editRegistrationAction,
  promoteAtVenueAction,
  promoteSessionSeatAction,
  resendConfirmationAction,
  approveDelegationAction,
} from './actions';
import { delegationOf } from '@/lib/registration/delegations/head';
import { queryErrorField } from '@/lib/validation/query-error';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Registration', robots: { index: false } };

const querySchema = z.object({
  done: z.enum(['cancelled', 'promoted', 'resent', 'delegationApproved']).optional().catch(undefined),
  error: queryErrorField,
});

const when = eventTimestamp;

export default async function RegistrationDetailPage(props: PageProps<{ slug: string; id: string }>) {
  const { slug, id, query } = await pageInput(props, querySchema);
  const path = `/admin/events/${slug}/registrations/${id}`;
  if (!z.uuid().safeParse(id).success) notFound();
  const locale = (await getLocale()) as Locale;
  const { detail, mayEdit, mayApprove, delegation, categories, editForm } = await loadEventPage(
    slug,
    path,
    async ({ db, actor, roles }) => {
      const found = await registrationDetail(db, actor, slug, id);
      // A viewer reads; the forms below are for those who may change a registration.
      const editor = roles.some((role) => VENUE_EDITORS.includes(role));
      return {
        detail: found,
        mayEdit: editor,
        mayApprove: roles.includes('organiser'),
        delegation: found ? await delegationOf(db, found.registration) : null,
        categories: (await registrationFilterOptions(db, actor, slug)).categories,
        editForm:
          found && editor && found.registration.status !== 'cancelled' ? await organiserEditForm(db, found.registration, locale) : null,
      };
    },
    READERS,
  );
  if (!detail) notFound();
  const [t, tr, messages] = await Promise.all([
    getTranslations('adminRegistrations.detail'),
    getTranslations('adminRegistrations'),
    getMessages(),
  ]);
  const registrationWords = messages.adminRegistrations as unknown as PlainMessages & { detail: PlainMessages };
  const category = categories.find((c) => c.id === detail.registration.categoryId);
  const { registration: r, venue, seats, mails, event } = detail;
  const zone = event.timeZone;
  const active = r.status !== 'cancelled';

  return (
    <>
      <p>
        <a href={`/admin/events/${slug}/registrations`}>← {t('back')}</a>
      </p>
      <h2 data-testid="registration-name">{r.name || tr('erasedName')}</h2>
      {query.done && (
        <p className="notice ok" role="status">
          {query.done === 'cancelled'
            ? t('cancelledNotice')
            : query.done === 'resent'
              ? t('resentNotice')
              : query.done === 'delegationApproved'
                ? t('delegationApprovedNotice')
                : t('promotedNotice')}
        </p>
      )}
      {query.error && (
        <p className="notice bad" role="alert">
          {t('error', { message: (await validationWords())(query.error) })}
        </p>
      )}
      {delegation && mayApprove && r.status === 'pending' && r.decision === null && (
        <form action={approveDelegationAction.bind(null, slug, r.id)} className="card" data-testid="approve-delegation">
          <p>{t('approveDelegationHint', { delegation: delegation.name })}</p>
          <div className="field">
            <label htmlFor="delegation-message">{t('approveDelegationMessage')}</label>
            <textarea id="delegation-message" name="message" rows={2} maxLength={1000} />
          </div>
          <button className="button" type="submit">
            {t('approveDelegation')}
          </button>
        </form>
      )}
      <section className="card" aria-labelledby="fields-title">
        <h3 id="fields-title">{t('fields')}</h3>
        <dl className="admin-dl">
          <dt>{t('status')}</dt>
          <dd data-testid="registration-status">
            <span className={`badge ${r.status === 'waitlisted' ? 'wait' : r.status === 'cancelled' ? 'cancelled' : 'ok'}`}>
              {tr(`statuses.${r.status}`)}
            </span>
            {r.waitlistPosition !== null && ` ${tr('waitlistPosition', { position: r.waitlistPosition })}`}
          </dd>
          <dt>{t('email')}</dt>
          <dd>
            <a href={`mailto:${r.email}`}>{r.email}</a>
          </dd>
          <dt>{t('organisation')}</dt>
          <dd>{r.organisation || '—'}</dd>
          <dt>{t('jobTitle')}</dt>
          <dd>{r.jobTitle || '—'}</dd>
          <dt>{t('country')}</dt>
          <dd>
            {countryName(r.country, locale)} ({r.country})
          </dd>
          <dt>{t('type')}</dt>
          <dd>{tr(`types.${r.participantType}`)}</dd>
          {categories.length > 0 && (
            <>
              <dt>{t('category')}</dt>
              <dd data-testid="registration-category">{category ? pick(category.name, locale) : tr('noCategory')}</dd>
            </>
          )}
          {delegation && (
            <>
              <dt>{tr('delegation')}</dt>
              <dd data-testid="registration-delegation">
                <a href={`/admin/events/${slug}/registrations?delegation=${delegation.id}`}>{delegation.name}</a>
                {r.delegationHead && <span className="muted"> {tr('delegationHead')}</span>}
                {delegation.agency && <span className="muted"> · {delegation.agency}</span>} · {countryName(delegation.country, locale)}
              </dd>
            </>
          )}
          <dt>{t('attendance')}</dt>
          <dd>
            {r.mode === 'online'
              ? tr('online')
              : t('inPersonAt', { venue: venue ? `${pick(venue.name, locale)} (${venue.timeZone})` : '—' })}
          </dd>
          <dt>{t('needs')}</dt>
          <dd>{r.needs || '—'}</dd>
          <dt>{t('locale')}</dt>
          <dd>{r.locale}</dd>
          <dt>{t('created')}</dt>
          <dd>{when(r.createdAt, zone)}</dd>
          <dt>{t('consent')}</dt>
          <dd>{when(r.consentAt, zone)}</dd>
          <dt>{t('updated')}</dt>
          <dd>{when(r.updatedAt, zone)}</dd>
          {r.cancelledAt && (
            <>
              <dt>{t('cancelledAt')}</dt>
              <dd>{when(r.cancelledAt, zone)}</dd>
            </>
          )}
          <dt>{t('checkIn')}</dt>
          <dd data-testid="checked-in">
            {r.checkedInAt
              ? t('checkedInBy', { time: when(r.checkedInAt, venue?.timeZone ?? zone), by: detail.checkedInByEmail ?? '—' })
              : t('notCheckedIn')}
          </dd>
        </dl>
      </section>

      {detail.answers.length > 0 && (
        <section aria-labelledby="answers-title" data-testid="registration-answers">
          <h3 id="answers-title">{t('answers')}</h3>
          <dl className="admin-dl">
            {detail.answers.map(({ question, answer }) => (
              <div key={question.id} data-question={question.id} style={{ display: 'contents' }}>
                <dt>
                  {pick(question.label, locale)}
                  {(question.retiredAt || answer.questionVersion !== question.version) && (
                    <span className="muted">
                      {' '}
                      ({question.retiredAt ? t('answerRetired') : t('answerVersion', { version: answer.questionVersion })})
                    </span>
                  )}
                </dt>
                <dd>{answerText(question, answer, locale, { yes: t('yes'), no: t('no') }) || '—'}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}

      <h3>{t('sessions')}</h3>
      <DataTable
        caption={t('sessions')}
        testId="registration-seats"
        rows={seats}
        rowKey={(s) => s.sessionId}
        rowData={(s) => ({ 'data-seat': s.status })}
        empty={<p>{t('noSessions')}</p>}
        columns={[
          {
            key: 'time',
            header: t('sessionColumns.time'),
            cell: (s) => formatSpan(s.startsAt, s.endsAt, s.venueZone, pick(s.venueCity, locale), locale),
          },
          { key: 'session', header: t('sessionColumns.session'), cell: (s) => pick(s.title, locale) },
          { key: 'venue', header: t('sessionColumns.venue'), cell: (s) => pick(s.venueName, locale) },
          {
            key: 'seat',
            header: t('sessionColumns.seat'),
            cell: (s) =>
              !s.takesSeat ? (
                <span className="muted">{t('noSeat')}</span>
              ) : s.status === 'confirmed' ? (
                t('seatConfirmed')
              ) : (
                <>
                  {t('seatWaitlisted', { position: s.waitlistPosition ?? 0 })}{' '}
                  {active && mayEdit && (
                    <form className="inline-form" action={promoteSessionSeatAction.bind(null, slug, r.id, s.sessionId)}>
                      <button className="button secondary" type="submit">
                        {t('promoteSeat')}
                      </button>
                    </form>
                  )}
                </>
              ),
          },
          {
            key: 'seats',
            header: t('sessionColumns.seats'),
            numeric: true,
            cell: (s) => (s.capacity === null ? '—' : `${s.confirmedCount} / ${s.capacity}`),
          },
        ]}
      />

      <h3>{t('mails')}</h3>
      <DataTable
        caption={t('mails')}
        testId="registration-mails"
        rows={mails}
        rowKey={(m) => m.id}
        empty={<p>{t('noMails')}</p>}
        columns={[
          { key: 'created', header: t('mailColumns.created'), cell: (m) => when(m.createdAt, zone) },
          { key: 'kind', header: t('mailColumns.kind'), cell: (m) => m.kind },
          { key: 'subject', header: t('mailColumns.subject'), cell: (m) => m.subject },
          { key: 'status', header: t('mailColumns.status'), cell: (m) => m.status },
          { key: 'attempts', header: t('mailColumns.attempts'), numeric: true, cell: (m) => m.attempts },
          { key: 'sent', header: t('mailColumns.sent'), cell: (m) => when(m.sentAt, zone) },
          { key: 'error', header: t('mailColumns.error'), cell: (m) => m.lastError ?? m.smtpResponse ?? '' },
        ]}
      />

      {active && mayEdit && (
        <>
          <h3>{t('actions')}</h3>
          {r.status === 'waitlisted' && (
            <form action={promoteAtVenueAction.bind(null, slug, r.id)} className="card" style={{ marginBottom: '1rem' }}>
              <h4 style={{ marginTop: 0 }}>{t('promote')}</h4>
              <p className="muted">{t('promoteHint')}</p>
              <button className="button" type="submit">
                {t('promoteButton')}
              </button>
            </form>
          )}
          {editForm && (
            <div style={{ marginBottom: '1rem' }}>
              <RegistrationEditForm
                slug={slug}
                id={r.id}
                {...editForm}
                countries={countryOptions(locale)}
                categories={categories.map((c) => ({ id: c.id, name: pick(c.name, locale) }))}
                action={editRegistrationAction}
                messages={{ edit: registrationWords.detail.edit as PlainMessages, types: registrationWords.types as PlainMessages }}
                validationMessages={messages.validation as unknown as PlainMessages}
              />
            </div>
          )}
          <form action={resendConfirmationAction.bind(null, slug, r.id)} className="card" style={{ marginBottom: '1rem' }}>
            <h4 style={{ marginTop: 0 }}>{t('resend')}</h4>
            <p className="muted">{t('resendHint', { email: r.email })}</p>
            <button className="button secondary" type="submit">
              {t('resendButton')}
            </button>
          </form>
          <form action={cancelRegistrationAction.bind(null, slug, r.id)} className="card">
            <h4 style={{ marginTop: 0 }}>{t('cancel')}</h4>
            <p className="muted">{t('cancelHint')}</p>
            <div className="field">
              <label htmlFor="cancel-reason">{t('reason')}</label>
              <input id="cancel-reason" name="reason" maxLength={300} />
            </div>
            <label className="check">
              <input type="checkbox" name="confirm" value="yes" required /> {t('cancelConfirm')}
            </label>
            <button className="button danger" type="submit">
              {t('cancelButton')}
            </button>
          </form>
        </>
      )}
    </>
  );
}
