import { and, eq } from 'drizzle-orm';
import { registrations, venues } from '@/db/schema';
import type { Db } from '@/db/types';
import { scopedEvent, inScope } from '@/lib/admin/event-access';
import { recordAudit } from '@/lib/audit/record-audit';
import { DESK } from '@/lib/auth/authorize';
import type { Actor } from '@/lib/auth/sessions';

export type UndoOutcome = { outcome: 'undone' } | { outcome: 'not-checked-in' } | { outcome: 'unknown' };

/**
 * Takes back a mistaken check-in: the registration is confirmed again, as before the scan, and the
 * audit log says who undid it. Staff of one venue undo only their venue's; another venue's
 * registration answers as an unknown one.
 */
export async function undoCheckIn(
  db: Db,
  actor: Actor | null,
  slug: string,
  registrationId: string,
  now = new Date(),
): Promise<UndoOutcome> {
  const { event, scope } = await scopedEvent(db, actor, slug, DESK);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: registrations.id, name: registrations.name, venueId: registrations.venueId, venueSlug: venues.slug })
      .from(registrations)
      .leftJoin(venues, eq(venues.id, registrations.venueId))
      .where(and(eq(registrations.id, registrationId), eq(registrations.eventId, event.id)));
    if (!row || !inScope(scope, row.venueId)) return { outcome: 'unknown' as const };
    const [undone] = await tx
      .update(registrations)
      .set({ status: 'confirmed', checkedInAt: null, checkedInBy: null, updatedAt: now })
      .where(and(eq(registrations.id, registrationId), eq(registrations.status, 'checked_in')))
      .returning({ id: registrations.id });
    if (!undone) return { outcome: 'not-checked-in' as const };
    await recordAudit(tx, {
      eventId: event.id,
      actorUserId: actor!.userId,
      action: 'registration.check-in.undo',
      entity: 'registration',
      entityId: registrationId,
      details: { name: row.name, venue: row.venueSlug },
    });
    return { outcome: 'undone' as const };
  });
}
