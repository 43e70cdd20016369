import { asc, eq } from 'drizzle-orm';
import { eventMembers, events, type LocalizedText } from '@/db/schema';
import type { Db } from '@/db/types';
import type { EventRole } from './authorize';
import type { Actor } from './sessions';

export type MyEvent = { id: string; slug: string; name: LocalizedText; roles: EventRole[] };

/** The events an actor works on, with their roles in each (platform admins: every event, as organiser). */
export async function myEvents(db: Db, actor: Actor): Promise<MyEvent[]> {
  if (actor.isPlatformAdmin) {
    const all = await db.select({ id: events.id, slug: events.slug, name: events.name }).from(events).orderBy(asc(events.startsAt));
    return all.map((e) => ({ ...e, roles: ['organiser'] }));
  }
  const rows = await db
    .select({ id: events.id, slug: events.slug, name: events.name, role: eventMembers.role })
    .from(eventMembers)
    .innerJoin(events, eq(eventMembers.eventId, events.id))
    .where(eq(eventMembers.userId, actor.userId))
    .orderBy(asc(events.startsAt));
  const byId = new Map<string, MyEvent>();
  for (const row of rows) {
    const known = byId.get(row.id) ?? { id: row.id, slug: row.slug, name: row.name, roles: [] };
    known.roles.push(row.role);
    byId.set(row.id, known);
  }
  return [...byId.values()];
}
