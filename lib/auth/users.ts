import { eq, sql } from 'drizzle-orm';
import { eventMembers, events, users } from '@/db/schema';
import type { Db } from '@/db/types';
import type { EventRole } from './authorize';
import { hashPassword } from './passwords';

/** Creates the account, or updates name/password of an existing one with that email. */
export async function upsertUser(db: Db, input: { email: string; name?: string; password?: string }): Promise<string> {
  const email = input.email.trim().toLowerCase();
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  const [existing] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email));
  if (existing) {
    const changes = { ...(input.name ? { name: input.name } : {}), ...(passwordHash ? { passwordHash } : {}) };
    // Nothing to change is fine: drizzle refuses an empty SET.
    if (Object.keys(changes).length > 0) await db.update(users).set(changes).where(eq(users.id, existing.id));
    return existing.id;
  }
  const [created] = await db
    .insert(users)
    .values({ email, name: input.name ?? null, passwordHash: passwordHash ?? null })
    .returning({ id: users.id });
  return created!.id;
}

export async function grantEventRole(
  db: Db,
  input: { userId: string; eventSlug: string; role: EventRole; venueId?: string | null },
): Promise<void> {
  const [event] = await db.select({ id: events.id }).from(events).where(eq(events.slug, input.eventSlug));
  if (!event) throw new Error(`No event with slug ${input.eventSlug}`);
  await db
    .insert(eventMembers)
    .values({ eventId: event.id, userId: input.userId, role: input.role, venueId: input.venueId ?? null })
    .onConflictDoNothing();
}
