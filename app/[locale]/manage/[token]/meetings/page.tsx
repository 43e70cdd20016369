import { getLocale, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { FocusedNotice } from '@/components/ui/focused-notice';
import { SECTORS } from '@/db/schema/exhibition';
import { MeetingList } from '@/components/meetings/meeting-list';
import { ViewerZoneSwitch } from '@/components/agenda/viewer-time';
import { isValidTimeZone } from '@/lib/time/zones';
import { getDb } from '@/lib/database/process-database';
import { pageInput, type PageProps } from '@/lib/edge/page';
import { formatSpan } from '@/lib/format/datetime';
import type { Locale } from '@/lib/i18n/locales';
import { pick } from '@/lib/i18n/text';
import { myMeetings, type SlotChoice } from '@/lib/meetings/my-meetings';
import { participantForToken } from '@/lib/meetings/participant';
import { validationWords } from '@/lib/validation/server-words';
import {
  answerMeetingAction,
  blockRequesterAction,
  proposeTimeAction,
  recordOutcomeAction,
  requestMeetingAction,
  saveAvailabilityAction,
  saveMatchmakingAction,
  unblockAction,
} from './actions';
import { queryErrorField } from '@/lib/validation/query-error';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Your meetings', robots: { index: false } };

const querySchema = z.object({
  done: z
    .enum([
      'profile',
      'requested',
      'accept',
      'acceptOnline',
      'decline',
      'cancel',
      'outcome',
      'proposed',
      'availability',
      'block',
      'unblock',
    ])
    .optional()
    .catch(undefined),
  error: queryErrorField,
  field: z.string().max(40).optional().catch(undefined),
  with: z.string().max(80).optional().catch(undefined),
  tz: z.string().max(64).refine(isValidTimeZone).optional().catch(undefined),
});

export default async function MeetingsPage(props: PageProps<{ token: string }>) {
  const { token, query } = await pageInput(props, querySchema);
  const [t, te, ta, locale, words] = await Promise.all([
    getTranslations('meetings'),
    getTranslations('exhibition'),
    getTranslations('agenda'),
    getLocale() as Promise<Locale>,
    validationWords(),
  ]);
  const db = await getDb();
  const person = await participantForToken(db, token);
  if (!person) return <p className="notice bad">{t('invalid')}</p>;
  const view = await myMeetings(db, person);
  const self = `/manage/${encodeURIComponent(token)}`;
  const errorFor = (field: string) =>
    query.error && query.field === field ? (
      <span className="error" id={`${field}-error`} data-testid={`error-${field}`}>
        {words(query.error)}
      </span>
    ) : null;
  // The venue's clock with its zone, and the reader's own when they asked for it.
  const when = (slot: SlotChoice) => {
    const venue = formatSpan(slot.startsAt, slot.endsAt, slot.zone, pick(slot.venueCity, locale), locale);
    if (!query.tz || query.tz === slot.zone) return venue;
    return `${venue} · ${ta('yourTime', { time: formatSpan(slot.startsAt, slot.endsAt, query.tz, query.tz, locale) })}`;
  };
  const nameOf = (key: string) => {
    const [kind, id] = key.split(':');
    if (kind === 'listing') {
      const l = view.listings.find((x) => x.id === id);
      return l ? `${pick(l.title, locale)} — ${pick(l.exhibitorName, locale)}` : key;
    }
    if (kind === 'exhibitor') {
      const x = view.exhibitors.find((e) => e.id === id);
      return x ? pick(x.name, locale) : key;
    }
    const p = view.people.find((x) => x.id === id);
    return p ? `${p.name}${p.organisation ? `, ${p.organisation}` : ''}` : key;
  };
  const actions = {
    answer: answerMeetingAction.bind(null, token),
    outcome: recordOutcomeAction.bind(null, token),
    propose: proposeTimeAction.bind(null, token),
    block: blockRequesterAction.bind(null, token),
  };
  const calendarHref = (meetingId: string) => `${self}/meetings/${meetingId}/meeting.ics`;
  const incoming = view.meetings.filter((m) => m.direction === 'in');
  const outgoing = view.meetings.filter((m) => m.direction === 'out');

  return (
    <div style={{ maxWidth: 760 }}>
      <p>
        <a href={self}>{t('back')}</a>
      </p>
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      {query.done && <FocusedNotice tone="ok">{t(`done.${query.done}`)}</FocusedNotice>}
      {query.error && (!query.field || ['form', 'meeting', 'outcome', 'meetingUrl', 'unavailable'].includes(query.field)) && (
        <FocusedNotice tone="bad">{query.error === 'link' ? t('invalid') : words(query.error)}</FocusedNotice>
      )}

      <section className="card" aria-labelledby="profile-heading">
        <h2 id="profile-heading">{person.profile ? t('profile.title') : t('profile.join')}</h2>
        <p className="muted">{t('profile.intro')}</p>
        <form action={saveMatchmakingAction.bind(null, token)} data-testid="matchmaking-profile">
          <fieldset className="field">
            <legend>{t('profile.sectors')}</legend>
            {SECTORS.map((s) => (
              <label key={s}>
                <input type="checkbox" name="sectors" value={s} defaultChecked={person.profile?.sectors.includes(s)} /> {te(`sectors.${s}`)}
              </label>
            ))}
            {errorFor('sectors')}
          </fieldset>
          <div className="field">
            <label htmlFor="interests">{t('profile.interests')}</label>
            <input
              id="interests"
              name="interests"
              maxLength={300}
              defaultValue={person.profile?.interests ?? ''}
              aria-invalid={query.field === 'interests' || undefined}
              aria-describedby={query.field === 'interests' ? 'interests-error' : undefined}
            />
            {errorFor('interests')}
          </div>
          <button type="submit" className="button">
            {person.profile ? t('profile.save') : t('profile.joinButton')}
          </button>
        </form>
      </section>

      {person.profile && view.suggestions.length > 0 && (
        <section aria-labelledby="suggestions-heading">
          <h2 id="suggestions-heading">{t('suggestions.title')}</h2>
          <ul data-testid="suggestions">
            {view.suggestions.map((s) => (
              <li key={s.key}>
                <strong>{nameOf(s.key)}</strong>{' '}
                <span className="muted">
                  {t('suggestions.why', {
                    reasons: s.reasons
                      .map((r) =>
                        r.kind === 'sector'
                          ? t('suggestions.sector', { sector: te(`sectors.${r.sector}`) })
                          : r.kind === 'country'
                            ? t('suggestions.country')
                            : t('suggestions.word', { word: r.word }),
                      )
                      .join(t('suggestions.separator')),
                  })}
                </span>{' '}
                <a href={`?with=${encodeURIComponent(s.key)}#request`}>{t('suggestions.ask')}</a>
              </li>
            ))}
          </ul>
        </section>
      )}

      {person.profile && (
        <section className="card" id="request" aria-labelledby="request-heading">
          <h2 id="request-heading">{t('request.title')}</h2>
          {view.slots.length === 0 ? (
            <p>{t('request.noSlots')}</p>
          ) : (
            <form action={requestMeetingAction.bind(null, token)} data-testid="meeting-request">
              <div className="field">
                <label htmlFor="with">{t('request.with')}</label>
                <select
                  id="with"
                  name="with"
                  defaultValue={query.with ?? ''}
                  aria-invalid={query.field === 'with' || undefined}
                  aria-describedby={query.field === 'with' ? 'with-error' : undefined}
                >
                  <option value="">{t('request.choose')}</option>
                  {view.people.length > 0 && (
                    <optgroup label={t('request.people')}>
                      {view.people.map((p) => (
                        <option key={p.id} value={`person:${p.id}`}>
                          {nameOf(`person:${p.id}`)}
                        </option>
                      ))}
                    </optgroup>
                  )}
                  {view.listings.length > 0 && (
                    <optgroup label={t('request.listings')}>
                      {view.listings.map((l) => (
                        <option key={l.id} value={`listing:${l.id}`}>
                          {nameOf(`listing:${l.id}`)}
                        </option>
                      ))}
                    </optgroup>
                  )}
                  {view.exhibitors.length > 0 && (
                    <optgroup label={t('request.exhibitors')}>
                      {view.exhibitors.map((x) => (
                        <option key={x.id} value={`exhibitor:${x.id}`}>
                          {nameOf(`exhibitor:${x.id}`)}
                        </option>
                      ))}
                    </optgroup>
                  )}
                </select>
                {errorFor('with')}
              </div>
              <div className="field">
                <label htmlFor="slotId">{t('request.slot')}</label>
                <select
                  id="slotId"
                  name="slotId"
                  defaultValue=""
                  aria-invalid={query.field === 'slotId' || undefined}
                  aria-describedby={query.field === 'slotId' ? 'slotId-error' : undefined}
                >
                  <option value="">{t('request.choose')}</option>
                  {view.slots.map((s) => (
                    <option key={s.id} value={s.id}>
                      {`${s.label} · ${pick(s.venueName, locale)} · ${when(s)}`}
                    </option>
                  ))}
                </select>
                {errorFor('slotId')}
              </div>
              <div className="field">
                <label>
                  <input type="checkbox" name="online" value="on" aria-describedby="online-hint" /> {t('request.online')}
                </label>
                <span className="muted" id="online-hint">
                  {t('request.onlineHint')}
                </span>
              </div>
              <div className="field">
                <label htmlFor="message">{t('request.message')}</label>
                <textarea id="message" name="message" maxLength={500} rows={3} />
                {errorFor('message')}
              </div>
              <button type="submit" className="button">
                {t('request.send')}
              </button>
            </form>
          )}
        </section>
      )}

      {person.profile && view.slots.length > 0 && (
        <section className="card" aria-labelledby="availability-heading">
          <h2 id="availability-heading">{t('availability.title')}</h2>
          <p className="muted">{t('availability.intro')}</p>
          <form action={saveAvailabilityAction.bind(null, token)} data-testid="availability">
            <fieldset className="field">
              <legend>{t('availability.title')}</legend>
              {view.slots.map((s) => (
                <label key={s.id}>
                  <input type="checkbox" name="unavailable" value={s.id} defaultChecked={view.unavailable.includes(s.id)} />{' '}
                  {`${s.label} · ${pick(s.venueName, locale)} · ${when(s)}`}
                </label>
              ))}
            </fieldset>
            <button type="submit" className="button secondary">
              {t('availability.save')}
            </button>
          </form>
        </section>
      )}

      <p>
        <ViewerZoneSwitch current={query.tz} />
      </p>
      {[
        { title: t('incoming'), testId: 'meetings-in', list: incoming },
        { title: t('outgoing'), testId: 'meetings-out', list: outgoing },
      ].map((part) => (
        <MeetingList
          key={part.testId}
          {...part}
          slots={view.slots}
          locale={locale}
          when={when}
          actions={actions}
          calendarHref={calendarHref}
        />
      ))}
      {view.blocked.length > 0 && (
        <section aria-labelledby="blocked-heading">
          <h2 id="blocked-heading">{t('blocked.title')}</h2>
          <p className="muted">{t('blocked.intro')}</p>
          <ul data-testid="blocked">
            {view.blocked.map((b) => (
              <li key={b.id}>
                {b.name}
                {b.organisation && `, ${b.organisation}`}{' '}
                <form action={unblockAction.bind(null, token)} style={{ display: 'inline-block' }}>
                  <input type="hidden" name="person" value={b.id} />
                  <button type="submit" className="button secondary">
                    {t('actions.unblock')}
                  </button>
                </form>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
