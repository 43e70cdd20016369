import { and, eq } from 'drizzle-orm';
import { registrations } from '@/db/schema';
import type { Db } from '@/db/types';
import { organiserEvent } from '@/lib/admin/event-access';
import { recordAudit } from '@/lib/audit/record-audit';
import type { Actor } from '@/lib/auth/sessions';
import { retryingDeadlocks } from '../deadlock-retry';
import { cancelRegistration } from '../manage';
import { notFound, type AdminActionResult } from './action-result';

/**
 * An organiser cancels a registration of their event. The registrant's own cancel path does the
 * work (seats go to the first in line, mails are queued); the audit entry commits with it.
 */
export async function cancelRegistrationAsOrganiser(db: Db, actor: Actor | null, slug: string, registrationId: string, reason = ''): Promise<AdminActionResult> {
  const event = await organiserEvent(db, actor, slug);
  // Deadlocks: see deadlock-retry.ts.
  return retryingDeadlocks(() => db.transaction(async (tx) => {
    // Same lock, taken first, as cancelRegistration takes: the registration row before any seat.
    const [current] = await tx
      .select({ id: registrations.id, status: registrations.status, email: registrations.email, name: registrations.name })
      .from(registrations)
      .where(and(eq(registrations.id, registrationId), eq(registrations.eventId, event.id)))
      .for('update');
    if (!current) return notFound;
    if (current.status === 'cancelled') return { ok: false as const, status: 409 as const, error: 'This registration is already cancelled' };
    const result = await cancelRegistration(tx, registrationId);
    if (!result.ok) return { ok: false as const, status: 409 as const, error: result.error };
    await recordAudit(tx, {
      eventId: event.id,
      actorUserId: actor!.userId,
      action: 'registration.cancel',
      entity: 'registration',
      entityId: registrationId,
      details: { name: current.name, email: current.email, previousStatus: current.status, ...(reason ? { reason } : {}) },
    });
    return { ok: true as const };
  }));
}
