import { and, count, eq, ne } from 'drizzle-orm';
import { events, sessions } from '@/db/schema';
import type { Db } from '@/db/types';
import { organiserEvent } from '@/lib/admin/event-access';
import type { Actor } from '@/lib/auth/sessions';
import { type EventPhase, eventPhase } from '../lifecycle';
import { type PhaseAction, stepsFrom } from './change-phase';

export type LifecycleView = {
  slug: string;
  phase: EventPhase;
  steps: PhaseAction[];
  programmeVersion: number;
  registrationOpensAt: Date | null;
  registrationClosesAt: Date | null;
  timeZone: string;
  startsAt: Date;
  canClone: boolean;
  /** Sessions not cancelled: moving the dates asks whether they move too. */
  sessionCount: number;
};

/** What the settings page shows an organiser: where the event stands and the steps open from there. */
export async function lifecycleView(db: Db, actor: Actor | null, slug: string, now = new Date()): Promise<LifecycleView> {
  const { id } = await organiserEvent(db, actor, slug);
  const [event] = await db.select().from(events).where(eq(events.id, id));
  const phase = eventPhase(event!, now);
  const [held] = await db
    .select({ n: count() })
    .from(sessions)
    .where(and(eq(sessions.eventId, id), ne(sessions.status, 'cancelled')));
  return {
    slug,
    phase,
    steps: stepsFrom(phase),
    programmeVersion: event!.publishedVersion,
    registrationOpensAt: event!.registrationOpensAt,
    registrationClosesAt: event!.registrationClosesAt,
    timeZone: event!.timeZone,
    startsAt: event!.startsAt,
    canClone: actor!.canCreateEvents,
    sessionCount: held?.n ?? 0,
  };
}
