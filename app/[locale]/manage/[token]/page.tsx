import { getLocale, getMessages, getTranslations } from 'next-intl/server';
import { validationWords } from '@/lib/validation/server-words';
import { z } from 'zod';
import { getDb } from '@/lib/database/process-database';
import { SessionTime } from '@/components/agenda/session-time';
import { FocusedNotice } from '@/components/ui/focused-notice';
import { ViewerTime, ViewerZoneSwitch } from '@/components/agenda/viewer-time';
import { VenueAddress } from '@/components/agenda/venue-address';
import { viewerZoneSchema } from '@/lib/agenda/query';
import { publicAgenda, seatsLeft } from '@/lib/agenda/public-agenda';
import { pick } from '@/lib/i18n/text';
import type { Locale } from '@/lib/i18n/locales';
import { registrationFormOptions } from '@/lib/agenda/form-options';
import { itineraryPlace } from '@/lib/registration/itinerary-text';
import { registrationForManageToken } from '@/lib/registration/manage-view';
import { delegationOf } from '@/lib/registration/delegations/head';
import { ManageChoices } from '@/components/registration/manage-choices';
import {
  cancelRegistrationAction,
  changeDetailsAction,
  changeRegistrationAction,
  eraseRegistrationAction,
  requestEmailChangeAction,
  requestVisaLetterAction,
} from './actions';
import { VisaLetterForm } from '@/components/registration/visa-letter-form';
import { visaLetterStatus } from '@/lib/visa/letters';
import { ManageDetailsForm } from '@/components/registration/manage-details-form';
import type { PlainMessages } from '@/lib/i18n/plain-translator';
import { ownAnswersForForm } from '@/lib/registration/questions/own-answers';
import { pageInput, type PageProps } from '@/lib/edge/page';
import { certificateState } from '@/lib/certificates/certificate';
import { formatDay, formatTimeWithZone, zonePlace } from '@/lib/format/datetime';
import { queryErrorField } from '@/lib/validation/query-error';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Your registration', robots: { index: false } };

const querySchema = z.object({
  saved: z.literal('1').optional().catch(undefined),
  cancelled: z.literal('1').optional().catch(undefined),
  seats: z.coerce.number().int().min(0).max(100).optional().catch(undefined),
  waitlisted: z.literal('1').optional().catch(undefined),
  error: queryErrorField,
  emailSent: z.literal('1').optional().catch(undefined),
  emailError: queryErrorField,
  tz: viewerZoneSchema,
});

