import { localDate } from '@/lib/time/zones';
import { punctuation } from '@/lib/i18n/punctuation';
import { getLocale, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { getDb } from '@/lib/database/process-database';
import { SessionTime } from '@/components/agenda/session-time';
import { PhotoUpload } from '@/components/speaker/photo-upload';
import { SpeakerProfileForm } from '@/components/speaker/profile-form';
import { ZonePicker } from '@/components/speaker/zone-picker';
import { actorOrSignIn } from '@/lib/auth/guards';
import type { Locale } from '@/lib/i18n/locales';
import { pick } from '@/lib/i18n/text';
import { localizedFormValues } from '@/lib/validation/localized-text-input';
import { safePhotoSrc } from '@/lib/speakers/photo';
import { loadSpeakerPortal } from '@/lib/speakers/portal';
import type { SchedulePerson, SpeakerSession } from '@/lib/speakers/schedule';
import { nameWithHonorific, speakerCredentials } from '@/lib/speakers/credentials';
import { ownClashes, type OwnClash } from '@/lib/speakers/own-clashes';
import { isValidTimeZone } from '@/lib/time/zones';
import { isModeratingRole } from '@/lib/live/moderation';
import { regenerateCalendarAction, updateProfileAction } from './actions';
import styles from './portal.module.css';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Speaker portal', robots: { index: false } };

const querySchema = z.object({
  tz: z.string().max(64).refine(isValidTimeZone).optional().catch(undefined),
  calendar: z.literal('new').optional().catch(undefined),
});

export default async function SpeakerPortalPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await actorOrSignIn('/speaker');
  const query = querySchema.parse(await searchParams);
  const [t, locale, portal] = await Promise.all([
    getTranslations('speaker'),
    getLocale() as Promise<Locale>,
    loadSpeakerPortal(await getDb(), actor),
  ]);

  if (portal.records.length === 0) {
    return (
      <>
        <h1>{t('title')}</h1>
        <p className="notice">{t('notSpeaker', { email: actor.email })}</p>
      </>
    );
  }

  const savedZone = portal.records.find((r) => r.timeZone)?.timeZone ?? null;
  const ownZone = query.tz ?? savedZone;
  const zones = Intl.supportedValuesOf('timeZone');
  if (ownZone && !zones.includes(ownZone)) zones.unshift(ownZone);
  const manyEvents = new Set(portal.records.map((r) => r.eventId)).size > 1;
  const clashes = ownClashes(portal.schedule);

  return (
    <>
      <h1>{t('title')}</h1>
      <p className="muted">
        {t('signedInAs', { email: actor.email })} · {t('intro')}
      </p>
      <ZonePicker
        current={ownZone}
        zones={zones}
        labels={{ pick: t('zoneLabel'), apply: t('zoneApply'), browser: t('zoneBrowser', { zone: '{zone}' }) }}
      />
      {savedZone && query.tz && query.tz !== savedZone && <p className="muted">{t('zoneDefaultNote', { zone: savedZone })}</p>}

      <h2 id="schedule">{t('scheduleTitle')}</h2>
      {portal.schedule.length === 0 && <p>{t('noSessions')}</p>}
      <ul style={{ listStyle: 'none', padding: 0, display: 'grid', gap: '1rem' }}>
        {portal.schedule.map((session) => (
          <SessionCard
            key={session.sessionId}
            session={session}
            ownZone={ownZone}
            locale={locale}
            t={t}
            showEvent={manyEvents}
            clashes={clashes.get(session.sessionId) ?? []}
          />
        ))}
      </ul>

      <section id="calendar" aria-labelledby="calendar-h">
        <h2 id="calendar-h">{t('calendarTitle')}</h2>
        {query.calendar === 'new' && (
          <p role="status" className="notice ok">
            {t('calendarRegenerated')}
          </p>
        )}
        <p>{t('calendarIntro')}</p>
        {portal.feedUrl && (
          <p>
            <a href={portal.feedUrl} data-testid="calendar-feed" rel="nofollow noreferrer">
              {portal.feedUrl}
            </a>
          </p>
        )}
        <form action={regenerateCalendarAction}>
          <button className="button secondary" type="submit">
            {portal.feedUrl ? t('calendarRegenerate') : t('calendarCreate')}
          </button>
        </form>
      </section>

      <section aria-labelledby="profile-h">
        <h2 id="profile-h">{t('profileTitle')}</h2>
        <datalist id="iana-zones">
          {zones.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
        {portal.records.map((record) => (
          <div key={record.id} className="card" style={{ marginBottom: '1rem' }} data-speaker={record.slug} data-event={record.eventSlug}>
            {manyEvents && <h3>{t('profileFor', { event: pick(record.eventName, locale) })}</h3>}
            <PhotoUpload speakerId={record.id} name={record.name} src={safePhotoSrc(record.photo)} />
            <SpeakerProfileForm
              speakerId={record.id}
              action={updateProfileAction}
              defaults={{
                bio: localizedFormValues(record.bio),
                affiliation: record.affiliation,
                jobTitle: record.jobTitle,
                timeZone: record.timeZone ?? '',
              }}
            />
          </div>
        ))}
      </section>
    </>
  );
}

type T = Awaited<ReturnType<typeof getTranslations<'speaker'>>>;

function people(list: SchedulePerson[], t: T, locale: Locale) {
  if (list.length === 0) return t('nobody');
  return list
    .map((p) => {
      const name = nameWithHonorific(p.name, speakerCredentials({ ...p, jobTitle: '', affiliation: '' }, locale));
      return `${name}${p.presence === 'remote' ? ` (${t('remoteBadge')})` : ''}`;
    })
    .join(punctuation(locale).enumeration);
}

function SessionCard({
  session,
  ownZone,
  locale,
  t,
  showEvent,
  clashes,
}: {
  session: SpeakerSession;
  ownZone: string | null;
  locale: Locale;
  t: T;
  showEvent: boolean;
  clashes: OwnClash[];
}) {
  const city = pick(session.venue.city, locale);
  const title = pick(session.title, locale);
  return (
    <li className="card" data-session={session.slug} data-event={session.event.slug}>
      <h3 style={{ margin: '0 0 .5rem' }}>
        {session.event.published ? <a href={`/events/${session.event.slug}/sessions/${session.slug}`}>{title}</a> : title}{' '}
        {session.status !== 'scheduled' && <span className={`badge ${session.status}`}>{t(`status.${session.status}`)}</span>}
      </h3>
      {(showEvent || !session.event.published) && (
        <p className="muted" style={{ margin: 0 }}>
          {t('event')}: {pick(session.event.name, locale)}
          {!session.event.published && ` (${t('draft')})`}
        </p>
      )}
      {clashes.length > 0 && (
        <ul className="notice bad" data-testid="own-clashes">
          {clashes.map((clash) => (
            <li key={`${clash.kind}-${clash.other.en}`}>
              {clash.kind === 'overlap'
                ? t('clashOverlap', { other: pick(clash.other, locale) })
                : t('clashTravel', { other: pick(clash.other, locale), hours: clash.hours })}
            </li>
          ))}
        </ul>
      )}
      <dl className={styles.details}>
        {ownZone && (
          <>
            <dt>{t('yourZone', { zone: ownZone })}</dt>
            <dd data-testid="own-time">
              <SessionTime start={session.startsAt} end={session.endsAt} zone={ownZone} place={ownZone} locale={locale} headingDay={null} />
            </dd>
          </>
        )}
        <dt>{t('venueZone', { city })}</dt>
        <dd data-testid="venue-time">
          <SessionTime
            start={session.startsAt}
            end={session.endsAt}
            zone={session.venue.timeZone}
            place={city}
            locale={locale}
            headingDay={null}
          />
        </dd>
        <dt>{t('venue')}</dt>
        <dd>
          {pick(session.venue.name, locale)} · {t('room')}: {session.room ? pick(session.room, locale) : t('noRoom')}
        </dd>
        <dt>{t('role')}</dt>
        <dd data-testid="role">{t(`roles.${session.role}` as never)}</dd>
        <dt>{t('livestreamRole')}</dt>
        <dd data-testid="presence" data-presence={session.presence}>
          {session.presence === 'remote' ? t('remote') : t('onsite', { city })} · {session.streamed ? t('online') : t('notStreamed')}
        </dd>
        <dt>{t('moderator')}</dt>
        <dd data-testid="moderator">{session.role === 'moderator' ? t('moderatorYou') : people(session.moderators, t, locale)}</dd>
        <dt>{t('coSpeakers')}</dt>
        <dd data-testid="co-speakers">{people(session.coSpeakers, t, locale)}</dd>
        <dt>{t('relays')}</dt>
        <dd data-testid="relays">
          {session.relays.length === 0
            ? t('noRelays')
            : session.relays.map((r, i) => (
                <span key={`${r.venue.timeZone} ${r.venue.name.en}`}>
                  {i > 0 && '; '}
                  <SessionTime
                    start={session.startsAt}
                    end={session.endsAt}
                    zone={r.venue.timeZone}
                    place={pick(r.venue.city, locale)}
                    locale={locale}
                    headingDay={localDate(session.startsAt, session.venue.timeZone)}
                  />
                  {r.room ? ` (${pick(r.room, locale)})` : ''}
                </span>
              ))}
        </dd>
      </dl>
      {isModeratingRole(session.role) && session.status !== 'cancelled' && (
        <p>
          <a className="button small" href={`/live/moderate/${session.sessionId}`} data-testid="moderate-live">
            {t('moderateLive')}
          </a>
        </p>
      )}
    </li>
  );
}
