import { and, eq, ne, sql } from 'drizzle-orm';
import { attendeeCategories, registrations } from '@/db/schema';
import type { Db } from '@/db/types';
import { requireInScope, scopedEvent } from '@/lib/admin/event-access';
import { VENUE_EDITORS } from '@/lib/auth/authorize';
import { recordAudit } from '@/lib/audit/record-audit';
import type { Actor } from '@/lib/auth/sessions';
import { invalid, notFound, ok, type Result } from '@/lib/errors/result';
import { fieldErrors } from '@/lib/validation/field-errors';
import { vmsg } from '@/lib/validation/message';
import { admitPending } from '../categories/admit';
import { freeCategoryPlace, hasCategoryPlace, holdsCategoryPlace, lockCategory, takeCategoryPlace } from '../categories/category-seats';
import { fillCategory } from '../categories/fill-category';
import { closeCategoryLineGap } from '../categories/leave-category';
import { retryingDeadlocks } from '../deadlock-retry';
import { answerRows } from '../questions/answer-rows';
import { checkAnswers, submittedAnswers } from '../questions/check-answers';
import { eventQuestions } from '../questions/load';
import { replaceAnswers } from '../questions/record-answers';
import { organiserEditSchema } from './edit-registration-schema';

const DETAIL_KEYS = ['name', 'email', 'organisation', 'jobTitle', 'country', 'participantType', 'needs', 'locale'] as const;
const NO_SUCH_REGISTRATION = 'No such registration in this event';

/** Thrown inside the transaction to answer with a field error and keep nothing. */
class Refused extends Error {
  constructor(
    readonly field: string,
    readonly key: string,
  ) {
    super(key);
  }
}

/**
 * An organiser (or a venue manager, for their venue's registrations) changes any of a registration's
 * details, its category and its answers, checked like the registration form checks them (answers
 * against the questions the chosen category is asked), in one transaction, audited with the names of
 * the changed fields (and the old and new category). The organisers' edit overrides a category's
 * window, ways to attend and venues, but not its places: a registration holding a place takes one in
 * the new category under its lock (none left: refused, nothing changed) and frees the old one, which
 * then goes to the first in the old category's line. A pending registration moved to a category
 * without approval is admitted there as a new registration would be (a place and its seats, or the
 * line); it cannot be taken out of every category before it is decided.
 */
export async function editRegistrationAsOrganiser(
  db: Db,
  actor: Actor | null,
  slug: string,
  registrationId: string,
  raw: unknown,
): Promise<Result> {
  const { event, scope } = await scopedEvent(db, actor, slug, VENUE_EDITORS);
  const [seen] = await db
    .select()
    .from(registrations)
    .where(and(eq(registrations.id, registrationId), eq(registrations.eventId, event.id)));
  if (!seen || seen.erasedAt) return notFound(NO_SUCH_REGISTRATION);
  requireInScope(scope, seen.venueId);
  if (seen.status === 'cancelled') return invalid({ registration: vmsg('registrationCancelled') });

  const parsed = organiserEditSchema.safeParse(raw);
  const targetCategory = parsed.success ? parsed.data.category : seen.categoryId;
  const questions = await eventQuestions(db, event.id);
  const answers = checkAnswers(questions, submittedAnswers(raw), { categoryId: targetCategory });
  if (!parsed.success || !answers.ok)
    return invalid({ ...(parsed.success ? {} : fieldErrors(parsed.error)), ...(answers.ok ? {} : answers.fields) });
  const values = parsed.data;
  if (values.category) {
    const [known] = await db
      .select({ id: attendeeCategories.id })
      .from(attendeeCategories)
      .where(and(eq(attendeeCategories.id, values.category), eq(attendeeCategories.eventId, event.id)));
    if (!known) return invalid({ category: vmsg('category') });
  }
  const [taken] = await db
    .select({ id: registrations.id })
    .from(registrations)
    .where(
      and(
        eq(registrations.eventId, event.id),
        sql`lower(${registrations.email}) = ${values.email}`,
        ne(registrations.status, 'cancelled'),
        ne(registrations.id, registrationId),
      ),
    );
  if (taken) return invalid({ email: vmsg('registrationEmailTaken') });

  const moving = values.category !== seen.categoryId;
  let freed: string | null = null;
  try {
    await retryingDeadlocks(() =>
      db.transaction(async (tx) => {
        freed = null;
        // Category locks first (both, in one order, so two moves never wait on each other in a cycle),
        // then the registration's row, as every writer of category places does.
        const ids = moving ? [seen.categoryId, values.category].filter((id): id is string => Boolean(id)).sort() : [];
        const locked = new Map<string, NonNullable<Awaited<ReturnType<typeof lockCategory>>>>();
        for (const id of ids) {
          const category = await lockCategory(tx, id);
          if (category) locked.set(id, category);
        }
        const [current] = await tx.select().from(registrations).where(eq(registrations.id, registrationId)).for('update');
        if (!current || current.status === 'cancelled') throw new Refused('registration', vmsg('registrationCancelled'));
        const now = new Date();
        let admit = false;
        if (moving) {
          const from = current.categoryId ? locked.get(current.categoryId) : undefined;
          const to = values.category ? locked.get(values.category) : undefined;
          if (holdsCategoryPlace(current.status)) {
            if (to) {
              if (!hasCategoryPlace(to)) throw new Refused('category', vmsg('categoryFull'));
              await takeCategoryPlace(tx, to);
            }
            if (from) {
              await freeCategoryPlace(tx, from);
              freed = from.id;
            }
          } else {
            // Pending: it holds no place; it leaves the old line and waits for the new category's rules.
            if (!to) throw new Refused('category', vmsg('decideFirst'));
            if (from && current.categoryWaitlistPosition !== null)
              await closeCategoryLineGap(tx, from.id, current.categoryWaitlistPosition);
            admit = !to.requiresApproval;
          }
          await tx
            .update(registrations)
            .set({ categoryId: values.category, categoryWaitlistPosition: null })
            .where(eq(registrations.id, registrationId));
        }
        await tx
          .update(registrations)
          .set({
            ...Object.fromEntries(DETAIL_KEYS.map((key) => [key, values[key]])),
            updatedAt: now,
            sequence: sql`${registrations.sequence} + 1`,
          })
          .where(eq(registrations.id, registrationId));
        await replaceAnswers(
          tx,
          registrationId,
          questions.map((q) => q.id),
          answerRows(questions, answers.answers),
        );
        if (admit) await admitPending(tx, locked.get(values.category!)!, registrationId, { approval: null });
        await recordAudit(tx, {
          eventId: event.id,
          actorUserId: actor!.userId,
          action: 'registration.edit',
          entity: 'registration',
          entityId: registrationId,
          details: {
            changed: DETAIL_KEYS.filter((key) => current[key] !== values[key]),
            ...(moving ? { category: { from: current.categoryId, to: values.category } } : {}),
          },
        });
      }),
    );
  } catch (error) {
    if (error instanceof Refused) return invalid({ [error.field]: error.key });
    throw error;
  }
  // The place it left goes to the first in the old category's line.
  if (freed) await fillCategory(db, freed);
  return ok();
}
