import { getLocale, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { DoorScanner } from '@/components/checkin/door-scanner';
import { DESK } from '@/lib/auth/authorize';
import { doorSessions } from '@/lib/checkin/session-door';
import { loadEventPage, pageInput, type PageProps } from '@/lib/edge/page';
import { formatSpan } from '@/lib/format/datetime';
import type { Locale } from '@/lib/i18n/locales';
import { pick } from '@/lib/i18n/text';
import { scanDoorAction } from './actions';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Session door' };

const querySchema = z.object({ session: z.uuid().optional().catch(undefined) });
const outcomes = ['recorded', 'already', 'not-admitted', 'unknown-code'] as const;

/** Scanning at a session's door: choose the session (at the staff member's venues), then scan tickets. */
export default async function DoorPage(props: PageProps<{ slug: string }>) {
  const { slug, query } = await pageInput(props, querySchema);
  const path = `/admin/events/${slug}/checkin/door`;
  const list = await loadEventPage(slug, path, ({ db, actor }) => doorSessions(db, actor, slug), DESK);
  const [t, locale] = await Promise.all([getTranslations('checkin.door'), getLocale() as Promise<Locale>]);
  const chosen = list.find((s) => s.id === query.session);
  const when = (s: (typeof list)[number]) => formatSpan(s.startsAt, s.endsAt, s.timeZone, pick(s.city, locale), locale);
  return (
    <section>
      <h2>{t('title')}</h2>
      <p className="muted">
        <a href={`/admin/events/${slug}/checkin`}>{t('backToDesk')}</a>
      </p>
      {chosen ? (
        <>
          <h3 data-testid="door-session">{pick(chosen.title, locale)}</h3>
          <p className="muted">
            {when(chosen)} · {pick(chosen.venueName, locale)}
          </p>
          <p>
            <a href={path}>{t('otherSession')}</a>
          </p>
          <DoorScanner
            sessionId={chosen.id}
            initial={{ attended: chosen.attended, capacity: chosen.capacity }}
            submit={scanDoorAction.bind(null, slug)}
            labels={{
              code: t('code'),
              submit: t('submit'),
              outcome: Object.fromEntries(outcomes.map((o) => [o, t.raw(`outcome.${o}`) as string])) as Record<
                (typeof outcomes)[number],
                string
              >,
              count: t.raw('count') as string,
              countNoLimit: t.raw('countNoLimit') as string,
              tooMany: t('tooMany'),
            }}
          />
        </>
      ) : (
        <>
          <p>{t('choose')}</p>
          {list.length === 0 ? (
            <p>{t('none')}</p>
          ) : (
            <ul className="door-sessions" data-testid="door-sessions">
              {list.map((s) => (
                <li key={s.id}>
                  <a href={`${path}?session=${s.id}`}>{pick(s.title, locale)}</a>
                  <br />
                  <span className="muted">
                    {when(s)} · {pick(s.venueName, locale)}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
