import { and, asc, desc, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { registrations } from '@/db/schema';

/**
 * A keyset position: created_at with full microsecond precision (a JavaScript Date would round it
 * and skip or repeat rows) plus the id to break ties, e.g. `2026-11-20T08:00:00.123456Z_<uuid>`.
 */
export type Cursor = { createdAt: string; id: string };

const CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z)_([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

export const cursorSchema = z
  .string({ error: 'must be a page position' })
  .regex(CURSOR, 'must be a page position from a previous page')
  .transform((value): Cursor => {
    const [, createdAt, id] = CURSOR.exec(value)!;
    return { createdAt: createdAt!, id: id! };
  });

export function encodeCursor(cursor: Cursor): string {
  return `${cursor.createdAt}_${cursor.id}`;
}

/** created_at as cursor text, computed by the database so no precision is lost. */
export const createdAtCursorText = sql<string>`to_char(${registrations.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

export type Direction = 'asc' | 'desc';

/**
 * Rows strictly after `cursor` in `direction`. The extra plain bound on created_at lets the
 * (event_id, created_at) index limit the scan; the row comparison settles ties on id.
 */
export function afterCursor(cursor: Cursor, direction: Direction): SQL {
  const at = sql`${cursor.createdAt}::timestamptz`;
  const id = sql`${cursor.id}::uuid`;
  return direction === 'desc'
    ? and(sql`${registrations.createdAt} <= ${at}`, sql`(${registrations.createdAt}, ${registrations.id}) < (${at}, ${id})`)!
    : and(sql`${registrations.createdAt} >= ${at}`, sql`(${registrations.createdAt}, ${registrations.id}) > (${at}, ${id})`)!;
}

export function keysetOrder(direction: Direction) {
  return direction === 'desc' ? [desc(registrations.createdAt), desc(registrations.id)] : [asc(registrations.createdAt), asc(registrations.id)];
}
