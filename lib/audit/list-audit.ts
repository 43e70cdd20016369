import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { auditLog, users } from '@/db/schema';
import type { Db } from '@/db/types';
import { organiserEvent } from '@/lib/admin/event-access';
import type { Actor } from '@/lib/auth/sessions';
import { cursorSchema, encodeCursor, keyset } from '@/lib/pagination/keyset';

const PAGE_SIZE = 100;
const auditKeyset = keyset(auditLog.at, auditLog.id);

export const auditQuerySchema = z.object({
  entity: z
    .string()
    .regex(/^[a-z-]{1,40}$/)
    .optional()
    .catch(undefined),
  before: cursorSchema.optional().catch(undefined),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

/** Who changed what in one event, newest first; organisers only. */
export async function listAuditLog(db: Db, actor: Actor | null, slug: string, query: AuditQuery) {
  const event = await organiserEvent(db, actor, slug);
  const conditions = [eq(auditLog.eventId, event.id)];
  if (query.entity) conditions.push(eq(auditLog.entity, query.entity));
  if (query.before) conditions.push(auditKeyset.after(query.before, 'desc'));
  const rows = await db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      cursor: auditKeyset.cursorText,
      action: auditLog.action,
      entity: auditLog.entity,
      entityId: auditLog.entityId,
      details: auditLog.details,
      actorEmail: users.email,
      actorName: users.name,
    })
    .from(auditLog)
    .leftJoin(users, eq(auditLog.actorUserId, users.id))
    .where(and(...conditions))
    .orderBy(...auditKeyset.order('desc'))
    .limit(PAGE_SIZE + 1);
  const page = rows.slice(0, PAGE_SIZE);
  const last = page.at(-1);
  return { event, rows: page, next: rows.length > PAGE_SIZE && last ? encodeCursor({ createdAt: last.cursor, id: last.id }) : null };
}
