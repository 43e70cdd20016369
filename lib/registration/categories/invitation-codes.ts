import { and, eq, gt, sql } from 'drizzle-orm';
import { categoryInvitationCodes } from '@/db/schema';
import type { Db } from '@/db/types';

/** How a code is typed: letters and digits, any case, spaces and dashes ignored. */
export function normaliseCode(raw: string): string {
  return raw.replace(/[\s-]+/g, '').toUpperCase();
}

/**
 * The category a code opens, when it is valid now (known for this event, not expired, not used up),
 * without using it: what the form shows. Null for every other case alike, so the answer never says
 * whether a hidden category exists.
 */
export async function categoryForCode(db: Db, eventId: string, rawCode: string, now: Date): Promise<string | null> {
  const code = normaliseCode(rawCode);
  if (!code) return null;
  const [row] = await db
    .select({ categoryId: categoryInvitationCodes.categoryId })
    .from(categoryInvitationCodes)
    .where(
      and(
        eq(categoryInvitationCodes.eventId, eventId),
        eq(categoryInvitationCodes.code, code),
        gt(categoryInvitationCodes.expiresAt, now),
        sql`${categoryInvitationCodes.uses} < ${categoryInvitationCodes.maxUses}`,
      ),
    );
  return row?.categoryId ?? null;
}

/**
 * Uses a code once for a category, in the caller's transaction: one conditional UPDATE, so however
 * many registrations redeem it at once, PostgreSQL re-checks `uses < max_uses` on the row each one
 * waited for, and at most `max_uses` succeed. Returns whether it was used.
 */
export async function redeemInvitationCode(tx: Db, eventId: string, categoryId: string, rawCode: string, now: Date): Promise<boolean> {
  const used = await tx
    .update(categoryInvitationCodes)
    .set({ uses: sql`${categoryInvitationCodes.uses} + 1` })
    .where(
      and(
        eq(categoryInvitationCodes.eventId, eventId),
        eq(categoryInvitationCodes.categoryId, categoryId),
        eq(categoryInvitationCodes.code, normaliseCode(rawCode)),
        gt(categoryInvitationCodes.expiresAt, now),
        sql`${categoryInvitationCodes.uses} < ${categoryInvitationCodes.maxUses}`,
      ),
    )
    .returning({ id: categoryInvitationCodes.id });
  return used.length === 1;
}

/** How a registration uses its code: redeemInvitationCode; tests put the unprotected version here. */
export type CodeRedeemer = typeof redeemInvitationCode;

export type CodeUses = { id: string; uses: number; maxUses: number; expiresAt: Date };

/** A code's use count as it is now, read without any lock. Only for the negative control below. */
export async function readCodeUses(tx: Db, eventId: string, categoryId: string, code: string): Promise<CodeUses | null> {
  const [row] = await tx
    .select({
      id: categoryInvitationCodes.id,
      uses: categoryInvitationCodes.uses,
      maxUses: categoryInvitationCodes.maxUses,
      expiresAt: categoryInvitationCodes.expiresAt,
    })
    .from(categoryInvitationCodes)
    .where(
      and(
        eq(categoryInvitationCodes.eventId, eventId),
        eq(categoryInvitationCodes.categoryId, categoryId),
        eq(categoryInvitationCodes.code, code),
      ),
    );
  return row ?? null;
}

/**
 * Negative control only (tests/integration/category-races.test.ts): the redemption the conditional
 * UPDATE replaces — read the count, decide, write the count read plus one. Concurrent redemptions all
 * read the same count, all pass, and overwrite each other's write.
 */
export function redeemByReadThenWrite(read: typeof readCodeUses = readCodeUses): CodeRedeemer {
  return async (tx, eventId, categoryId, rawCode, now) => {
    const row = await read(tx, eventId, categoryId, normaliseCode(rawCode));
    if (!row || row.expiresAt <= now || row.uses >= row.maxUses) return false;
    await tx
      .update(categoryInvitationCodes)
      .set({ uses: row.uses + 1 })
      .where(eq(categoryInvitationCodes.id, row.id));
    return true;
  };
}
