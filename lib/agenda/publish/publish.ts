import { eq } from 'drizzle-orm';
import { agendaVersions, events } from '@/db/schema';
import type { Db } from '@/db/types';
import { organiserEvent } from '@/lib/admin/event-access';
import { recordAudit } from '@/lib/audit/record-audit';
import type { Actor } from '@/lib/auth/sessions';
import { publishedSessions, toSnapshot } from '../published-sessions';
import { type PublicAgenda, workingAgenda } from '../public-agenda';
import { diffAgenda, type AgendaChange } from './diff';
import { scheduleAudience, type ScheduleAudience } from './audience';
import type { AgendaSession } from '../agenda-session';
import type { EventRow } from '../events';
import { notifyScheduleChanges } from './notify';
import { announceProgrammeChangeIn } from '../programme-changes';
import { dropSessionsSnapshots } from '../sessions-snapshot';

export type Publication = { version: number; changes: AgendaChange[]; notified: { registrants: number; speakers: number } };

/** What publishing the working agenda would do: the two versions, their changes, and who is mailed. */
export type PublicationPlan = { previous: AgendaSession[]; working: PublicAgenda; changes: AgendaChange[]; audience: ScheduleAudience };

/**
 * The one place a publication is worked out, for the preview on the agenda page and for the
 * publication itself (which asks again inside its transaction, with the event row locked).
 */
export async function planPublication(db: Db, event: EventRow): Promise<PublicationPlan> {
  const [working, published] = await Promise.all([workingAgenda(db, event), publishedSessions(db, event)]);
  const previous = published ?? [];
  const changes = diffAgenda(previous, working.sessions);
  return { previous, working, changes, audience: await scheduleAudience(db, working, previous, changes) };
}

/** What publishing now would change and whom it would mail, for the organiser to review first. */
export async function previewPublication(db: Db, actor: Actor | null, slug: string): Promise<PublicationPlan> {
  const event = await organiserEvent(db, actor, slug);
  const [row] = await db.select().from(events).where(eq(events.id, event.id));
  return planPublication(db, row!);
}

/** What publishing now would change, for the organiser to review first. */
export async function pendingAgendaChanges(db: Db, actor: Actor | null, slug: string): Promise<AgendaChange[]> {
  return (await previewPublication(db, actor, slug)).changes;
}

/**
 * Makes the working agenda the public one: records a version with its change list and, in the same
 * transaction, queues the mail for everyone affected. The event row is locked so two organisers
 * publishing at once produce two versions in order, each mailing only its own changes.
 */
export async function publishAgenda(db: Db, actor: Actor | null, slug: string): Promise<Publication> {
  const event = await organiserEvent(db, actor, slug);
  const publication = await db.transaction(async (tx) => {
    const [locked] = await tx.select().from(events).where(eq(events.id, event.id)).for('update');
    const { previous, working, changes, audience } = await planPublication(tx, locked!);
    const version = locked!.publishedVersion + 1;
    await tx
      .insert(agendaVersions)
      .values({ eventId: event.id, version, snapshot: toSnapshot(working.sessions), changes, publishedBy: actor!.userId });
    await tx.update(events).set({ publishedVersion: version }).where(eq(events.id, event.id));
    const notified = await notifyScheduleChanges(tx, working, previous, audience);
    await recordAudit(tx, {
      eventId: event.id,
      actorUserId: actor!.userId,
      action: 'agenda.publish',
      entity: 'agenda',
      entityId: String(version),
      details: { version, changes: changes.length, ...notified },
    });
    // Every instance drops its snapshot of the programme when this commits (this one at once, below).
    await announceProgrammeChangeIn(tx, event.slug);
    return { version, changes, notified };
  });
  dropSessionsSnapshots(event.slug);
  return publication;
}
