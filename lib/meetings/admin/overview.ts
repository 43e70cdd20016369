import { alias } from 'drizzle-orm/pg-core';
import { asc, eq, sql } from 'drizzle-orm';
import { listings, meetings, meetingSlots, registrations, venues } from '@/db/schema';
import type { LocalizedText } from '@/db/schema/agenda';
import type { Db } from '@/db/types';
import { organiserEvent } from '@/lib/admin/event-access';
import type { Actor } from '@/lib/auth/sessions';

export type SlotRow = {
  id: string;
  label: string;
  venueName: LocalizedText;
  venueCity: LocalizedText;
  zone: string;
  startsAt: Date;
  endsAt: Date;
  tables: number;
  tablesTaken: number;
  /** At the online venue: its meetings are all online and take no table. */
  online: boolean;
};

export type MeetingRow = {
  id: string;
  status: 'pending' | 'accepted' | 'declined' | 'cancelled';
  tableNo: number | null;
  /** Online or at a table; the meeting's link is not here: only its two people see it. */
  online: boolean;
  outcome: string | null;
  slotId: string;
  requester: { name: string; organisation: string; country: string };
  invitee: { name: string; organisation: string; country: string };
  listingTitle: LocalizedText | null;
  createdAt: Date;
};

export type MeetingStats = {
  byStatus: Record<MeetingRow['status'], number>;
  byOutcome: Record<'mou' | 'follow-up' | 'none', number>;
  tables: number;
  tablesTaken: number;
  /** Country pairs of accepted meetings, alphabetical within a pair ("CN–TH"), most frequent first. */
  countryPairs: { pair: string; count: number }[];
};

/** Everything the organisers' meetings page and its CSV show: slots with their tables, meetings, figures. */
export async function meetingsOverview(db: Db, actor: Actor | null, slug: string) {
  const event = await organiserEvent(db, actor, slug);
  const slots: SlotRow[] = await db
    .select({
      id: meetingSlots.id,
      label: meetingSlots.label,
      venueName: venues.name,
      venueCity: venues.city,
      zone: venues.timeZone,
      startsAt: meetingSlots.startsAt,
      endsAt: meetingSlots.endsAt,
      tables: meetingSlots.tables,
      tablesTaken: meetingSlots.tablesTaken,
      online: sql<boolean>`${venues.kind} = 'online'`,
    })
    .from(meetingSlots)
    .innerJoin(venues, eq(venues.id, meetingSlots.venueId))
    .where(eq(meetingSlots.eventId, event.id))
    .orderBy(asc(meetingSlots.startsAt), asc(venues.name));
  const requester = alias(registrations, 'requester');
  const invitee = alias(registrations, 'invitee');
  const rows = await db
    .select({
      id: meetings.id,
      status: meetings.status,
      tableNo: meetings.tableNo,
      online: meetings.online,
      outcome: meetings.outcome,
      slotId: meetings.slotId,
      createdAt: meetings.createdAt,
      listingTitle: listings.title,
      rName: requester.name,
      rOrg: requester.organisation,
      rCountry: requester.country,
      iName: invitee.name,
      iOrg: invitee.organisation,
      iCountry: invitee.country,
    })
    .from(meetings)
    .innerJoin(requester, eq(requester.id, meetings.requesterId))
    .innerJoin(invitee, eq(invitee.id, meetings.inviteeId))
    .leftJoin(listings, eq(listings.id, meetings.listingId))
    .where(eq(meetings.eventId, event.id))
    .orderBy(asc(meetings.createdAt));
  const list: MeetingRow[] = rows.map((r) => ({
    id: r.id,
    status: r.status,
    tableNo: r.tableNo,
    online: r.online,
    outcome: r.outcome,
    slotId: r.slotId,
    createdAt: r.createdAt,
    listingTitle: r.listingTitle,
    requester: { name: r.rName, organisation: r.rOrg, country: r.rCountry },
    invitee: { name: r.iName, organisation: r.iOrg, country: r.iCountry },
  }));
  // The venues a meeting time can be at, in the programme's order; a time at the online venue holds online meetings only.
  const places = await db
    .select({ id: venues.id, name: venues.name, zone: venues.timeZone })
    .from(venues)
    .where(eq(venues.eventId, event.id))
    .orderBy(asc(venues.position));
  return { event, venues: places, slots, meetings: list, stats: meetingStats(slots, list) };
}

export function meetingStats(slots: SlotRow[], list: MeetingRow[]): MeetingStats {
  const byStatus = { pending: 0, accepted: 0, declined: 0, cancelled: 0 };
  const byOutcome = { mou: 0, 'follow-up': 0, none: 0 };
  const pairs = new Map<string, number>();
  for (const m of list) {
    byStatus[m.status] += 1;
    if (m.outcome && m.outcome in byOutcome) byOutcome[m.outcome as keyof typeof byOutcome] += 1;
    if (m.status === 'accepted') {
      const pair = [m.requester.country, m.invitee.country].sort().join('–');
      pairs.set(pair, (pairs.get(pair) ?? 0) + 1);
    }
  }
  return {
    byStatus,
    byOutcome,
    tables: slots.reduce((n, s) => n + (s.online ? 0 : s.tables), 0),
    tablesTaken: slots.reduce((n, s) => n + s.tablesTaken, 0),
    countryPairs: [...pairs].map(([pair, count]) => ({ pair, count })).sort((a, b) => b.count - a.count || a.pair.localeCompare(b.pair)),
  };
}
