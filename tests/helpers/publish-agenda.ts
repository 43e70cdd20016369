import { eq, sql } from 'drizzle-orm';
import { agendaVersions, events } from '@/db/schema';
import type { Db } from '@/db/types';
import { toSnapshot } from '@/lib/agenda/published-sessions';
import { workingAgenda } from '@/lib/agenda/public-agenda';

/**
 * Publishes an event's working programme as its next version, as an organiser's "Publish" does
 * (lib/agenda/publish/publish.ts) without the mails and the audit: for tests that add sessions
 * straight into the tables and then register for them (only published sessions can be chosen).
 */
export async function publishWorkingAgenda(db: Db, eventId: string): Promise<number> {
  return db.transaction(async (tx) => {
    const [event] = await tx.select().from(events).where(eq(events.id, eventId)).for('update');
    const working = await workingAgenda(tx, event!);
    const version = event!.publishedVersion + 1;
    await tx.insert(agendaVersions).values({ eventId, version, snapshot: toSnapshot(working.sessions), changes: [] });
    await tx
      .update(events)
      .set({ publishedVersion: sql`${version}` })
      .where(eq(events.id, eventId));
    return version;
  });
}
