import { getLocale, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { CloneEventForm } from '@/components/admin/clone-event-form';
import { EventSettingsForm } from '@/components/admin/event-settings-form';
import { timeZoneOptions } from '@/lib/admin/form-options';
import { eventSettingsValues } from '@/lib/events/admin/update-event-settings';
import { retentionPreview } from '@/lib/retention/retention';
import { type PageProps, loadEventPage } from '@/lib/edge/page';
import { lifecycleView } from '@/lib/events/admin/lifecycle-view';
import { formatDay, formatTimeWithZone, zonePlace } from '@/lib/format/datetime';
import type { Locale } from '@/lib/i18n/locales';
import { addDays, localDate } from '@/lib/time/zones';
import { changeEventPhaseAction, cloneEventAction, saveEventSettingsAction } from './actions';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Event status and editions', robots: { index: false } };

const count = z.coerce.number().int().min(0).max(1_000_000).optional().catch(undefined);
const querySchema = z.object({
  done: z.enum(['created', 'cloned', 'publish', 'open-registration', 'close-registration', 'archive']).optional().catch(undefined),
  refused: z.enum(['not-allowed-now', 'programme-unpublished']).optional().catch(undefined),
  from: z.string().max(80).optional().catch(undefined),
  venues: count,
  rooms: count,
  speakers: count,
  sessions: count,
  relays: count,
  members: count,
});

export default async function EventSettingsPage(props: PageProps<{ slug: string }>) {
  const { slug } = await props.params;
  const base = `/admin/events/${slug}`;
  const [view, settings, retention] = await loadEventPage(slug, `${base}/settings`, ({ db, actor }) =>
    Promise.all([lifecycleView(db, actor, slug), eventSettingsValues(db, actor, slug), retentionPreview(db, actor, slug)]),
  );
  const query = querySchema.parse(await props.searchParams);
  const [t, locale] = await Promise.all([getTranslations('adminEvents'), getLocale() as Promise<Locale>]);
  const when = (instant: Date) =>
    `${formatDay(instant, view.timeZone, locale)} ${formatTimeWithZone(instant, view.timeZone, zonePlace(view.timeZone))}`;
  const nextYear = addDays(localDate(view.startsAt, view.timeZone), 364);

  return (
    <>
      <h2>{t('status.title')}</h2>
      {query.done === 'cloned' && (
        <p className="notice ok" role="status" data-testid="cloned">
          {t('clone.done', {
            from: query.from ?? '',
            sessions: query.sessions ?? 0,
            venues: query.venues ?? 0,
            rooms: query.rooms ?? 0,
            speakers: query.speakers ?? 0,
            relays: query.relays ?? 0,
            members: query.members ?? 0,
          })}
        </p>
      )}
      {query.done && query.done !== 'cloned' && (
        <p className="notice ok" role="status" data-testid="phase-done">
          {t(`status.done.${query.done}`)}
        </p>
      )}
      {query.refused && (
        <p className="notice bad" role="alert" data-testid="phase-refused">
          {t(`status.refused.${query.refused}`)}
        </p>
      )}
      <section className="card" data-testid="event-phase" data-phase={view.phase}>
        <p>
          <strong>{t(`status.phases.${view.phase}`)}</strong>
        </p>
        <p className="muted">{t(`status.explain.${view.phase}`)}</p>
        {view.registrationOpensAt && <p>{t('status.opensAt', { when: when(view.registrationOpensAt) })}</p>}
        {view.registrationClosesAt && <p>{t('status.closesAt', { when: when(view.registrationClosesAt) })}</p>}
        {view.phase === 'draft' && view.programmeVersion === 0 && (
          <p>
            {t('status.programmeFirst')} <a href={`${base}/agenda`}>{t('status.toAgenda')}</a>
          </p>
        )}
        <div className="actions">
          {view.steps.map((step) => (
            <form key={step} action={changeEventPhaseAction.bind(null, slug, step)}>
              <button type="submit" className={step === 'archive' ? 'button secondary' : 'button'}>
                {t(`status.steps.${step}`)}
              </button>
            </form>
          ))}
        </div>
      </section>

      <h2>{t('settings.title')}</h2>
      <p className="muted" data-testid="retention-preview">
        {retention.dueAt
          ? t('settings.retentionDue', { count: retention.toErase, when: when(retention.dueAt) })
          : t('settings.retentionOff')}{' '}
        {retention.erased > 0 && t('settings.retentionErased', { count: retention.erased })}
      </p>
      <EventSettingsForm
        eventSlug={slug}
        defaults={settings}
        zones={timeZoneOptions(settings.timeZone)}
        sessionCount={view.sessionCount}
        action={saveEventSettingsAction}
      />

      {view.canClone && (
        <>
          <h2>{t('clone.title')}</h2>
          <section className="card">
            <p className="muted">{t('clone.intro')}</p>
            <CloneEventForm eventSlug={slug} defaults={{ firstDay: nextYear }} action={cloneEventAction} />
          </section>
        </>
      )}
    </>
  );
}
