import { and, eq } from 'drizzle-orm';
import { registrations } from '@/db/schema';
import type { Db } from '@/db/types';
import { requireInScope, scopedEvent } from '@/lib/admin/event-access';
import { VENUE_EDITORS } from '@/lib/auth/authorize';
import { recordAudit } from '@/lib/audit/record-audit';
import type { Actor } from '@/lib/auth/sessions';
import { retryingDeadlocks } from '../deadlock-retry';
import { rearrangeSeats } from '../rearrange';
import { lockSeats } from '../seats';
import { fillCategoryOf } from '../categories/fill-category';
import { conflict, notFound, ok, type Result } from '@/lib/errors/result';

const NO_SUCH_REGISTRATION = 'No such registration in this event';

/**
 * An organiser cancels a registration of their event. The registrant's own cancel path does the
 * work (seats go to the first in line, mails are queued); the audit entry commits with it.
 */
export async function cancelRegistrationAsOrganiser(
  db: Db,
  actor: Actor | null,
  slug: string,
  registrationId: string,
  reason = '',
): Promise<Result> {
  const { event, scope } = await scopedEvent(db, actor, slug, VENUE_EDITORS);
  // Retried whole when a deadlock or a concurrent change got in the way: see deadlock-retry.ts.
  const outcome = await retryingDeadlocks(() =>
    db.transaction(async (tx): Promise<Result> => {
      // The registrant's own cancel path, which locks the seats before the registration's row.
      const [inEvent] = await tx
        .select({ id: registrations.id, venueId: registrations.venueId })
        .from(registrations)
        .where(and(eq(registrations.id, registrationId), eq(registrations.eventId, event.id)));
      if (!inEvent) return notFound(NO_SUCH_REGISTRATION);
      requireInScope(scope, inEvent.venueId);
      const current = await rearrangeSeats(tx, registrationId, null, lockSeats);
      if (!current) return notFound(NO_SUCH_REGISTRATION);
      if (current.status === 'cancelled') return conflict('This registration is already cancelled');
      await recordAudit(tx, {
        eventId: event.id,
        actorUserId: actor!.userId,
        action: 'registration.cancel',
        entity: 'registration',
        entityId: registrationId,
        details: { name: current.name, email: current.email, previousStatus: current.status, ...(reason ? { reason } : {}) },
      });
      return ok();
    }),
  );
  // A category place it held goes to the first in the category's line (categories/fill-category.ts).
  if (outcome.ok) await fillCategoryOf(db, registrationId);
  return outcome;
}
