import { insertAnswers } from '../questions/record-answers';
import { eq } from 'drizzle-orm';
import { registrations } from '@/db/schema';
import type { Db } from '@/db/types';
import { recordAudit } from '@/lib/audit/record-audit';
import { conflict, invalid, notFound, ok } from '@/lib/errors/result';
import { vmsg } from '@/lib/validation/message';
import { manageTokenFor, manageTokenHash } from '../manage-token';
import { ALREADY_REGISTERED, claimManageLinkResends, recordRegistrations, type PreparedRegistration } from '../record-registrations';
import { queueRegistrationMail } from '../registration-mail';
import type { RegistrationOutcome } from '../result';
import { lockSeats, type SeatLock } from '../seats';
import { registrationView } from '../view';
import { hasCategoryPlace, lockCategory, takeCategoryPlace, type CategoryLock } from './category-seats';
import type { Category } from './check-category';
import { type CodeRedeemer, redeemInvitationCode } from './invitation-codes';

export type CategoryRegisterOptions = { categoryLock?: CategoryLock; seatLock?: SeatLock; redeemCode?: CodeRedeemer };

/** The invitation code was used up by others between the check and the write: nothing is kept. */
class CodeUsedUp extends Error {}

/**
 * Writes a registration in a category, in a transaction of its own (not the batches of
 * registration-batches.ts: the category's place is decided first). Locks the category's row, then:
 * - approval required: the registration is `pending` and holds no seat (docs/categories.md); its
 *   chosen sessions are kept to be seated when it is approved;
 * - no place left in the category: `pending` too, at the end of the category's line;
 * - otherwise it takes a category place and goes on like any registration (venue and session
 *   seats, under their locks, taken after the category's).
 * An invitation code is used in the same transaction, only once the registration is written, so a
 * registration that fails (or an address already registered) does not use it up.
 */
export async function registerInCategory(
  db: Db,
  registration: PreparedRegistration,
  category: Category,
  options: CategoryRegisterOptions = {},
): Promise<RegistrationOutcome> {
  const { input, event, now } = registration;
  try {
    return await db.transaction(async (tx): Promise<RegistrationOutcome> => {
      const locked = await (options.categoryLock ?? lockCategory)(tx, category.id);
      if (!locked) return notFound('No such category');
      const pending = locked.requiresApproval || !hasCategoryPlace(locked);
      let outcome: RegistrationOutcome;
      if (pending) outcome = await insertPending(tx, registration, category.id, locked.requiresApproval ? null : locked.waitlistTail + 1);
      else {
        [outcome] = (await recordRegistrations(tx, options.seatLock ?? lockSeats, [registration])) as [RegistrationOutcome];
        if (outcome.ok) {
          await takeCategoryPlace(tx, locked);
          await tx.update(registrations).set({ categoryId: category.id }).where(eq(registrations.id, registration.id));
        }
      }
      if (outcome.ok && input.code && !(await (options.redeemCode ?? redeemInvitationCode)(tx, event.id, category.id, input.code, now)))
        throw new CodeUsedUp();
      return outcome;
    });
  } catch (error) {
    if (error instanceof CodeUsedUp) return invalid({ code: vmsg('invitationCode') });
    throw error;
  }
}

/**
 * Inserts a pending registration (no seat anywhere): awaiting approval (`line` null) or at place
 * `line` of the category's line. An address already registered is answered like record-registrations
 * answers it (a throttled re-send of its manage link, then 409 inside the server).
 */
export async function insertPending(
  tx: Db,
  registration: PreparedRegistration,
  categoryId: string,
  line: number | null,
): Promise<RegistrationOutcome> {
  const { id, input, event, choices, now } = registration;
  const inserted = await tx
    .insert(registrations)
    .values({
      id,
      eventId: event.id,
      email: input.email,
      name: input.name,
      organisation: input.organisation,
      jobTitle: input.jobTitle,
      country: input.country,
      participantType: input.participantType,
      mode: input.mode,
      venueId: choices.venue?.id ?? null,
      status: 'pending',
      needs: input.needs,
      locale: input.locale,
      consentAt: now,
      manageTokenHash: manageTokenHash(manageTokenFor(id)),
      manageLinkSentAt: now,
      categoryId,
      categoryWaitlistPosition: line,
      delegationId: registration.delegation?.id ?? null,
      delegationHead: registration.delegation?.head ?? false,
      mailToHead: Boolean(registration.delegation?.mailTo),
      requestedSessions: [...choices.seatBySession].map(([sessionId, seat]) => ({ sessionId, seat })),
    })
    .onConflictDoNothing()
    .returning({ id: registrations.id });
  if (!inserted.length) {
    for (const resend of await claimManageLinkResends(tx, [registration])) await queueRegistrationMail(tx, resend, 'manage-link');
    return conflict(ALREADY_REGISTERED, { email: input.email });
  }
  await insertAnswers(
    tx,
    (registration.answers ?? []).map((answer) => ({ ...answer, registrationId: id })),
  );
  await queueRegistrationMail(tx, id, line === null ? 'pending' : 'category-waitlisted', line === null ? {} : { categoryPosition: line });
  await recordAudit(tx, {
    eventId: event.id,
    actorUserId: null,
    action: 'registration.create',
    entity: 'registration',
    entityId: id,
    details: {
      mode: input.mode,
      venue: choices.venue?.id ?? null,
      status: 'pending',
      sessions: input.sessions.length,
      category: categoryId,
    },
  });
  return ok({ registration: await registrationView(tx, id) });
}
