import { eq } from 'drizzle-orm';
import { events } from '@/db/schema';
import type { Db } from '@/db/types';
import { inScope, scopedEvent } from '@/lib/admin/event-access';
import { READERS } from '@/lib/auth/authorize';
import type { Actor } from '@/lib/auth/sessions';
import { planPublication, type PublicationPlan } from '../publish/publish';
import { scheduleConflicts } from './schedule-conflicts';

/**
 * The agenda page: the working copy, the conflicts it already holds, and what publishing it would
 * change, and (for organisers) whom it would mail: the plan publishing itself follows. Every team role but check-in reads it; `editable` says which sessions the reader may open
 * in the editor (an organiser: all, a venue manager: their venue's, a viewer: none).
 */
export async function agendaOverview(db: Db, actor: Actor | null, slug: string) {
  const { event, roles, scope } = await scopedEvent(db, actor, slug, READERS);
  const organiser = roles.includes('organiser');
  const editable = (venueId: string) => organiser || (roles.includes('venue_manager') && inScope(scope, venueId));
  const [row] = await db.select().from(events).where(eq(events.id, event.id));
  const plan = await planPublication(db, row!);
  return {
    event: row!,
    organiser,
    editable,
    mayCreate: organiser || roles.includes('venue_manager'),
    agenda: plan.working,
    conflicts: scheduleConflicts(plan.working),
    pending: plan.changes,
    // Who publishing would mail: the counts for every reader, names and addresses for organisers only.
    plan: organiser ? plan : withoutContacts(plan),
  };
}

function withoutContacts(plan: PublicationPlan): PublicationPlan {
  const { audience } = plan;
  return {
    ...plan,
    audience: {
      ...audience,
      registrants: audience.registrants.map((r) => ({ ...r, name: '', email: '' })),
      speakers: audience.speakers.map((s) => ({ ...s, speaker: { ...s.speaker, name: '', email: '' } })),
    },
  };
}
