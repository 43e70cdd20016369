import { DataTable } from '@/components/admin/data-table';
import { localizedFormValues } from '@/lib/validation/localized-text-input';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { VenueAgendaNav } from '@/components/admin/venue-agenda-nav';
import { VenueForm } from '@/components/admin/venue-form';
import { RoomForm } from '@/components/admin/venue-room-form';
import { type PageProps, loadEventPage, pageInput } from '@/lib/edge/page';
import { countryOptions, timeZoneOptions } from '@/lib/admin/form-options';
import { venueForEdit } from '@/lib/agenda/admin/venue-for-edit';
import type { Locale } from '@/lib/i18n/locales';
import { pick } from '@/lib/i18n/text';
import { deleteRoomAction, saveRoomAction, saveVenueAction } from '../actions';
import { queryErrorField } from '@/lib/validation/query-error';
import { validationWords } from '@/lib/validation/server-words';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Venue', robots: { index: false } };

const querySchema = z.object({
  done: z.enum(['created', 'room-deleted']).optional().catch(undefined),
  'in-use': z.uuid().optional().catch(undefined),
  error: queryErrorField,
});

export default async function VenuePage(props: PageProps<{ slug: string; venueId: string }>) {
  const { slug, venueId, query } = await pageInput(props, querySchema);
  const list = `/admin/events/${slug}/agenda/venues`;
  if (!z.uuid().safeParse(venueId).success) notFound();
  const edit = await loadEventPage(slug, `${list}/${venueId}`, ({ db, actor }) => venueForEdit(db, actor, slug, venueId));
  if (!edit.venue) notFound();
  const [t, locale] = await Promise.all([getTranslations('adminVenues'), getLocale() as Promise<Locale>]);
  const { venue, rooms } = edit;
  const refusedRoom = query['in-use'] ? rooms.find((r) => r.id === query['in-use']) : undefined;

  return (
    <>
      <VenueAgendaNav eventSlug={slug} current="venues" />
      <p>
        <a href={list}>← {t('venue.back')}</a>
      </p>
      <h2 data-testid="venue-title">
        {t('venue.editTitle')}: {pick(venue.name, locale)}
      </h2>
      {query.done === 'created' && (
        <p className="notice ok" role="status">
          {t('venue.created')}
        </p>
      )}
      <VenueForm
        eventSlug={slug}
        venueId={venue.id}
        defaults={edit.values}
        zones={timeZoneOptions(venue.timeZone)}
        countries={countryOptions(locale)}
        sessionCount={edit.sessionCount}
        confirmedCount={venue.confirmedCount}
        action={saveVenueAction}
      />

      <h3 id="rooms">{t('rooms.title')}</h3>
      {query.done === 'room-deleted' && (
        <p className="notice ok" role="status">
          {t('rooms.deleted')}
        </p>
      )}
      {refusedRoom && (
        <div className="notice bad" role="alert" data-testid="room-in-use">
          <p style={{ marginTop: 0 }}>{t('rooms.inUse', { room: pick(refusedRoom.name, locale), count: refusedRoom.sessions.length })}</p>
          <ul>
            {refusedRoom.sessions.map((s) => (
              <li key={s.id}>{pick(s.title, locale)}</li>
            ))}
          </ul>
        </div>
      )}
      {query.error && (
        <p className="notice bad" role="alert">
          {t('notSaved', { message: (await validationWords())(query.error) })}
        </p>
      )}
      <DataTable
        caption={t('rooms.title')}
        testId="room-list"
        rows={rooms}
        rowKey={(room) => room.id}
        rowData={(room) => ({ 'data-room': room.name.en })}
        empty={<p>{t('rooms.none')}</p>}
        columns={[
          { key: 'room', header: t('rooms.columns.room'), cell: (room) => pick(room.name, locale) },
          { key: 'capacity', header: t('rooms.columns.capacity'), numeric: true, cell: (room) => room.capacity },
          {
            key: 'usedBy',
            header: t('rooms.columns.usedBy'),
            cell: (room) =>
              room.sessions.length === 0 ? (
                <span className="muted">{t('rooms.unused')}</span>
              ) : (
                <details>
                  <summary>{t('rooms.usedBy', { count: room.sessions.length })}</summary>
                  <ul>
                    {room.sessions.map((s) => (
                      <li key={s.id}>{pick(s.title, locale)}</li>
                    ))}
                  </ul>
                </details>
              ),
          },
          {
            key: 'edit',
            header: <span className="muted">{t('rooms.edit')}</span>,
            cell: (room) => (
              <details>
                <summary>{t('rooms.edit')}</summary>
                <RoomForm
                  eventSlug={slug}
                  venueId={venue.id}
                  roomId={room.id}
                  defaults={{ name: localizedFormValues(room.name), capacity: String(room.capacity) }}
                  action={saveRoomAction}
                />
                <form action={deleteRoomAction.bind(null, slug, venue.id, room.id)} style={{ marginTop: '.75rem' }}>
                  <button className="button danger small" type="submit">
                    {t('rooms.delete')}
                  </button>
                </form>
              </details>
            ),
          },
        ]}
      />
      <section className="card" aria-labelledby="add-room" style={{ marginTop: '1rem' }}>
        <h4 id="add-room" style={{ marginTop: 0 }}>
          {t('rooms.add')}
        </h4>
        <RoomForm
          eventSlug={slug}
          venueId={venue.id}
          roomId={null}
          defaults={{ name: localizedFormValues(null), capacity: '' }}
          action={saveRoomAction}
        />
      </section>
    </>
  );
}
