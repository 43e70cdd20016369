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
): Promise<PhaseChange> {
  const { id } = await organiserEvent(db, actor, slug);
  return db.transaction(async (tx) => {
    const [event] = await tx.select().from(events).where(eq(events.id, id)).for('update');
    const phase = eventPhase(event!, now);
    if (!ALLOWED[step].includes(phase))
      return conflict(`The event cannot ${step} while ${phase}`, { reason: 'not-allowed-now' as const, phase });
    // The public would see an empty programme: the organiser publishes it (agenda page) first.
    if (step === 'publish' && event!.publishedVersion === 0)
      return conflict('Publish the programme first', { reason: 'programme-unpublished' as const, phase });

    const change: Partial<typeof events.$inferInsert> =
      step === 'publish'
        ? { status: 'published' }
        : step === 'open-registration'
          ? {
              registrationOpensAt: now,
              registrationClosesAt: event!.registrationClosesAt && event!.registrationClosesAt > now ? event!.registrationClosesAt : null,
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
