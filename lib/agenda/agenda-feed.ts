import type { EventAttributes } from 'ics';
import type { PublicAgenda } from './public-agenda';
import type { AgendaEntry } from './venue-agenda';
import { appEnv } from '@/lib/config/env';
import { pick } from '@/lib/i18n/text';
import { utcSpan } from '@/lib/calendar/utc-span';
import { ICS_PRODUCT_ID, writeCalendar } from '@/lib/calendar/write-calendar';

/** The iCalendar text for agenda entries; UTC times, so no VTIMEZONE is needed. */
export function agendaFeed(agenda: PublicAgenda, entries: AgendaEntry[], options: { calName: string; locale: string }): string {
  const base = appEnv().appUrl;
  const seen = new Set<string>();
  const events: EventAttributes[] = [];
  for (const entry of entries) {
    // A relayed session is one event: the same UID wherever it is watched.
    if (seen.has(entry.session.id)) continue;
    seen.add(entry.session.id);
    const { session, origin } = entry;
    const room = agenda.rooms.find((r) => r.id === session.roomId);
    const speakers = session.speakers
      .map((s) => agenda.speakers.find((p) => p.id === s.speakerId)?.name)
      .filter(Boolean)
      .join(', ');
    events.push({
      uid: `${session.id}@hybrid-forum`,
      sequence: session.revision,
      ...utcSpan(session.startsAt, session.endsAt),
      title: pick(session.title, options.locale),
      description: [pick(session.description, options.locale), speakers].filter(Boolean).join('\n\n'),
      location: [room ? pick(room.name, options.locale) : null, pick(origin.name, options.locale), pick(origin.city, options.locale)]
        .filter(Boolean)
        .join(', '),
      url: `${base}/events/${agenda.event.slug}/sessions/${session.slug}`,
      status: session.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
      categories: [session.kind],
      productId: ICS_PRODUCT_ID,
    });
  }
  return writeCalendar(events, { productId: ICS_PRODUCT_ID, calName: options.calName, method: 'PUBLISH' });
}

export function icsResponse(body: string, filename: string): Response {
  return new Response(body, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename.replace(/[^a-z0-9._-]/gi, '-')}"`,
      'Cache-Control': 'public, max-age=60',
    },
  });
}
