import { type SQL, sql } from 'drizzle-orm';
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
  await tx.execute(auditInsert(entries));
}

/**
 * The statement that writes several audit entries, for a change that writes them as a part (WITH) of
 * one statement of its own: a batch of registrations writes its seats, its mails and its entries in
 * one round trip under the seat locks.
 */
export function auditInsert(entries: AuditEntry[]): SQL {
  const rows = entries.map((entry) => ({
    event_id: entry.eventId,
    actor_user_id: entry.actorUserId,
    action: entry.action,
    entity: entry.entity,
    entity_id: entry.entityId ?? null,
    details: entry.details ?? {},
  }));
  return sql`
    insert into audit_log (event_id, actor_user_id, action, entity, entity_id, details)
    select a.event_id, a.actor_user_id, a.action, a.entity, a.entity_id, a.details
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      as a(event_id uuid, actor_user_id uuid, action text, entity text, entity_id text, details jsonb)`;
}
