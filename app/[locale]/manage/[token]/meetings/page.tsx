import { getLocale, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { FocusedNotice } from '@/components/ui/focused-notice';
import { SECTORS } from '@/db/schema/exhibition';
import { MEETING_OUTCOMES } from '@/db/schema/meetings';
import { getDb } from '@/lib/database/process-database';
import { pageInput, type PageProps } from '@/lib/edge/page';
import { formatSpan } from '@/lib/format/datetime';
import type { Locale } from '@/lib/i18n/locales';
import { pick } from '@/lib/i18n/text';
import { myMeetings, type MyMeeting, type SlotChoice } from '@/lib/meetings/my-meetings';
import { participantForToken } from '@/lib/meetings/participant';
import { validationWords } from '@/lib/validation/server-words';
import { answerMeetingAction, recordOutcomeAction, requestMeetingAction, saveMatchmakingAction } from './actions';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Your meetings', robots: { index: false } };

const querySchema = z.object({
  done: z.enum(['profile', 'requested', 'accept', 'acceptOnline', 'decline', 'cancel', 'outcome']).optional().catch(undefined),
  error: z.string().max(300).optional().catch(undefined),
  field: z.string().max(40).optional().catch(undefined),
  with: z.string().max(80).optional().catch(undefined),
});

export default async function MeetingsPage(props: PageProps<{ token: string }>) {
  const { token, query } = await pageInput(props, querySchema);
  const [t, te, locale, words] = await Promise.all([
    getTranslations('meetings'),
    getTranslations('exhibition'),
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
  const when = (slot: SlotChoice) => formatSpan(slot.startsAt, slot.endsAt, slot.zone, pick(slot.venueCity, locale), locale);
  const nameOf = (key: string) => {
    const [kind, id] = key.split(':');
    if (kind === 'listing') {
      const l = view.listings.find((x) => x.id === id);
      return l ? `${pick(l.title, locale)} — ${pick(l.exhibitorName, locale)}` : key;
    }
    const p = view.people.find((x) => x.id === id);
    return p ? `${p.name}${p.organisation ? `, ${p.organisation}` : ''}` : key;
  };
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
      {query.error && (!query.field || ['form', 'meeting', 'outcome', 'meetingUrl'].includes(query.field)) && (
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

      <MeetingList title={t('incoming')} testId="meetings-in" list={incoming} token={token} locale={locale} when={when} />
      <MeetingList title={t('outgoing')} testId="meetings-out" list={outgoing} token={token} locale={locale} when={when} />
    </div>
  );
}

async function MeetingList({
  title,
  testId,
  list,
  token,
  locale,
  when,
}: {
  title: string;
  testId: string;
  list: MyMeeting[];
  token: string;
  locale: Locale;
  when: (slot: SlotChoice) => string;
}) {
  const t = await getTranslations('meetings');
  const button = (m: MyMeeting, decision: 'accept' | 'decline' | 'cancel', secondary = false) => (
    <form action={answerMeetingAction.bind(null, token)} style={{ display: 'inline-block', margin: '0 .25rem .25rem 0' }}>
      <input type="hidden" name="meeting" value={m.id} />
      <input type="hidden" name="decision" value={decision} />
      <button type="submit" className={secondary ? 'button secondary' : 'button'}>
        {t(`actions.${decision}`)}
      </button>
    </form>
  );
  return (
    <section aria-label={title}>
      <h2>{title}</h2>
      {list.length === 0 && <p>{t('none')}</p>}
      <ul className="itinerary" data-testid={testId}>
        {list.map((m) => (
          <li key={m.id} data-meeting-status={m.status} className="card">
            <p>
              <strong>{m.other.name}</strong>
              {m.other.organisation && `, ${m.other.organisation}`}
              {m.listingTitle && <span className="muted"> · {pick(m.listingTitle, locale)}</span>}
            </p>
            <p data-testid="meeting-time">
              {m.slot.label} · {when(m.slot)}
            </p>
            <p data-testid="meeting-place">
              {m.online
                ? t('online')
                : m.tableNo === null
                  ? pick(m.slot.venueName, locale)
                  : t('table', { venue: pick(m.slot.venueName, locale), table: m.tableNo })}
              {m.meetingUrl && (
                <>
                  {' · '}
                  <a
                    href={m.meetingUrl}
                    data-testid="meeting-link"
                    rel="noopener noreferrer"
                    target="_blank"
                    style={{ overflowWrap: 'anywhere' }}
                  >
                    {t('join')}
                  </a>
                </>
              )}
            </p>
            <p>
              <span
                className={`badge ${m.status === 'accepted' ? 'ok' : m.status === 'pending' ? 'wait' : 'cancelled'}`}
                data-testid="meeting-status"
              >
                {t(`status.${m.status}`)}
              </span>
            </p>
            {m.message && <p className="muted">{m.message}</p>}
            {m.other.email && (
              <p>
                {t('contact')} <a href={`mailto:${m.other.email}`}>{m.other.email}</a>
              </p>
            )}
            {m.status === 'pending' && m.direction === 'in' && (
              <>
                {m.online ? (
                  <form action={answerMeetingAction.bind(null, token)} data-testid="accept-online">
                    <input type="hidden" name="meeting" value={m.id} />
                    <input type="hidden" name="decision" value="accept" />
                    <div className="field">
                      <label htmlFor={`url-${m.id}`}>{t('meetingUrl')}</label>
                      <input id={`url-${m.id}`} name="meetingUrl" type="url" maxLength={300} aria-describedby={`url-${m.id}-hint`} />
                      <span className="muted" id={`url-${m.id}-hint`}>
                        {t('meetingUrlHint')}
                      </span>
                    </div>
                    <button type="submit" className="button">
                      {t('actions.accept')}
                    </button>
                  </form>
                ) : (
                  button(m, 'accept')
                )}
                {button(m, 'decline', true)}
              </>
            )}
            {(m.status === 'accepted' || (m.status === 'pending' && m.direction === 'out')) && button(m, 'cancel', true)}
            {m.status === 'accepted' && (
              <form action={recordOutcomeAction.bind(null, token)} className="inline-form">
                <input type="hidden" name="meeting" value={m.id} />
                <label htmlFor={`outcome-${m.id}`}>{t('outcome.label')}</label>{' '}
                <select id={`outcome-${m.id}`} name="outcome" defaultValue={m.outcome ?? ''}>
                  <option value="">{t('outcome.choose')}</option>
                  {MEETING_OUTCOMES.map((o) => (
                    <option key={o} value={o}>
                      {t(`outcome.${o}`)}
                    </option>
                  ))}
                </select>{' '}
                <button type="submit" className="button secondary">
                  {t('outcome.save')}
                </button>
              </form>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
