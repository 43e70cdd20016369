import { agendaRoute } from '@/lib/edge/route';
import { localeOrDefault } from '@/lib/i18n/locales';
import { errorResponse } from '@/lib/errors/http';
import { invalid } from '@/lib/errors/result';
import { parseAgendaQuery } from '@/lib/agenda/query';
import { venueAgendas } from '@/lib/agenda/venue-agenda';
import { agendaFeed, icsResponse } from '@/lib/agenda/agenda-feed';
import { pick } from '@/lib/i18n/text';
import { fieldWords } from '@/lib/validation/field-words';
import { vmsg } from '@/lib/validation/message';

export const dynamic = 'force-dynamic';

/** The whole programme, or one venue's (?venue=tokyo), as an iCalendar feed. */
export const GET = agendaRoute(async ({ request, agenda }) => {
  const query = parseAgendaQuery(Object.fromEntries(request.nextUrl.searchParams));
  const locale = localeOrDefault(request.nextUrl.searchParams.get('lang'));
  const venue = query.venue ? agenda.venues.find((v) => v.slug === query.venue) : undefined;
  if (query.venue && !venue) return errorResponse(invalid(fieldWords({ venue: vmsg('venueNotOnSite') }, locale)));
  const entries = venueAgendas(agenda, { venue: query.venue, segment: query.segment, kind: query.kind, language: query.language });
  const calName = `${pick(agenda.event.name, locale)}${venue ? ` · ${pick(venue.city, locale)}` : ''}`;
  return icsResponse(agendaFeed(agenda, entries, { calName, locale }), `${agenda.event.slug}${venue ? `-${venue.slug}` : ''}.ics`);
});
