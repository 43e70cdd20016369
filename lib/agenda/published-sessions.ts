import { and, eq } from 'drizzle-orm';
import { agendaVersions } from '@/db/schema';
import type { Db } from '@/db/types';
import type { AgendaSession } from './agenda-session';
import type { EventRow } from './events';

/** What a version stores: the sessions as published, dates as ISO strings. */
export type AgendaSnapshot = { sessions: (Omit<AgendaSession, 'startsAt' | 'endsAt'> & { startsAt: string; endsAt: string })[] };

export function toSnapshot(sessions: AgendaSession[]): AgendaSnapshot {
  return { sessions: sessions.map((s) => ({ ...s, startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString() })) };
}

export function fromSnapshot(snapshot: AgendaSnapshot): AgendaSession[] {
  return snapshot.sessions.map((s) => ({ ...s, startsAt: new Date(s.startsAt), endsAt: new Date(s.endsAt) }));
}

/** The sessions of the event's current published version, or null when none has been published. */
export async function publishedSessions(db: Db, event: Pick<EventRow, 'id' | 'publishedVersion'>): Promise<AgendaSession[] | null> {
  if (event.publishedVersion < 1) return null;
  const [row] = await db
    .select({ snapshot: agendaVersions.snapshot })
    .from(agendaVersions)
    .where(and(eq(agendaVersions.eventId, event.id), eq(agendaVersions.version, event.publishedVersion)));
  return row ? fromSnapshot(row.snapshot as AgendaSnapshot) : null;
}
