import { inArray } from 'drizzle-orm';
import { registrations } from '@/db/schema';
import type { Db } from '@/db/types';
import { mayMeet } from './participant';

/**
 * Takes a KEY SHARE lock on the registrations of the people a meeting write involves, in id order,
 * before any slot lock, and says whether each may still meet. A registration's cancellation holds its
 * row FOR UPDATE and then locks the slots of its meetings; a writer that took a slot first and then
 * needed the row (every row it inserts refers to it) would deadlock with it. Taken first, the row
 * lock makes the two wait for each other in one order: the writer after the cancellation sees the
 * person no longer registered; the cancellation after the writer sees the meeting it wrote.
 */
export async function lockParties(tx: Db, registrationIds: string[]): Promise<{ allMayMeet: boolean }> {
  const ids = [...new Set(registrationIds)].sort();
  const rows = await tx
    .select({ id: registrations.id, status: registrations.status, erasedAt: registrations.erasedAt })
    .from(registrations)
    .where(inArray(registrations.id, ids))
    .orderBy(registrations.id)
    .for('key share');
  return { allMayMeet: rows.length === ids.length && rows.every((r) => !r.erasedAt && mayMeet(r.status)) };
}
