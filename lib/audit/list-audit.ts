import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { auditLog, registrations, rooms, sessions, speakers, users, venues } from '@/db/schema';
import type { Db } from '@/db/types';
import { organiserEvent } from '@/lib/admin/event-access';
import type { Actor } from '@/lib/auth/sessions';
import { cursorSchema, encodeCursor, keyset } from '@/lib/pagination/keyset';
import type { AuditLookup } from './describe-audit';

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
  return {
    event,
    rows: page,
    lookup: await auditLookup(db, event.id, event.timeZone, page),
    next: rows.length > PAGE_SIZE && last ? encodeCursor({ createdAt: last.cursor, id: last.id }) : null,
  };
}

/** The event's venues, rooms, sessions and speakers by id, so entries are worded with today's names. */
async function auditLookup(
  db: Db,
  eventId: string,
  eventZone: string,
  page: { entity: string; entityId: string | null }[],
): Promise<AuditLookup> {
  const registrationIds = [...new Set(page.filter((r) => r.entity === 'registration' && r.entityId).map((r) => r.entityId!))];
  const [venueRows, sessionRows, speakerRows] = await Promise.all([
    db
      .select({ id: venues.id, slug: venues.slug, name: venues.name, city: venues.city, timeZone: venues.timeZone })
      .from(venues)
      .where(eq(venues.eventId, eventId)),
    db.select({ id: sessions.id, title: sessions.title }).from(sessions).where(eq(sessions.eventId, eventId)),
    db.select({ id: speakers.id, name: speakers.name }).from(speakers).where(eq(speakers.eventId, eventId)),
  ]);
  const roomRows = venueRows.length
    ? await db
        .select({ id: rooms.id, name: rooms.name })
        .from(rooms)
        .where(
          inArray(
            rooms.venueId,
            venueRows.map((v) => v.id),
          ),
        )
    : [];
  const registrationRows = registrationIds.length
    ? await db
        .select({ id: registrations.id, name: registrations.name, email: registrations.email, erasedAt: registrations.erasedAt })
        .from(registrations)
        .where(and(eq(registrations.eventId, eventId), inArray(registrations.id, registrationIds)))
    : [];
  return {
    venues: venueRows,
    rooms: roomRows,
    sessions: sessionRows,
    speakers: speakerRows,
    registrations: registrationRows.map(({ erasedAt, ...r }) => ({ ...r, erased: erasedAt !== null })),
    eventZone,
  };
}