export default async function ManagePage(props: PageProps<{ token: string }>) {
  const { token, query } = await pageInput(props, querySchema);
  const [t, ta, tm, tl, locale] = await Promise.all([
    getTranslations('manage'),
    getTranslations('agenda'),
    getTranslations('meetings'),
    getTranslations('myListings'),
    getLocale() as Promise<Locale>,
  ]);
  const db = await getDb();
  const found = await registrationForManageToken(db, token);
  if (!found) return <p className="notice bad">{t('invalid')}</p>;
  const { registration, event, venue, items, ticket, feedUrl } = found;
  // Nothing of the person is left to show, and the page says no more than that.
  if (registration.erasedAt)
    return (
      <div style={{ maxWidth: 760 }}>
        <h1>{t('title')}</h1>
        <p className="notice ok" role="status" data-testid="registration-erased">
          {t('erasedPage')}
        </p>
      </div>
    );
  const cancelled = registration.status === 'cancelled';
  const delegation = await delegationOf(db, registration);
  const agenda = cancelled ? null : await publicAgenda(db, event);
  const options = agenda ? registrationFormOptions(agenda, await seatsLeft(db, event.id), locale) : null;
  const chosen = new Set(items.map((item) => item.session.id));

  return (
    <div style={{ maxWidth: 760 }}>
      <p className="muted">{pick(event.name, locale)}</p>
      <h1>{t('title')}</h1>
      {query.saved && <FocusedNotice tone="ok">{t('saved')}</FocusedNotice>}
      {query.cancelled && (
        <FocusedNotice tone="ok">{t('cancelled', { seats: query.seats ?? 0, waitlisted: query.waitlisted ? 'yes' : 'no' })}</FocusedNotice>
      )}
      {query.error && (
        <FocusedNotice tone="bad">
          {query.error === 'link' ? t('invalid') : t('error', { message: (await validationWords())(query.error) })}
        </FocusedNotice>
      )}
      <section className="card">
        <p>{t('for', { name: registration.name, email: registration.email })}</p>
        <p data-testid="registration-status">
          <span className={`badge ${registration.status === 'waitlisted' ? 'wait' : cancelled ? 'cancelled' : 'ok'}`}>
            {t(`status.${registration.status}`, { position: registration.waitlistPosition ?? 0 })}
          </span>
        </p>
        <p>
          {t('attendance')}:{' '}
          {registration.mode === 'online'
            ? t('online')
            : t('inPersonAt', { venue: venue ? `${pick(venue.name, locale)}, ${pick(venue.city, locale)}` : '' })}
        </p>
        {registration.mode === 'in_person' && venue?.address && (
          <p>
            <VenueAddress address={venue.address} mapLabel={ta('map')} />
          </p>
        )}
      </section>
      {delegation && (
        <p data-testid="delegation">
          {t('delegation.memberOf', { name: delegation.name })}{' '}
          {registration.delegationHead && (
            <a className="button small" href={`/manage/${encodeURIComponent(token)}/delegation`} data-testid="delegation-link">
              {t('delegation.link')}
            </a>
          )}
        </p>
      )}
      {(registration.status === 'confirmed' || registration.status === 'checked_in') && (
        <p>
          <a href={`/manage/${encodeURIComponent(token)}/meetings`} data-testid="meetings-link">
            {tm('manageLink')}
          </a>
          <br />
          <a href={`/manage/${encodeURIComponent(token)}/listings`} data-testid="listings-link">
            {tl('manageLink')}
          </a>
        </p>
      )}
      {ticket && (
        <section className="card ticket" data-testid="ticket">
          <h2>{t('ticket')}</h2>
          {/* The SVG comes from the QR library and encodes only the signed code. */}
          {/* biome-ignore lint/security/noDangerouslySetInnerHtml: the markup is the QR library's SVG of our own signed code, no user text. */}
          <div className="qr" role="img" aria-label={t('ticket')} dangerouslySetInnerHTML={{ __html: ticket.svg }} />
          <p className="ticket-short-code">
            {t('shortCode')} <strong data-testid="ticket-short-code">{ticket.shortCode}</strong>
          </p>
          <p className="muted">{t('ticketHint')}</p>
          <p>
            <code data-testid="ticket-code">{ticket.code}</code>
          </p>
        </section>
      )}
      {registration.mode === 'in_person' && !cancelled && (
        <section className="card" data-testid="certificate">
          <h2>{t('certificate.heading')}</h2>
          {certificateState(registration, event, new Date()) === 'ready' ? (
            <p>
              <a className="button" href={`/manage/${token}/certificate.pdf`} download data-testid="certificate-download">
                {t('certificate.download')}
              </a>
            </p>
          ) : (
            <p className="muted">
              {certificateState(registration, event, new Date()) === 'not-yet'
                ? t('certificate.notYet', {
                    end: `${formatDay(event.endsAt, venue?.timeZone ?? event.timeZone, locale)} ${formatTimeWithZone(
                      event.endsAt,
                      venue?.timeZone ?? event.timeZone,
                      venue ? pick(venue.city, locale) : zonePlace(event.timeZone),
                    )}`,
                  })
                : t('certificate.notCheckedIn')}
            </p>
          )}
        </section>
      )}
      {registration.mode === 'in_person' && !cancelled && options && (
        <section className="card" data-testid="visa-letter">
          <h2>{t('visa.heading')}</h2>
          {
            await (async () => {
              const status = await visaLetterStatus(db, registration.id);
              if (status === 'issued')
                return (
                  <p>
                    <a className="button" href={`/manage/${token}/visa-letter.pdf`} download data-testid="visa-download">
                      {t('visa.download')}
                    </a>
                  </p>
                );
              return (
                <>
                  <p className="muted" data-testid="visa-status">
                    {t(`visa.status.${status}`)}
                  </p>
                  <VisaLetterForm
                    token={token}
                    countries={options.countries}
                    action={requestVisaLetterAction}
                    messages={(await getMessages()).manage as PlainMessages}
                    validationMessages={(await getMessages()).validation as PlainMessages}
                  />
                </>
              );
            })()
          }
        </section>
      )}
      <h2>{t('yourSessions')}</h2>
      {items.length === 0 && <p>{t('none')}</p>}
      {items.length > 0 && (
        <p>
          <ViewerZoneSwitch current={query.tz} />
        </p>
      )}
      <ul className="itinerary">
        {items.map((item) => (
          <li key={item.session.id} data-seat={item.seat?.status}>
            <SessionTime
              start={item.session.startsAt}
              end={item.session.endsAt}
              zone={item.zone}
              place={itineraryPlace(item, locale)}
              locale={locale}
              headingDay={null}
            />{' '}
            — {pick(item.session.title, locale)} —{' '}
            <strong>
              {item.seat?.status === 'waitlisted' ? t('seatWaitlisted', { position: item.seat.waitlistPosition ?? 0 }) : t('seatConfirmed')}
            </strong>
            <ViewerTime
              start={item.session.startsAt}
              end={item.session.endsAt}
              zone={item.zone}
              viewerZone={query.tz}
              locale={locale}
              headingDay={null}
            />
            <span className="muted" data-testid="presence">
              {item.presence.kind === 'relay'
                ? t('relayedIn', {
                    room: item.presence.room ? pick(item.presence.room.name, locale) : pick(venue?.name ?? item.origin.name, locale),
                  })
                : item.presence.kind === 'in-room'
                  ? [item.originRoom ? pick(item.originRoom.name, locale) : null, pick(item.origin.name, locale)].filter(Boolean).join(', ')
                  : t('online')}
            </span>
            {item.joinPath && (
              <>
                {' '}
                <a className="button small" href={item.joinPath} data-testid="join-link">
                  {t('join')}
                </a>
              </>
            )}
            {item.livePath && (
              <>
                {' '}
                <a className="button small secondary" href={item.livePath} data-testid="live-link">
                  {t('liveQuestions')}
                </a>
              </>
            )}
          </li>
        ))}
      </ul>
      {feedUrl && (
        <p className="muted">
          {t('feed')}:{' '}
          <a href={feedUrl} data-testid="feed-link">
            {feedUrl}
          </a>
        </p>
      )}
      {options && (
        <>
          <h2>{t('detailsTitle')}</h2>
          <ManageDetailsForm
            token={token}
            {...(await ownAnswersForForm(db, registration, locale))}
            countries={options.countries}
            action={changeDetailsAction}
            messages={(await getMessages()).manage as PlainMessages}
            validationMessages={(await getMessages()).validation as PlainMessages}
          />
          <h2 id="email-change-title">{t('emailChange.title')}</h2>
          <form
            action={requestEmailChangeAction.bind(null, token)}
            className="card"
            data-testid="email-change-form"
            aria-labelledby="email-change-title"
          >
            {query.emailSent && <FocusedNotice tone="ok">{t('emailChange.sent')}</FocusedNotice>}
            <p className="muted">{t('emailChange.hint', { email: registration.email })}</p>
            <div className="field">
              <label htmlFor="email-change">{t('emailChange.label')}</label>
              <input
                id="email-change"
                name="email"
                type="email"
                autoComplete="email"
                required
                maxLength={254}
                aria-invalid={query.emailError ? true : undefined}
                aria-describedby="email-change-error"
              />
              <span id="email-change-error" className="error" role={query.emailError ? 'alert' : undefined}>
                {query.emailError ? (await validationWords())(query.emailError) : ''}
              </span>
            </div>
            <button className="button secondary" type="submit">
              {t('emailChange.submit')}
            </button>
          </form>
          <h2>{t('change')}</h2>
          <form action={changeRegistrationAction.bind(null, token)} className="card">
            <ManageChoices
              options={{ venues: options.venues, sessionsFor: options.sessionsFor }}
              mode={registration.mode}
              venue={venue?.slug ?? null}
              chosen={[...chosen]}
              labels={{
                attendance: t('attendance'),
                inPerson: t('inPersonAt', { venue: '' }),
                venue: t('venue'),
                online: t('online'),
                sessions: t('yourSessions'),
                noSessions: t('noSessionsHere'),
                cannotFollow: t('cannotFollow'),
              }}
            />
            <button className="button" type="submit">
              {t('save')}
            </button>
          </form>
          <h2>{t('cancel')}</h2>
          <form action={cancelRegistrationAction.bind(null, token)} className="card">
            <label className="check">
              <input type="checkbox" name="confirm" value="yes" required /> {t('cancelConfirm')}
            </label>
            <button className="button danger" type="submit">
              {t('cancelButton')}
            </button>
          </form>
        </>
      )}
      {cancelled && (
        <p>
          <a className="button" href={`/events/${event.slug}/register`}>
            {t('registerAgain')}
          </a>
        </p>
      )}
      <h2>{t('eraseTitle')}</h2>
      <form action={eraseRegistrationAction.bind(null, token)} className="card" data-testid="erase-form">
        <p>{t('eraseIntro')}</p>
        <label className="check">
          <input type="checkbox" name="confirm" value="erase" required /> {t('eraseConfirm')}
        </label>
        <button className="button danger" type="submit">
          {t('eraseButton')}
        </button>
      </form>
    </div>
  );
}
