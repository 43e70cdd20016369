import { and, eq } from 'drizzle-orm';
import { registrations } from '@/db/schema';
import type { Db } from '@/db/types';
import { requireInScope, scopedEvent } from '@/lib/admin/event-access';
import { VENUE_EDITORS } from '@/lib/auth/authorize';
import { recordAudit } from '@/lib/audit/record-audit';
import type { Actor } from '@/lib/auth/sessions';
import { invalid, notFound, ok, type Result } from '@/lib/errors/result';
import { vmsg } from '@/lib/validation/message';
import { queueRegistrationMail, type RegistrationMailKind } from '../registration-mail';

/** The mail that says where a registration stands now, as it was first sent. */
function confirmationKind(registration: { status: string; categoryWaitlistPosition: number | null }): RegistrationMailKind {
  if (registration.status === 'waitlisted') return 'waitlisted';
  if (registration.status === 'pending') return registration.categoryWaitlistPosition === null ? 'pending' : 'category-waitlisted';
  return 'confirmed';
}

/**
 * An organiser sends a registration's confirmation again, through the outbox, to its address as it
 * is now: where it stands (confirmed with its ticket and calendar invite, waitlisted, or pending),
 * its sessions and its manage link. Audited; a cancelled or erased registration gets none.
 */
export async function resendConfirmation(db: Db, actor: Actor | null, slug: string, registrationId: string): Promise<Result> {
  const { event, scope } = await scopedEvent(db, actor, slug, VENUE_EDITORS);
  return db.transaction(async (tx): Promise<Result> => {
    const [current] = await tx
      .select()
      .from(registrations)
      .where(and(eq(registrations.id, registrationId), eq(registrations.eventId, event.id)))
      .for('update');
    if (!current || current.erasedAt) return notFound('No such registration in this event');
    requireInScope(scope, current.venueId);
    if (current.status === 'cancelled') return invalid({ registration: vmsg('registrationCancelled') });
    await queueRegistrationMail(tx, registrationId, confirmationKind(current), {
      categoryPosition: current.categoryWaitlistPosition ?? undefined,
    });
    await tx.update(registrations).set({ manageLinkSentAt: new Date() }).where(eq(registrations.id, registrationId));
    await recordAudit(tx, {
      eventId: event.id,
      actorUserId: actor!.userId,
      action: 'registration.confirmation.resend',
      entity: 'registration',
      entityId: registrationId,
      details: { to: current.email },
    });
    return ok();
  });
}
