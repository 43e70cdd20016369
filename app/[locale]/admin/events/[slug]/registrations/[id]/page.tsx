import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { loadEventPage } from '@/lib/edge/page';
import { formatSpan } from '@/lib/format/datetime';
import { eventTimestamp } from '@/lib/format/event-time';
import type { Locale } from '@/lib/i18n/locales';
import { pick } from '@/lib/i18n/text';
import { countryName } from '@/lib/registration/admin/country-name';
import { registrationDetail } from '@/lib/registration/admin/detail';
import { cancelRegistrationAction, promoteAtVenueAction, promoteSessionSeatAction } from './actions';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Registration', robots: { index: false } };

const querySchema = z.object({
  done: z.enum(['cancelled', 'promoted']).optional().catch(undefined),
  error: z.string().max(300).optional().catch(undefined),
});

const when = eventTimestamp;

export default async function RegistrationDetailPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { slug, id } = await params;
  const query = querySchema.parse(await searchParams);
  const path = `/admin/events/${slug}/registrations/${id}`;
  if (!z.uuid().safeParse(id).success) notFound();
  const detail = await loadEventPage(slug, path, ({ db, actor }) => registrationDetail(db, actor, slug, id));
  if (!detail) notFound();
  const [t, tr, locale] = await Promise.all([
    getTranslations('adminRegistrations.detail'),
    getTranslations('adminRegistrations'),
    getLocale() as Promise<Locale>,
  ]);
  const { registration: r, venue, seats, mails, event } = detail;
  const zone = event.timeZone;
  const active = r.status !== 'cancelled';

  return (
    <>
      <p>
        <a href={`/admin/events/${slug}/registrations`}>← {t('back')}</a>
      </p>
      <h2 data-testid="registration-name">{r.name}</h2>
      {query.done && (
        <p className="notice ok" role="status">
          {query.done === 'cancelled' ? t('cancelledNotice') : t('promotedNotice')}
        </p>
      )}
      {query.error && (
        <p className="notice bad" role="alert">
          {t('error', { message: query.error })}
        </p>
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

      <h3>{t('sessions')}</h3>
      {seats.length === 0 ? (
        <p>{t('noSessions')}</p>
      ) : (
        <div className="admin-table-wrap">
          <table className="admin-table" data-testid="registration-seats">
            <thead>
              <tr>
                <th scope="col">{t('sessionColumns.time')}</th>
                <th scope="col">{t('sessionColumns.session')}</th>
                <th scope="col">{t('sessionColumns.venue')}</th>
                <th scope="col">{t('sessionColumns.seat')}</th>
                <th scope="col" className="num">
                  {t('sessionColumns.seats')}
                </th>
              </tr>
            </thead>
            <tbody>
              {seats.map((s) => (
                <tr key={s.sessionId} data-seat={s.status}>
                  <td>{formatSpan(s.startsAt, s.endsAt, s.venueZone, pick(s.venueCity, locale), locale)}</td>
                  <td>{pick(s.title, locale)}</td>
                  <td>{pick(s.venueName, locale)}</td>
                  <td>
                    {!s.takesSeat ? (
                      <span className="muted">{t('noSeat')}</span>
                    ) : s.status === 'confirmed' ? (
                      t('seatConfirmed')
                    ) : (
                      <>
                        {t('seatWaitlisted', { position: s.waitlistPosition ?? 0 })}{' '}
                        {active && (
                          <form className="inline-form" action={promoteSessionSeatAction.bind(null, slug, r.id, s.sessionId)}>
                            <button className="button secondary" type="submit">
                              {t('promoteSeat')}
                            </button>
                          </form>
                        )}
                      </>
                    )}
                  </td>
                  <td className="num">{s.capacity === null ? '—' : `${s.confirmedCount} / ${s.capacity}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h3>{t('mails')}</h3>
      {mails.length === 0 ? (
        <p>{t('noMails')}</p>
      ) : (
        <div className="admin-table-wrap">
          <table className="admin-table" data-testid="registration-mails">
            <thead>
              <tr>
                <th scope="col">{t('mailColumns.created')}</th>
                <th scope="col">{t('mailColumns.kind')}</th>
                <th scope="col">{t('mailColumns.subject')}</th>
                <th scope="col">{t('mailColumns.status')}</th>
                <th scope="col" className="num">
                  {t('mailColumns.attempts')}
                </th>
                <th scope="col">{t('mailColumns.sent')}</th>
                <th scope="col">{t('mailColumns.error')}</th>
              </tr>
            </thead>
            <tbody>
              {mails.map((m) => (
                <tr key={m.id}>
                  <td>{when(m.createdAt, zone)}</td>
                  <td>{m.kind}</td>
                  <td>{m.subject}</td>
                  <td>{m.status}</td>
                  <td className="num">{m.attempts}</td>
                  <td>{when(m.sentAt, zone)}</td>
                  <td>{m.lastError ?? m.smtpResponse ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {active && (
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
