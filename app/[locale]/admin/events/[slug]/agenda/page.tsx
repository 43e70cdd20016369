import { DataTable } from '@/components/admin/data-table';
import { getLocale, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { SessionTimeAt } from '@/components/agenda/session-time';
import { type PageProps, loadEventPage, pageInput } from '@/lib/edge/page';
import { READERS } from '@/lib/auth/authorize';
import { agendaOverview } from '@/lib/agenda/admin/agenda-overview';
import { describeConflicts } from '@/lib/agenda/admin/describe-conflicts';
import { pendingChanges } from '@/lib/agenda/admin/pending-changes';
import { formatDay } from '@/lib/format/datetime';
import type { Locale } from '@/lib/i18n/locales';
import { pick } from '@/lib/i18n/text';
import { localDate } from '@/lib/time/zones';
import { publishAgendaAction } from './actions';

export const dynamic = 'force-dynamic';

/** The preview names this many registrants at most; the count says how many more. */
const RECIPIENTS_SHOWN = 200;
export const metadata = { title: 'Agenda', robots: { index: false } };

const querySchema = z.object({
  saved: z.literal('1').optional().catch(undefined),
  published: z.coerce.number().int().optional().catch(undefined),
  registrants: z.coerce.number().int().optional().catch(undefined),
  speakers: z.coerce.number().int().optional().catch(undefined),
});

export default async function AgendaAdminPage(props: PageProps<{ slug: string }>) {
  const { slug, query } = await pageInput(props, querySchema);
  const base = `/admin/events/${slug}/agenda`;
  const [t, locale, overview] = await Promise.all([
    getTranslations('adminAgenda'),
    getLocale() as Promise<Locale>,
    loadEventPage(slug, base, ({ db, actor }) => agendaOverview(db, actor, slug), READERS),
  ]);
  const { agenda, event, conflicts, plan, organiser, editable, mayCreate } = overview;
  const pending = pendingChanges(plan, locale);
  const audience = { registrants: plan.audience.registrants.length, speakers: plan.audience.speakers.length };
  const tc = await getTranslations('adminAgenda.conflicts');
  const conflictText = (id: string) =>
    describeConflicts(conflicts.get(id) ?? [], (key, values) => tc(key as never, values as never), locale);
  const venueById = new Map(agenda.venues.map((v) => [v.id, v]));
  const days = new Map<string, typeof agenda.sessions>();
  for (const session of agenda.sessions) {
    const day = localDate(session.startsAt, event.timeZone);
    days.set(day, [...(days.get(day) ?? []), session]);
  }
  return (
    <section>
      <h2>{t('title')}</h2>
      <p className="muted">{t('intro')}</p>
      {query.saved && (
        <p className="notice ok" role="status">
          {t('saved')}
        </p>
      )}
      {query.published !== undefined && (
        <p className="notice ok" role="status" data-testid="published">
          {t('published', { version: query.published })}{' '}
          {t('mailed', { registrants: query.registrants ?? 0, speakers: query.speakers ?? 0 })}
        </p>
      )}
      <p className="admin-pager">
        {mayCreate && (
          <a className="button" href={`${base}/sessions/new`}>
            {t('newSession')}
          </a>
        )}
        {organiser && (
          <>
            <a href={`${base}/venues`}>{t('venuesAndRooms')}</a>
            <a href={`${base}/speakers`}>{t('speakers')}</a>
          </>
        )}
      </p>
      <section className="card" data-testid="pending">
        <h3>{t('pending')}</h3>
        {pending.length === 0 ? (
          <p>{t('noPending', { version: event.publishedVersion })}</p>
        ) : (
          <>
            <ul className="pending-changes">
              {pending.map((change) => (
                <li key={`${change.kind}-${change.sessionId}`} data-change={change.kind}>
                  <strong>{t(`change.${change.kind}`, { title: change.title })}</strong>
                  <ul>
                    {change.time && (
                      <li data-testid="pending-time">
                        {change.time.was && change.time.now
                          ? t('preview.time', change.time)
                          : change.time.now
                            ? t('preview.timeNew', change.time)
                            : t('preview.timeWas', change.time)}
                      </li>
                    )}
                    {change.room && <li data-testid="pending-room">{t('preview.room', change.room)}</li>}
                    {change.status && (
                      <li data-testid="pending-status">
                        {t('preview.status', { was: t(`status.${change.status.was}`), now: t(`status.${change.status.now}`) })}
                      </li>
                    )}
                    <li className="muted">
                      {change.mailed
                        ? t('preview.mailedTo', { registrants: change.registrants, speakers: change.speakers })
                        : t('preview.notMailed')}
                    </li>
                  </ul>
                </li>
              ))}
            </ul>
            <p data-testid="publish-audience">
              <strong>{t('preview.audience', audience)}</strong>
            </p>
            {organiser && (audience.registrants > 0 || audience.speakers > 0) && (
              <details data-testid="publish-recipients">
                <summary>{t('preview.recipients')}</summary>
                {audience.registrants > 0 && (
                  <>
                    <h4>{t('preview.registrantsHeading', { count: audience.registrants })}</h4>
                    <ul className="recipient-list">
                      {plan.audience.registrants.slice(0, RECIPIENTS_SHOWN).map((r) => (
                        <li key={r.registrationId}>
                          {r.name} &lt;{r.email}&gt;
                        </li>
                      ))}
                    </ul>
                    {audience.registrants > RECIPIENTS_SHOWN && (
                      <p className="muted">{t('preview.more', { count: audience.registrants - RECIPIENTS_SHOWN })}</p>
                    )}
                  </>
                )}
                {audience.speakers > 0 && (
                  <>
                    <h4>{t('preview.speakersHeading', { count: audience.speakers })}</h4>
                    <ul className="recipient-list">
                      {plan.audience.speakers.map(({ speaker }) => (
                        <li key={speaker.id}>
                          {speaker.name} &lt;{speaker.email}&gt;
                        </li>
                      ))}
                    </ul>
                  </>
                )}
              </details>
            )}
            <p className="muted">{t('publishNote')}</p>
            {organiser && (
              <form action={publishAgendaAction.bind(null, slug)}>
                <button className="button" type="submit">
                  {t('publish', { version: event.publishedVersion + 1 })}
                </button>
              </form>
            )}
          </>
        )}
      </section>
      {[...days].map(([day, sessions]) => (
        <div key={day} className="agenda-admin-day">
          <h3>{formatDay(sessions[0]!.startsAt, event.timeZone, locale)}</h3>
          <DataTable
            caption={formatDay(sessions[0]!.startsAt, event.timeZone, locale)}
            rows={sessions}
            rowKey={(session) => session.id}
            rowData={(session) => ({ 'data-session': session.slug })}
            empty={null}
            columns={[
              {
                key: 'time',
                header: t('columns.time'),
                cell: (session) => {
                  const venue = venueById.get(session.venueId)!;
                  return <SessionTimeAt session={session} venue={venue} locale={locale} headingDay={day} />;
                },
              },
              {
                key: 'session',
                header: t('columns.session'),
                cell: (session) => (
                  <>
                    {editable(session.venueId) ? (
                      <a href={`${base}/sessions/${session.id}`}>{pick(session.title, locale)}</a>
                    ) : (
                      pick(session.title, locale)
                    )}
                    {session.relays.length > 0 && (
                      <div className="muted">
                        {t('relayedTo', { venues: session.relays.map((r) => pick(venueById.get(r.venueId)?.city, locale)).join(', ') })}
                      </div>
                    )}
                    {conflicts.has(session.id) && (
                      <ul className="notice bad" data-testid="session-conflicts">
                        {conflictText(session.id).map((line) => (
                          <li key={line}>{line}</li>
                        ))}
                      </ul>
                    )}
                  </>
                ),
              },
              {
                key: 'venue',
                header: t('columns.venue'),
                cell: (session) => {
                  const room = agenda.rooms.find((r) => r.id === session.roomId);
                  return (
                    <>
                      {pick(venueById.get(session.venueId)!.name, locale)}
                      {room && <div className="muted">{pick(room.name, locale)}</div>}
                    </>
                  );
                },
              },
              {
                key: 'status',
                header: t('columns.status'),
                cell: (session) => (
                  <span className={`badge ${session.status === 'cancelled' ? 'cancelled' : session.status === 'changed' ? 'wait' : 'ok'}`}>
                    {t(`status.${session.status}`)}
                  </span>
                ),
              },
            ]}
          />
        </div>
      ))}
    </section>
  );
}
