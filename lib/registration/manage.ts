import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { registrations } from '@/db/schema';
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
  // Retried whole when a deadlock or a concurrent change got in the way: see deadlock-retry.ts.
  return retryingDeadlocks(() =>
    db.transaction(async (tx) => {
      const before = await rearrangeSeats(tx, registrationId, { mode: parsed.data.mode, choices }, options.lock ?? lockSeats);
      if (!before || before.status === 'cancelled') return invalid({ registration: vmsg('registrationCancelled') });
      return ok({ registration: await registrationView(tx, registrationId) });
    }),
  );
}

/** Cancels a registration; every seat it held goes to the first in line, in the same transaction. */
export async function cancelRegistration(db: Db, registrationId: string, options: { lock?: SeatLock } = {}): Promise<RegistrationOutcome> {
  return retryingDeadlocks(() =>
    db.transaction(async (tx) => {
      const before = await rearrangeSeats(tx, registrationId, null, options.lock ?? lockSeats);
      if (!before) return notFound('No such registration');
      return ok({ registration: await registrationView(tx, registrationId) });
    }),
  );
}
