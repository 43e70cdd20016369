import { eq } from 'drizzle-orm';
import { events } from '@/db/schema';
import type { Db } from '@/db/types';
import { organiserEvent } from '@/lib/admin/event-access';
import type { Actor } from '@/lib/auth/sessions';
import { diffAgenda } from '../publish/diff';
import { publishedSessions } from '../published-sessions';
import { workingAgenda } from '../public-agenda';
import { scheduleConflicts } from './schedule-conflicts';

/** The organiser's agenda page: the working copy, the conflicts it already holds, and what publishing it would change. */
export async function agendaOverview(db: Db, actor: Actor | null, slug: string) {
  const event = await organiserEvent(db, actor, slug);
  const [row] = await db.select().from(events).where(eq(events.id, event.id));
  const [working, published] = await Promise.all([workingAgenda(db, row!), publishedSessions(db, row!)]);
  return { event: row!, agenda: working, conflicts: scheduleConflicts(working), pending: diffAgenda(published ?? [], working.sessions) };
}
