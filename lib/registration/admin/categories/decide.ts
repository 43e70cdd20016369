import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { registrations } from '@/db/schema';
import type { Db } from '@/db/types';
import { organiserEvent } from '@/lib/admin/event-access';
import { recordAudit } from '@/lib/audit/record-audit';
import type { Actor } from '@/lib/auth/sessions';
import { invalid, ok, type Result } from '@/lib/errors/result';
import { fieldErrors } from '@/lib/validation/field-errors';
import { vmsg } from '@/lib/validation/message';
import { multiLineText } from '@/lib/validation/text';
import { retryingDeadlocks } from '../../deadlock-retry';
import { queueRegistrationMail } from '../../registration-mail';
import type { SeatLock } from '../../seats';
import { admitPending, type Admission } from '../../categories/admit';
import { lockCategory, type CategoryLock } from '../../categories/category-seats';
import { closeCategoryLineGap } from '../../categories/leave-category';

/** One decision on one or many pending registrations, with an optional message mailed to each. */
export const decisionInputSchema = z.object({
  ids: z
    .array(z.uuid({ error: vmsg('chooseRegistrations') }))
    .min(1, vmsg('chooseRegistrations'))
    .max(500, vmsg('tooMany', { max: 500 })),
  message: multiLineText(1000).default(''),
});
export type DecisionInput = z.input<typeof decisionInputSchema>;

/** How many of the chosen registrations each outcome reached. */
export type DecisionTally = { seated: number; inLine: number; rejected: number; skipped: number };

/** What an approval that took (seated or in line) leads to besides its mail, after its transaction committed. */
export type AfterApproval = (
  db: Db,
  approved: { event: { id: string; startsAt: Date }; registrationId: string; categoryId: string; byUserId: string },
) => Promise<void>;

type DecideOptions = { categoryLock?: CategoryLock; seatLock?: SeatLock; afterApproval?: AfterApproval };

/**
 * An organiser approves pending registrations of their event, one transaction each (so one that a
 * cancellation got to first is skipped, not the whole lot): each takes its category place and its
 * seats at that moment, or the category's line when it is full (admit.ts), and gets its mail.
 */
export async function approveRegistrations(
  db: Db,
  actor: Actor | null,
  slug: string,
  raw: unknown,
  options: DecideOptions = {},
): Promise<Result<{ tally: DecisionTally }>> {
  const event = await organiserEvent(db, actor, slug);
  const parsed = decisionInputSchema.safeParse(raw);
  if (!parsed.success) return invalid(fieldErrors(parsed.error));
  const tally: DecisionTally = { seated: 0, inLine: 0, rejected: 0, skipped: 0 };
  for (const { id, categoryId } of await awaitingDecision(db, event.id, parsed.data.ids)) {
    const outcome = await retryingDeadlocks(() =>
      db.transaction(async (tx): Promise<Admission> => {
        const category = await (options.categoryLock ?? lockCategory)(tx, categoryId);
        if (!category) return 'not-pending';
        const admission = await admitPending(tx, category, id, {
          approval: { by: actor!.userId, message: parsed.data.message },
          seatLock: options.seatLock,
        });
        if (admission !== 'not-pending')
          await recordAudit(tx, {
            eventId: event.id,
            actorUserId: actor!.userId,
            action: 'registration.approve',
            entity: 'registration',
            entityId: id,
            details: { outcome: admission, ...(parsed.data.message ? { message: parsed.data.message } : {}) },
          });
        return admission;
      }),
    );
    if (outcome !== 'not-pending') await options.afterApproval?.(db, { event, registrationId: id, categoryId, byUserId: actor!.userId });
    if (outcome === 'seated') tally.seated += 1;
    else if (outcome === 'in-line') tally.inLine += 1;
  }
  // Not pending when chosen, not pending once locked, or named twice.
  tally.skipped = parsed.data.ids.length - tally.seated - tally.inLine;
  return ok({ tally });
}

/**
 * An organiser rejects pending registrations of their event: each is cancelled (it held no seat),
 * leaves its category's line if it was in it, and gets a mail with the message.
 */
export async function rejectRegistrations(
  db: Db,
  actor: Actor | null,
  slug: string,
  raw: unknown,
): Promise<Result<{ tally: DecisionTally }>> {
  const event = await organiserEvent(db, actor, slug);
  const parsed = decisionInputSchema.safeParse(raw);
  if (!parsed.success) return invalid(fieldErrors(parsed.error));
  const tally: DecisionTally = { seated: 0, inLine: 0, rejected: 0, skipped: parsed.data.ids.length };
  for (const { id, categoryId } of await awaitingDecision(db, event.id, parsed.data.ids)) {
    const rejected = await retryingDeadlocks(() =>
      db.transaction(async (tx) => {
        // The category's lock first, as every writer of its line takes it.
        await lockCategory(tx, categoryId);
        const [current] = await tx
          .select({ status: registrations.status, line: registrations.categoryWaitlistPosition })
          .from(registrations)
          .where(eq(registrations.id, id))
          .for('update');
        if (current?.status !== 'pending') return false;
        const now = new Date();
        await tx
          .update(registrations)
          .set({
            status: 'cancelled',
            decision: 'rejected',
            decidedAt: now,
            decidedBy: actor!.userId,
            cancelledAt: now,
            categoryWaitlistPosition: null,
            updatedAt: now,
            sequence: sql`${registrations.sequence} + 1`,
          })
          .where(eq(registrations.id, id));
        if (current.line !== null) await closeCategoryLineGap(tx, categoryId, current.line);
        await queueRegistrationMail(tx, id, 'rejected', { changes: parsed.data.message ? [parsed.data.message] : [] });
        await recordAudit(tx, {
          eventId: event.id,
          actorUserId: actor!.userId,
          action: 'registration.reject',
          entity: 'registration',
          entityId: id,
          details: parsed.data.message ? { message: parsed.data.message } : {},
        });
        return true;
      }),
    );
    if (rejected) {
      tally.rejected += 1;
      tally.skipped -= 1;
    }
  }
  return ok({ tally });
}

/** The chosen registrations of this event that are pending in a category (others are skipped), first registered first. */
async function awaitingDecision(db: Db, eventId: string, ids: string[]): Promise<{ id: string; categoryId: string }[]> {
  const rows = await db
    .select({ id: registrations.id, categoryId: registrations.categoryId })
    .from(registrations)
    .where(and(eq(registrations.eventId, eventId), inArray(registrations.id, ids), eq(registrations.status, 'pending')))
    .orderBy(asc(registrations.createdAt), asc(registrations.id));
  return rows.flatMap((r) => (r.categoryId ? [{ id: r.id, categoryId: r.categoryId }] : []));
}
