import { auditLog } from '@/db/schema';
import type { Db } from '@/db/types';
import type { AuditAction } from './actions';

export type AuditEntry = {
  eventId: string;
  /** Null when no signed-in person did it: the retention job, or a registrant through their own link. */
  actorUserId: string | null;
  /** What was done, e.g. "registration.cancel": one of AUDIT_ACTIONS, each worded on the audit page. */
  action: AuditAction;
  /** What kind of thing it was done to, e.g. "registration". */
  entity: string;
  entityId?: string | null;
  details?: Record<string, unknown>;
};

/** Writes one audit entry. Call it with the transaction of the change so both commit or neither. */
export async function recordAudit(tx: Db, entry: AuditEntry): Promise<void> {
  await recordAudits(tx, [entry]);
}

/** Writes several audit entries in one statement (a batch of registrations), in the change's transaction. */
export async function recordAudits(tx: Db, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await tx.insert(auditLog).values(
    entries.map((entry) => ({
      eventId: entry.eventId,
      actorUserId: entry.actorUserId,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId ?? null,
      details: entry.details ?? {},
    })),
  );
}
