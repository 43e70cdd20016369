import { and, eq, sql } from 'drizzle-orm';
import { exhibitors, listings, meetingHolds, meetings, registrations } from '@/db/schema';
import type { Db } from '@/db/types';
import { invalid, ok, type Result } from '@/lib/errors/result';
import { parseInput } from '@/lib/validation/field-errors';
import { vmsg } from '@/lib/validation/message';
import { queueMeetingMail } from './meeting-mail';
import { lockRequester, overRequestLimit, type RequesterLock, refusedByInvitee } from './request-limits';
import { mayMeet, participantById, type Participant } from './participant';
import { type MeetingTargetKind, meetingRequestSchema } from './request-schema';
import { lockParties } from './party-lock';
import { lockSlot, type SlotLock } from './slot-lock';

export type MeetingRequestOptions = { now?: Date; slotLock?: SlotLock; requesterLock?: RequesterLock };

/**
 * `requesterId` asks for a meeting at a slot: with another participant who opted in, or about a
 * published listing: with its attendee author, or with the contact person of its exhibitor. The request holds the slot for both people at
 * once (a pending request blocks it on both sides), under the slot's lock; the invitee gets a mail.
 */
export async function requestMeeting(
  db: Db,
  requesterId: string,
  values: unknown,
  options: MeetingRequestOptions = {},
): Promise<Result<{ id: string }>> {
  const now = options.now ?? new Date();
  const parsed = parseInput(meetingRequestSchema, values);
  if (!parsed.ok) return parsed;
  const input = parsed.value;
  const requester = await participantById(db, requesterId);
  if (!requester || requester.erased || !mayMeet(requester.status)) return invalid({ with: vmsg('meetingNotConfirmed') });
  if (!requester.profile) return invalid({ with: vmsg('meetingNotOptedIn') });

  const target = await resolveTarget(db, requester, input.with);
  if (!target.ok) return target;
  const { invitee, listingId, exhibitorId } = target;
  if (invitee.id === requester.id) return invalid({ with: vmsg('meetingSelf') });

  const refused = await refusedByInvitee(db, requester.id, invitee.id, now);
  if (refused) return refused;

  return db.transaction(async (tx): Promise<Result<{ id: string }>> => {
    // Both registrations first (party-lock.ts): a cancellation that got there before is seen here.
    if (!(await lockParties(tx, [requester.id, invitee.id])).allMayMeet) return invalid({ with: vmsg('meetingWith') });
    // The requester's own lock next, then the slot's: their counts see every request they made before.
    await (options.requesterLock ?? lockRequester)(tx, requester.id);
    const over = await overRequestLimit(tx, requester.id, now);
    if (over) return over;
    const slot = await (options.slotLock ?? lockSlot)(tx, input.slotId);
    if (!slot || slot.eventId !== requester.eventId || slot.startsAt <= now) return invalid({ slotId: vmsg('meetingSlot') });
    if (slot.heldAtThisTime.has(requester.id)) return invalid({ slotId: vmsg('meetingYouBusy') });
    if (slot.heldAtThisTime.has(invitee.id)) return invalid({ slotId: vmsg('meetingTheyBusy') });
    if (slot.unavailable.has(requester.id)) return invalid({ slotId: vmsg('meetingYouUnavailable') });
    if (slot.unavailable.has(invitee.id)) return invalid({ slotId: vmsg('meetingTheyUnavailable') });
    const online = meetsOnline(input.online, slot, requester, invitee);
    const [row] = await tx
      .insert(meetings)
      .values({
        eventId: requester.eventId,
        slotId: slot.id,
        requesterId: requester.id,
        inviteeId: invitee.id,
        listingId,
        exhibitorId,
        message: input.message,
        online,
        createdAt: now,
      })
      .returning({ id: meetings.id });
    // The primary key (slot, person) has the last word: nobody is held twice at one slot.
    await tx.insert(meetingHolds).values([
      { slotId: slot.id, registrationId: requester.id, meetingId: row!.id },
      { slotId: slot.id, registrationId: invitee.id, meetingId: row!.id },
    ]);
    await queueMeetingMail(
      tx,
      'requested',
      { id: row!.id, slot, tableNo: null, online, meetingUrl: null, message: input.message },
      invitee,
      requester,
    );
    return ok({ id: row!.id });
  });
}

