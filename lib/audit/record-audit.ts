import { auditLog } from '@/db/schema';
import type { Db } from '@/db/types';

export type AuditEntry = {
  eventId: string;
  /** Null when the system did it (the retention job). */
  actorUserId: string | null;
  /** What was done, e.g. "registration.cancel". */
  action: string;
  /** What kind of thing it was done to, e.g. "registration". */
  entity: string;
  entityId?: string | null;
  details?: Record<string, unknown>;
};

/** Writes one audit entry. Call it with the transaction of the change so both commit or neither. */
export async function recordAudit(tx: Db, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    eventId: entry.eventId,
    actorUserId: entry.actorUserId,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId ?? null,
    details: entry.details ?? {},
  });
}
