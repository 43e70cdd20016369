import { sql } from 'drizzle-orm';
import { resultRows } from '@/db/rows';
import type { Db } from '@/db/types';

export type LockedSlot = {
  id: string;
  eventId: string;
  venueId: string;
  /** The slot is at an online venue: every meeting at it is online. */
  venueOnline: boolean;
  startsAt: Date;
  endsAt: Date;
  tables: number;
  tablesTaken: number;
  /** Table numbers held by accepted meetings, read after the lock is held. */
  takenTables: number[];
  /** Registrations held at this slot by a pending or accepted meeting, read after the lock is held. */
  held: Set<string>;
  /**
   * Registrations held at this slot or at any other slot of the event whose time overlaps it (another
   * venue's meeting times at the same hour): whom a new meeting at this slot cannot take.
   */
  heldAtThisTime: Set<string>;
  /** Registrations that marked themselves unavailable at this slot, read after the lock is held. */
  unavailable: Set<string>;
};

/**
 * Takes a meeting slot's row lock and reads its tables, like lockSeats does for sessions. Every
 * writer of the slot's meetings takes it first (a request, an accept, a decline, a cancellation), so
 * the checks that follow — is either person already held at this time, is a table free — see every
 * meeting committed before, and the answer is a clear refusal rather than a constraint error.
 * It locks every slot of the event whose time overlaps this one (itself included), in id order: two
 * requests for one person at the same hour at two venues then wait for each other, and every locker
 * takes a shared slot in the same order, so they cannot deadlock.
 * NO KEY UPDATE, because meetings and holds inserted for the slot hold KEY SHARE on it.
 */
export type SlotLock = (tx: Db, slotId: string) => Promise<LockedSlot | null>;

export const lockSlot: SlotLock = (tx, slotId) => readSlot(tx, slotId, true);

/**
 * Locks every slot of the event overlapping any of the given ones, in one pass in id order. A writer
 * that needs several slots (a proposal's old and new time, a cancelled registration's meetings) takes
 * them all this way first: locking one slot's set after another's would take shared slots out of
 * order, and two such writers could deadlock. lockSlot afterwards finds its rows held already.
 */
export async function lockOverlapping(tx: Db, slotIds: string[]): Promise<void> {
  if (slotIds.length === 0) return;
  await tx.execute(
    sql`select other.id from meeting_slots this join meeting_slots other on other.event_id = this.event_id and other.starts_at < this.ends_at and other.ends_at > this.starts_at where this.id in (${sql.join(
      slotIds.map((id) => sql`${id}`),
      sql`, `,
    )}) order by other.id for no key update of other`,
  );
}

/** The same read without the lock. Only for the negative-control test, which must then see the race. */
export const readSlotWithoutLocking: SlotLock = (tx, slotId) => readSlot(tx, slotId, false);

type SlotRow = {
  id: string;
  event_id: string;
  venue_id: string;
  venue_online: boolean;
  starts_at: string | Date;
  ends_at: string | Date;
  tables: number;
  tables_taken: number;
};

async function readSlot(tx: Db, slotId: string, forUpdate: boolean): Promise<LockedSlot | null> {
  const locking = forUpdate ? sql` for no key update of other` : sql``;
  const overlapping = resultRows<{ id: string }>(
    await tx.execute(
      sql`select other.id from meeting_slots this join meeting_slots other on other.event_id = this.event_id and other.starts_at < this.ends_at and other.ends_at > this.starts_at where this.id = ${slotId} order by other.id${locking}`,
    ),
  );
  if (overlapping.length === 0) return null;
  const [row] = resultRows<SlotRow>(
    await tx.execute(
      sql`select id, event_id, venue_id, (select v.kind = 'online' from venues v where v.id = venue_id) as venue_online, starts_at, ends_at, tables, tables_taken from meeting_slots where id = ${slotId}`,
    ),
  );
  if (!row) return null;
  // The slot itself is among them: meeting_slots_times_ck keeps every slot's end after its start.
  const sameTime = overlapping.map((o) => o.id);
  // Read in further statements, after the locks are held, so they see every meeting committed by
  // whoever held them before.
  const tables = resultRows<{ table_no: number }>(
    await tx.execute(sql`select table_no from meetings where slot_id = ${slotId} and table_no is not null`),
  );
  const held = resultRows<{ slot_id: string; registration_id: string }>(
    await tx.execute(
      sql`select slot_id, registration_id from meeting_holds where slot_id in (${sql.join(
        sameTime.map((id) => sql`${id}`),
        sql`, `,
      )})`,
    ),
  );
  const unavailable = resultRows<{ registration_id: string }>(
    await tx.execute(sql`select registration_id from meeting_unavailability where slot_id = ${slotId}`),
  );
  return {
    id: row.id,
    eventId: row.event_id,
    venueId: row.venue_id,
    venueOnline: row.venue_online === true,
    startsAt: new Date(row.starts_at),
    endsAt: new Date(row.ends_at),
    tables: row.tables,
    tablesTaken: row.tables_taken,
    takenTables: tables.map((t) => t.table_no),
    held: new Set(held.filter((h) => h.slot_id === slotId).map((h) => h.registration_id)),
    heldAtThisTime: new Set(held.map((h) => h.registration_id)),
    unavailable: new Set(unavailable.map((u) => u.registration_id)),
  };
}

/** The lowest table number of the locked slot that no accepted meeting holds, or null when all are taken. */
export function freeTable(slot: LockedSlot): number | null {
  if (slot.tablesTaken >= slot.tables) return null;
  for (let n = 1; n <= slot.tables; n++) if (!slot.takenTables.includes(n)) return n;
  return null;
}
