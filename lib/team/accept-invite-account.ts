import { and, eq, isNull } from 'drizzle-orm';
import { users } from '@/db/schema';
import type { Db } from '@/db/types';
import { createMagicLinkToken } from '@/lib/auth/magic-link';
import { upsertUser } from '@/lib/auth/users';
import { forbidden, type Result } from '@/lib/errors/result';

class DisabledAccount extends Error {}

/**
 * The account an accepted invite (team or exhibitor staff) belongs to, inside the accepting
 * transaction: made if the address has none; the mail proved the address, and the account keeps the
 * invite's language for its mails unless it already has one.
 */
export async function accountOfAcceptedInvite(tx: Db, invite: { email: string; locale: string }, now: Date): Promise<string> {
  const userId = await upsertUser(tx, { email: invite.email });
  await tx
    .update(users)
    .set({ emailVerified: now })
    .where(and(eq(users.id, userId), isNull(users.emailVerified)));
  await tx
    .update(users)
    .set({ locale: invite.locale })
    .where(and(eq(users.id, userId), isNull(users.locale)));
  return userId;
}

/** A single-use token for the magic-link sign-in, so accepting also signs in; a disabled account rolls the acceptance back. */
export async function inviteSignInToken(tx: Db, email: string): Promise<string> {
  const signIn = await createMagicLinkToken(tx, email);
  if (!signIn) throw new DisabledAccount();
  return signIn.token;
}

/** Runs an acceptance; a disabled account does not get back in through an invite, which stays open for an organiser to revoke. */
export async function refusingDisabledAccounts<T extends object>(accept: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await accept();
  } catch (error) {
    if (error instanceof DisabledAccount) return forbidden('This account is disabled');
    throw error;
  }
}
