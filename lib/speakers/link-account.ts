import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { eventMembers, speakers, users } from '@/db/schema';
import type { Db } from '@/db/types';
import type { Actor } from '@/lib/auth/sessions';

/**
 * Links speaker records that carry the signed-in user's email to the account (first portal visit)
 * and makes them speakers of those events. Only a verified address links: a magic-link sign-in
 * proves the person reads that inbox, a password account made by someone else does not.
 */
export async function linkSpeakerRecords(db: Db, actor: Actor): Promise<number> {
  return db.transaction(async (tx) => {
    const [user] = await tx
      .select({ email: users.email })
      .from(users)
      .where(and(eq(users.id, actor.userId), isNotNull(users.emailVerified), isNull(users.disabledAt)));
    if (!user) return 0;
    const linked = await tx
      .update(speakers)
      .set({ userId: actor.userId })
      .where(and(isNull(speakers.userId), eq(sql`lower(${speakers.email})`, user.email.trim().toLowerCase())))
      .returning({ eventId: speakers.eventId });
    for (const { eventId } of linked) {
      await tx.insert(eventMembers).values({ eventId, userId: actor.userId, role: 'speaker' }).onConflictDoNothing();
    }
    return linked.length;
  });
}
