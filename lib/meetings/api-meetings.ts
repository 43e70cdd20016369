import { asc, eq } from 'drizzle-orm';
import { meetings, meetingSlots, venues } from '@/db/schema';
import type { Db } from '@/db/types';
import { otherParty } from './other-party';
import { participantById } from './participant';

/**
 * A person's own meetings for the API (GET /api/v1/me/{token}/meetings), both ways and in every
 * state, oldest slot first: the slot as UTC instants with the venue's zone, the other side's name,
 * organisation and country, the table, and the online link once accepted — the caller is one of
 * the meeting's two people, the only ones who may see it. No email or message leaves here. Null
 * when the registration is gone, cancelled or erased (the route answers 404).
 */
export async function apiMyMeetings(db: Db, registrationId: string) {
  const person = await participantById(db, registrationId);
  if (!person || person.erased || person.status === 'cancelled') return null;
  const { other, joinOn, involving } = otherParty(person.id);
  const rows = await db
    .select({
      id: meetings.id,
      requesterId: meetings.requesterId,
      status: meetings.status,
      online: meetings.online,
      tableNo: meetings.tableNo,
      meetingUrl: meetings.meetingUrl,
      outcome: meetings.outcome,
      startsAt: meetingSlots.startsAt,
      endsAt: meetingSlots.endsAt,
      label: meetingSlots.label,
      venueSlug: venues.slug,
      timeZone: venues.timeZone,
      otherName: other.name,
      otherOrganisation: other.organisation,
      otherCountry: other.country,
    })
    .from(meetings)
    .innerJoin(meetingSlots, eq(meetingSlots.id, meetings.slotId))
    .innerJoin(venues, eq(venues.id, meetingSlots.venueId))
    .innerJoin(other, joinOn)
    .where(involving)
    .orderBy(asc(meetingSlots.startsAt), asc(meetings.createdAt), asc(meetings.id));
  return rows.map((r) => ({
    id: r.id,
    direction: r.requesterId === person.id ? ('out' as const) : ('in' as const),
    status: r.status,
    startsAt: r.startsAt.toISOString(),
    endsAt: r.endsAt.toISOString(),
    slotLabel: r.label,
    venue: { slug: r.venueSlug, timeZone: r.timeZone },
    online: r.online,
    table: r.status === 'accepted' ? r.tableNo : null,
    meetingUrl: r.status === 'accepted' ? r.meetingUrl : null,
    outcome: r.outcome,
    with: { name: r.otherName, organisation: r.otherOrganisation, country: r.otherCountry },
  }));
}
