import { and, asc, eq, gt, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import {
  exhibitors,
  listings,
  matchmakingProfiles,
  meetingBlocks,
  meetings,
  meetingSlots,
  meetingUnavailability,
  registrations,
  venues,
} from '@/db/schema';
import type { LocalizedText } from '@/db/schema/agenda';
import type { Db } from '@/db/types';
import { publicListingColumns } from '@/lib/exhibition/public-listings';
import { otherParty } from './other-party';
import { MEETING_STATUSES, type Participant } from './participant';
import { suggest, type Candidate, type Suggestion } from './suggestions';

export type SlotChoice = {
  id: string;
  label: string;
  startsAt: Date;
  endsAt: Date;
  zone: string;
  venueName: LocalizedText;
  venueCity: LocalizedText;
};

export type MyMeeting = {
  id: string;
  direction: 'in' | 'out';
  status: 'pending' | 'accepted' | 'declined' | 'cancelled';
  tableNo: number | null;
  online: boolean;
  /** The online meeting's link: this page is one of its two people's, and it exists only once accepted. */
  meetingUrl: string | null;
  outcome: string | null;
  message: string;
  /** Declined by a proposal of another time (shown as such rather than as a plain decline). */
  replaced: boolean;
  slot: SlotChoice;
  other: { name: string; organisation: string; country: string; email: string | null };
  listingTitle: LocalizedText | null;
  /** The exhibitor it was asked of (through one of its listings or of the exhibitor itself). */
  exhibitorName: LocalizedText | null;
};

export type PersonChoice = { id: string; name: string; organisation: string; country: string; sectors: string[] };
export type ListingChoice = { id: string; title: LocalizedText; exhibitorName: LocalizedText; sector: string };
export type ExhibitorChoice = { id: string; name: LocalizedText };

/**
 * What a participant's meetings page shows: their meetings both ways (the other side's email only
 * once accepted), the slots still to come, whom they may ask, and suggestions (listings, exhibitors
 * and people) with their reasons.
 */
export async function myMeetings(db: Db, person: Participant, now = new Date()) {
  const slotColumns = {
    id: meetingSlots.id,
    label: meetingSlots.label,
    startsAt: meetingSlots.startsAt,
    endsAt: meetingSlots.endsAt,
    zone: venues.timeZone,
    venueName: venues.name,
    venueCity: venues.city,
  };
  const slots: SlotChoice[] = await db
    .select(slotColumns)
    .from(meetingSlots)
    .innerJoin(venues, eq(venues.id, meetingSlots.venueId))
    .where(and(eq(meetingSlots.eventId, person.eventId), gt(meetingSlots.startsAt, now)))
    .orderBy(asc(meetingSlots.startsAt), asc(venues.name));

  const { other, joinOn, involving } = otherParty(person.id);
  const rows = await db
    .select({
      id: meetings.id,
      requesterId: meetings.requesterId,
      status: meetings.status,
      tableNo: meetings.tableNo,
      online: meetings.online,
      meetingUrl: meetings.meetingUrl,
      replacedBy: meetings.replacedBy,
      outcome: meetings.outcome,
      message: meetings.message,
      listingTitle: listings.title,
      exhibitorName: exhibitors.name,
      slot: slotColumns,
      otherName: other.name,
      otherOrg: other.organisation,
      otherCountry: other.country,
      otherEmail: other.email,
    })
    .from(meetings)
    .innerJoin(meetingSlots, eq(meetingSlots.id, meetings.slotId))
    .innerJoin(venues, eq(venues.id, meetingSlots.venueId))
    .innerJoin(other, joinOn)
    .leftJoin(listings, eq(listings.id, meetings.listingId))
    .leftJoin(exhibitors, eq(exhibitors.id, meetings.exhibitorId))
    .where(involving)
    .orderBy(asc(meetingSlots.startsAt), asc(meetings.createdAt));
  const mine: MyMeeting[] = rows.map((r) => ({
    id: r.id,
    direction: r.requesterId === person.id ? 'out' : 'in',
    status: r.status,
    tableNo: r.tableNo,
    online: r.online,
    meetingUrl: r.status === 'accepted' ? r.meetingUrl : null,
    outcome: r.outcome,
    message: r.message,
    replaced: r.replacedBy !== null,
    slot: r.slot,
    listingTitle: r.listingTitle,
    exhibitorName: r.exhibitorName,
    // Private contact details only once both agreed to meet.
    other: { name: r.otherName, organisation: r.otherOrg, country: r.otherCountry, email: r.status === 'accepted' ? r.otherEmail : null },
  }));

  const people: PersonChoice[] = await db
    .select({
      id: registrations.id,
      name: registrations.name,
      organisation: registrations.organisation,
      country: registrations.country,
      sectors: matchmakingProfiles.sectors,
      interests: matchmakingProfiles.interests,
    })
    .from(matchmakingProfiles)
    .innerJoin(registrations, eq(registrations.id, matchmakingProfiles.registrationId))
    .where(
      and(
        eq(matchmakingProfiles.eventId, person.eventId),
        ne(registrations.id, person.id),
        inArray(registrations.status, [...MEETING_STATUSES]),
        sql`${registrations.erasedAt} is null`,
      ),
    )
    .orderBy(asc(registrations.name))
    .then((list) => list.map(({ interests: _interests, ...p }) => p));
  const interestsById = new Map(
    (
      await db
        .select({ id: matchmakingProfiles.registrationId, interests: matchmakingProfiles.interests })
        .from(matchmakingProfiles)
        .where(eq(matchmakingProfiles.eventId, person.eventId))
    ).map((p) => [p.id, p.interests]),
  );

  const listingRows = await db
    .select({
      id: listings.id,
      title: listings.title,
      summary: listings.summary,
      sector: listings.sector,
      countries: listings.countries,
      exhibitorName: publicListingColumns.authorName,
      exhibitorSectors: sql<string[]>`coalesce(${exhibitors.sectors}, '{}'::text[])`,
    })
    .from(listings)
    .leftJoin(exhibitors, eq(exhibitors.id, listings.exhibitorId))
    .leftJoin(registrations, eq(registrations.id, listings.authorRegistrationId))
    .where(
      and(
        eq(listings.eventId, person.eventId),
        eq(listings.status, 'published'),
        // An exhibitor's listing is asked through its contact person; an attendee's through its author (not oneself).
        or(
          and(eq(exhibitors.status, 'approved'), ne(exhibitors.contactEmail, '')),
          and(
            inArray(registrations.status, [...MEETING_STATUSES]),
            isNull(registrations.erasedAt),
            ne(listings.authorRegistrationId, person.id),
          ),
        ),
      ),
    )
    .orderBy(asc(listings.createdAt));
  const listingChoices: ListingChoice[] = listingRows.map((l) => ({
    id: l.id,
    title: l.title,
    exhibitorName: l.exhibitorName,
    sector: l.sector,
  }));

  // An exhibitor is asked through its contact person, as its listings are (request-meeting.ts).
  const exhibitorRows = await db
    .select({
      id: exhibitors.id,
      name: exhibitors.name,
      description: exhibitors.description,
      sectors: exhibitors.sectors,
      contactEmail: exhibitors.contactEmail,
    })
    .from(exhibitors)
    .where(and(eq(exhibitors.eventId, person.eventId), eq(exhibitors.status, 'approved'), ne(exhibitors.contactEmail, '')))
    .orderBy(asc(exhibitors.slug));
  const exhibitorChoices: ExhibitorChoice[] = exhibitorRows.map(({ id, name }) => ({ id, name }));

  let suggestions: Suggestion[] = [];
  if (person.profile) {
    const candidates: Candidate[] = [
      ...listingRows.map((l) => ({
        key: `listing:${l.id}`,
        sectors: [...new Set([l.sector, ...l.exhibitorSectors])],
        countries: l.countries,
        text: `${Object.values(l.title).join(' ')} ${Object.values(l.summary).join(' ')}`,
      })),
      // An exhibitor itself, for someone its sectors or its description's words fit (asked through its
      // contact person, who is not suggested their own).
      ...exhibitorRows
        .filter((x) => x.contactEmail.toLowerCase() !== person.email.toLowerCase())
        .map((x) => ({
          key: `exhibitor:${x.id}`,
          sectors: x.sectors,
          countries: [],
          text: `${Object.values(x.name).join(' ')} ${Object.values(x.description).join(' ')}`,
        })),
      ...people.map((p) => ({ key: `person:${p.id}`, sectors: p.sectors, countries: [], text: interestsById.get(p.id) ?? '' })),
    ];
    suggestions = suggest({ sectors: person.profile.sectors, country: person.country, interests: person.profile.interests }, candidates);
  }
  const unavailable = (
    await db
      .select({ slotId: meetingUnavailability.slotId })
      .from(meetingUnavailability)
      .where(eq(meetingUnavailability.registrationId, person.id))
  ).map((u) => u.slotId);
  const blocked = await db
    .select({ id: registrations.id, name: registrations.name, organisation: registrations.organisation })
    .from(meetingBlocks)
    .innerJoin(registrations, eq(registrations.id, meetingBlocks.blockedId))
    .where(eq(meetingBlocks.blockerId, person.id))
    .orderBy(asc(registrations.name));
  return { slots, meetings: mine, people, listings: listingChoices, exhibitors: exhibitorChoices, suggestions, unavailable, blocked };
}
