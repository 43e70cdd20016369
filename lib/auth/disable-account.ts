import { eq, sql } from 'drizzle-orm';
import { authSessions, users } from '@/db/schema';
import type { Db } from '@/db/types';

/**
 * Disables (or re-enables) an account. Its open sessions are deleted in the same transaction, and
 * every request checks the flag too, so a disabled person is out at their next click.
 */
export async function setAccountDisabled(db: Db, email: string, disabled: boolean): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [user] = await tx
      .update(users)
      .set({ disabledAt: disabled ? new Date() : null })
      .where(eq(sql`lower(${users.email})`, email.trim().toLowerCase()))
      .returning({ id: users.id });
    if (!user) return false;
    if (disabled) await tx.delete(authSessions).where(eq(authSessions.userId, user.id));
    return true;
  });
}
