import { asc, eq } from 'drizzle-orm';
import { events, speakers } from '@/db/schema';
import type { Db } from '@/db/types';
import { AuthorizationError, requireEventRole } from '@/lib/auth/authorize';
import type { Actor } from '@/lib/auth/sessions';

export type SpeakerRecord = typeof speakers.$inferSelect & { eventName: { en: string; zh?: string }; eventSlug: string };

/** The speaker records (one per event) that belong to the signed-in user. */
export async function ownSpeakerRecords(db: Db, actor: Actor): Promise<SpeakerRecord[]> {
  const rows = await db
    .select({ speaker: speakers, eventName: events.name, eventSlug: events.slug })
    .from(speakers)
    .innerJoin(events, eq(speakers.eventId, events.id))
    .where(eq(speakers.userId, actor.userId))
    .orderBy(asc(events.startsAt), asc(speakers.id));
  return rows.map((r) => ({ ...r.speaker, eventName: r.eventName, eventSlug: r.eventSlug }));
}

/**
 * The one check before any change to a speaker record: its own (linked) user may change it, and so
 * may an organiser of its event. Anyone else gets "forbidden", whether or not the record exists.
 */
export async function requireSpeakerEditor(db: Db, actor: Actor | null, speakerId: string): Promise<typeof speakers.$inferSelect> {
  if (!actor) throw new AuthorizationError('signed-out');
  const [speaker] = /^[0-9a-f-]{36}$/i.test(speakerId) ? await db.select().from(speakers).where(eq(speakers.id, speakerId)) : [];
  if (!speaker) throw new AuthorizationError('forbidden');
  if (speaker.userId && speaker.userId === actor.userId) return speaker;
  await requireEventRole(db, actor, speaker.eventId, ['organiser']);
  return speaker;
}
