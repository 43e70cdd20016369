import { eq } from 'drizzle-orm';
import { rooms } from '@/db/schema';
import type { Db } from '@/db/types';
import { organiserEvent } from '@/lib/admin/event-access';
import { saveAudited } from '@/lib/audit/save-audited';
import type { Actor } from '@/lib/auth/sessions';
import { conflict, ok } from '@/lib/errors/result';
import { missing, type RoomDeletion } from '@/lib/admin/saved';
import { sessionsUsingRooms } from './room-usage';
import { eventRoomForUpdate } from './save-room';

/**
 * An organiser removes a room nothing uses. The schema would quietly set the room of its sessions
 * to none, so a room still named by a session (held or relayed there) is refused with their titles.
 * The row lock also waits for a session being saved into the room at the same moment.
 */
export async function deleteRoom(db: Db, actor: Actor | null, slug: string, roomId: string): Promise<RoomDeletion> {
  const event = await organiserEvent(db, actor, slug);
  return saveAudited(db, { eventId: event.id, actor }, {}, async (tx, audit): Promise<RoomDeletion> => {
    const current = await eventRoomForUpdate(tx, event.id, roomId);
    if (!current) return missing('room');
    const using = (await sessionsUsingRooms(tx, [roomId])).get(roomId) ?? [];
    if (using.length > 0) {
      const titles = using.map((s) => `“${s.title.en}”`).join(', ');
      return conflict(
        `Room “${current.room.name.en}” is used by ${using.length === 1 ? 'a session' : `${using.length} sessions`} (${titles}); move ${using.length === 1 ? 'it' : 'them'} to another room first`,
        { sessions: using },
      );
    }
    await tx.delete(rooms).where(eq(rooms.id, roomId));
    await audit({
      action: 'room.delete',
      entity: 'room',
      entityId: roomId,
      details: { venue: current.venueSlug, name: current.room.name.en, capacity: current.room.capacity },
    });
    return ok();
  });
}
