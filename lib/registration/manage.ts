import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { registrations, registrationSessions } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import type { Db } from '@/db/types';
import { resolveChoices } from './choices';
import { retryingDeadlocks } from './deadlock-retry';
import { rearrangeSeats } from './rearrange';
import { registrationView } from './view';
import { invalid, notFound, ok } from '@/lib/errors/result';
import type { RegistrationOutcome } from './result';
import { attendanceFields, requireVenueInPerson } from './attendance-fields';
import { fieldErrors } from '@/lib/validation/field-errors';
import { vmsg } from '@/lib/validation/message';
import { lockSeats, type SeatLock } from './seats';
import { fillCategoryOf } from './categories/fill-category';
import { checkCategoryAttendance } from './categories/category-attendance';

async function chosenSessionIds(tx: Db, registrationId: string): Promise<string[]> {
  const rows = await tx
    .select({ sessionId: registrationSessions.sessionId })
    .from(registrationSessions)
    .where(eq(registrationSessions.registrationId, registrationId));
  return rows.map((r) => r.sessionId).sort();
}

/** What a registrant can change from their manage link. */
export const registrationChangeSchema = z.object(attendanceFields).superRefine(requireVenueInPerson);

export type RegistrationChange = z.input<typeof registrationChangeSchema>;

export async function changeRegistration(
  db: Db,
  registrationId: string,
  rawChange: unknown,
  options: { lock?: SeatLock } = {},
): Promise<RegistrationOutcome> {
  const parsed = registrationChangeSchema.safeParse(rawChange);
  if (!parsed.success) return invalid(fieldErrors(parsed.error));
  const [existing] = await db.select().from(registrations).where(eq(registrations.id, registrationId));
  if (!existing) return notFound('No such registration');
  const choices = await resolveChoices(db, existing.eventId, parsed.data);
  if ('field' in choices) return invalid({ [choices.field]: choices.message });
  const outsideCategory = await checkCategoryAttendance(db, existing.categoryId, {
    mode: parsed.data.mode,
    venueId: choices.venue?.id ?? null,
  });
  if (outsideCategory) return invalid({ [outsideCategory.field]: outsideCategory.message });
  // Retried whole when a deadlock or a concurrent change got in the way: see deadlock-retry.ts.
  return retryingDeadlocks(() =>
    db.transaction(async (tx) => {
      const heldBefore = await chosenSessionIds(tx, registrationId);
      const before = await rearrangeSeats(tx, registrationId, { mode: parsed.data.mode, choices }, options.lock ?? lockSeats);
      if (!before || before.status === 'cancelled') return invalid({ registration: vmsg('registrationCancelled') });
      if (before.status === 'pending') return invalid({ registration: vmsg('registrationPending') });
      const heldAfter = await chosenSessionIds(tx, registrationId);
      const change = {
        mode: { from: before.mode, to: parsed.data.mode },
        venue: { from: before.venueId, to: choices.venue?.id ?? null },
        added: heldAfter.filter((id) => !heldBefore.includes(id)),
        removed: heldBefore.filter((id) => !heldAfter.includes(id)),
      };
      if (change.mode.from !== change.mode.to || change.venue.from !== change.venue.to || change.added.length || change.removed.length)
        // Actor null: the registrant, through their own manage link.
        await recordAudit(tx, {
          eventId: before.eventId,
          actorUserId: null,
          action: 'registration.self-change',
          entity: 'registration',
          entityId: registrationId,
          details: change,
        });
      return ok({ registration: await registrationView(tx, registrationId) });
    }),
  );
}

/** Cancels a registration; every seat it held goes to the first in line, in the same transaction. */
export async function cancelRegistration(db: Db, registrationId: string, options: { lock?: SeatLock } = {}): Promise<RegistrationOutcome> {
  const outcome = await retryingDeadlocks(() =>
    db.transaction(async (tx) => {
      const before = await rearrangeSeats(tx, registrationId, null, options.lock ?? lockSeats);
      if (!before) return notFound('No such registration');
      if (before.status !== 'cancelled')
        await recordAudit(tx, {
          eventId: before.eventId,
          actorUserId: null,
          action: 'registration.self-cancel',
          entity: 'registration',
          entityId: registrationId,
          details: { previousStatus: before.status },
        });
      return ok({ registration: await registrationView(tx, registrationId) });
    }),
  );
  // A category place it held goes to the first in the category's line (categories/fill-category.ts).
  await fillCategoryOf(db, registrationId);
  return outcome;
}
