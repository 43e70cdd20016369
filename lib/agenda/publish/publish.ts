import { eq } from 'drizzle-orm';
import { agendaVersions, events } from '@/db/schema';
import type { Db } from '@/db/types';
import { organiserEvent } from '@/lib/admin/event-access';
import { recordAudit } from '@/lib/audit/record-audit';
import type { Actor } from '@/lib/auth/sessions';
import { publishedSessions, toSnapshot } from '../published-sessions';
import { workingAgenda } from '../public-agenda';
import { diffAgenda, type AgendaChange } from './diff';
import { notifyScheduleChanges } from './notify';

export type Publication = { version: number; changes: AgendaChange[]; notified: { registrants: number; speakers: number } };

/** What publishing now would change, for the organiser to review first. */
export async function pendingAgendaChanges(db: Db, actor: Actor | null, slug: string): Promise<AgendaChange[]> {
  const event = await organiserEvent(db, actor, slug);
  const [row] = await db.select().from(events).where(eq(events.id, event.id));
  const [working, published] = await Promise.all([workingAgenda(db, row!), publishedSessions(db, row!)]);
  return diffAgenda(published ?? [], working.sessions);
}

/**
 * Makes the working agenda the public one: records a version with its change list and, in the same
 * transaction, queues the mail for everyone affected. The event row is locked so two organisers
 * publishing at once produce two versions in order, each mailing only its own changes.
 */
export async function publishAgenda(db: Db, actor: Actor | null, slug: string): Promise<Publication> {
  const event = await organiserEvent(db, actor, slug);
  return db.transaction(async (tx) => {
    const [locked] = await tx.select().from(events).where(eq(events.id, event.id)).for('update');
    const previous = (await publishedSessions(tx, locked!)) ?? [];
    const working = await workingAgenda(tx, locked!);
    const changes = diffAgenda(previous, working.sessions);
    const version = locked!.publishedVersion + 1;
    await tx
      .insert(agendaVersions)
      .values({ eventId: event.id, version, snapshot: toSnapshot(working.sessions), changes, publishedBy: actor!.userId });
    await tx.update(events).set({ publishedVersion: version }).where(eq(events.id, event.id));
    const notified = await notifyScheduleChanges(tx, working, previous, changes);
    await recordAudit(tx, {
      eventId: event.id,
      actorUserId: actor!.userId,
      action: 'agenda.publish',
      entity: 'agenda',
      entityId: String(version),
      details: { version, changes: changes.length, ...notified },
    });
    return { version, changes, notified };
  });
}
