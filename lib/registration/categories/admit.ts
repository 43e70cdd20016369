import { eq, sql } from 'drizzle-orm';
import { events, registrations } from '@/db/schema';
import type { Db } from '@/db/types';
import { RegistrationChangedMeanwhile } from '../deadlock-retry';
import { planSeats, recordSeatsAndMails } from '../new-registration-seats';
import { queueRegistrationMail } from '../registration-mail';
import { publishedSessionStatuses } from '../published-session-statuses';
import { lockSeats, type SeatLock } from '../seats';
import { hasCategoryPlace, takeCategoryPlace, type LockedCategory } from './category-seats';
import { closeCategoryLineGap } from './leave-category';

type Registration = typeof registrations.$inferSelect;

/**
 * What admitting a pending registration came to: seated (confirmed, or waitlisted at its venue, with
 * its sessions), put in the category's line (approved, but the category is full), or nothing
 * because it is no longer pending (cancelled or decided by someone else meanwhile).
 */
export type Admission = 'seated' | 'in-line' | 'not-pending';

/**
 * Admits a pending registration into its locked category, in the caller's transaction. The order
 * of locks every writer follows: the category (held by the caller), the venue and session seats,
 * then the registration's row. The seats are planned from the row read before their locks; should
 * the row have changed by the time it is locked, the transaction starts again
 * (RegistrationChangedMeanwhile, retried by the caller). A cancellation that got in first leaves the
 * row cancelled: nothing is taken (`not-pending`).
 *
 * With a place free in the category, the registration takes it and its seats exactly as a new
 * registration would (a full venue or session puts it in that line); otherwise an approval moves it
 * to the end of the category's line, still pending. `mail` says which mail the registrant gets.
 */
export async function admitPending(
  tx: Db,
  category: LockedCategory,
  registrationId: string,
  how: { approval: { by: string; message: string } | null; seatLock?: SeatLock },
): Promise<Admission> {
  const [seen] = await tx.select().from(registrations).where(eq(registrations.id, registrationId));
  if (seen?.status !== 'pending' || seen.categoryId !== category.id) return 'not-pending';
  const requested = await stillHeld(tx, seen.eventId, seen.requestedSessions ?? []);
  const full = !hasCategoryPlace(category);
  const lockedSeats = full
    ? null
    : await (how.seatLock ?? lockSeats)(tx, {
        venueIds: seen.venueId ? [seen.venueId] : [],
        sessionIds: requested.filter((r) => r.seat).map((r) => r.sessionId),
      });
  const [current] = await tx.select().from(registrations).where(eq(registrations.id, registrationId)).for('update');
  if (!current || current.sequence !== seen.sequence || current.status !== seen.status) {
    if (current?.status === 'cancelled') return 'not-pending';
    throw new RegistrationChangedMeanwhile();
  }
  const now = new Date();
  const decision = how.approval ? { decision: 'approved' as const, decidedAt: now, decidedBy: how.approval.by } : {};
  const changes = how.approval?.message ? [how.approval.message] : [];

  if (!lockedSeats) {
    // Approved into a full category: it waits for a place like everyone in its line.
    const position = current.categoryWaitlistPosition ?? category.waitlistTail + 1;
    if (current.categoryWaitlistPosition === null) category.waitlistTail = position;
    await tx
      .update(registrations)
      .set({ ...decision, categoryWaitlistPosition: position, updatedAt: now, sequence: sql`${registrations.sequence} + 1` })
      .where(eq(registrations.id, current.id));
    await queueRegistrationMail(tx, current.id, 'category-waitlisted', { categoryPosition: position, changes });
    return 'in-line';
  }

  await takeCategoryPlace(tx, category);
  const plan = await planSeats(tx, lockedSeats, {
    venueId: current.venueId,
    seatBySession: new Map(requested.map((r) => [r.sessionId, r.seat])),
  });
  await tx
    .update(registrations)
    .set({
      ...decision,
      status: 'confirmed',
      waitlistPosition: null,
      categoryWaitlistPosition: null,
      requestedSessions: null,
      updatedAt: now,
      sequence: sql`${registrations.sequence} + 1`,
    })
    .where(eq(registrations.id, current.id));
  if (current.categoryWaitlistPosition !== null) await closeCategoryLineGap(tx, category.id, current.categoryWaitlistPosition);
  // The seats as a new registration records them; its mail is queued after, from what was written.
  await recordSeatsAndMails(tx, [{ registrationId: current.id, plan }], sql`select 1`);
  await queueRegistrationMail(tx, current.id, how.approval ? 'approved' : 'promoted', { changes });
  return 'seated';
}

/**
 * The requested sessions that are still in the published programme and not cancelled: a pending
 * registration may wait days for its decision, and a session cancelled meanwhile must not be seated.
 */
async function stillHeld<T extends { sessionId: string }>(tx: Db, eventId: string, requested: T[]): Promise<T[]> {
  if (requested.length === 0) return requested;
  const [event] = await tx.select({ id: events.id, publishedVersion: events.publishedVersion }).from(events).where(eq(events.id, eventId));
  const statuses = event ? await publishedSessionStatuses(tx, event) : null;
  if (!statuses) return requested;
  return requested.filter((r) => {
    const status = statuses.get(r.sessionId);
    return status !== undefined && status !== 'cancelled';
  });
}

export type { Registration };
