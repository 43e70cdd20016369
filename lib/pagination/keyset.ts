import { and, asc, desc, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { vmsg } from '@/lib/validation/message';

/**
 * A keyset position: a timestamp with full microsecond precision (a JavaScript Date would round it
 * and skip or repeat rows) plus the id to break ties, e.g. `2026-11-20T08:00:00.123456Z_<uuid>`.
 */
export type Cursor = { createdAt: string; id: string };
export type Direction = 'asc' | 'desc';

const CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z)_([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/** Whether the cursor's time is a real instant (9999-99-99T99:… fits the pattern; the database would refuse it). */
function isRealInstant(value: string): boolean {
  const [date, time] = value.slice(0, 19).split('T') as [string, string];
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hour, minute, second] = time.split(':').map(Number) as [number, number, number];
  const instant = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  return instant.toISOString().slice(0, 19) === value.slice(0, 19);
}

export const cursorSchema = z
  .string({ error: vmsg('pagePosition') })
  // abort: the instant check below reads the parts the pattern guarantees, so it must not run without it.
  .regex(CURSOR, { error: vmsg('pagePosition'), abort: true })
  .refine(isRealInstant, vmsg('pagePosition'))
  .transform((value): Cursor => {
    const [, createdAt, id] = CURSOR.exec(value)!;
    return { createdAt: createdAt!, id: id! };
  });

export function encodeCursor(cursor: Cursor): string {
  return `${cursor.createdAt}_${cursor.id}`;
}

/** Keyset paging over a table ordered by (`at`, `id`). */
export function keyset(at: AnyPgColumn, id: AnyPgColumn) {
  return {
    /** `at` as cursor text, computed by the database so no precision is lost. */
    cursorText: sql<string>`to_char(${at} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
    /**
     * Rows strictly after `cursor` in `direction`. The extra plain bound on `at` lets an index on it
     * limit the scan; the row comparison settles ties on id.
     */
    after(cursor: Cursor, direction: Direction): SQL {
      const cursorAt = sql`${cursor.createdAt}::timestamptz`;
      const cursorId = sql`${cursor.id}::uuid`;
      return direction === 'desc'
        ? and(sql`${at} <= ${cursorAt}`, sql`(${at}, ${id}) < (${cursorAt}, ${cursorId})`)!
        : and(sql`${at} >= ${cursorAt}`, sql`(${at}, ${id}) > (${cursorAt}, ${cursorId})`)!;
    },
    order(direction: Direction) {
      return direction === 'desc' ? [desc(at), desc(id)] : [asc(at), asc(id)];
    },
  };
}
