import { and, eq } from 'drizzle-orm';
import { rooms, venues } from '@/db/schema';
import type { Db } from '@/db/types';
import { organiserEvent } from '@/lib/admin/event-access';
import type { Actor } from '@/lib/auth/sessions';
import { parseInput } from '@/lib/validation/field-errors';
import { saveAudited } from '@/lib/audit/save-audited';
import { changedFields } from '@/lib/admin/changes';
import { ok } from '@/lib/errors/result';
import { missing, type Saved } from '@/lib/admin/saved';
import { roomInputSchema } from './room-schema';

/** A room of one of the event's venues, locked for the change, or undefined. */
export async function eventRoomForUpdate(db: Db, eventId: string, roomId: string) {
  const [row] = await db
    .select({ room: rooms, venueSlug: venues.slug })
    .from(rooms)
    .innerJoin(venues, eq(rooms.venueId, venues.id))
    .where(and(eq(rooms.id, roomId), eq(venues.eventId, eventId)))
    .for('update', { of: rooms });
  return row;
}

/** An organiser adds a room to a venue of their event. */
export async function createRoom(db: Db, actor: Actor | null, slug: string, venueId: string, values: unknown): Promise<Saved> {
  const event = await organiserEvent(db, actor, slug);
  const parsed = parseInput(roomInputSchema, values);
  if (!parsed.ok) return parsed;
  const input = parsed.value;
  return saveAudited(db, { eventId: event.id, actor }, {}, async (tx, audit): Promise<Saved> => {
    const [venue] = await tx
      .select({ id: venues.id, slug: venues.slug })
      .from(venues)
      .where(and(eq(venues.id, venueId), eq(venues.eventId, event.id)));
    if (!venue) return missing('venue');
    const [row] = await tx
      .insert(rooms)
      .values({ venueId: venue.id, name: input.name, capacity: input.capacity })
      .returning({ id: rooms.id });
    await audit({
      action: 'room.create',
      entity: 'room',
      entityId: row!.id,
      details: { venue: venue.slug, name: input.name.en, capacity: input.capacity },
    });
    return ok({ id: row!.id });
  });
}

/** An organiser renames a room or changes its capacity. */
export async function updateRoom(db: Db, actor: Actor | null, slug: string, roomId: string, values: unknown): Promise<Saved> {
  const event = await organiserEvent(db, actor, slug);
  const parsed = parseInput(roomInputSchema, values);
  if (!parsed.ok) return parsed;
  const input = parsed.value;
  return saveAudited(db, { eventId: event.id, actor }, {}, async (tx, audit): Promise<Saved> => {
    const current = await eventRoomForUpdate(tx, event.id, roomId);
    if (!current) return missing('room');
    const next = { name: input.name, capacity: input.capacity };
    const changes = changedFields(current.room, next);
    if (Object.keys(changes).length === 0) return ok({ id: roomId });
    await tx.update(rooms).set(next).where(eq(rooms.id, roomId));
    await audit({
      action: 'room.update',
      entity: 'room',
      entityId: roomId,
      details: { venue: current.venueSlug, changes },
    });
    return ok({ id: roomId });
  });
}
