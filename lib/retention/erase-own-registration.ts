import { eq } from 'drizzle-orm';
import { registrations } from '@/db/schema';
import type { Db } from '@/db/types';
import { recordAudit } from '@/lib/audit/record-audit';
import { notFound, ok, type Result } from '@/lib/errors/result';
import { retryingDeadlocks } from '@/lib/registration/deadlock-retry';
import { rearrangeSeats } from '@/lib/registration/rearrange';
import { lockSeats, type SeatLock } from '@/lib/registration/seats';
import { fillCategoryOf } from '@/lib/registration/categories/fill-category';
import { eraseRegistrations } from './erase-registration';

/**
 * An attendee's own request, from their manage link, to erase their data (PIPL, PDPA, APPI, PIPA):
 * the registration is cancelled through the same path as a cancellation (its seats go to the first
 * in line, who are mailed), then anonymised as the retention job does, and the audit records it,
 * all in one transaction. The mail queued for the registrant is erased with the rest.
 */
export async function eraseOwnRegistration(
  db: Db,
  registrationId: string,
  options: { now?: Date; lock?: SeatLock } = {},
): Promise<Result<{ alreadyErased: boolean }>> {
  const now = options.now ?? new Date();
  const outcome = await retryingDeadlocks(() =>
    db.transaction(async (tx) => {
      const before = await rearrangeSeats(tx, registrationId, null, options.lock ?? lockSeats);
      if (!before) return notFound('No such registration');
      if (before.erasedAt) return ok({ alreadyErased: true });
      await eraseRegistrations(tx, [registrationId], now);
      const [after] = await tx.select({ status: registrations.status }).from(registrations).where(eq(registrations.id, registrationId));
      await recordAudit(tx, {
        eventId: before.eventId,
        actorUserId: null,
        action: 'registration.erase',
        entity: 'registration',
        entityId: registrationId,
        details: { requestedBy: 'attendee', statusBefore: before.status, statusAfter: after?.status ?? null },
      });
      return ok({ alreadyErased: false });
    }),
  );
  // A category place it held goes to the first in the category's line.
  if (outcome.ok) await fillCategoryOf(db, registrationId);
  return outcome;
}
