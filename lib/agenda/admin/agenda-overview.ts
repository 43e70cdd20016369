import { eq } from 'drizzle-orm';
import { events } from '@/db/schema';
import type { Db } from '@/db/types';
import { inScope, scopedEvent } from '@/lib/admin/event-access';
import { READERS } from '@/lib/auth/authorize';
import type { Actor } from '@/lib/auth/sessions';
import { diffAgenda } from '../publish/diff';
import { publishedSessions } from '../published-sessions';
import { workingAgenda } from '../public-agenda';
import { scheduleConflicts } from './schedule-conflicts';

/**
 * The agenda page: the working copy, the conflicts it already holds, and what publishing it would
 * change. Every team role but check-in reads it; `editable` says which sessions the reader may open
 * in the editor (an organiser: all, a venue manager: their venue's, a viewer: none).
 */
export async function agendaOverview(db: Db, actor: Actor | null, slug: string) {
  const { event, roles, scope } = await scopedEvent(db, actor, slug, READERS);
  const organiser = roles.includes('organiser');
  const editable = (venueId: string) => organiser || (roles.includes('venue_manager') && inScope(scope, venueId));
  const [row] = await db.select().from(events).where(eq(events.id, event.id));
  const [working, published] = await Promise.all([workingAgenda(db, row!), publishedSessions(db, row!)]);
  return {
    event: row!,
    organiser,
    editable,
    mayCreate: organiser || roles.includes('venue_manager'),
    agenda: working,
    conflicts: scheduleConflicts(working),
    pending: diffAgenda(published ?? [], working.sessions),
  };
}
