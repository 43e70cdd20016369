import { eq } from 'drizzle-orm';
import { events } from '@/db/schema';
import type { Db } from '@/db/types';
import { organiserEvent } from '@/lib/admin/event-access';
import type { Actor } from '@/lib/auth/sessions';
import { planPublication } from '../publish/publish';
import { scheduleConflicts } from './schedule-conflicts';

/**
 * The organiser's agenda page: the working copy, the conflicts it already holds, and what publishing
 * it would change and whom it would mail (the plan publishing itself follows).
 */
export async function agendaOverview(db: Db, actor: Actor | null, slug: string) {
  const event = await organiserEvent(db, actor, slug);
  const [row] = await db.select().from(events).where(eq(events.id, event.id));
  const plan = await planPublication(db, row!);
  return { event: row!, agenda: plan.working, conflicts: scheduleConflicts(plan.working), pending: plan.changes, plan };
}
