import type { Db } from '@/db/types';
import { recordAudit, type AuditEntry } from '@/lib/audit/record-audit';
import type { Actor } from '@/lib/auth/sessions';
import { invalid, type FieldErrors, type Invalid } from '@/lib/errors/result';
import { violatedConstraint } from '@/lib/admin/db-errors';

/** Records the audit entry of the change in the change's own transaction, for the event and actor of the save. */
export type Audit = (entry: Omit<AuditEntry, 'eventId' | 'actorUserId'>) => Promise<void>;

/**
 * An organiser's change, written once for every saver: `write` runs in one transaction and calls
 * `audit` for the entry that commits with it. The database has the last word on unique slugs and on
 * seats (a registration may commit between a check and the write): a violation of one of the named
 * `constraints` becomes that field error, never a 500.
 */
export async function saveAudited<T>(
  db: Db,
  by: { eventId: string; actor: Actor | null },
  constraints: Record<string, FieldErrors>,
  write: (tx: Db, audit: Audit) => Promise<T>,
): Promise<T | Invalid> {
  try {
    return await db.transaction((tx) =>
      write(tx, (entry) => recordAudit(tx, { ...entry, eventId: by.eventId, actorUserId: by.actor!.userId })),
    );
  } catch (error) {
    const constraint = violatedConstraint(error);
    if (constraint && Object.hasOwn(constraints, constraint)) return invalid(constraints[constraint]!);
    throw error;
  }
}
