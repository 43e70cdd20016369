import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { events } from '@/db/schema';
import type { Db } from '@/db/types';
import { organiserEvent } from '@/lib/admin/event-access';
import { recordAudit } from '@/lib/audit/record-audit';
import type { Actor } from '@/lib/auth/sessions';
import { conflict, ok, type Result } from '@/lib/errors/result';
import { type EventPhase, eventPhase } from '../lifecycle';

export const phaseActionSchema = z.enum(['publish', 'open-registration', 'close-registration', 'archive']);
export type PhaseAction = z.infer<typeof phaseActionSchema>;

/** From which phases each step may be taken; anything else is refused and changes nothing. */
const ALLOWED: Record<PhaseAction, EventPhase[]> = {
  publish: ['draft'],
  'open-registration': ['upcoming', 'closed'],
  'close-registration': ['open'],
  // A forum that never opened registration (by invitation only) can be archived too.
  archive: ['closed', 'upcoming'],
};

/** The steps open from a phase, in the order the page offers them. */
export function stepsFrom(phase: EventPhase): PhaseAction[] {
  return phaseActionSchema.options.filter((step) => ALLOWED[step].includes(phase));
}

/** Reads the event row a step starts from, inside the step's transaction. */
export type EventRowRead = (tx: Db, eventId: string) => Promise<typeof events.$inferSelect>;

/** Locks the row: a second step (or a settings save) waits until this one has committed, then reads its result. */
export const lockEventRow: EventRowRead = async (tx, eventId) =>
  (await tx.select().from(events).where(eq(events.id, eventId)).for('update'))[0]!;

/** The same read without the lock. Only for the negative-control test, which must then see two steps taken at once. */
export const readEventRowWithoutLocking: EventRowRead = async (tx, eventId) =>
  (await tx.select().from(events).where(eq(events.id, eventId)))[0]!;

export type PhaseRefusal = 'not-allowed-now' | 'programme-unpublished';
/** A refused step is a conflict with the event's phase: the reason says which, the page words it. */
export type PhaseChange = Result<{ phase: EventPhase }, { reason: PhaseRefusal; phase: EventPhase }>;

/**
 * One step of the event's life: draft → published (registration not yet open) → open → closed →
 * archived. The row is locked, so two organisers clicking at once take one step, not two.
 */
export async function changeEventPhase(
  db: Db,
  actor: Actor | null,
  slug: string,
  step: PhaseAction,
  now = new Date(),
  readEvent: EventRowRead = lockEventRow,
): Promise<PhaseChange> {
  const { id } = await organiserEvent(db, actor, slug);
  return db.transaction(async (tx) => {
    const event = await readEvent(tx, id);
    const phase = eventPhase(event, now);
    if (!ALLOWED[step].includes(phase))
      return conflict(`The event cannot ${step} while ${phase}`, { reason: 'not-allowed-now' as const, phase });
    // The public would see an empty programme: the organiser publishes it (agenda page) first.
    if (step === 'publish' && event.publishedVersion === 0)
      return conflict('Publish the programme first', { reason: 'programme-unpublished' as const, phase });

    const change: Partial<typeof events.$inferInsert> =
      step === 'publish'
        ? { status: 'published' }
        : step === 'open-registration'
          ? {
              registrationOpensAt: now,
              registrationClosesAt: event.registrationClosesAt && event.registrationClosesAt > now ? event.registrationClosesAt : null,
            }
          : step === 'close-registration'
            ? // The window's end is inclusive: closed from this very instant.
              { registrationClosesAt: new Date(now.getTime() - 1) }
            : { status: 'archived' };
    const [updated] = await tx.update(events).set(change).where(eq(events.id, id)).returning();
    const next = eventPhase(updated!, now);
    await recordAudit(tx, {
      eventId: id,
      actorUserId: actor!.userId,
      action: `event.${step}`,
      entity: 'event',
      entityId: id,
      details: { from: phase, to: next },
    });
    return ok({ phase: next });
  });
}
