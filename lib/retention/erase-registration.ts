import { createHash, randomBytes } from 'node:crypto';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { auditLog, outbox, registrationAnswers, registrations, streamGrants, visaLetters } from '@/db/schema';
import type { Db } from '@/db/types';

/**
 * What an audit entry about a registration may hold of the person: taken out of the entries about an
 * erased registration, which keep who acted, what was done and when (and seats, statuses, venues).
 */
const PERSONAL_AUDIT_KEYS = ['name', 'email', 'organisation', 'jobTitle', 'needs', 'reason', 'changes', 'answers', 'from', 'to'];

/** The placeholder address of an erased registration: unique per row, never deliverable (RFC 2606 .invalid). */
export const erasedAddress = (registrationId: string) => `erased-${registrationId}@erased.invalid`;

/**
 * Erases the personal data of registrations that are no longer active (cancelled, or of an event
 * that has ended): name, address, organisation, job title, needs, answers to the organisers'
 * questions, the manage link, the mail sent to them, any livestream grant to their address and
 * their name and address in the audit log's entries about them. What reports count stays: country, participant
 * type, mode, venue, status and dates. Run inside the caller's transaction.
 */
export async function eraseRegistrations(tx: Db, registrationIds: string[], now: Date): Promise<number> {
  if (registrationIds.length === 0) return 0;
  const rows = await tx
    .select({ id: registrations.id, eventId: registrations.eventId, email: registrations.email })
    .from(registrations)
    .where(and(inArray(registrations.id, registrationIds), isNull(registrations.erasedAt)))
    .for('update');
  for (const row of rows) {
    await tx
      .update(registrations)
      .set({
        name: '',
        email: erasedAddress(row.id),
        organisation: '',
        jobTitle: '',
        needs: '',
        // A hash of nothing anyone holds: the old manage link stops working.
        manageTokenHash: createHash('sha256').update(randomBytes(32)).digest('hex'),
        erasedAt: now,
        updatedAt: now,
      })
      .where(eq(registrations.id, row.id));
    await tx
      .delete(streamGrants)
      .where(and(eq(streamGrants.eventId, row.eventId), sql`lower(${streamGrants.email}) = lower(${row.email})`));
  }
  const ids = rows.map((r) => r.id);
  if (ids.length) {
    await tx.delete(outbox).where(inArray(outbox.registrationId, ids));
    await tx.delete(registrationAnswers).where(inArray(registrationAnswers.registrationId, ids));
    await tx.delete(visaLetters).where(inArray(visaLetters.registrationId, ids));
    await tx
      .update(auditLog)
      .set({
        details: sql`(${auditLog.details} - ${sql.raw(`array[${PERSONAL_AUDIT_KEYS.map((k) => `'${k}'`).join(',')}]`)}::text[]) || '{"erased": true}'::jsonb`,
      })
      .where(and(eq(auditLog.entity, 'registration'), inArray(auditLog.entityId, ids)));
  }
  return rows.length;
}
