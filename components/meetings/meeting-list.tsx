import { getTranslations } from 'next-intl/server';
import { MEETING_OUTCOMES } from '@/db/schema/meetings';
import type { Locale } from '@/lib/i18n/locales';
import { pick } from '@/lib/i18n/text';
import type { MyMeeting, SlotChoice } from '@/lib/meetings/my-meetings';

type FormAction = (formData: FormData) => Promise<void>;

/**
 * One direction of a participant's meetings (requests to them, or theirs), with what they can do
 * with each: accept (with a link when online), decline or propose another time, cancel, add to their
 * calendar, record the outcome. The actions come from the page, bound to its manage link.
 */
export async function MeetingList({
  title,
  testId,
  list,
  slots,
  locale,
  when,
  actions,
  calendarHref,
}: {
  title: string;
  testId: string;
  list: MyMeeting[];
  slots: SlotChoice[];
  locale: Locale;
  when: (slot: SlotChoice) => string;
  actions: { answer: FormAction; outcome: FormAction; propose: FormAction; block: FormAction };
  calendarHref: (meetingId: string) => string;
}) {
  const t = await getTranslations('meetings');
  const button = (m: MyMeeting, decision: 'accept' | 'decline' | 'cancel', secondary = false) => (
    <form action={actions.answer} style={{ display: 'inline-block', margin: '0 .25rem .25rem 0' }}>
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
              {(m.listingTitle ?? m.exhibitorName) && (
                <span className="muted"> · {pick((m.listingTitle ?? m.exhibitorName)!, locale)}</span>
              )}
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
                {m.replaced ? t('status.replaced') : t(`status.${m.status}`)}
              </span>
            </p>
            {m.message && <p className="muted">{m.message}</p>}
            {m.other.email && (
              <p>
                {t('contact')} <a href={`mailto:${m.other.email}`}>{m.other.email}</a>
              </p>
            )}
            {m.status === 'accepted' && (
              <p>
                <a href={calendarHref(m.id)} data-testid="meeting-calendar">
                  {t('calendar')}
                </a>
              </p>
            )}
            {m.status === 'pending' && m.direction === 'in' && (
              <>
                {m.online ? (
                  <form action={actions.answer} data-testid="accept-online">
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
                <details>
                  <summary>{t('propose.title')}</summary>
                  <form action={actions.propose} data-testid="propose-time">
                    <input type="hidden" name="meeting" value={m.id} />
                    <div className="field">
                      <label htmlFor={`propose-${m.id}`}>{t('propose.slot')}</label>
                      <select id={`propose-${m.id}`} name="slotId" defaultValue="">
                        <option value="">{t('request.choose')}</option>
                        {slots
                          .filter((s) => s.id !== m.slot.id)
                          .map((s) => (
                            <option key={s.id} value={s.id}>
                              {`${s.label} · ${pick(s.venueName, locale)} · ${when(s)}`}
                            </option>
                          ))}
                      </select>
                    </div>
                    <div className="field">
                      <label htmlFor={`propose-message-${m.id}`}>{t('request.message')}</label>
                      <textarea id={`propose-message-${m.id}`} name="message" maxLength={500} rows={2} />
                    </div>
                    <button type="submit" className="button secondary">
                      {t('propose.send')}
                    </button>
                  </form>
                </details>
              </>
            )}
            {(m.status === 'accepted' || (m.status === 'pending' && m.direction === 'out')) && button(m, 'cancel', true)}
            {m.direction === 'in' && m.status !== 'accepted' && (
              <form action={actions.block} style={{ display: 'inline-block', margin: '0 .25rem .25rem 0' }}>
                <input type="hidden" name="meeting" value={m.id} />
                <button type="submit" className="button secondary">
                  {t('actions.block')}
                </button>
              </form>
            )}
            {m.status === 'accepted' && (
              <form action={actions.outcome} className="inline-form">
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
