import { sql } from 'drizzle-orm';
import { oncePerDb } from '@/db/prepared';
import { resultRows } from '@/db/rows';
import type { Db } from '@/db/types';

type SessionStatus = 'scheduled' | 'changed' | 'cancelled';

/** Events whose published sessions are kept per database handle; beyond it the oldest is dropped. */
const MAX_EVENTS = 64;

type Cached = { version: number; statuses: Promise<Map<string, SessionStatus>> };
const cacheFor = oncePerDb(() => new Map<string, Cached>());

/**
 * The sessions of an event's published programme (its current agenda version) with their status
 * there, or null before anything is published (the public then sees the working programme). Only
 * these can be chosen: a session an organiser has added but not published yet exists in the tables
 * but not for the public.
 *
 * A version never changes once written, so what was read for (event, version) stays right until the
 * event's published version moves on, which every caller reads with the event: kept in memory,
 * registration reads no snapshot. Bounded by MAX_EVENTS events, one version each.
 */
export function publishedSessionStatuses(
  db: Db,
  event: { id: string; publishedVersion: number },
): Promise<Map<string, SessionStatus>> | null {
  if (event.publishedVersion < 1) return null;
  const cache = cacheFor(db);
  const cached = cache.get(event.id);
  if (cached?.version === event.publishedVersion) return cached.statuses;
  const statuses = readStatuses(db, event.id, event.publishedVersion);
  statuses.catch(() => cache.get(event.id)?.statuses === statuses && cache.delete(event.id));
  cache.delete(event.id);
  cache.set(event.id, { version: event.publishedVersion, statuses });
  if (cache.size > MAX_EVENTS) cache.delete(cache.keys().next().value!);
  return statuses;
}

async function readStatuses(db: Db, eventId: string, version: number): Promise<Map<string, SessionStatus>> {
  const rows = resultRows<{ id: string; status: SessionStatus }>(
    await db.execute(sql`
      select s->>'id' as id, s->>'status' as status
      from agenda_versions v, jsonb_array_elements(v.snapshot->'sessions') s
      where v.event_id = ${eventId} and v.version = ${version}`),
  );
  return new Map(rows.map((row) => [row.id, row.status]));
}
