import { DESK } from '@/lib/auth/authorize';
import { and, eq, sql } from 'drizzle-orm';
import { registrations, venues, type LocalizedText } from '@/db/schema';
import type { Db } from '@/db/types';
import { eventAccess } from '@/lib/admin/event-access';
import { recordAudit } from '@/lib/audit/record-audit';
import type { Actor } from '@/lib/auth/sessions';
import { registrationIdFromTicket } from '@/lib/tickets/ticket';

export type CheckInPerson = {
  name: string;
  organisation: string;
  country: string;
  participantType: string;
  venue: { slug: string; name: LocalizedText; timeZone: string } | null;
};

/** What a scan finds; every outcome is an answer for the desk, none of them a failure. */
export type CheckInOutcome =
  | { outcome: 'checked-in'; person: CheckInPerson; at: Date }
  | { outcome: 'already'; person: CheckInPerson; at: Date }
  | { outcome: 'other-venue'; person: CheckInPerson }
  | { outcome: 'not-admitted'; person: CheckInPerson; status: 'waitlisted' | 'pending' | 'cancelled' | 'online' }
  | { outcome: 'unknown-code' };

/**
 * Admits the holder of a ticket once. Staff limited to one venue admit only that venue's
 * registrants; a second scan says when the person was first admitted. The conditional update makes
 * two desks scanning the same ticket at once record one check-in.
 */
export async function checkIn(db: Db, actor: Actor | null, slug: string, code: string, now = new Date()): Promise<CheckInOutcome> {
  const access = await eventAccess(db, actor, slug, DESK);
  const registrationId = registrationIdFromTicket(code);
  if (!registrationId) return { outcome: 'unknown-code' };
  // Organisers (and staff with an event-wide membership) may admit at any venue.
  const anyVenue = access.roles.includes('organiser') || access.venueIds.includes(null);

  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ registration: registrations, venue: venues })
      .from(registrations)
      .leftJoin(venues, eq(registrations.venueId, venues.id))
      .where(and(eq(registrations.id, registrationId), eq(registrations.eventId, access.event.id)));
    if (!row) return { outcome: 'unknown-code' as const };
    const { registration, venue } = row;
    const person: CheckInPerson = {
      name: registration.name,
      organisation: registration.organisation,
      country: registration.country,
      participantType: registration.participantType,
      venue: venue ? { slug: venue.slug, name: venue.name, timeZone: venue.timeZone } : null,
    };
    if (registration.mode === 'online') return { outcome: 'not-admitted' as const, person, status: 'online' as const };
    if (!anyVenue && !access.venueIds.includes(registration.venueId)) return { outcome: 'other-venue' as const, person };
    if (registration.status === 'cancelled' || registration.status === 'waitlisted' || registration.status === 'pending')
      return { outcome: 'not-admitted' as const, person, status: registration.status };

    const [admitted] = await tx
      .update(registrations)
      .set({ status: 'checked_in', checkedInAt: now, checkedInBy: actor!.userId, updatedAt: now })
      .where(and(eq(registrations.id, registrationId), eq(registrations.status, 'confirmed'), sql`${registrations.checkedInAt} IS NULL`))
      .returning({ at: registrations.checkedInAt });
    if (!admitted) {
      const [again] = await tx.select({ at: registrations.checkedInAt }).from(registrations).where(eq(registrations.id, registrationId));
      return { outcome: 'already' as const, person, at: again!.at! };
    }
    await recordAudit(tx, {
      eventId: access.event.id,
      actorUserId: actor!.userId,
      action: 'registration.check-in',
      entity: 'registration',
      entityId: registrationId,
      details: { name: registration.name, venue: venue?.slug ?? null },
    });
    return { outcome: 'checked-in' as const, person, at: now };
  });
}
