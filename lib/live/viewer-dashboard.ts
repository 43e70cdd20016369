import { inArray } from 'drizzle-orm';
import { sessions } from '@/db/schema';
import type { Db } from '@/db/types';
import { scopedEvent } from '@/lib/admin/event-access';
import type { Actor } from '@/lib/auth/sessions';
import type { LocalizedText } from '@/db/schema';
import { liveViewerCounts } from './presence';

export type LiveViewerRow = { sessionId: string; title: LocalizedText; viewers: number };

/** The dashboard's "watching now": attendees connected to each session's live room, over every instance. */
export async function eventLiveViewers(db: Db, actor: Actor | null, slug: string): Promise<LiveViewerRow[]> {
  const { event } = await scopedEvent(db, actor, slug, ['organiser', 'viewer']);
  const counts = await liveViewerCounts(db, event.id);
  if (!counts.length) return [];
  const titles = new Map(
    (
      await db
        .select({ id: sessions.id, title: sessions.title })
        .from(sessions)
        .where(
          inArray(
            sessions.id,
            counts.map((c) => c.sessionId),
          ),
        )
    ).map((s) => [s.id, s.title]),
  );
  return counts.map((c) => ({ ...c, title: titles.get(c.sessionId)! }));
}
