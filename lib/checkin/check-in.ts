import { and, eq, sql } from 'drizzle-orm';
import { checkInScans, registrations, users, venues, type LocalizedText } from '@/db/schema';
import type { Db } from '@/db/types';
import { eventAccess } from '@/lib/admin/event-access';
import { recordAudit } from '@/lib/audit/record-audit';
import { DESK } from '@/lib/auth/authorize';
import type { Actor } from '@/lib/auth/sessions';
import { registrationIdFromTicket } from '@/lib/tickets/ticket';
import { normaliseShortCode } from '@/lib/tickets/short-code';

export type CheckInPerson = {
  registrationId: string;
  name: string;
  organisation: string;
  country: string;
  participantType: string;
  shortCode: string;
  venue: { slug: string; name: LocalizedText; timeZone: string } | null;
};

/**
 * What a scan finds; every outcome is an answer for the desk, none of them a failure. Another
 * venue's ticket says nothing about its holder: staff of one venue do not see other venues' people.
 */
export type CheckInOutcome =
  | { outcome: 'checked-in'; person: CheckInPerson; at: Date }
  | { outcome: 'already'; person: CheckInPerson; at: Date; by: string }
  | { outcome: 'other-venue' }
  | { outcome: 'not-admitted'; person: CheckInPerson; status: 'waitlisted' | 'pending' | 'cancelled' | 'online' }
  | { outcome: 'unknown-code' };

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type HolderRow = { registration: typeof registrations.$inferSelect; venue: typeof venues.$inferSelect | null };

/** Reads the ticket's holder inside the check-in transaction (tests gate it to force the race). */
export type ReadHolder = (tx: Tx, eventId: string, where: { id: string } | { shortCode: string }) => Promise<HolderRow | undefined>;
/** Records the admission once; null when someone else admitted the person first. */
export type Admit = (tx: Tx, holder: HolderRow, byUserId: string, now: Date) => Promise<{ at: Date } | null>;

export const readHolder: ReadHolder = async (tx, eventId, where) => {
  const [row] = await tx
    .select({ registration: registrations, venue: venues })
    .from(registrations)
    .leftJoin(venues, eq(registrations.venueId, venues.id))
    .where(
      and(
        eq(registrations.eventId, eventId),
        'id' in where ? eq(registrations.id, where.id) : eq(registrations.shortCode, where.shortCode),
      ),
    );
  return row;
};

/**
 * The conditional update is the lock: of two desks admitting the same person at once, the second
 * waits for the first's row lock, then finds the row no longer confirmed and not yet admitted.
 */
export const admitOnce: Admit = async (tx, holder, byUserId, now) => {
  const [admitted] = await tx
    .update(registrations)
    .set({ status: 'checked_in', checkedInAt: now, checkedInBy: byUserId, updatedAt: now })
    .where(
      and(eq(registrations.id, holder.registration.id), eq(registrations.status, 'confirmed'), sql`${registrations.checkedInAt} IS NULL`),
    )
    .returning({ at: registrations.checkedInAt });
  return admitted?.at ? { at: admitted.at } : null;
};

export type CheckInOptions = { now?: Date; scanKey?: string; steps?: { read: ReadHolder; admit: Admit } };

/** A ticket's registration id from its QR code, or its short code, or null when it is neither. */
export function ticketKey(code: string): { id: string } | { shortCode: string } | null {
  const id = registrationIdFromTicket(code);
  if (id) return { id };
  const shortCode = normaliseShortCode(code);
  return shortCode ? { shortCode } : null;
}

/**
 * Admits the holder of a ticket (its QR code or its short code) once. Staff limited to one venue
 * admit only that venue's registrants; a second scan says when and by whom the person was admitted.
 * A scan sent again with the same key (a desk's offline queue) changes nothing.
 */
export async function checkIn(
  db: Db,
  actor: Actor | null,
  slug: string,
  code: string,
  options: CheckInOptions = {},
): Promise<CheckInOutcome> {
  const access = await eventAccess(db, actor, slug, DESK);
  const now = options.now ?? new Date();
  const { read, admit } = options.steps ?? { read: readHolder, admit: admitOnce };
  const key = ticketKey(code);
  if (!key) return { outcome: 'unknown-code' };
  // Organisers (and staff with an event-wide membership) may admit at any venue.
  const anyVenue = access.roles.includes('organiser') || access.venueIds.includes(null);

  return db.transaction(async (tx) => {
    const row = await read(tx, access.event.id, key);
    if (!row) return { outcome: 'unknown-code' as const };
    const { registration, venue } = row;
    if (!anyVenue && !access.venueIds.includes(registration.venueId)) return { outcome: 'other-venue' as const };
    const person: CheckInPerson = {
      registrationId: registration.id,
      name: registration.name,
      organisation: registration.organisation,
      country: registration.country,
      participantType: registration.participantType,
      shortCode: registration.shortCode,
      venue: venue ? { slug: venue.slug, name: venue.name, timeZone: venue.timeZone } : null,
    };
    if (registration.mode === 'online') return { outcome: 'not-admitted' as const, person, status: 'online' as const };
    if (registration.status === 'cancelled' || registration.status === 'waitlisted' || registration.status === 'pending')
      return { outcome: 'not-admitted' as const, person, status: registration.status };

    const fresh = options.scanKey ? await claimScanKey(tx, access.event.id, options.scanKey, registration.id, actor!.userId, now) : true;
    const admitted = fresh ? await admit(tx, row, actor!.userId, now) : null;
    if (!admitted) return { outcome: 'already' as const, person, ...(await firstAdmission(tx, registration.id)) };
    await recordAudit(tx, {
      eventId: access.event.id,
      actorUserId: actor!.userId,
      action: 'registration.check-in',
      entity: 'registration',
      entityId: registration.id,
      details: { name: registration.name, venue: venue?.slug ?? null },
    });
    return { outcome: 'checked-in' as const, person, at: admitted.at };
  });
}

/** False when this scan key was sent before: the unique index, not the page, keeps a resent scan from counting. */
async function claimScanKey(tx: Tx, eventId: string, scanKey: string, registrationId: string, byUserId: string, now: Date) {
  const claimed = await tx
    .insert(checkInScans)
    .values({ eventId, scanKey, registrationId, scannedBy: byUserId, scannedAt: now })
    .onConflictDoNothing()
    .returning({ scanKey: checkInScans.scanKey });
  return claimed.length > 0;
}

/** When and by whom (the desk member's name, else their address) a person was admitted. */
async function firstAdmission(tx: Tx, registrationId: string): Promise<{ at: Date; by: string }> {
  const [row] = await tx
    .select({ at: registrations.checkedInAt, name: users.name, email: users.email })
    .from(registrations)
    .leftJoin(users, eq(users.id, registrations.checkedInBy))
    .where(eq(registrations.id, registrationId));
  return { at: row?.at ?? new Date(0), by: row?.name || row?.email || '—' };
}
