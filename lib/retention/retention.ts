import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { events, registrations } from '@/db/schema';
import type { Db } from '@/db/types';
import { organiserEvent } from '@/lib/admin/event-access';
import { recordAudit } from '@/lib/audit/record-audit';
import type { Actor } from '@/lib/auth/sessions';
import { eraseRegistrations } from './erase-registration';

const DAY_MS = 86_400_000;
const BATCH = 500;

/** When an event's attendee data is due for erasure, or null when the event keeps it. */
export function erasureDueAt(event: { endsAt: Date; retentionDays: number | null }): Date | null {
  return event.retentionDays === null ? null : new Date(event.endsAt.getTime() + event.retentionDays * DAY_MS);
}

export type RetentionPreview = { retentionDays: number | null; dueAt: Date | null; toErase: number; erased: number };

/** What the organiser sees before it happens: when, and how many registrations will lose their personal data. */
export async function retentionPreview(db: Db, actor: Actor | null, slug: string): Promise<RetentionPreview> {
  const { id } = await organiserEvent(db, actor, slug);
  const [event] = await db.select().from(events).where(eq(events.id, id));
  const [counts] = await db
    .select({
      toErase: sql<number>`count(*) filter (where ${registrations.erasedAt} is null)::int`,
      erased: sql<number>`count(*) filter (where ${registrations.erasedAt} is not null)::int`,
    })
    .from(registrations)
    .where(eq(registrations.eventId, id));
  return { retentionDays: event!.retentionDays, dueAt: erasureDueAt(event!), toErase: counts?.toErase ?? 0, erased: counts?.erased ?? 0 };
}

/**
 * Erases the attendee data of every event whose retention period has passed, a batch at a time,
 * each batch in its own transaction with its audit entry. Run by the worker; safe to run from
 * several processes at once (rows are locked, and erased rows are skipped).
 */
export async function runRetention(db: Db, now = new Date()): Promise<number> {
  const due = await db
    .select({ id: events.id, endsAt: events.endsAt, retentionDays: events.retentionDays })
    .from(events)
    .where(
      and(
        isNotNull(events.retentionDays),
        sql`${events.endsAt} + make_interval(days => ${events.retentionDays}) <= ${now.toISOString()}::timestamptz`,
      ),
    );
  let total = 0;
  for (const event of due) {
    for (;;) {
      const erased = await db.transaction(async (tx) => {
        const batch = await tx
          .select({ id: registrations.id })
          .from(registrations)
          .where(and(eq(registrations.eventId, event.id), isNull(registrations.erasedAt)))
          .limit(BATCH)
          .for('update', { skipLocked: true });
        const count = await eraseRegistrations(
          tx,
          batch.map((r) => r.id),
          now,
        );
        if (count > 0) {
          await recordAudit(tx, {
            eventId: event.id,
            actorUserId: null,
            action: 'retention.erase',
            entity: 'registration',
            details: { count, retentionDays: event.retentionDays },
          });
        }
        return count;
      });
      total += erased;
      if (erased < BATCH) break;
    }
  }
  return total;
}
