import { alias } from 'drizzle-orm/pg-core';
import { and, asc, count, eq, sql } from 'drizzle-orm';
import { exhibitors, listings, matchmakingProfiles, meetings, meetingSlots, registrations, venues } from '@/db/schema';
import { SECTORS } from '@/db/schema/exhibition';
import { localDate } from '@/lib/time/zones';
import type { LocalizedText } from '@/db/schema/agenda';
import type { Db } from '@/db/types';
import { organiserEvent } from '@/lib/admin/event-access';
import type { Actor } from '@/lib/auth/sessions';

export type SlotRow = {
  id: string;
  label: string;
  venueId: string;
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
  /**
   * What the meeting is about, for the figures: the sector of the listing it was asked through, or
   * else the first sector both people's matchmaking profiles share; null when neither.
   */
  sector: string | null;
  createdAt: Date;
};

export type MeetingStats = {
  byStatus: Record<MeetingRow['status'], number>;
  byOutcome: Record<'mou' | 'follow-up' | 'none', number>;
  tables: number;
  tablesTaken: number;
  /** Country pairs of accepted meetings, alphabetical within a pair ("CN–TH"), most frequent first. */
  countryPairs: { pair: string; count: number }[];
  /** Accepted meetings per day on the venue's clock (the slot's local date), in date order. */
  byDay: { day: string; count: number }[];
  /** Per venue with meeting times: accepted meetings, and tables taken of those offered (online venue: none). */
  byVenue: { venueId: string; venueName: LocalizedText; meetings: number; tables: number; tablesTaken: number; online: boolean }[];
  /** Accepted meetings per sector (see MeetingRow.sector), most first; 'unspecified' for none. */
  bySector: { sector: string; count: number }[];
};

/** Everything the organisers' meetings page and its CSV show: slots with their tables, meetings, figures. */
export async function meetingsOverview(db: Db, actor: Actor | null, slug: string) {
  const event = await organiserEvent(db, actor, slug);
  const slots: SlotRow[] = await db
    .select({
      id: meetingSlots.id,
      label: meetingSlots.label,
      venueId: venues.id,
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
  const requesterProfile = alias(matchmakingProfiles, 'requester_profile');
  const inviteeProfile = alias(matchmakingProfiles, 'invitee_profile');
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
      listingSector: listings.sector,
      rSectors: requesterProfile.sectors,
      iSectors: inviteeProfile.sectors,
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
    .leftJoin(requesterProfile, eq(requesterProfile.registrationId, meetings.requesterId))
    .leftJoin(inviteeProfile, eq(inviteeProfile.registrationId, meetings.inviteeId))
    .where(eq(meetings.eventId, event.id))
    .orderBy(asc(meetings.createdAt), asc(meetings.id));
  const list: MeetingRow[] = rows.map((r) => ({
    id: r.id,
    status: r.status,
    tableNo: r.tableNo,
    online: r.online,
    outcome: r.outcome,
    slotId: r.slotId,
    createdAt: r.createdAt,
    listingTitle: r.listingTitle,
    sector: r.listingSector ?? SECTORS.find((sector) => r.rSectors?.includes(sector) && r.iSectors?.includes(sector)) ?? null,
    requester: { name: r.rName, organisation: r.rOrg, country: r.rCountry },
    invitee: { name: r.iName, organisation: r.iOrg, country: r.iCountry },
  }));
  // The venues a meeting time can be at, in the programme's order; a time at the online venue holds online meetings only.
  const places = await db
    .select({ id: venues.id, name: venues.name, zone: venues.timeZone })
    .from(venues)
    .where(eq(venues.eventId, event.id))
    .orderBy(asc(venues.position));
  return { event, venues: places, slots, meetings: list, stats: meetingStats(slots, list), toModerate: await toModerate(db, event.id) };
}

/** What waits for the organisers in the exhibition: exhibitors to approve and listings to moderate. */
async function toModerate(db: Db, eventId: string) {
  const [pendingExhibitors] = await db
    .select({ n: count() })
    .from(exhibitors)
    .where(and(eq(exhibitors.eventId, eventId), eq(exhibitors.status, 'pending')));
  const [pendingListings] = await db
    .select({ n: count() })
    .from(listings)
    .where(and(eq(listings.eventId, eventId), eq(listings.status, 'pending')));
  return { exhibitors: pendingExhibitors?.n ?? 0, listings: pendingListings?.n ?? 0 };
}

const tally = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);

export function meetingStats(slots: SlotRow[], list: MeetingRow[]): MeetingStats {
  const byStatus = { pending: 0, accepted: 0, declined: 0, cancelled: 0 };
  const byOutcome = { mou: 0, 'follow-up': 0, none: 0 };
  const pairs = new Map<string, number>();
  const days = new Map<string, number>();
  const sectors = new Map<string, number>();
  const slotById = new Map(slots.map((s) => [s.id, s]));
  const venueMeetings = new Map<string, number>();
  for (const m of list) {
    byStatus[m.status] += 1;
    if (m.outcome && m.outcome in byOutcome) byOutcome[m.outcome as keyof typeof byOutcome] += 1;
    if (m.status === 'accepted') {
      tally(pairs, [m.requester.country, m.invitee.country].sort().join('–'));
      tally(sectors, m.sector ?? 'unspecified');
      const slot = slotById.get(m.slotId);
      if (slot) {
        tally(days, localDate(slot.startsAt, slot.zone));
        tally(venueMeetings, slot.venueId);
      }
    }
  }
  const byVenue = new Map<string, MeetingStats['byVenue'][number]>();
  for (const s of slots) {
    const v = byVenue.get(s.venueId) ?? {
      venueId: s.venueId,
      venueName: s.venueName,
      meetings: venueMeetings.get(s.venueId) ?? 0,
      tables: 0,
      tablesTaken: 0,
      online: s.online,
    };
    if (!s.online) v.tables += s.tables;
    v.tablesTaken += s.tablesTaken;
    byVenue.set(s.venueId, v);
  }
  return {
    byStatus,
    byOutcome,
    tables: slots.reduce((n, s) => n + (s.online ? 0 : s.tables), 0),
    tablesTaken: slots.reduce((n, s) => n + s.tablesTaken, 0),
    countryPairs: [...pairs].map(([pair, count]) => ({ pair, count })).sort((a, b) => b.count - a.count || a.pair.localeCompare(b.pair)),
    byDay: [...days].map(([day, count]) => ({ day, count })).sort((a, b) => a.day.localeCompare(b.day)),
    byVenue: [...byVenue.values()],
    bySector: [...sectors]
      .map(([sector, count]) => ({ sector, count }))
      .sort((a, b) => b.count - a.count || a.sector.localeCompare(b.sector)),
  };
}
