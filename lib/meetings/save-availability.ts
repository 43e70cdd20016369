import { and, eq, gt } from 'drizzle-orm';
import { z } from 'zod';
import { meetingSlots, meetingUnavailability } from '@/db/schema';
import type { Db } from '@/db/types';
import { invalid, ok, type Result } from '@/lib/errors/result';
import { parseInput } from '@/lib/validation/field-errors';
import { vmsg } from '@/lib/validation/message';
import { mayMeet, participantById } from './participant';
import { lockParties } from './party-lock';
import { lockSlot, type SlotLock } from './slot-lock';

/** The availability form and its server action: the meeting times the person cannot meet at. */
export const availabilitySchema = z.object({
  unavailable: z.array(z.uuid({ error: vmsg('meetingSlot') }), { error: vmsg('meetingSlot') }).max(500, vmsg('meetingSlot')),
});

/**
 * Marks the times to come at which the person cannot meet; nobody can ask them for those. Each
 * change is made under its slot's lock, as requests are, so a request and a mark never cross: a
 * time the person already has a meeting or a request at stays open, and they are told to cancel it.
 */
export async function saveAvailability(
  db: Db,
  personId: string,
  values: unknown,
  options: { now?: Date; slotLock?: SlotLock } = {},
): Promise<Result> {
  const now = options.now ?? new Date();
  const parsed = parseInput(availabilitySchema, values);
  if (!parsed.ok) return parsed;
  const person = await participantById(db, personId);
  if (!person || person.erased || !mayMeet(person.status)) return invalid({ unavailable: vmsg('meetingNotConfirmed') });
  const wanted = new Set(parsed.value.unavailable);
  const slots = await db
    .select({ id: meetingSlots.id })
    .from(meetingSlots)
    .where(and(eq(meetingSlots.eventId, person.eventId), gt(meetingSlots.startsAt, now)));
  const marked = new Set(
    (
      await db
        .select({ slotId: meetingUnavailability.slotId })
        .from(meetingUnavailability)
        .where(eq(meetingUnavailability.registrationId, person.id))
    ).map((m) => m.slotId),
  );
  let busy = false;
  for (const { id } of slots) {
    const want = wanted.has(id);
    if (want === marked.has(id)) continue;
    await db.transaction(async (tx) => {
      // The person's registration before the slot (party-lock.ts); cancelled meanwhile, nothing is marked.
      if (!(await lockParties(tx, [person.id])).allMayMeet) return;
      const slot = await (options.slotLock ?? lockSlot)(tx, id);
      if (!slot) return;
      if (!want) {
        await tx
          .delete(meetingUnavailability)
          .where(and(eq(meetingUnavailability.slotId, id), eq(meetingUnavailability.registrationId, person.id)));
        return;
      }
      if (slot.held.has(person.id)) {
        busy = true;
        return;
      }
      await tx.insert(meetingUnavailability).values({ slotId: id, registrationId: person.id }).onConflictDoNothing();
    });
  }
  return busy ? invalid({ unavailable: vmsg('meetingUnavailableHeld') }) : ok();
}