/**
 * A meeting is at a table only when both people are on site at the slot's venue and nobody asked
 * for it online; an online attendee, a pair at two venues, or a slot of the online venue meets online.
 */
export function meetsOnline(
  asked: boolean,
  slot: { venueId: string; venueOnline: boolean },
  requester: { venueId: string | null },
  invitee: { venueId: string | null },
): boolean {
  return asked || slot.venueOnline || requester.venueId !== slot.venueId || invitee.venueId !== slot.venueId;
}

type Target = { ok: true; invitee: Participant; listingId: string | null; exhibitorId: string | null };

async function resolveTarget(
  db: Db,
  requester: Participant,
  target: { kind: MeetingTargetKind; id: string },
): Promise<Target | ReturnType<typeof invalid>> {
  if (target.kind === 'person') {
    const invitee = await participantById(db, target.id);
    // Someone of another event, not confirmed, or not taking part: the same answer, so nobody learns who is registered.
    if (!invitee || invitee.eventId !== requester.eventId || invitee.erased || !mayMeet(invitee.status) || !invitee.profile)
      return invalid({ with: vmsg('meetingWith') });
    return { ok: true, invitee, listingId: null, exhibitorId: null };
  }
  if (target.kind === 'exhibitor') return exhibitorTarget(db, requester, target.id);
  const [listing] = await db
    .select({
      id: listings.id,
      exhibitorId: listings.exhibitorId,
      authorRegistrationId: listings.authorRegistrationId,
      exhibitorStatus: exhibitors.status,
      contactEmail: exhibitors.contactEmail,
    })
    .from(listings)
    .leftJoin(exhibitors, eq(exhibitors.id, listings.exhibitorId))
    .where(and(eq(listings.id, target.id), eq(listings.eventId, requester.eventId), eq(listings.status, 'published')));
  if (!listing) return invalid({ with: vmsg('meetingWith') });
  // An attendee's listing is answered by its author, through their own registration (they need not join matchmaking).
  if (listing.authorRegistrationId) {
    const author = await participantById(db, listing.authorRegistrationId);
    if (!author || author.erased || author.eventId !== requester.eventId || !mayMeet(author.status))
      return invalid({ with: vmsg('meetingWith') });
    return { ok: true, invitee: author, listingId: listing.id, exhibitorId: null };
  }
  if (listing.exhibitorStatus !== 'approved' || !listing.contactEmail) return invalid({ with: vmsg('meetingWith') });
  const invitee = await exhibitorContact(db, requester.eventId, listing.contactEmail);
  if (!invitee) return invalid({ with: vmsg('meetingWith') });
  return { ok: true, invitee, listingId: listing.id, exhibitorId: listing.exhibitorId };
}

/** An approved exhibitor of the requester's event, asked about no listing in particular: its contact person answers. */
async function exhibitorTarget(db: Db, requester: Participant, exhibitorId: string): Promise<Target | ReturnType<typeof invalid>> {
  const [exhibitor] = await db
    .select({ id: exhibitors.id, contactEmail: exhibitors.contactEmail })
    .from(exhibitors)
    .where(and(eq(exhibitors.id, exhibitorId), eq(exhibitors.eventId, requester.eventId), eq(exhibitors.status, 'approved')));
  const invitee = exhibitor?.contactEmail ? await exhibitorContact(db, requester.eventId, exhibitor.contactEmail) : null;
  if (!invitee) return invalid({ with: vmsg('meetingWith') });
  return { ok: true, invitee, listingId: null, exhibitorId: exhibitor!.id };
}

/** The exhibitor's contact person answers for it, through their own confirmed (or checked-in), not erased registration. */
async function exhibitorContact(db: Db, eventId: string, contactEmail: string): Promise<Participant | null> {
  const [contact] = await db
    .select({ id: registrations.id })
    .from(registrations)
    .where(
      and(
        eq(registrations.eventId, eventId),
        eq(sql`lower(${registrations.email})`, contactEmail.toLowerCase()),
        sql`${registrations.status} in ('confirmed', 'checked_in')`,
      ),
    );
  const invitee = contact ? await participantById(db, contact.id) : null;
  return invitee && !invitee.erased ? invitee : null;
}
